#line 898 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/early_slab_to_buddy.c> */
/* early_slab_to_buddy.c - chain early-kmalloc: bootmem to the buddy, then the slab onto it. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/early_kmalloc.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>
#include <handoff/slab.h>

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
#line 918 "chapters/09-shortcuts.nw" /* <early-kmalloc: the buddy takes over, with the slab closed> */
/** buddy_takes_over - chain early-kmalloc: chapter 7's handover, inside the slab's window. */
void buddy_takes_over(void)
{
	early_kmalloc_open_window();
	printk("slab: closed (early-kmalloc's window): kmalloc and kfree panic until "
	       "slab_takes_over()\n");
	totalram_pages = free_all_bootmem();
	printk("buddy: free_all_bootmem() handed over %lu pages (%lu MiB); the slab keeps its %lu "
	       "pages from bootmem\n", totalram_pages, totalram_pages >> (20 - PAGE_SHIFT),
	       early_kmalloc_stats.from_bootmem - early_kmalloc_stats.to_bootmem);
	buddy_ledger("bootmem", "buddy");
	buddyinfo(&contig_page_data);
	memdump(buddy_memdump);
}
#line 940 "chapters/09-shortcuts.nw" /* <early-kmalloc: the slab moves onto the buddy> */
/** slab_takes_over - chain early-kmalloc: the slab, up since bootmem, moves onto the buddy. */
void slab_takes_over(void)
{
	unsigned long pages = early_kmalloc_close_window();

	totalram_pages += pages;		/* the buddy's to manage now */
	printk("slab: open again, on the buddy: %lu pages from bootmem are blocks the buddy gave "
	       "out now\n", pages);
	check_slab_pages();
	buddy_ledger("buddy", "slab");
	retirement_redirect(&bootmem.life, "kmalloc()");
	slabinfo();
}
