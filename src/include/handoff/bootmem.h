#line 66 "chapters/06-bootmem.nw" /* <include/handoff/bootmem.h> */
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
	struct bootmem_data *next;	/* the next on its bootmem's list */
} bootmem_data_t;

#line 104 "chapters/06-bootmem.nw" /* <bootmem.h: a bootmem, its bitmaps and its life> */
struct bootmem {
	bootmem_data_t *bdata_list;	/* its bitmaps, sorted by node_min_pfn; NULL: none */
	bootmem_data_t *(*owner)(const struct bootmem *bm, unsigned long pfn);
					/* the bitmap that has pfn's bit, or NULL; NULL: the
					   first on the list whose range holds pfn (Linux's) */
	struct retirement life;		/* retired at the handoff to the buddy (chapter 7) */
};

#define for_each_bdata(bm, b)	for ((b) = (bm)->bdata_list; (b); (b) = (b)->next)

extern struct bootmem bootmem;			/* the kernel's */
extern bootmem_data_t bootmem_node_data[1];	/* its one bitmap, until chapter 10 */
#line 129 "chapters/06-bootmem.nw" /* <bootmem.h: the core, on any bootmem_data> */
/** bootmem_bootmap_bytes - the size of a bitmap for @pages pages: one bit each, rounded up. */
unsigned long bootmem_bootmap_bytes(unsigned long pages);

/** init_bootmem_core - @b covers [@min_pfn, @max_pfn) with the bitmap @map; all reserved. */
void init_bootmem_core(bootmem_data_t *b, u8 *map, unsigned long min_pfn,
		       unsigned long max_pfn);

/** link_bootmem - put @b on @bm's list of bitmaps, in the order of their first page frames. */
void link_bootmem(struct bootmem *bm, bootmem_data_t *b);

/**
 * free_bootmem_core - mark the whole pages inside [@addr, @addr + @size) free in @b. Panics,
 * naming @caller and the page, if one of them is free already or outside @b.
 */
void free_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, const char *caller);

/**
 * reserve_bootmem_core - mark every page that [@addr, @addr + @size) touches reserved in @b.
 * With BOOTMEM_EXCLUSIVE it changes nothing and returns -1 if one of them is reserved already.
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
#line 174 "chapters/06-bootmem.nw" /* <bootmem.h: the walk over a bootmem's bitmaps> */
/** bootmem_owner - the bitmap of @bm that has page frame @pfn's bit, or NULL (@bm->owner's rule). */
bootmem_data_t *bootmem_owner(const struct bootmem *bm, unsigned long pfn);

/** bootmem_span - the page frames @bm's bitmaps cover between them: [*@min_pfn, *@low_pfn). */
void bootmem_span(const struct bootmem *bm, unsigned long *min_pfn, unsigned long *low_pfn);

/**
 * __free_bootmem - mark the whole pages inside [@addr, @addr + @size) free, each in its bitmap.
 * Panics, naming @caller, on a page free already and on a page that no bitmap of @bm has.
 */
void __free_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, const char *caller);

/**
 * __reserve_bootmem - mark every page that [@addr, @addr + @size) touches reserved, each in its
 * bitmap; with BOOTMEM_EXCLUSIVE nothing changes, and -1 is returned, if one was reserved.
 */
int __reserve_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, int flags,
		      const char *caller);

/**
 * ___alloc_bootmem_nopanic - alloc_bootmem_core on @bm's bitmaps in order, skipping those that
 * end at or below @goal and stopping at the first that starts at or above @limit; if nothing fits,
 * the same once more without the goal, as Linux 2.6.34's does. NULL when nothing fits at all.
 */
void *___alloc_bootmem_nopanic(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
			       phys_addr_t limit, const char *caller);

/** ___alloc_bootmem - ___alloc_bootmem_nopanic, and a panic naming @caller if nothing fits. */
void *___alloc_bootmem(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
		       phys_addr_t limit, const char *caller);

/** __bootmem_pfn_reserved - page frame @pfn's state in the bitmap that has it; no bitmap: true. */
bool __bootmem_pfn_reserved(const struct bootmem *bm, unsigned long pfn);

/** bootmem_free_pages - the free pages of @bm: the clear bits of all its bitmaps. */
unsigned long bootmem_free_pages(const struct bootmem *bm);

/** bootmem_bitmaps_bytes - the bytes of all @bm's bitmaps together (each rounded to bytes). */
unsigned long bootmem_bitmaps_bytes(const struct bootmem *bm);
#line 220 "chapters/06-bootmem.nw" /* <bootmem.h: Linux's interface, on the kernel's> */
/**
 * init_bootmem - the kernel's bootmem covers page frames [0, @max_pfn) with one bitmap, in the
 * page frames from @start_pfn on; every page starts reserved. Returns the bitmap's size in bytes.
 */
unsigned long init_bootmem(unsigned long start_pfn, unsigned long max_pfn);

#define free_bootmem(addr, size)	__free_bootmem(&bootmem, (addr), (size), __func__)
#define reserve_bootmem(addr, size, flags) \
	__reserve_bootmem(&bootmem, (addr), (size), (flags), __func__)
#define __alloc_bootmem(size, align, goal) \
	___alloc_bootmem(&bootmem, (size), (align), (goal), 0, __func__)
#define __alloc_bootmem_nopanic(size, align, goal) \
	___alloc_bootmem_nopanic(&bootmem, (size), (align), (goal), 0, __func__)
#define alloc_bootmem(size)		__alloc_bootmem((size), SMP_CACHE_BYTES, MAX_DMA_ADDRESS)
#define alloc_bootmem_pages(size)	__alloc_bootmem((size), PAGE_SIZE, MAX_DMA_ADDRESS)
#define alloc_bootmem_low(size) \
	___alloc_bootmem(&bootmem, (size), SMP_CACHE_BYTES, 0, MAX_DMA_ADDRESS, __func__)
#define bootmem_pfn_reserved(pfn)	__bootmem_pfn_reserved(&bootmem, (pfn))
#line 90 "chapters/06-bootmem.nw" /* <include/handoff/bootmem.h> */
#endif
