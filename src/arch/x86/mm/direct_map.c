#line 287 "chapters/05-paging.nw" /* <arch/x86/mm/direct_map.c> */
/* direct_map.c - page tables that map low memory at PAGE_OFFSET, in 4 KiB pages. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/mm.h>
#include <handoff/string.h>

void build_direct_map(u32 *pgd, u32 *ptes, unsigned long pfns)
{
	unsigned long nr = (pfns + PTRS_PER_PTE - 1) / PTRS_PER_PTE;
	unsigned long first = PAGE_OFFSET >> PGDIR_SHIFT;

	memset(pgd, 0, PAGE_SIZE);
	for (unsigned long t = 0; t < nr; t++)
		pgd[first + t] = (u32)__pa(ptes + t * PTRS_PER_PTE) | PDE_IDENT_ATTR;
	for (unsigned long pfn = 0; pfn < nr * PTRS_PER_PTE; pfn++)
		ptes[pfn] = pfn < pfns ? (u32)(pfn << PAGE_SHIFT) | PTE_IDENT_ATTR : 0;
}
