#line 518 "chapters/02-brk.nw"
/* brk_test.c (x86) - the early page tables and the kernel's brk. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/brk.h>
#include <handoff/ktest.h>
#include <handoff/sections.h>

extern char __brk_base[];

KTEST(brk_holds_the_early_page_tables)
{
	const u32 *pgd = (const u32 *)__brk_base;
	unsigned int high = PAGE_OFFSET >> PGDIR_SHIFT;

	KEXPECT_EQ(t, max_pfn_mapped, EARLY_MAP_SIZE >> PAGE_SHIFT);
	for (unsigned int i = 0; i < EARLY_MAP_SIZE >> PGDIR_SHIFT; i++) {
		KEXPECT_TRUE(t, pgd[i] & _PAGE_PRESENT);
		KEXPECT_EQ(t, pgd[i] & ~(_PAGE_ACCESSED | _PAGE_DIRTY),
			   pgd[high + i] & ~(_PAGE_ACCESSED | _PAGE_DIRTY));	/* one table, twice */
		KEXPECT_EQ(t, pgd[i] & ~0xfffu, __pa(__brk_base) + (i + 1) * PAGE_SIZE);
	}
	KEXPECT_EQ(t, pgd[EARLY_MAP_SIZE >> PGDIR_SHIFT], 0);
	KEXPECT_TRUE(t, brk_used(&kernel_brk) >= EARLY_PAGETABLES_SIZE);
}

KTEST(paging_runs_the_kernel_high)
{
	static const u32 probe = 0x600dcafe;
	u32 cr0;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	KEXPECT_TRUE(t, cr0 & X86_CR0_PG);
	KEXPECT_EQ(t, (unsigned long)_text, PAGE_OFFSET + LOAD_PHYSICAL_ADDR);
	KEXPECT_EQ(t, *(const volatile u32 *)(unsigned long)__pa(&probe), probe);	/* identity */
}

KTEST(extend_brk_after_the_seal)
{
	KEXPECT_PANIC(t, extend_brk(16, 16), "extend_brk_after_the_seal() asked for 16 bytes");
	KEXPECT_PANIC(t, extend_brk(16, 16), "after brk was sealed by start_kernel()");
}
