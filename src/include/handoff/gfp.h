#line 327 "chapters/07-buddy.nw" /* <include/handoff/gfp.h> */
#ifndef _HANDOFF_GFP_H
#define _HANDOFF_GFP_H
#include <handoff/mm.h>
#include <handoff/mmzone.h>

typedef unsigned int gfp_t;

#define __GFP_DMA	0x01u		/* from ZONE_DMA only */
#define __GFP_HIGH	0x20u		/* Linux: may use the emergency reserves */
#define __GFP_WAIT	0x10u		/* Linux: may sleep */
#define __GFP_IO	0x40u
#define __GFP_FS	0x80u
#define __GFP_ZERO	0x8000u		/* zero the pages */

#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_KERNEL	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_DMA		(__GFP_DMA)

#line 352 "chapters/07-buddy.nw" /* <gfp.h: the core, on any node> */
/**
 * free_area_init_node - @pgdat covers page frames [@start_pfn, @zone_end[MAX_NR_ZONES - 1]),
 * with one struct page each at @map; zone z ends at @zone_end[z] (empty zones end where the one
 * before them does). Every page starts reserved, every free list empty.
 */
void free_area_init_node(pg_data_t *pgdat, struct page *map, unsigned long start_pfn,
			 const unsigned long zone_end[MAX_NR_ZONES]);

/** memory_present - page frames [@start, @end) are memory: count them in their zones. */
void memory_present(pg_data_t *pgdat, unsigned long start, unsigned long end);

/**
 * buddy_alloc - a block of 2^@order pages from the zones @gfp allows, its first page returned;
 * NULL if none is free. The block is split from the smallest free block that is big enough.
 */
struct page *buddy_alloc(pg_data_t *pgdat, gfp_t gfp, unsigned int order);

/**
 * buddy_free - give back the block of 2^@order pages that @page heads, merging it with its free
 * buddies. Panics, naming @caller, if @page is not the first page of a block given out with
 * exactly that order.
 */
void buddy_free(pg_data_t *pgdat, struct page *page, unsigned int order, const char *caller);

/**
 * buddy_free_reserved - the reserved page frames [@start, @end) join the buddy's free memory,
 * in the largest naturally aligned blocks that fit. Panics, naming @caller, on a page that is
 * not reserved. Returns the number of pages.
 */
unsigned long buddy_free_reserved(pg_data_t *pgdat, unsigned long start, unsigned long end,
				  const char *caller);

/** buddy_page_is_free - is page frame @pfn inside a free block of @pgdat? */
bool buddy_page_is_free(const pg_data_t *pgdat, unsigned long pfn);

/** buddy_free_pages - the free pages of @zone, counted block by block on its free lists. */
unsigned long buddy_free_pages(const struct zone *zone);

/** buddyinfo - one line per zone: the number of free blocks of each order. */
void buddyinfo(const pg_data_t *pgdat);
#line 403 "chapters/07-buddy.nw" /* <gfp.h: Linux's interface, on the kernel's node> */
#ifdef CONFIG_NUMA
#line 3104 "chapters/10-nodes.nw" /* <gfp.h: with CONFIG_NUMA, allocation on a node and then on the others (chapter 10)> */
#define __GFP_THISNODE	0x40000u	/* that node or nothing */

/**
 * alloc_pages_node - a block of 2^@order pages from node @nid (NUMA_NO_NODE: this processor's),
 * or, unless @gfp has __GFP_THISNODE, from the nodes after it in number order; NULL if none has
 * one. Panics on a node number that is not a node of this kernel.
 */
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order);
#line 405 "chapters/07-buddy.nw" /* <gfp.h: Linux's interface, on the kernel's node> */
#else
#define alloc_pages_node(nid, gfp, order)	buddy_alloc(NODE_DATA(nid), (gfp), (order))
#endif
#define alloc_pages(gfp, order)		alloc_pages_node(numa_node_id(), (gfp), (order))
#define alloc_page(gfp)			alloc_pages((gfp), 0)
#define __free_pages(page, order)	buddy_free(page_pgdat(page), (page), (order), __func__)
#define __free_page(page)		__free_pages((page), 0)

/** __get_free_pages - alloc_pages, as the block's virtual address; 0 if none is free. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp)		__get_free_pages((gfp), 0)

/** pages_free_caller - free_pages(@addr, @order) on behalf of @caller. */
void pages_free_caller(unsigned long addr, unsigned int order, const char *caller);
#define free_pages(addr, order)		pages_free_caller((addr), (order), __func__)
#define free_page(addr)			free_pages((addr), 0)

/** nr_free_pages - the free pages of every zone of every node. */
unsigned long nr_free_pages(void);

/** mem_map_bytes - the struct pages of every node, over its span: the buddy's metadata. */
unsigned long mem_map_bytes(void);
extern unsigned long totalram_pages;	/* the pages the buddy was given */
#line 347 "chapters/07-buddy.nw" /* <include/handoff/gfp.h> */
#endif
