#line 218 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
#ifndef _HANDOFF_MMZONE_H
#define _HANDOFF_MMZONE_H
#include <handoff/mm_types.h>

#define MAX_ORDER		11		/* orders 0..10: blocks of 4 KiB to 4 MiB */
#define MAX_ORDER_NR_PAGES	(1ul << (MAX_ORDER - 1))
#define MAX_DMA_PFN		((16ul << 20) >> PAGE_SHIFT)
#define LOWMEM_RESERVE_RATIO	256		/* Linux's sysctl_lowmem_reserve_ratio for DMA */

enum zone_type { ZONE_DMA, ZONE_NORMAL, MAX_NR_ZONES };

struct free_area {
	struct list_head free_list;	/* the first pages of the free blocks of this order */
	unsigned long nr_free;		/* how many blocks: not pages */
};

struct zone {
	const char *name;
	unsigned long lowmem_reserve[MAX_NR_ZONES];	/* [z]: free pages a request for zone z
							   that falls back here must leave */
	unsigned long zone_start_pfn;	/* page frames [zone_start_pfn, + spanned_pages) */
	unsigned long spanned_pages;
	unsigned long present_pages;	/* of those, the ones that are memory */
	unsigned long free_pages;	/* the pages of all the free blocks */
	struct free_area free_area[MAX_ORDER];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct page *node_mem_map;	/* the struct page of node_start_pfn, and on */
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
	int node_id;			/* the node it is: 0 until chapter 10 */
} pg_data_t;

#line 258 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
#ifdef CONFIG_NUMA
#line 3062 "chapters/10-nodes.nw" /* <mmzone.h: with CONFIG_NUMA, one pg_data_t per node (chapter 10)> */
#include <handoff/numa.h>

extern pg_data_t *node_data[MAX_NUMNODES];	/* NULL: a node with no memory in low memory */
#define NODE_DATA(nid)		(node_data[nid])

/**
 * pfn_to_nid - the node of page frame @pfn: the node table's; for a frame of no block (a hole),
 * the first node whose span holds it; 0 with no NUMA information; NUMA_NO_NODE otherwise.
 */
int pfn_to_nid(unsigned long pfn);

/**
 * page_to_nid - the node whose mem_map holds @page. A pointer into no node's map gives 0, so
 * that node 0's checks refuse it by name (buddy_free: "not a struct page of the buddy's").
 */
int page_to_nid(const struct page *page);

/** pfn_valid - does page frame @pfn have a struct page in its node's mem_map? */
bool pfn_valid(unsigned long pfn);

/*
 * The processor that runs the kernel is the boot processor; this kernel reads no processor
 * affinity, and takes it to be on node 0 (with fake_numa=1:0-512M that node has no memory, and
 * every allocation falls back).
 */
#define numa_node_id()		0
#define for_each_online_node(nid) \
	for ((nid) = 0; (nid) < MAX_NUMNODES; (nid)++) if (!NODE_DATA(nid)) ; else
#line 260 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
#else
extern pg_data_t contig_page_data;
#define MAX_NUMNODES			1
#define NODE_DATA(nid)			(&contig_page_data)
#define pfn_to_nid(pfn)			0
#define page_to_nid(page)		((void)(page), 0)
#define numa_node_id()			0
#define for_each_online_node(nid)	for ((nid) = 0; (nid) < MAX_NUMNODES; (nid)++)
#define pfn_valid(pfn)			node_has_pfn(&contig_page_data, (pfn))
#endif

#line 286 "chapters/07-buddy.nw" /* <mmzone.h: pages and page frames> */
static inline struct page *node_pfn_to_page(const pg_data_t *pgdat, unsigned long pfn)
{
	return pgdat->node_mem_map + (pfn - pgdat->node_start_pfn);
}

static inline unsigned long node_page_to_pfn(const pg_data_t *pgdat, const struct page *page)
{
	return pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map);
}

static inline bool node_has_pfn(const pg_data_t *pgdat, unsigned long pfn)
{
	return pfn >= pgdat->node_start_pfn &&
	       pfn - pgdat->node_start_pfn < pgdat->node_spanned_pages;
}

static inline struct zone *page_zone_of(pg_data_t *pgdat, const struct page *page)
{
	return &pgdat->node_zones[page_zonenum(page)];
}

#define page_pgdat(page)	NODE_DATA(page_to_nid(page))
#define pfn_to_page(pfn)	node_pfn_to_page(NODE_DATA(pfn_to_nid(pfn)), (pfn))
#define page_to_pfn(page)	node_page_to_pfn(page_pgdat(page), (page))
#define page_address(page)	__va(PFN_PHYS(page_to_pfn(page)))
#define virt_to_page(addr)	pfn_to_page(virt_to_pfn(addr))
#line 272 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
#endif
