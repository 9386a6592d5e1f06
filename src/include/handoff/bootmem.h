#line 63 "chapters/06-bootmem.nw" /* <include/handoff/bootmem.h> */
#ifndef _HANDOFF_BOOTMEM_H
#define _HANDOFF_BOOTMEM_H
#include <handoff/handoff.h>
#include <handoff/types.h>

#define SMP_CACHE_BYTES		64		/* a cache line: alloc_bootmem's alignment */
#define MAX_DMA_ADDRESS		(16ul << 20)	/* ISA DMA reaches below 16 MiB */
#define BOOTMEM_DEFAULT		0
#define BOOTMEM_EXCLUSIVE	1		/* reserve_bootmem: fail if any page is taken */

typedef struct bootmem_data {
	unsigned long node_min_pfn;	/* the first page frame the bitmap covers */
	unsigned long node_low_pfn;	/* the first one past it */
	u8 *node_bootmem_map;		/* one bit per page; set: reserved */
	phys_addr_t last_end_off;	/* offset from node_min_pfn's page where the last
					   allocation ended: the next may share its page */
	unsigned long hint_idx;		/* where the next search starts */
	struct retirement life;		/* retired at the handoff to the buddy (chapter 7) */
} bootmem_data_t;

extern bootmem_data_t bootmem_node_data[1];
#define bootmem			(bootmem_node_data[0])

#line 102 "chapters/06-bootmem.nw" /* <bootmem.h: the core, on any bootmem_data> */
/** bootmem_bootmap_bytes - the size of a bitmap for @pages pages: one bit each, rounded up. */
unsigned long bootmem_bootmap_bytes(unsigned long pages);

/** init_bootmem_core - @b covers [@min_pfn, @max_pfn) with the bitmap @map; all reserved. */
void init_bootmem_core(bootmem_data_t *b, u8 *map, unsigned long min_pfn,
		       unsigned long max_pfn);

/**
 * free_bootmem_core - mark the whole pages inside [@addr, @addr + @size) free. Panics, naming
 * @caller and the page, if one of them is free already.
 */
void free_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, const char *caller);

/**
 * reserve_bootmem_core - mark every page that [@addr, @addr + @size) touches reserved. With
 * BOOTMEM_EXCLUSIVE it changes nothing and returns -1 if one of them is reserved already.
 */
int reserve_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, int flags,
			 const char *caller);

/**
 * alloc_bootmem_core - @size zeroed bytes aligned to @align (a power of two) below @limit (0: no
 * limit): first fit from the hint if it lies past @goal, then from @goal; NULL when nothing fits.
 */
void *alloc_bootmem_core(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			 phys_addr_t limit, const char *caller);

/** bootmem_page_reserved - is page frame @pfn (inside @b's range) reserved in @b? */
bool bootmem_page_reserved(const bootmem_data_t *b, unsigned long pfn);

/** bootmem_count - @b's free and reserved pages, counted in its bitmap. */
void bootmem_count(const bootmem_data_t *b, unsigned long *free, unsigned long *reserved);
#line 141 "chapters/06-bootmem.nw" /* <bootmem.h: Linux's interface, on the kernel's> */
/**
 * bootmem_alloc_nopanic - alloc_bootmem_core, and if nothing fits at or above @goal, once more
 * from the bottom, as Linux 2.6.34's ___alloc_bootmem_nopanic does. NULL when nothing fits at all.
 */
void *bootmem_alloc_nopanic(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			    phys_addr_t limit, const char *caller);

/**
 * init_bootmem - the kernel's bootmem covers page frames [0, @max_pfn), with its bitmap in the
 * page frames from @start_pfn on; every page starts reserved. Returns the bitmap's size in bytes.
 */
unsigned long init_bootmem(unsigned long start_pfn, unsigned long max_pfn);

void *bootmem_alloc_or_panic(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			     phys_addr_t limit, const char *caller);

#define free_bootmem(addr, size)	free_bootmem_core(&bootmem, (addr), (size), __func__)
#define reserve_bootmem(addr, size, flags) \
	reserve_bootmem_core(&bootmem, (addr), (size), (flags), __func__)
#define __alloc_bootmem(size, align, goal) \
	bootmem_alloc_or_panic(&bootmem, (size), (align), (goal), 0, __func__)
#define __alloc_bootmem_nopanic(size, align, goal) \
	bootmem_alloc_nopanic(&bootmem, (size), (align), (goal), 0, __func__)
#define alloc_bootmem(size)		__alloc_bootmem((size), SMP_CACHE_BYTES, MAX_DMA_ADDRESS)
#define alloc_bootmem_pages(size)	__alloc_bootmem((size), PAGE_SIZE, MAX_DMA_ADDRESS)
#define alloc_bootmem_low(size) \
	bootmem_alloc_or_panic(&bootmem, (size), SMP_CACHE_BYTES, 0, MAX_DMA_ADDRESS, __func__)
#line 88 "chapters/06-bootmem.nw" /* <include/handoff/bootmem.h> */
#endif
