#line 241 "chapters/05-paging.nw" /* <include/handoff/mm.h> */
#ifndef _HANDOFF_MM_H
#define _HANDOFF_MM_H
#include <handoff/pfn.h>

extern unsigned long max_low_pfn;	/* the first page frame past the direct map */

#define ISA_END_ADDRESS		0x100000	/* the first megabyte, always mapped (Linux's name) */

#define pfn_to_virt(pfn)	__va(PFN_PHYS(pfn))
#define virt_to_pfn(v)		((unsigned long)PFN_DOWN(__pa(v)))

/**
 * build_direct_map - fill @pgd (one page) and the @nr page tables at @ptes (contiguous) so that
 * physical [0, @pfns pages) appears at PAGE_OFFSET, in 4 KiB pages; nr = pfns / 1024, rounded up.
 */
void build_direct_map(u32 *pgd, u32 *ptes, unsigned long pfns);

/**
 * init_memory_mapping - map low memory at PAGE_OFFSET with page tables from LMB, switch to
 * them, and free head.S's. Raises max_pfn_mapped and LMB's limit to max_low_pfn.
 */
void init_memory_mapping(void);
#endif
