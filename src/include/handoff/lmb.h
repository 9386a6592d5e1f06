#line 43 "chapters/04-lmb.nw" /* <include/handoff/lmb.h> */
#ifndef _HANDOFF_LMB_H
#define _HANDOFF_LMB_H
#include <handoff/handoff.h>
#include <handoff/pfn.h>
#include <handoff/range.h>
#include <handoff/types.h>

#define INIT_LMB_REGIONS	8	/* small, so that the arrays must grow, and the tests see it */
#define LMB_ERROR		(~(phys_addr_t)0)
#define LMB_ALLOC_ANYWHERE	(~(phys_addr_t)0)
#define LMB_ALLOC_ACCESSIBLE	0	/* below lmb.current_limit */
#define PHYS_ADDR_MAX		(~(phys_addr_t)0)

struct lmb_region {
	phys_addr_t base;
	phys_addr_t size;
	u32 flags;
	int nid;		/* the NUMA node; 0: this kernel has one node */
};

struct lmb_type {
	unsigned long cnt;		/* regions in use */
	unsigned long max;		/* regions the array holds */
	phys_addr_t total_size;		/* the sum of their sizes */
	struct lmb_region *regions;	/* sorted by base, disjoint, no two mergeable */
	const char *name;
};

struct lmb {
	phys_addr_t current_limit;	/* allocations stay below: what the kernel can reach */
	struct lmb_type memory;
	struct lmb_type reserved;
	struct retirement life;		/* retired at the handoff to bootmem (chapter 6) */
};

extern struct lmb lmb;
#define for_each_lmb(type, r) \
	for ((r) = lmb.type.regions; (r) < lmb.type.regions + lmb.type.cnt; (r)++)
#line 123 "chapters/04-lmb.nw" /* <lmb.h: memory and reservations> */
/**
 * lmb_add - @size bytes of physical memory at @base exist. A range that would run past the top
 * of the 64-bit space is capped. Overlapping and adjacent regions coalesce.
 */
#define lmb_add(base, size)		__lmb_add((base), (size), __func__)

/** lmb_remove - the memory at @base no longer exists (whatever part of it was there). */
#define lmb_remove(base, size)		__lmb_remove((base), (size), __func__)

/** lmb_reserve - @size bytes at @base are taken. */
#define lmb_reserve(base, size)		__lmb_reserve((base), (size), __func__)

/**
 * lmb_free - give back @size bytes at @base, all of which must be reserved: a free of memory
 * that was not reserved panics, naming the caller and the part that was not.
 */
#define lmb_free(base, size)		__lmb_free((base), (size), __func__)

void __lmb_add(phys_addr_t base, phys_addr_t size, const char *caller);
void __lmb_remove(phys_addr_t base, phys_addr_t size, const char *caller);
void __lmb_reserve(phys_addr_t base, phys_addr_t size, const char *caller);
void __lmb_free(phys_addr_t base, phys_addr_t size, const char *caller);
#line 148 "chapters/04-lmb.nw" /* <lmb.h: allocation> */
/**
 * lmb_alloc_base - reserve and return the highest @size bytes aligned to @align (a power of
 * two) that are free and end at or below @max_addr (LMB_ALLOC_ACCESSIBLE: the current limit).
 * Panics, saying what was asked, when nothing fits. lmb_alloc is the same below the limit.
 */
#define lmb_alloc_base(size, align, max)	__lmb_alloc((size), (align), (max), false, __func__)
#define lmb_alloc(size, align)	__lmb_alloc((size), (align), LMB_ALLOC_ACCESSIBLE, false, __func__)

/** lmb_alloc_nopanic - lmb_alloc_base that returns LMB_ERROR when nothing fits. */
#define lmb_alloc_nopanic(size, align, max)	__lmb_alloc((size), (align), (max), true, __func__)

/**
 * lmb_find_area - the highest free @size bytes aligned to @align inside [@start, @end), or
 * LMB_ERROR. Finds, does not reserve: x86's two-step "find, then reserve".
 */
#define lmb_find_area(start, end, size, align) \
	__lmb_find_area((start), (end), (size), (align), __func__)

phys_addr_t __lmb_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr,
			bool may_fail, const char *caller);
phys_addr_t __lmb_find_area(phys_addr_t start, phys_addr_t end, phys_addr_t size,
			    phys_addr_t align, const char *caller);
#line 209 "chapters/04-lmb.nw" /* <lmb.h: walking the free memory> */
/** lmb_walk_next - the walk's next free range, [*@start, *@end); false when there is none. */
bool lmb_walk_next(struct range_walk *w, phys_addr_t *start, phys_addr_t *end);

/* All of LMB's free memory, in address order, as one walk. */
#define lmb_for_each_free_range(w, start, end) \
	for ((w) = (struct range_walk){ 0, 0, 0 }; lmb_walk_next(&(w), (start), (end)); )

#line 175 "chapters/04-lmb.nw" /* <lmb.h: for the handoffs, the ledger and the tests> */
/** lmb_page_counts - whole pages of memory, of them free and reserved (see the ledger). */
void lmb_page_counts(unsigned long *total, unsigned long *free, unsigned long *reserved);

/** lmb_dump - both types, region by region. */
void lmb_dump(void);

/** lmb_memdump - "memmap: lmb.memory ..." and "memmap: lmb.reserved ..." lines. */
void lmb_memdump(void);

/**
 * lmb_use_array - move @type's regions into @regions, which holds @max of them, and keep
 * the old array (it is static, or its owner frees it). For the handoff, below.
 */
void lmb_use_array(struct lmb_type *type, struct lmb_region *regions, unsigned long max);

/** lmb_reset - both types empty, in their static arrays, no limit, not retired (for tests). */
void lmb_reset(void);
#line 224 "chapters/04-lmb.nw" /* <lmb.h: the size of an array, and the search's steps> */
static inline phys_addr_t lmb_array_bytes(unsigned long max)
{
	return PFN_PHYS(PFN_UP((phys_addr_t)max * sizeof(struct lmb_region)));
}

/** lmb_type_bytes - what @type's array takes: whole pages, unless it is the static one. */
phys_addr_t lmb_type_bytes(const struct lmb_type *type);

extern unsigned long lmb_search_steps;	/* regions the searches and walks have looked at */
#line 1005 "chapters/10-nodes.nw" /* <lmb.h: what later chapters add> */
#include <handoff/numa.h>

#line 1013 "chapters/10-nodes.nw" /* <lmb.h: the nodes of the memory regions> */
/**
 * lmb_set_node - the memory inside [@base, @base + @size) is on node @nid (0 to
 * MAX_NUMNODES - 1): regions are cut at the ends of the range and merged after, as
 * memblock_set_node does. Memory outside the range, and the reservations, are untouched.
 */
#define lmb_set_node(base, size, nid)	__lmb_set_node((base), (size), (nid), __func__)

/**
 * lmb_add_node - lmb_add on node @nid: the parts of the range that are not memory yet become
 * memory on @nid; memory already there keeps its node (memblock_add_node).
 */
#define lmb_add_node(base, size, nid)	__lmb_add_node((base), (size), (nid), __func__)

/**
 * lmb_learn_nodes - every block of @mi is lmb_set_node'd; without NUMA information (no source)
 * nothing changes, and all of memory stays on node 0. With it, says on how many nodes and in
 * how many regions LMB's memory is.
 */
void lmb_learn_nodes(const struct numa_meminfo *mi);

void __lmb_set_node(phys_addr_t base, phys_addr_t size, int nid, const char *caller);
void __lmb_add_node(phys_addr_t base, phys_addr_t size, int nid, const char *caller);
#line 1038 "chapters/10-nodes.nw" /* <lmb.h: allocation on a node> */
/**
 * lmb_alloc_try_nid - reserve and return the highest free @size bytes aligned to @align (a power
 * of two), on node @nid inside [@min_addr, @max_addr) if they can be had, else in memblock's
 * order: any node inside the range, then @nid below @max_addr, then any node below it. A
 * @max_addr above the limit, or LMB_ALLOC_ACCESSIBLE, is the limit; @nid NUMA_NO_NODE is any
 * node. Not zeroed. Panics, saying what was asked, when nothing fits.
 */
#define lmb_alloc_try_nid(size, align, min_addr, max_addr, nid) \
	__lmb_alloc_try_nid((size), (align), (min_addr), (max_addr), (nid), false, __func__)

/** lmb_alloc_try_nid_nopanic - lmb_alloc_try_nid that returns LMB_ERROR when nothing fits. */
#define lmb_alloc_try_nid_nopanic(size, align, min_addr, max_addr, nid) \
	__lmb_alloc_try_nid((size), (align), (min_addr), (max_addr), (nid), true, __func__)

phys_addr_t __lmb_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				phys_addr_t max_addr, int nid, bool may_fail, const char *caller);
#line 1057 "chapters/10-nodes.nw" /* <lmb.h: a node's memory, for the handoffs and the ledger> */
/**
 * lmb_pfn_nid - the node of the memory region that holds all of page frame @pfn, or
 * NUMA_NO_NODE when none does (the page is not memory, or only part of it is).
 */
int lmb_pfn_nid(unsigned long pfn);

/**
 * lmb_pfn_reserved - does a reservation touch page frame @pfn? With lmb_pfn_nid, the ledger's
 * three states of a page: not memory, reserved (memory a reservation touches), or free.
 */
bool lmb_pfn_reserved(unsigned long pfn);

/** lmb_for_each_free_range_nid - node @nid's free memory in address order (NUMA_NO_NODE: all). */
#define lmb_for_each_free_range_nid(w, nid, start, end)					\
	for ((w) = (struct range_walk){ 0, 0, 0 };					\
	     __lmb_walk_next_nid(&(w), (nid), (start), (end), __func__); )

/** lmb_page_counts_nid - lmb_page_counts over node @nid's memory only (NUMA_NO_NODE: all). */
#define lmb_page_counts_nid(nid, total, free, reserved) \
	__lmb_page_counts_nid((nid), (total), (free), (reserved), __func__)

bool __lmb_walk_next_nid(struct range_walk *w, int nid, phys_addr_t *start, phys_addr_t *end,
			 const char *caller);
void __lmb_page_counts_nid(int nid, unsigned long *total, unsigned long *free,
			   unsigned long *reserved, const char *caller);
#line 82 "chapters/04-lmb.nw" /* <include/handoff/lmb.h> */
#endif
