#line 442 "chapters/07-buddy.nw" /* <mm/page_alloc.c> */
/* page_alloc.c - the buddy allocator: free blocks of 2^order pages, split and merged. */
#include <asm/page.h>
#include <handoff/compiler.h>
#include <handoff/gfp.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#ifndef CONFIG_NUMA
pg_data_t contig_page_data;
#endif
unsigned long totalram_pages;

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal" };

#line 465 "chapters/07-buddy.nw" /* <buddy: set up a node> */
void free_area_init_node(pg_data_t *pgdat, struct page *map, unsigned long start_pfn,
			 const unsigned long zone_end[MAX_NR_ZONES])
{
	unsigned long pfn = start_pfn;

	for (unsigned int z = 0; z < MAX_NR_ZONES; z++)
		if (zone_end[z] < (z ? zone_end[z - 1] : start_pfn))
			panic("buddy: zone %s ends at page frame 0x%lx, before the zone or node "
			      "before it", zone_names[z], zone_end[z]);
	memset(pgdat, 0, sizeof(*pgdat));
	pgdat->node_mem_map = map;
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = zone_end[MAX_NR_ZONES - 1] - start_pfn;
	for (unsigned int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		zone->name = zone_names[z];
		zone->zone_start_pfn = pfn;
		zone->spanned_pages = zone_end[z] > pfn ? zone_end[z] - pfn : 0;
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list);
		for (; pfn < zone->zone_start_pfn + zone->spanned_pages; pfn++) {
			struct page *page = node_pfn_to_page(pgdat, pfn);

			memset(page, 0, sizeof(*page));
			page->flags = (unsigned long)z << ZONES_PGSHIFT;
			SetPageReserved(page);
		}
	}
}

#line 506 "chapters/07-buddy.nw" /* <buddy: set up a node> */
static void setup_lowmem_reserve(pg_data_t *pgdat)
{
	for (unsigned int j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long above = pgdat->node_zones[j].present_pages;

		pgdat->node_zones[j].lowmem_reserve[j] = 0;
		for (unsigned int z = j; z-- > 0; ) {
			pgdat->node_zones[z].lowmem_reserve[j] = above / LOWMEM_RESERVE_RATIO;
			above += pgdat->node_zones[z].present_pages;
		}
	}
}

#line 525 "chapters/07-buddy.nw" /* <buddy: set up a node> */
void memory_present(pg_data_t *pgdat, unsigned long start, unsigned long end)
{
	for (unsigned int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		unsigned long lo = MAX(start, zone->zone_start_pfn);
		unsigned long hi = MIN(end, zone->zone_start_pfn + zone->spanned_pages);

		if (lo < hi)
			zone->present_pages += hi - lo;
	}
	setup_lowmem_reserve(pgdat);
}
#line 546 "chapters/07-buddy.nw" /* <buddy: free lists> */
static void add_to_free_area(struct zone *zone, struct page *page, unsigned int order)
{
	SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	zone->free_pages += 1ul << order;
}

static void del_from_free_area(struct zone *zone, struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1ul << order;
}
#line 573 "chapters/07-buddy.nw" /* <buddy: allocate> */
static void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_area(zone, page + (1ul << high), high);
	}
}

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_area(zone, page, o);
		expand(zone, page, order, o);
		return page;
	}
	return NULL;
}
#line 607 "chapters/07-buddy.nw" /* <buddy: allocate> */
static void prep_new_block(pg_data_t *pgdat, struct page *page, unsigned int order, gfp_t gfp)
{
	for (unsigned long i = 1; i < 1ul << order; i++)
		if (page_state_flags(page + i))
			panic("buddy: page 0x%lx, inside a free block of order %u, has flags 0x%lx: "
			      "its struct page was written while it was free",
			      node_page_to_pfn(pgdat, page + i), order, page[i].flags);
	SetPageHead(page);
	page->private = order;
	if (gfp & __GFP_ZERO)
		memset(__va(PFN_PHYS(node_page_to_pfn(pgdat, page))), 0, PAGE_SIZE << order);
}
#line 637 "chapters/07-buddy.nw" /* <buddy: allocate> */
struct page *buddy_alloc(pg_data_t *pgdat, gfp_t gfp, unsigned int order)
{
	int high = (gfp & __GFP_DMA) ? ZONE_DMA : ZONE_NORMAL;

	if (order >= MAX_ORDER)
		return NULL;
	for (int z = high; z >= 0; z--) {	/* the zonelist: Normal, then DMA */
		struct zone *zone = &pgdat->node_zones[z];
		struct page *page;

		if (zone->free_pages < (1ul << order) + zone->lowmem_reserve[high])
			continue;		/* it would take the zone's reserve */
		page = rmqueue(zone, order);
		if (page) {
			prep_new_block(pgdat, page, order, gfp);
			return page;
		}
	}
	return NULL;
}
#line 669 "chapters/07-buddy.nw" /* <buddy: free> */
static bool page_is_buddy(pg_data_t *pgdat, const struct zone *zone, unsigned long pfn,
			  unsigned int order)
{
	const struct page *page;

	if (pfn < zone->zone_start_pfn || pfn - zone->zone_start_pfn >= zone->spanned_pages)
		return false;
	page = node_pfn_to_page(pgdat, pfn);
	return PageBuddy(page) && page->private == order;
}

static void free_one_block(pg_data_t *pgdat, struct zone *zone, unsigned long pfn,
			   unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy = pfn ^ (1ul << order);

		if (!page_is_buddy(pgdat, zone, buddy, order))
			break;
		del_from_free_area(zone, node_pfn_to_page(pgdat, buddy), order);
		pfn &= buddy;
		order++;
	}
	add_to_free_area(zone, node_pfn_to_page(pgdat, pfn), order);
}
#line 723 "chapters/07-buddy.nw" /* <buddy: free> */
static struct page *free_block_around(const pg_data_t *pgdat, unsigned long pfn)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1ul << o) - 1);
		struct page *page;

		if (!node_has_pfn(pgdat, head))
			break;
		page = node_pfn_to_page(pgdat, head);
		if (PageBuddy(page) && page->private >= o)
			return page;
	}
	return NULL;
}

#line 751 "chapters/07-buddy.nw" /* <buddy free: check the block> */
static unsigned long check_free(pg_data_t *pgdat, struct page *page, unsigned int order,
				const char *caller)
{
	const struct page *map = pgdat->node_mem_map, *around;
	unsigned long pfn;

	if (!page || page < map || page >= map + pgdat->node_spanned_pages)
		panic("__free_pages: %s() freed %p, which is not a struct page of the buddy's "
		      "mem_map", caller, (const void *)page);
	pfn = node_page_to_pfn(pgdat, page);
	if (PageReserved(page))
		panic("__free_pages: %s() freed page 0x%lx, which is reserved: the buddy never "
		      "gave it out", caller, pfn);
	if (PageSlab(page))
		panic("__free_pages: %s() freed page 0x%lx, which belongs to a slab; use kfree() "
		      "or kmem_cache_free()", caller, pfn);
	if (PageKmalloc(page))
		panic("__free_pages: %s() freed page 0x%lx, which kmalloc gave out; use kfree()",
		      caller, pfn);
	if (!PageHead(page) && (around = free_block_around(pgdat, pfn)))	/* see below */
		panic("__free_pages: %s() freed page 0x%lx, which is free already (in the free "
		      "block of order %lu at page 0x%lx)", caller, pfn, around->private,
		      node_page_to_pfn(pgdat, around));
	if (!PageHead(page))
		panic("__free_pages: %s() freed page 0x%lx, which is not the first page of a "
		      "block the buddy gave out", caller, pfn);
	if (page->private != order)
		panic("__free_pages: %s() freed page 0x%lx with order %u, but its block has order "
		      "%lu", caller, pfn, order, page->private);
	return pfn;
}

#line 740 "chapters/07-buddy.nw" /* <buddy: free> */
void buddy_free(pg_data_t *pgdat, struct page *page, unsigned int order, const char *caller)
{
	unsigned long pfn = check_free(pgdat, page, order, caller);

	ClearPageHead(page);
	page->private = 0;
	free_one_block(pgdat, page_zone_of(pgdat, page), pfn, order);
}
#line 807 "chapters/07-buddy.nw" /* <buddy: hand reserved pages over> */
static unsigned int largest_order(unsigned long pfn, unsigned long end)
{
	unsigned int order = MAX_ORDER - 1;

	while (order && ((pfn & ((1ul << order) - 1)) || (1ul << order) > end - pfn))
		order--;
	return order;
}

unsigned long buddy_free_reserved(pg_data_t *pgdat, unsigned long start, unsigned long end,
				  const char *caller)
{
	unsigned long count = 0;

	if (start < end && (!node_has_pfn(pgdat, start) || !node_has_pfn(pgdat, end - 1)))
		panic("buddy: %s() handed over page frames 0x%lx-0x%lx, outside the node's "
		      "0x%lx-0x%lx", caller, start, end - 1, pgdat->node_start_pfn,
		      pgdat->node_start_pfn + pgdat->node_spanned_pages - 1);
	for (unsigned long pfn = start; pfn < end; pfn++)	/* all of them, before any moves */
		if (!PageReserved(node_pfn_to_page(pgdat, pfn)))
			panic("buddy: %s() handed over page 0x%lx, which the buddy has already",
			      caller, pfn);
	while (start < end) {
		struct page *page = node_pfn_to_page(pgdat, start);
		struct zone *zone = page_zone_of(pgdat, page);
		unsigned long zone_end = zone->zone_start_pfn + zone->spanned_pages;
		unsigned int order = largest_order(start, MIN(end, zone_end));

		for (unsigned long i = 0; i < 1ul << order; i++)
			ClearPageReserved(page + i);
		SetPageHead(page);
		page->private = order;
		buddy_free(pgdat, page, order, caller);
		start += 1ul << order;
		count += 1ul << order;
	}
	return count;
}
#line 854 "chapters/07-buddy.nw" /* <buddy: count and show> */
bool buddy_page_is_free(const pg_data_t *pgdat, unsigned long pfn)
{
	return node_has_pfn(pgdat, pfn) && free_block_around(pgdat, pfn);
}

unsigned long buddy_free_pages(const struct zone *zone)
{
	unsigned long pages = 0;

	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		const struct page *page;

		list_for_each_entry(page, &zone->free_area[o].free_list, lru)
			pages += 1ul << o;
	}
	return pages;
}

void buddyinfo(const pg_data_t *pgdat)
{
	for (unsigned int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];

		if (!zone->spanned_pages)
			continue;
		printk("buddyinfo: Node %d, zone %8s", pgdat->node_id, zone->name);
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			printk(" %6lu", zone->free_area[o].nr_free);
		printk("\n");
	}
}
#line 896 "chapters/07-buddy.nw" /* <buddy: count and show> */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void pages_free_caller(unsigned long addr, unsigned int order, const char *caller)
{
	if (!addr)
		return;
	if (addr & (PAGE_SIZE - 1))
		panic("free_pages: %s() freed 0x%lx, which is not the start of a page: "
		      "pass the address the buddy gave out", caller, addr);
	buddy_free(page_pgdat(virt_to_page(addr)), virt_to_page(addr), order, caller);
}

unsigned long nr_free_pages(void)
{
	unsigned long pages = 0;
	int nid;

	for_each_online_node(nid)
		for (unsigned int z = 0; z < MAX_NR_ZONES; z++)
			pages += NODE_DATA(nid)->node_zones[z].free_pages;
	return pages;
}

unsigned long mem_map_bytes(void)
{
	unsigned long bytes = 0;
	int nid;

	for_each_online_node(nid)
		bytes += NODE_DATA(nid)->node_spanned_pages * sizeof(struct page);
	return bytes;
}
