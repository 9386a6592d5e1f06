#line 2401 "chapters/10-nodes.nw" /* <arch/x86/handoff/lmb_to_bootmem_nodes.c> */
/* lmb_to_bootmem_nodes.c - LMB hands its memory to bootmem: one bitmap per node (BOOTMEM=per-node). */
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/cmdline.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/numa.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>

static bootmem_data_t node_bdata[MAX_NUMNODES];

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
#line 2462 "chapters/10-nodes.nw" /* <per-node bootmem: the nodes' spans> */
/* Each node's first page frame and the one past its last, below max_low_pfn; 0, 0: none. */
static void node_spans(unsigned long start[MAX_NUMNODES], unsigned long end[MAX_NUMNODES])
{
	unsigned long pfn = 0, e;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		start[nid] = end[nid] = 0;
	for (; (e = bootmem_next_node_run(&bootmem_nodes, &pfn, max_low_pfn, &nid)); pfn = e) {
		if (start[nid] == end[nid])
			start[nid] = pfn;
		end[nid] = e;
	}
}
#line 2479 "chapters/10-nodes.nw" /* <per-node bootmem: a bitmap per node> */
static bootmem_data_t *owner_on_node(const struct bootmem *bm, unsigned long pfn)
{
	return bootmem_nodes_owner(&bootmem_nodes, pfn);
}

static void bitmap_per_node(void)
{
	unsigned long start[MAX_NUMNODES], end[MAX_NUMNODES];
	int nr = 0;

	node_spans(start, end);
	for (int nid = 0; nid < MAX_NUMNODES; nid++) {
		unsigned long bytes = bootmem_bootmap_bytes(end[nid] - start[nid]);
		phys_addr_t map;

		if (start[nid] == end[nid]) {
			if (numa_node_has_memory(&numa_meminfo, nid))
				printk("bootmem: node %d has no memory below max_low_pfn: no bitmap\n", nid);
			continue;
		}
		map = lmb_alloc_try_nid(PFN_PHYS(PFN_UP(bytes)), PAGE_SIZE, 0, LMB_ALLOC_ACCESSIBLE, nid);
		init_bootmem_core(&node_bdata[nid], __va(map), start[nid], end[nid]);
		link_bootmem(&bootmem, &node_bdata[nid]);
		bootmem_add_node_range(&bootmem_nodes, nid, &node_bdata[nid], start[nid], end[nid]);
		printk("bootmem: node %d: a bitmap of %lu bytes for %lu pages (page frames "
		       "0x%lx-0x%lx) at [mem 0x%08llx-0x%08llx], on node %d\n", nid, bytes,
		       end[nid] - start[nid], start[nid], end[nid] - 1, map, map + bytes - 1,
		       lmb_pfn_nid((unsigned long)PFN_DOWN(map)));
		nr++;
	}
	bootmem.owner = owner_on_node;
	printk("bootmem: %d bitmap%s, one per node with low memory, %lu bytes in all\n", nr,
	       nr == 1 ? "" : "s", bootmem_bitmaps_bytes(&bootmem));
}
#line 2521 "chapters/10-nodes.nw" /* <per-node bootmem: fill and check> */
static void fill_from_each_node(void)
{
	struct range_walk w;
	phys_addr_t s, e, low = PFN_PHYS(max_low_pfn);
	bootmem_data_t *b;

	for_each_bdata(&bootmem, b) {
		int nid = (int)(b - node_bdata);

		lmb_for_each_free_range_nid(w, nid, &s, &e)
			if (s < low)
				free_bootmem_core(b, s, (size_t)(MIN(e, low) - s), __func__);
	}
}

static void check_nodes(void)
{
	const bootmem_data_t *b;

	for_each_bdata(&bootmem, b)
		for (unsigned long pfn = b->node_min_pfn; pfn < b->node_low_pfn; pfn++)
			if (!bootmem_page_reserved(b, pfn) && lmb_pfn_nid(pfn) != b - node_bdata)
				panic("bootmem: page 0x%lx is free in node %d's bitmap, but on node %d",
				      pfn, (int)(b - node_bdata), lmb_pfn_nid(pfn));
}
#line 2442 "chapters/10-nodes.nw" /* <per-node bootmem: dump each bitmap> */
static void bitmaps_memdump(void)
{
	for (int nid = 0; nid < MAX_NUMNODES; nid++) {
		const bootmem_data_t *b = &node_bdata[nid];
		unsigned long run = b->node_min_pfn, n = b->node_low_pfn;

		for (unsigned long i = run + 1; b->node_bootmem_map && i <= n; i++) {
			bool prev = bootmem_page_reserved(b, i - 1);

			if (i < n && prev == bootmem_page_reserved(b, i))
				continue;
			printk("memmap: bootmem.node%d 0x%llx 0x%llx %s\n", nid, PFN_PHYS(run),
			       PFN_PHYS(i), prev ? "reserved" : "free");
			run = i;
		}
	}
}

#line 2421 "chapters/10-nodes.nw" /* <arch/x86/handoff/lmb_to_bootmem_nodes.c> */
/**
 * bootmem_takes_over - BOOTMEM=per-node: a bitmap per node, each node's free memory freed into
 * its own, LMB retired; the ledger line, and the bitmaps' runs when memdump is asked for.
 */
void bootmem_takes_over(void)
{
	bitmap_per_node();
	fill_from_each_node();
	check_nodes();
	check_and_count();
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem()");
	memdump(bootmem_memdump);
	memdump(bitmaps_memdump);
}
