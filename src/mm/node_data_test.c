#line 3195 "chapters/10-nodes.nw" /* <mm/node_data_test.c> */
/* node_data_test.c - pg_data_t per node: lookups, fallback, and no merging across nodes. */
#include <asm/page.h>
#include <handoff/gfp.h>
#include <handoff/ktest.h>
#include <handoff/numa.h>
#include <handoff/string.h>

#define S	0x50000ul			/* page frame at 1.25 GiB: never touched */

static struct page map0[48], map1[48];
static pg_data_t n0, n1;

static void interleaved_nodes(void)
{
	unsigned long end0[MAX_NR_ZONES] = { S, S + 48 }, end1[MAX_NR_ZONES] = { S + 16, S + 64 };

	numa_reset(&numa_meminfo);
	for (unsigned long i = 0; i < 4; i++)
		numa_add_memblk(&numa_meminfo, (int)(i & 1), PFN_PHYS(S + 16 * i),
				PFN_PHYS(S + 16 * i + 16));
	numa_meminfo.source = "test";
	free_area_init_node(&n0, map0, S, end0);
	free_area_init_node(&n1, map1, S + 16, end1);
	n1.node_id = 1;
	NODE_DATA(0) = &n0, NODE_DATA(1) = &n1;
	for (unsigned long i = 0; i < 4; i++) {
		pg_data_t *pgdat = i & 1 ? &n1 : &n0;

		memory_present(pgdat, S + 16 * i, S + 16 * i + 16);
		buddy_free_reserved(pgdat, S + 16 * i, S + 16 * i + 16, "test");
	}
}

#line 3233 "chapters/10-nodes.nw" /* <mm/node_data_test.c> */
KTEST(node_data_lookups_fallback_and_no_merging)
{
	struct numa_meminfo saved = numa_meminfo;
	pg_data_t *nodes[MAX_NUMNODES];
	static struct page *p[64];
	static int n;					/* static: KEXPECT_PANIC's longjmp */

	n = 0;
	memcpy(nodes, node_data, sizeof(nodes));		/* the kernel's, kept */
	memset(node_data, 0, sizeof(node_data));
	interleaved_nodes();
	KEXPECT_TRUE(t, pfn_to_nid(S + 20) == 1 && pfn_to_nid(S + 40) == 0);
	KEXPECT_TRUE(t, pfn_to_nid(S + 100) == NUMA_NO_NODE && !pfn_valid(S + 100));
	KEXPECT_TRUE(t, pfn_to_page(S + 20) == &map1[4] && page_to_nid(&map1[4]) == 1);
	KEXPECT_TRUE(t, page_to_pfn(&map0[40]) == S + 40 && page_to_nid(&map0[20]) == 0);
	KEXPECT_EQ(t, n0.node_zones[ZONE_NORMAL].free_area[4].nr_free, 2ul);	/* no order 5 */
	KEXPECT_EQ(t, n1.node_zones[ZONE_NORMAL].free_area[4].nr_free, 2ul);
	while (n < 32 && (p[n] = alloc_pages_node(1, GFP_KERNEL | __GFP_THISNODE, 0)))
		KEXPECT_EQ(t, page_to_nid(p[n++]), 1);
	KEXPECT_EQ(t, n, 32);					/* node 1 had 32, then nothing */
	KEXPECT_TRUE(t, !alloc_pages_node(1, GFP_KERNEL | __GFP_THISNODE, 0));
	KASSERT_TRUE(t, (p[n] = alloc_pages_node(1, GFP_KERNEL, 0)) != NULL);
	KEXPECT_EQ(t, page_to_nid(p[n++]), 0);			/* fell back to node 0 */
	KEXPECT_PANIC(t, alloc_pages_node(MAX_NUMNODES, GFP_KERNEL, 0), "node 8: this kernel");
	while (n--)
		__free_pages(p[n], 0);				/* each to its own node */
	KEXPECT_EQ(t, n1.node_zones[ZONE_NORMAL].free_pages, 32ul);
	KEXPECT_EQ(t, n0.node_zones[ZONE_NORMAL].free_area[4].nr_free, 2ul);
	memcpy(node_data, nodes, sizeof(nodes));
	numa_meminfo = saved;
}
