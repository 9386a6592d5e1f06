#line 724 "chapters/02-brk.nw" /* <arch/x86/kernel/brk_test.c> */
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

	if (!early_pagetables_in_use) {
		ktest_skip(t, "a later stage replaced head.S's page tables");
		return;
	}

	KEXPECT_EQ(t, max_pfn_mapped, EARLY_MAP_SIZE >> PAGE_SHIFT);
	for (unsigned int i = 0; i < EARLY_MAP_SIZE >> PGDIR_SHIFT; i++) {
		KEXPECT_TRUE(t, pgd[i] & _PAGE_PRESENT);
		KEXPECT_EQ(t, pgd[i] & ~(_PAGE_ACCESSED | _PAGE_DIRTY),
			   pgd[high + i] & ~(_PAGE_ACCESSED | _PAGE_DIRTY));	/* one table, twice */
		KEXPECT_EQ(t, pgd[i] & ~0xfffu, __pa(__brk_base) + (i + 1) * PAGE_SIZE);
	}
	for (unsigned int i = EARLY_MAP_SIZE >> PGDIR_SHIFT; i < PTRS_PER_PGD; i++)
		if (i < high || i >= high + (EARLY_MAP_SIZE >> PGDIR_SHIFT))
			KEXPECT_EQ(t, pgd[i], 0);		/* nothing else is mapped */
	KEXPECT_TRUE(t, brk_used(&kernel_brk) >= EARLY_PAGETABLES_SIZE);
}

#line 762 "chapters/02-brk.nw" /* <arch/x86/kernel/brk_test.c> */
KTEST(brk_early_page_tables_map_each_page)
{
	const u32 *pgd = (const u32 *)__brk_base;

	if (!early_pagetables_in_use) {
		ktest_skip(t, "a later stage replaced head.S's page tables");
		return;
	}

	for (unsigned int i = 0; i < EARLY_MAP_SIZE >> PGDIR_SHIFT; i++) {
		const u32 *pte = __va(pgd[i] & ~0xfffu);
		int wrong = 0;

		if (pgd[i] & _PAGE_PSE)
			continue;	/* a large page (exercise 2.3): no table */
		for (unsigned int j = 0; j < PTRS_PER_PTE; j++)
			wrong += (pte[j] & ~(u32)(_PAGE_ACCESSED | _PAGE_DIRTY)) !=
				 (((i * PTRS_PER_PTE + j) << PAGE_SHIFT) | PTE_IDENT_ATTR);
		KEXPECT_EQ(t, wrong, 0);
	}
}

#line 790 "chapters/02-brk.nw" /* <arch/x86/kernel/brk_test.c> */
KTEST(paging_runs_the_kernel_high)
{
	static const u32 probe = 0x600dcafe;
	u32 cr0;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	KEXPECT_TRUE(t, cr0 & X86_CR0_PG);
	KEXPECT_EQ(t, (unsigned long)_text, PAGE_OFFSET + LOAD_PHYSICAL_ADDR);
	if (early_pagetables_in_use)			/* the identity map, while it lasts */
		KEXPECT_EQ(t, *(const volatile u32 *)(unsigned long)__pa(&probe), probe);
}

KTEST(extend_brk_after_the_seal)
{
	KEXPECT_PANIC(t, extend_brk(16, 16), "extend_brk: extend_brk_after_the_seal() called after "
		      "brk handed memory to the early reservations in start_kernel()");
	KEXPECT_TRUE(t, is_retired(&kernel_brk.life));
}
