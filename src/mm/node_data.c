#line 3115 "chapters/10-nodes.nw" /* <mm/node_data.c> */
/* node_data.c - one pg_data_t per node; from a page frame to its node, and back (chapter 10). */
#include <asm/page.h>
#include <handoff/gfp.h>
#include <handoff/numa.h>
#include <handoff/printk.h>

static pg_data_t node0;				/* the others come from their own nodes */
pg_data_t *node_data[MAX_NUMNODES] = { &node0 };

#line 3129 "chapters/10-nodes.nw" /* <node_data.c: the lookups> */
int pfn_to_nid(unsigned long pfn)
{
	const struct numa_memblk *b;
	u64 a = (u64)pfn << PAGE_SHIFT;
	int nid;

	if (!numa_meminfo.source)
		return 0;
	for_each_numa_memblk(&numa_meminfo, b)
		if (b->start <= a && a < b->end)
			return b->nid;
	for_each_online_node(nid)
		if (node_has_pfn(NODE_DATA(nid), pfn))
			return nid;
	return NUMA_NO_NODE;
}

int page_to_nid(const struct page *page)
{
	int nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);

		if (page >= pgdat->node_mem_map &&
		    page < pgdat->node_mem_map + pgdat->node_spanned_pages)
			return nid;
	}
	return 0;
}

bool pfn_valid(unsigned long pfn)
{
	int nid = pfn_to_nid(pfn);

	return nid != NUMA_NO_NODE && NODE_DATA(nid) && node_has_pfn(NODE_DATA(nid), pfn);
}
#line 3169 "chapters/10-nodes.nw" /* <node_data.c: allocation on a node, then on the others> */
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	if (nid == NUMA_NO_NODE)
		nid = numa_node_id();
	if (nid < 0 || nid >= MAX_NUMNODES)
		panic("alloc_pages_node: node %d: this kernel has nodes 0 to %d", nid,
		      MAX_NUMNODES - 1);
	for (int i = 0; i < MAX_NUMNODES; i++) {
		int n = (nid + i) % MAX_NUMNODES;
		struct page *page;

		if (NODE_DATA(n) && (page = buddy_alloc(NODE_DATA(n), gfp, order)))
			return page;
		if (gfp & __GFP_THISNODE)
			break;
	}
	return NULL;
}
