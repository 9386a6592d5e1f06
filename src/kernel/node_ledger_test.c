#line 3760 "chapters/10-nodes.nw" /* <kernel/node_ledger_test.c> */
/* node_ledger_test.c - the handoff lines node by node, on a small interleaved machine. */
#include <handoff/handoff.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>
#include <handoff/node_ledger.h>
#include <handoff/numa.h>
#include <handoff/string.h>
#include "../mm/lmb_test.h"

#define MiB (1ull << 20)

static struct numa_meminfo saved;

static void two_interleaved_nodes(void)
{
	saved = numa_meminfo;
	numa_reset(&numa_meminfo);
	numa_parse_fake(&numa_meminfo, "0:0-8M,1:8M-16M,0:16M-24M,1:24M-32M", 35);
	lmb_test_begin();				/* the booted kernel's LMB is kept */
	lmb_add(0, 32 * MiB);
	lmb_reserve(7 * MiB, 2 * MiB + 100);		/* pages 1792..2304: 256 on 0, 257 on 1 */
	lmb_learn_nodes(&numa_meminfo);			/* the regions' nodes, as at boot */
}

#line 3789 "chapters/10-nodes.nw" /* <kernel/node_ledger_test.c> */
static void twice(free_extent_fn fn, void *arg)
{
	fn(0, 16, NUMA_NO_NODE, arg);
	fn(8, 24, NUMA_NO_NODE, arg);			/* pages 8..15 again */
}

static void misplaced(free_extent_fn fn, void *arg)
{
	fn(2048, 2050, 0, arg);				/* node 1's first pages, on node 0's lists */
}

KTEST(node_ledger_counts_each_node)
{
	struct node_pages n[MAX_NUMNODES];
	unsigned long total, free, reserved;

	two_interleaved_nodes();
	node_page_counts(ledger_free_walk("lmb"), n);
	KEXPECT_EQ(t, n[0].total, 4096ul);
	KEXPECT_EQ(t, n[1].total, 4096ul);
	KEXPECT_EQ(t, n[0].total - n[0].free, 256ul);
	KEXPECT_EQ(t, n[1].total - n[1].free, 257ul);
	KEXPECT_EQ(t, n[2].total, 0ul);
	node_page_counts(twice, n);
	KEXPECT_EQ(t, n[0].free, 32ul);			/* 24 pages, 8 of them twice */
	KEXPECT_PANIC(t, node_page_counts(misplaced, n), "node 0's free memory holds page frames "
		      "0x800-0x801, which are node 1's");
	KEXPECT_TRUE(t, ledger_free_walk("nobody") == NULL);
	lmb_page_counts(&total, &free, &reserved);
	handoff_ledger_nodes("test", "lmb", total, free, reserved);	/* adds up: no panic */
	KEXPECT_PANIC(t, handoff_ledger_nodes("test", "lmb", total, free + 1, reserved - 1),
		      "the nodes add up to total=8192 free=7679 reserved=513");
	KEXPECT_PANIC(t, handoff_ledger_nodes("test", "nobody", total, free, reserved),
		      "cannot count nobody's pages");
	lmb_test_end();
	numa_meminfo = saved;
}
