#line 1979 "chapters/10-nodes.nw" /* <arch/x86/kernel/lmb_numa_boot_test.c> */
/* lmb_numa_boot_test.c - LMB's regions carry the node table's nodes. */
#include <handoff/ktest.h>
#include <handoff/lmb.h>

/* The node of the blocks of the table that cover [@start, @end) without a gap, if they agree. */
static int table_node(u64 start, u64 end)
{
	const struct numa_memblk *b;
	int nid = NUMA_NO_NODE;

	for_each_numa_memblk(&numa_meminfo, b) {
		if (b->end <= start || b->start > start)
			continue;
		if (nid != NUMA_NO_NODE && nid != b->nid)
			return NUMA_NO_NODE;
		nid = b->nid;
		start = b->end;
		if (start >= end)
			return nid;
	}
	return NUMA_NO_NODE;
}

KTEST(lmb_regions_on_the_table_nodes)
{
	const struct lmb_region *r;

	for_each_lmb(memory, r) {
		int want = numa_meminfo.source ? table_node(r->base, r->base + r->size) : 0;

		KEXPECT_EQ(t, r->nid, want);
		if (r > lmb.memory.regions)
			KEXPECT_TRUE(t, r[-1].base + r[-1].size < r->base || r[-1].nid != r->nid);
	}
}
