#line 476 "chapters/05-paging.nw" /* <arch/x86/mm/direct_map_test.c> */
/* direct_map_test.c - the direct map's tables, and the page fault's words. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <handoff/ktest.h>
#include <handoff/mm.h>

static u32 t_pgd[PTRS_PER_PGD] __attribute__((aligned(4096)));
static u32 t_ptes[2 * PTRS_PER_PTE] __attribute__((aligned(4096)));

KTEST(direct_map_tables)
{
	unsigned int first = PAGE_OFFSET >> PGDIR_SHIFT;
	int wrong = 0;

	t_pgd[0] = 0xdead;				/* must be cleared */
	build_direct_map(t_pgd, t_ptes, 1500);		/* two tables, the second partly used */
	KEXPECT_EQ(t, t_pgd[0], 0);
	KEXPECT_EQ(t, t_pgd[first], (u32)__pa(t_ptes) | PDE_IDENT_ATTR);
	KEXPECT_EQ(t, t_pgd[first + 1], (u32)__pa(t_ptes + PTRS_PER_PTE) | PDE_IDENT_ATTR);
	KEXPECT_EQ(t, t_pgd[first + 2], 0);
	for (unsigned int pfn = 0; pfn < 1500; pfn++)
		wrong += t_ptes[pfn] != ((pfn << PAGE_SHIFT) | PTE_IDENT_ATTR);
	KEXPECT_EQ(t, wrong, 0);
	KEXPECT_EQ(t, t_ptes[1500], 0);
	KEXPECT_EQ(t, t_ptes[2 * PTRS_PER_PTE - 1], 0);
	build_direct_map(t_pgd, t_ptes, PTRS_PER_PTE);	/* exactly one table */
	KEXPECT_EQ(t, t_pgd[first + 1], 0);
	KEXPECT_EQ(t, t_ptes[PTRS_PER_PTE - 1], ((PTRS_PER_PTE - 1) << PAGE_SHIFT) | PTE_IDENT_ATTR);
}

#line 513 "chapters/05-paging.nw" /* <arch/x86/mm/direct_map_test.c> */
KTEST(page_fault_words)
{
	char buf[96];

	KEXPECT_STREQ(t, page_fault_reason(0x2, buf, sizeof(buf)),
		      "a write to a page that is not present, in kernel mode");
	KEXPECT_STREQ(t, page_fault_reason(0x5, buf, sizeof(buf)),
		      "a read from a protected page, in user mode");
	KEXPECT_STREQ(t, page_fault_reason(0x19, buf, sizeof(buf)),
		      "an instruction fetch from a protected page, in kernel mode "
		      "(a reserved bit is set in an entry)");
}
