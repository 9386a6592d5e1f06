#line 272 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/lmb_to_buddy.c> */
/* lmb_to_buddy.c - the no-bootmem chain: LMB's free ranges straight to the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>

void bootmem_takes_over(void)
{
	printk("bootmem: not set up (chain no-bootmem): LMB serves alloc_bootmem() and "
	       "free_bootmem() until the buddy takes over\n");
}

void zone_sizes_init(void)
{
	unsigned long zone_end[MAX_NR_ZONES] = { MIN(MAX_DMA_PFN, max_low_pfn), max_low_pfn };
	size_t bytes = max_low_pfn * sizeof(struct page);
	struct page *map = alloc_bootmem(bytes);
	const struct lmb_region *m;

	free_area_init_node(&contig_page_data, map, 0, zone_end);
	for_each_lmb(memory, m)
		memory_present(&contig_page_data, (unsigned long)PFN_UP(m->base),
			       (unsigned long)MIN(PFN_DOWN(m->base + m->size), (u64)max_low_pfn));
	printk("buddy: mem_map of %lu struct pages (%zu bytes each) at [mem 0x%08llx-0x%08llx]\n",
	       max_low_pfn, sizeof(struct page), __pa(map), __pa(map) + bytes - 1);
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
#line 315 "chapters/09-shortcuts.nw" /* <no-bootmem: LMB's free memory to the buddy> */
static unsigned long free_all_memory_core_early(void)
{
	unsigned long total, lmb_free, lmb_reserved, count = 0;
	struct range_walk w;
	phys_addr_t s, e;

	lmb_page_counts(&total, &lmb_free, &lmb_reserved);
	lmb_for_each_free_range(w, &s, &e) {	/* LMB is not changed under the walk */
		phys_addr_t lo = PFN_UP(s), hi = MIN(PFN_DOWN(e), (phys_addr_t)max_low_pfn);

		if (lo < hi)
			count += buddy_free_reserved(&contig_page_data, (unsigned long)lo,
						     (unsigned long)hi, __func__);
	}
	if (count != lmb_free)
		panic("free_all_memory_core_early: handed %lu pages to the buddy, but LMB had %lu "
		      "free", count, lmb_free);
	return count;
}
#line 341 "chapters/09-shortcuts.nw" /* <no-bootmem: the buddy takes over> */
void buddy_takes_over(void)
{
	totalram_pages = free_all_memory_core_early();
	retire(&lmb.life, "LMB", "the buddy allocator", "alloc_pages()");
	retire(&bootmem.life, "bootmem", "the buddy allocator", "alloc_pages()");
	printk("buddy: free_all_memory_core_early() handed over %lu pages (%lu MiB) from LMB\n",
	       totalram_pages, totalram_pages >> (20 - PAGE_SHIFT));
	buddy_ledger("lmb", "buddy");
	buddyinfo(&contig_page_data);
	memdump(buddy_memdump);
}
