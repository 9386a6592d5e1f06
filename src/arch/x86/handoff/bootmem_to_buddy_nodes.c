#line 3273 "chapters/10-nodes.nw" /* <arch/x86/handoff/bootmem_to_buddy_nodes.c> */
/* bootmem_to_buddy_nodes.c - a pg_data_t per node, from bootmem; bootmem's pages to them. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/cmdline.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/measure.h>
#include <handoff/mm.h>
#include <handoff/numa.h>
#include <handoff/printk.h>

#line 3300 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: a node's span, and its pg_data_t> */
static bool node_span(int nid, unsigned long *lo, unsigned long *hi)
{
	const struct numa_memblk *b;

	*lo = max_low_pfn, *hi = 0;
	if (!numa_meminfo.source) {
		*lo = 0, *hi = max_low_pfn;
		return nid == 0;
	}
	for_each_numa_memblk(&numa_meminfo, b)
		if (b->nid == nid && b->start < PFN_PHYS((u64)max_low_pfn)) {
			*lo = MIN(*lo, (unsigned long)(b->start >> PAGE_SHIFT));
			*hi = MAX(*hi, (unsigned long)MIN(b->end >> PAGE_SHIFT, (u64)max_low_pfn));
		}
	return *lo < *hi;
}

/* LMB's memory on node @nid, inside page frames [@lo, @hi): present in @pgdat's zones. */
static void node_memory_present(pg_data_t *pgdat, int nid, unsigned long lo, unsigned long hi)
{
	static const struct numa_memblk all = { 0, ~0ull, 0 };
	const struct numa_memblk *b = numa_meminfo.source ? numa_meminfo.blk : &all;
	const struct numa_memblk *end = numa_meminfo.source ? b + numa_meminfo.nr_blks : &all + 1;
	const struct lmb_region *m;

	for (; b < end; b++)
		for_each_lmb(memory, m) {
			u64 s = MAX(MAX(PFN_UP(m->base), b->start >> PAGE_SHIFT), (u64)lo);
			u64 e = MIN(MIN(PFN_DOWN(m->base + m->size), b->end >> PAGE_SHIFT), (u64)hi);

			if (b->nid == nid && s < e)
				memory_present(pgdat, (unsigned long)s, (unsigned long)e);
		}
}

#line 3340 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: a node's span, and its pg_data_t> */
/**
 * zone_sizes_init - for every node a pg_data_t, on the node when it has memory; for a node with
 * memory in low memory, a mem_map over its span, on the node; its zones, and the memory present.
 */
void zone_sizes_init(void)
{
	for (int nid = 0; nid < numa_meminfo.nr_nodes; nid++) {
		pg_data_t *pgdat = nid ? alloc_bootmem_node(nid, sizeof(*pgdat)) : NODE_DATA(0);
		unsigned long lo, hi, zone_end[MAX_NR_ZONES] = { 0, 0 };
		struct page *map = NULL;

		if (node_span(nid, &lo, &hi)) {
			map = alloc_bootmem_node(nid, (hi - lo) * sizeof(struct page));
			zone_end[ZONE_DMA] = MAX(lo, MIN(MAX_DMA_PFN, hi));
			zone_end[ZONE_NORMAL] = hi;
		} else {
			lo = hi = 0;
		}
		free_area_init_node(pgdat, map, lo, zone_end);
		pgdat->node_id = nid;
		NODE_DATA(nid) = pgdat;
		node_memory_present(pgdat, nid, lo, hi);
#line 3371 "chapters/10-nodes.nw" /* <zone_sizes_init: say where node nid's mem_map is> */
		if (!map)
			printk("buddy: node %d: no memory in low memory: its zones are empty\n", nid);
		else if (numa_meminfo.nr_nodes == 1)
			printk("buddy: mem_map of %lu struct pages (%zu bytes each) at [mem "
			       "0x%08llx-0x%08llx]\n", hi - lo, sizeof(struct page), __pa(map),
			       __pa(map) + (hi - lo) * sizeof(*map) - 1);
		else
			printk("buddy: node %d: mem_map of %lu struct pages for page frames "
			       "0x%lx-0x%lx (%lu of them its memory) at [mem 0x%08llx-0x%08llx]\n",
			       nid, hi - lo, lo, hi - 1,
			       pgdat->node_zones[ZONE_DMA].present_pages +
			       pgdat->node_zones[ZONE_NORMAL].present_pages, __pa(map),
			       __pa(map) + (hi - lo) * sizeof(*map) - 1);
#line 3363 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: a node's span, and its pg_data_t> */
	}
}
#line 3399 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: the ledger line, and the dump> */
void buddy_ledger(const char *from, const char *to)
{
	unsigned long total = 0, free = 0, reserved = 0;
	const struct lmb_region *m;
	int nid;

	for_each_online_node(nid)
		for (unsigned int z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long walked = buddy_free_pages(zone);

			if (walked != zone->free_pages)
				panic("buddy: node %d's zone %s counts %lu free pages, its lists hold %lu",
				      nid, zone->name, zone->free_pages, walked);
			total += zone->present_pages;
			free += walked;
		}
	for_each_lmb(memory, m)
		for (u64 pfn = PFN_UP(m->base); pfn < MIN(PFN_DOWN(m->base + m->size),
							 (u64)max_low_pfn); pfn++)
			reserved += !pfn_valid((unsigned long)pfn) ||
				    !buddy_page_is_free(NODE_DATA(pfn_to_nid((unsigned long)pfn)),
							(unsigned long)pfn);
	handoff_ledger(from, to, total, free, reserved);
}

#line 3430 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: the ledger line, and the dump> */
/* Page frame @pfn as @pgdat's mem_map has it (its own node's, or a stranger's: reserved). */
static const char *page_state(const pg_data_t *pgdat, unsigned long pfn)
{
	if (!pgdat || !node_has_pfn(pgdat, pfn))
		return "reserved";
	if (buddy_page_is_free(pgdat, pfn))
		return "free";
	return PageReserved(node_pfn_to_page(pgdat, pfn)) ? "reserved" : "allocated";
}

/* The frames [@lo, @hi) in runs: @nid's map, or (NUMA_NO_NODE) each frame's own node's. */
static void dump_runs(const char *owner, int nid, unsigned long lo, unsigned long hi)
{
	unsigned long run = lo;

	for (unsigned long pfn = lo + 1; pfn <= hi; pfn++) {
		int n = nid == NUMA_NO_NODE ? pfn_to_nid(pfn - 1) : nid;
		const char *s = page_state(n == NUMA_NO_NODE ? NULL : NODE_DATA(n), pfn - 1);

		if (pfn < hi) {
			int m = nid == NUMA_NO_NODE ? pfn_to_nid(pfn) : nid;

			if (s == page_state(m == NUMA_NO_NODE ? NULL : NODE_DATA(m), pfn))
				continue;
		}
		printk("memmap: %s 0x%llx 0x%llx %s\n", owner, PFN_PHYS(run), PFN_PHYS(pfn), s);
		run = pfn;
	}
}

#line 3465 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: the ledger line, and the dump> */
/*
 * "memmap: buddy START END STATE" over low memory, each frame as its own node has it; with
 * nodes, then "memmap: buddy.nodeN ..." over each node's span, in its own map.
 */
static void buddy_memdump(void)
{
	static char owner[MAX_NUMNODES][16];
	int nid;

	dump_runs("buddy", NUMA_NO_NODE, 0, max_low_pfn);
	if (numa_meminfo.nr_nodes == 1)
		return;
	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);

		snprintf(owner[nid], sizeof(owner[nid]), "buddy.node%d", nid);
		if (pgdat->node_spanned_pages)
			dump_runs(owner[nid], nid, pgdat->node_start_pfn,
				  pgdat->node_start_pfn + pgdat->node_spanned_pages);
	}
}
#line 3489 "chapters/10-nodes.nw" /* <bootmem_to_buddy_nodes.c: the takeover> */
/**
 * buddy_takes_over - bootmem's free pages go to their nodes' buddies and bootmem is retired; the
 * ledger line (and a line per node), every node's free lists, and mem_map's runs on memdump.
 */
void buddy_takes_over(void)
{
	int nid;

	measure_tsc("buddy_begin");
	totalram_pages = free_all_bootmem();
	measure_tsc("buddy_end");
	printk("buddy: free_all_bootmem() handed over %lu pages (%lu MiB)\n", totalram_pages,
	       totalram_pages >> (20 - PAGE_SHIFT));
	buddy_ledger("bootmem", "buddy");
	for_each_online_node(nid)
		buddyinfo(NODE_DATA(nid));
	memdump(buddy_memdump);
}
