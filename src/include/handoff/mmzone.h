#line 213 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
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
} pg_data_t;

extern pg_data_t contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

#line 261 "chapters/07-buddy.nw" /* <mmzone.h: pages and page frames> */
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

#define pfn_to_page(pfn)	node_pfn_to_page(&contig_page_data, (pfn))
#define page_to_pfn(page)	node_page_to_pfn(&contig_page_data, (page))
#define page_address(page)	__va(PFN_PHYS(page_to_pfn(page)))
#define virt_to_page(addr)	pfn_to_page(virt_to_pfn(addr))
#line 251 "chapters/07-buddy.nw" /* <include/handoff/mmzone.h> */
#endif
