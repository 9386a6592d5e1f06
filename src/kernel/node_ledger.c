#line 3568 "chapters/10-nodes.nw" /* <kernel/node_ledger.c> */
/* node_ledger.c - each handoff line again, node by node (chapter 10). */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/numa.h>
#include <handoff/node_ledger.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#line 3589 "chapters/10-nodes.nw" /* <node_ledger.c: each allocator's free extents> */
static void lmb_free_walk(free_extent_fn fn, void *arg)
{
	struct range_walk w;
	phys_addr_t s, e;

	for (int nid = 0; nid < numa_meminfo.nr_nodes; nid++)	/* by the regions' own nodes */
		lmb_for_each_free_range_nid(w, nid, &s, &e)
			if (PFN_UP(s) < PFN_DOWN(e))
				fn(PFN_UP(s), PFN_DOWN(e), nid, arg);
}

/* Each node range bootmem registered: the clear bits of its bitmap there, as that node's. */
static void bootmem_free_walk(free_extent_fn fn, void *arg)
{
	for (int i = 0; i < bootmem_nodes.nr_ranges; i++) {
		const struct bootmem_node_range *r = &bootmem_nodes.range[i];
		unsigned long pfn = r->start_pfn, end = r->end_pfn;

		while (pfn < end) {
			unsigned long run = pfn;

			while (run < end && !bootmem_page_reserved(r->b, run))
				run++;
			if (run > pfn)
				fn(pfn, run, r->nid, arg);
			while (run < end && bootmem_page_reserved(r->b, run))
				run++;
			pfn = run;
		}
	}
}

#line 3626 "chapters/10-nodes.nw" /* <node_ledger.c: each allocator's free extents> */
static void buddy_free_walk(free_extent_fn fn, void *arg)
{
	int nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);

		for (unsigned int z = 0; z < MAX_NR_ZONES; z++)
			for (unsigned int o = 0; o < MAX_ORDER; o++) {
				const struct page *page;

				list_for_each_entry(page, &pgdat->node_zones[z].free_area[o].free_list,
						    lru) {
					unsigned long pfn = node_page_to_pfn(pgdat, page);

					fn(pfn, pfn + (1ul << o), nid, arg);
				}
			}
	}
}

free_walk_fn ledger_free_walk(const char *to)
{
	static const struct { const char *to; free_walk_fn walk; } walks[] = {
		{ "lmb", lmb_free_walk }, { "bootmem", bootmem_free_walk },
		{ "buddy", buddy_free_walk }, { "slab", buddy_free_walk },	/* the slab's: the buddy's */
	};

	for (size_t i = 0; i < sizeof(walks) / sizeof(walks[0]); i++)
		if (!strcmp(walks[i].to, to))
			return walks[i].walk;
	return NULL;
}
#line 3665 "chapters/10-nodes.nw" /* <node_ledger.c: count the nodes> */
/*
 * Add the pages of [@start, @end) to the node the table puts each on: @out[node].free, or
 * .total. A free extent that its allocator keeps as node @nid's must lie on @nid.
 */
static void add_by_node(u64 start, u64 end, int nid, struct node_pages *out, bool free)
{
	const struct numa_memblk *b;

	for_each_numa_memblk(&numa_meminfo, b) {
		u64 s = MAX(start, b->start >> PAGE_SHIFT), e = MIN(end, b->end >> PAGE_SHIFT);

		if (s >= e)
			continue;
		if (free && nid != NUMA_NO_NODE && nid != b->nid)
			panic("handoff: node %d's free memory holds page frames 0x%llx-0x%llx, which "
			      "are node %d's", nid, s, e - 1, b->nid);
		*(free ? &out[b->nid].free : &out[b->nid].total) += (unsigned long)(e - s);
	}
}

static void add_free(u64 start, u64 end, int nid, void *out)
{
	add_by_node(start, end, nid, out, true);
}

void node_page_counts(free_walk_fn walk, struct node_pages out[MAX_NUMNODES])
{
	const struct lmb_region *m;

	memset(out, 0, MAX_NUMNODES * sizeof(*out));
	for_each_lmb(memory, m)
		add_by_node(PFN_UP(m->base), PFN_DOWN(m->base + m->size), NUMA_NO_NODE, out, false);
	walk(add_free, out);
}
#line 3706 "chapters/10-nodes.nw" /* <node_ledger.c: the lines after a handoff> */
void handoff_ledger_nodes(const char *from, const char *to, unsigned long total,
			  unsigned long free, unsigned long reserved)
{
	free_walk_fn walk = ledger_free_walk(to);
	struct node_pages n[MAX_NUMNODES];
	unsigned long sum_total = 0, sum_free = 0;

	if (numa_meminfo.nr_nodes == 1)
		return;
	if (!walk)
		panic("handoff: %s -> %s: this kernel cannot count %s's pages node by node", from,
		      to, to);
	node_page_counts(walk, n);
	for (int nid = 0; nid < numa_meminfo.nr_nodes; nid++) {
		if (n[nid].free > n[nid].total)
			panic("handoff: %s -> %s: node %d has %lu free pages but only %lu of memory",
			      from, to, nid, n[nid].free, n[nid].total);
		printk("handoff: %s -> %s node=%d total=%lu free=%lu reserved=%lu\n", from, to, nid,
		       n[nid].total, n[nid].free, n[nid].total - n[nid].free);
		sum_total += n[nid].total, sum_free += n[nid].free;
	}
	if (sum_total != total || sum_free != free)
		panic("handoff: %s -> %s: the nodes add up to total=%lu free=%lu reserved=%lu, but "
		      "the handoff counted total=%lu free=%lu reserved=%lu", from, to, sum_total,
		      sum_free, sum_total - sum_free, total, free, reserved);
}
