#line 1137 "chapters/07-buddy.nw" /* <arch/x86/handoff/bootmem_to_buddy.c> */
/* bootmem_to_buddy.c - zones and mem_map from bootmem; then bootmem's free pages to the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>

/** zone_sizes_init - the zones of low memory, and mem_map for them, from bootmem. */
void zone_sizes_init(void)
{
#line 1159 "chapters/07-buddy.nw" /* <zone_sizes_init: the zones, and mem_map from bootmem> */
	unsigned long zone_end[MAX_NR_ZONES] = { MIN(MAX_DMA_PFN, max_low_pfn), max_low_pfn };
	size_t bytes = max_low_pfn * sizeof(struct page);
	struct page *map = alloc_bootmem(bytes);
	const struct lmb_region *m;

	free_area_init_node(NODE_DATA(0), map, 0, zone_end);
	for_each_lmb(memory, m)
		memory_present(NODE_DATA(0), (unsigned long)PFN_UP(m->base),
			       (unsigned long)MIN(PFN_DOWN(m->base + m->size), (u64)max_low_pfn));
	printk("buddy: mem_map of %lu struct pages (%zu bytes each) at [mem 0x%08llx-0x%08llx]\n",
	       max_low_pfn, sizeof(struct page), __pa(map), __pa(map) + bytes - 1);
#line 1151 "chapters/07-buddy.nw" /* <arch/x86/handoff/bootmem_to_buddy.c> */
}

#line 1212 "chapters/07-buddy.nw" /* <buddy handoff: count> */
void buddy_ledger(const char *from, const char *to)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long total = 0, free = 0, reserved = 0;
	const struct lmb_region *m;

	for (unsigned int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];
		unsigned long walked = buddy_free_pages(zone);

		if (walked != zone->free_pages)
			panic("buddy: zone %s counts %lu free pages, its lists hold %lu", zone->name,
			      zone->free_pages, walked);
		total += zone->present_pages;
		free += walked;
	}
	for_each_lmb(memory, m)
		for (u64 pfn = PFN_UP(m->base); pfn < MIN(PFN_DOWN(m->base + m->size),
							 (u64)max_low_pfn); pfn++)
			reserved += !buddy_page_is_free(pgdat, (unsigned long)pfn);
	handoff_ledger(from, to, total, free, reserved);
}
#line 1251 "chapters/07-buddy.nw" /* <buddy handoff: dump mem_map> */
static const char *page_state(unsigned long pfn)
{
	const struct page *page = pfn_to_page(pfn);

	if (buddy_page_is_free(NODE_DATA(0), pfn))
		return "free";
	return PageReserved(page) ? "reserved" : "allocated";
}

/* mem_map as runs: "memmap: buddy START END free|allocated|reserved". */
static void buddy_memdump(void)
{
	unsigned long run = 0;

	for (unsigned long pfn = 1; pfn <= max_low_pfn; pfn++) {
		const char *s = page_state(pfn - 1);

		if (pfn < max_low_pfn && s == page_state(pfn))
			continue;
		printk("memmap: buddy 0x%llx 0x%llx %s\n", PFN_PHYS(run), PFN_PHYS(pfn), s);
		run = pfn;
	}
}

#line 1179 "chapters/07-buddy.nw" /* <arch/x86/handoff/bootmem_to_buddy.c> */
/**
 * buddy_takes_over - bootmem's free pages go to the buddy and bootmem is retired (Linux's
 * mem_init); the ledger line, the free lists, and mem_map's runs when memdump is asked for.
 */
void buddy_takes_over(void)
{
	totalram_pages = free_all_bootmem();
	printk("buddy: free_all_bootmem() handed over %lu pages (%lu MiB)\n", totalram_pages,
	       totalram_pages >> (20 - PAGE_SHIFT));
	buddy_ledger("bootmem", "buddy");
	buddyinfo(NODE_DATA(0));
	memdump(buddy_memdump);
}
