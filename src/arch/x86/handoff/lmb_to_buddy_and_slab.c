#line 1185 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/lmb_to_buddy_and_slab.c> */
/* lmb_to_buddy_and_slab.c - the bootmem-over-kmalloc chain: LMB to the buddy and the slab, at
 * once, right after the page tables. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>

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
#line 1170 "chapters/08-slab.nw" /* <slab init: pages in slabs> */
static unsigned long pages_in_slabs(void)
{
	const struct kmem_cache *c;
	unsigned long pages = 0;

	list_for_each_entry(c, &cache_chain, next)
		pages += c->num_slabs << c->gfporder;
	return pages;
}

static void check_slab_pages(void)
{
	unsigned long marked = 0;

	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++)
		marked += PageSlab(pfn_to_page(pfn));
	if (marked != pages_in_slabs())
		panic("slab: %lu pages are marked PG_slab, but the caches' slabs have %lu", marked,
		      pages_in_slabs());
}
#line 1213 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc: zones and mem_map from LMB> */
static void zones_from_lmb(void)
{
	unsigned long zone_end[MAX_NR_ZONES] = { MIN(MAX_DMA_PFN, max_low_pfn), max_low_pfn };
	size_t bytes = max_low_pfn * sizeof(struct page);
	struct page *map = __va(lmb_alloc(bytes, SMP_CACHE_BYTES));
	const struct lmb_region *m;

	memset(map, 0, bytes);
	free_area_init_node(&contig_page_data, map, 0, zone_end);
	for_each_lmb(memory, m)
		memory_present(&contig_page_data, (unsigned long)PFN_UP(m->base),
			       (unsigned long)MIN(PFN_DOWN(m->base + m->size), (u64)max_low_pfn));
	printk("buddy: mem_map of %lu struct pages (%zu bytes each) at [mem 0x%08llx-0x%08llx], "
	       "from LMB\n", max_low_pfn, sizeof(struct page), __pa(map), __pa(map) + bytes - 1);
}
#line 1240 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc: the buddy and the slab take over> */
void bootmem_takes_over(void)
{
	bool debug = cmdline_has(boot_command_line, "slab_debug");

	printk("bootmem: not set up (chain bootmem-over-kmalloc): the buddy and the slab start now, "
	       "and alloc_bootmem() is served by kmalloc() and alloc_pages()\n");
	zones_from_lmb();
	totalram_pages = free_all_memory_core_early();
	retire(&lmb.life, "LMB", "the buddy allocator", "alloc_pages()");
	printk("buddy: free_all_memory_core_early() handed over %lu pages (%lu MiB) from LMB\n",
	       totalram_pages, totalram_pages >> (20 - PAGE_SHIFT));
	buddy_ledger("lmb", "buddy");
	buddyinfo(&contig_page_data);
	memdump(buddy_memdump);
	kmem_cache_init(debug ? SLAB_DEBUG : 0);
	measure_point("slab_up");
	printk("slab: the cache of caches and the kmalloc caches are up%s\n",
	       debug ? ", poisoned and red-zoned (slab_debug)" : "");
	check_slab_pages();
	buddy_ledger("buddy", "slab");
}
#line 1269 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc: the later steps, done already> */
void zone_sizes_init(void)
{
	printk("buddy: zones and mem_map set up already, by bootmem_takes_over() (chain "
	       "bootmem-over-kmalloc)\n");
}

void buddy_takes_over(void)
{
	printk("buddy: took LMB's free memory over already, in bootmem_takes_over()\n");
}

void slab_takes_over(void)
{
	printk("slab: up since bootmem_takes_over(); alloc_bootmem() goes to kmalloc() and "
	       "alloc_pages()\n");
	slabinfo();
}
