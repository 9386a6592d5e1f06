#line 2562 "chapters/10-nodes.nw" /* <arch/x86/handoff/lmb_to_bootmem_one_bitmap.c> */
/* lmb_to_bootmem_one_bitmap.c - LMB hands its memory to bootmem: one bitmap for every node. */
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/cmdline.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>

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
#line 2591 "chapters/10-nodes.nw" /* <one-bitmap bootmem: the nodes' ranges> */
static void register_node_ranges(void)
{
	bootmem_data_t *b = &bootmem_node_data[0];	/* the one init_bootmem sets up */
	unsigned long pfn = 0, e;
	int nid, nodes = 0;

	for (; (e = bootmem_next_node_run(&bootmem_nodes, &pfn, max_low_pfn, &nid)); pfn = e)
		bootmem_add_node_range(&bootmem_nodes, nid, b, pfn, e);
	for (int i = 0; i < bootmem_nodes.nr_ranges; i++) {	/* in the table's order */
		const struct bootmem_node_range *r = &bootmem_nodes.range[i];

		nodes += !i || r->nid != r[-1].nid;
		printk("bootmem: node %d: page frames 0x%lx-0x%lx [mem 0x%08llx-0x%08llx], holes "
		       "included, in the one bitmap\n", r->nid, r->start_pfn, r->end_pfn - 1,
		       PFN_PHYS(r->start_pfn), PFN_PHYS(r->end_pfn) - 1);
	}
	printk("bootmem: one bitmap for %d node%s in %d range%s, sorted by node\n", nodes,
	       nodes == 1 ? "" : "s", bootmem_nodes.nr_ranges, bootmem_nodes.nr_ranges == 1 ? "" : "s");
}

#line 2577 "chapters/10-nodes.nw" /* <arch/x86/handoff/lmb_to_bootmem_one_bitmap.c> */
/**
 * bootmem_takes_over - BOOTMEM=one-bitmap: chapter 6's bitmap from LMB, then every node's
 * stretches of memory registered in it, sorted by node; LMB retired.
 */
void bootmem_takes_over(void)
{
	register_node_ranges();
	bootmem_from_lmb();
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem()");
	memdump(bootmem_memdump);
}
