#line 781 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/bootmem_to_early_slab.c> */
/* bootmem_to_early_slab.c - chain early-kmalloc: bootmem from LMB, mem_map, the slab on bootmem. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/early_kmalloc.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/printk.h>
#include <handoff/slab.h>

#line 848 "chapters/06-bootmem.nw" /* <bootmem handoff: count and check> */
static void check_and_count(void)
{
	const struct lmb_region *m;
	unsigned long total, lmb_free, lmb_reserved, free, in_memory = 0;
	struct range_walk w;
	phys_addr_t s, e;

	lmb_page_counts(&total, &lmb_free, &lmb_reserved);
	lmb_for_each_free_range(w, &s, &e)		/* each free page: a clear bit */
		for (phys_addr_t pfn = PFN_UP(s); pfn < PFN_DOWN(e); pfn++)
			if (bootmem_pfn_reserved((unsigned long)pfn))
				panic("bootmem: page 0x%llx is free in LMB but reserved here", pfn);
	free = bootmem_free_pages(&bootmem);
	if (free != lmb_free)
		panic("bootmem: %lu pages free in the bitmap, but LMB had %lu", free, lmb_free);
	for_each_lmb(memory, m)				/* set bits inside memory */
		for (phys_addr_t pfn = PFN_UP(m->base); pfn < PFN_DOWN(m->base + m->size); pfn++)
			in_memory += bootmem_pfn_reserved((unsigned long)pfn);
	handoff_ledger("lmb", "bootmem", total, free, in_memory);
}
#line 890 "chapters/06-bootmem.nw" /* <bootmem handoff: dump the bitmap> */
/* The bitmap as runs: "memmap: bootmem START END free|reserved". */
static void bootmem_memdump(void)
{
	unsigned long run, n;

	bootmem_span(&bootmem, &run, &n);
	for (unsigned long i = run + 1; i <= n; i++) {
		bool prev = bootmem_pfn_reserved(i - 1);

		if (i < n && prev == bootmem_pfn_reserved(i))
			continue;
		printk("memmap: bootmem 0x%llx 0x%llx %s\n", PFN_PHYS(run), PFN_PHYS(i),
		       prev ? "reserved" : "free");
		run = i;
	}
}
#line 825 "chapters/06-bootmem.nw" /* <bootmem handoff: from LMB> */
static void bootmem_from_lmb(void)
{
	unsigned long bytes = bootmem_bootmap_bytes(max_low_pfn);
	phys_addr_t map = lmb_alloc(PFN_PHYS(PFN_UP(bytes)), PAGE_SIZE);
	struct range_walk w;
	phys_addr_t s, e;

	init_bootmem((unsigned long)PFN_DOWN(map), max_low_pfn);
	printk("bootmem: a bitmap of %lu bytes for %lu pages at [mem 0x%08llx-0x%08llx] "
	       "(32 KiB per GiB)\n", bytes, max_low_pfn, map, map + bytes - 1);
	lmb_for_each_free_range(w, &s, &e)	/* one walk: LMB is not changed under it */
		free_bootmem(s, e - s);
	check_and_count();
}

#line 797 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/bootmem_to_early_slab.c> */
static void mem_map_from_bootmem(void)
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
#line 800 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/bootmem_to_early_slab.c> */
}

#line 841 "chapters/09-shortcuts.nw" /* <early-kmalloc: the ledger line under the early slab> */
static void bootmem_ledger(const char *from, const char *to)
{
	unsigned long total, lmb_free, lmb_reserved, in_memory = 0;
	const struct lmb_region *m;

	lmb_page_counts(&total, &lmb_free, &lmb_reserved);	/* LMB as it was retired */
	for_each_lmb(memory, m)
		for (phys_addr_t pfn = PFN_UP(m->base); pfn < PFN_DOWN(m->base + m->size); pfn++)
			in_memory += bootmem_pfn_reserved((unsigned long)pfn);
	handoff_ledger(from, to, total, bootmem_free_pages(&bootmem), in_memory);
}
#line 861 "chapters/09-shortcuts.nw" /* <early-kmalloc: kmalloc while bootmem rules> */
static void kmalloc_while_bootmem_rules(void)
{
	unsigned long before = bootmem_free_pages(&bootmem), after;
	void *small, *large;

	small = kmalloc(64, GFP_KERNEL);
	large = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	if (!small || !large)
		panic("early kmalloc: kmalloc failed while bootmem rules (%p, %p)", small, large);
	printk("slab: kmalloc(64) at [mem 0x%08llx-0x%08llx], kmalloc(%lu) at [mem "
	       "0x%08llx-0x%08llx]: bootmem's pages\n", __pa(small), __pa(small) + 63,
	       4ul * PAGE_SIZE, __pa(large), __pa(large) + 4 * PAGE_SIZE - 1);
	kfree(large);
	kfree(small);
	after = bootmem_free_pages(&bootmem);
	if (after + 1 != before)		/* kmalloc-64's new slab is still out */
		panic("early kmalloc: bootmem had %lu pages free, %lu after kmalloc and kfree; "
		      "expected one fewer (the slab of kmalloc-64)", before, after);
}
#line 814 "chapters/09-shortcuts.nw" /* <early-kmalloc: bootmem takes over, and the slab starts on it> */
/**
 * bootmem_takes_over - chain early-kmalloc: bootmem from LMB (chapter 6), mem_map (chapter 7),
 * then the slab on bootmem's pages; kmalloc works when it returns.
 */
void bootmem_takes_over(void)
{
	bool debug = cmdline_has(boot_command_line, "slab_debug");

	bootmem_from_lmb();
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem()");
	memdump(bootmem_memdump);
	mem_map_from_bootmem();
	early_kmalloc_begin();
	kmem_cache_init(debug ? SLAB_DEBUG : 0);
	measure_point("slab_up");
	printk("slab: up while bootmem rules (chain early-kmalloc), %lu KiB of bootmem's pages "
	       "so far%s\n", early_kmalloc_stats.from_bootmem << (PAGE_SHIFT - 10),
	       debug ? ", poisoned and red-zoned (slab_debug)" : "");
	kmalloc_while_bootmem_rules();
	bootmem_ledger("bootmem", "slab");
}

#line 806 "chapters/09-shortcuts.nw" /* <arch/x86/handoff/bootmem_to_early_slab.c> */
void zone_sizes_init(void)
{
	printk("buddy: the zones and mem_map were set up in bootmem_takes_over() "
	       "(chain early-kmalloc: the slab needed struct pages)\n");
}
