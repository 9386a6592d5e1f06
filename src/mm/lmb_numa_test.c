#line 1368 "chapters/10-nodes.nw" /* <mm/lmb_numa_test.c> */
/* lmb_numa_test.c - LMB's nodes: memblock's alloc_try_nid cases on eight nodes, and merging. */
#include <asm/page.h>
#include "lmb_test.h"

#define NUMA_MEM	0x4000			/* memblock's tests' 16 KiB */
#define CACHE		64			/* their alignment, SMP_CACHE_BYTES */

static const unsigned int node_sixteenths[MAX_NUMNODES] = { 4, 1, 2, 2, 1, 1, 4, 1 };
static phys_addr_t nb[MAX_NUMNODES], ns[MAX_NUMNODES];	/* each node's base and size */

#define NEND(n)		(nb[n] + ns[n])
#define MEM_START	nb[0]
#define MEM_END		NEND(MAX_NUMNODES - 1)

/* lmb_test_begin, then the eight nodes one after another, each added on its node. */
static void eight_nodes(void)
{
	phys_addr_t at = ARENA;

	lmb_test_begin();
	for (int n = 0; n < MAX_NUMNODES; n++) {
		nb[n] = at;
		ns[n] = NUMA_MEM / 16 * node_sixteenths[n];
		lmb_add_node(nb[n], ns[n], n);
		at += ns[n];
	}
}

#line 1411 "chapters/10-nodes.nw" /* <lmb numa tests: shorthands> */
#define TRY(size, min, max, nid) \
	lmb_alloc_try_nid_nopanic((size), CACHE, (min), (max), (nid))
#define EXPECT_REGION(t, type, i, b, s) ({		/* as in chapter 4's lmb_test.c */	\
	KEXPECT_EQ(t, lmb.type.regions[i].base, b);				\
	KEXPECT_EQ(t, lmb.type.regions[i].size, s);				\
})

#line 1429 "chapters/10-nodes.nw" /* <lmb numa tests: the node is there> */
KTEST(lmb_numa_simple_and_part_reserved)
{
	eight_nodes();
	KEXPECT_EQ(t, TRY(ns[3] / 4, MEM_START, MEM_END, 3), NEND(3) - ns[3] / 4);		/* numa_simple */
	KEXPECT_EQ(t, lmb.reserved.cnt, 1);
	lmb_test_end();
	eight_nodes();
	lmb_reserve(nb[4], ns[4] / 2);					/* numa_part_reserved */
	KEXPECT_EQ(t, TRY(ns[4] / 8, MEM_START, MEM_END, 4), NEND(4) - ns[4] / 8);
	KEXPECT_EQ(t, lmb.reserved.cnt, 2);
	lmb_test_end();
}

KTEST(lmb_numa_reserved_full_merge)
{
	eight_nodes();
	lmb_reserve(nb[7], 128);					/* r1 */
	lmb_reserve(nb[6] - 128, 128);					/* r2 */
	KEXPECT_EQ(t, TRY(ns[6], nb[6], nb[7], 6), nb[6]);
	KASSERT_EQ(t, lmb.reserved.cnt, 1);
	EXPECT_REGION(t, reserved, 0, nb[6] - 128, ns[6] + 256);
	lmb_test_end();
}
#line 1463 "chapters/10-nodes.nw" /* <lmb numa tests: the node cannot> */
KTEST(lmb_numa_falls_back_to_any_node)
{
	eight_nodes();
	KEXPECT_EQ(t, TRY(2 * ns[1], MEM_START, MEM_END, 1), NEND(6) - 2 * ns[1]);	/* numa_small_node */
	lmb_test_end();
	eight_nodes();
	lmb_reserve(nb[2], ns[2]);					/* numa_node_reserved */
	KEXPECT_EQ(t, TRY(ns[2], MEM_START, MEM_END, 2), NEND(6) - ns[2]);
	KEXPECT_EQ(t, lmb.reserved.cnt, 2);
	lmb_test_end();
	eight_nodes();
	lmb_reserve(nb[4] + ns[4] / 4, ns[4] / 2);		/* numa_part_reserved_fallback */
	KEXPECT_EQ(t, TRY(ns[4] / 2, MEM_START, MEM_END, 4), NEND(7) - ns[4] / 2);
	lmb_test_end();
}

KTEST(lmb_numa_nothing_fits)
{
	eight_nodes();
	KEXPECT_EQ(t, TRY(NUMA_MEM / 2, MEM_START, MEM_END, 3), LMB_ERROR);		/* numa_large_region */
	KEXPECT_PANIC(t, lmb_alloc_try_nid(NUMA_MEM / 2, CACHE, MEM_START, MEM_END, 3), "on node 3");
	lmb_test_end();
	eight_nodes();							/* numa_split_all_reserved */
	lmb_reserve(MEM_START, nb[7] - 128 - MEM_START);
	lmb_reserve(nb[7] + 128, MEM_END - nb[7] - 128);
	KEXPECT_EQ(t, TRY(256, MEM_START, MEM_END, NUMA_NO_NODE), LMB_ERROR);
	KEXPECT_EQ(t, lmb.reserved.cnt, 2);
	lmb_test_end();
}
#line 1504 "chapters/10-nodes.nw" /* <lmb numa tests: the range and the node> */
KTEST(lmb_numa_range_before_node)
{
	phys_addr_t lo = NEND(2) - 256;

	eight_nodes();
	KEXPECT_EQ(t, TRY(512, lo, lo + 512, 2), NEND(2) - 512);	/* numa_split_range_low */
	lmb_test_end();
	eight_nodes();
	KEXPECT_EQ(t, TRY(512, lo, lo + 512, 3), NEND(2) - 512);	/* numa_split_range_high */
	lmb_test_end();
	eight_nodes();
	KEXPECT_EQ(t, TRY(512, nb[6] - 256, nb[6] + 256, 2), NEND(2) - 512); /* no_overlap_split */
	lmb_test_end();
	eight_nodes();
	KEXPECT_EQ(t, TRY(64, nb[2], NEND(5), 0), NEND(5) - 64);	/* numa_no_overlap_low */
	lmb_test_end();
	eight_nodes();
	KEXPECT_EQ(t, TRY(64, nb[2], NEND(5), 7), NEND(5) - 64);	/* numa_no_overlap_high */
	lmb_test_end();
}
#line 1536 "chapters/10-nodes.nw" /* <lmb numa tests: one node, the range and the limit> */
KTEST(lmb_try_nid_range_cases)
{
	phys_addr_t s = ARENA, e = ARENA + NUMA_MEM, r1 = e - 2 * CACHE, r2 = r1 - CACHE - 128;

	lmb_test_begin();
	lmb_add(s, NUMA_MEM);
	KEXPECT_EQ(t, TRY(256, s + 512, s + 512 + CACHE, NUMA_NO_NODE), s + 512 + CACHE - 256);
	KEXPECT_EQ(t, TRY(1024, s, s + CACHE, NUMA_NO_NODE), LMB_ERROR);		/* low_max */
	lmb_reserve(r1, CACHE);						/* reserved_no_space */
	lmb_reserve(r2, 128);
	KEXPECT_EQ(t, TRY(256, r2 + 128, r1, NUMA_NO_NODE), r2 - 256);
	KEXPECT_EQ(t, lmb.reserved.cnt, 3);	/* the first answer, r2 with this one, r1 */
	lmb_test_end();
	lmb_test_begin();
	lmb_add(s, NUMA_MEM);
	KEXPECT_EQ(t, TRY(256, e - 1024, e + 256, NUMA_NO_NODE), e - 256);	/* cap_max */
	KEXPECT_EQ(t, TRY(1024, s - 256, e, NUMA_NO_NODE), e - 256 - 1024);	/* cap_min */
	lmb.current_limit = s + NUMA_MEM / 2;				/* the limit */
	KEXPECT_EQ(t, TRY(256, s, LMB_ALLOC_ACCESSIBLE, 0), s + NUMA_MEM / 2 - 256);
	KEXPECT_EQ(t, TRY(256, s, e, 0), s + NUMA_MEM / 2 - 512);
	KEXPECT_EQ(t, TRY(256, e - 1024, e, 0), s + NUMA_MEM / 2 - 768);
	lmb_test_end();
}
#line 1567 "chapters/10-nodes.nw" /* <lmb numa tests: regions of two nodes> */
KTEST(lmb_numa_regions_of_two_nodes_never_merge)
{
	lmb_test_begin();
	lmb_add_node(ARENA, 0x1000, 0);
	lmb_add_node(ARENA + 0x1000, 0x1000, 1);			/* adjacent, node 1 */
	lmb_add_node(ARENA + 0x2000, 0x1000, 1);			/* merges with node 1 */
	KASSERT_EQ(t, lmb.memory.cnt, 2);
	EXPECT_REGION(t, memory, 1, ARENA + 0x1000, 0x2000);
	KEXPECT_EQ(t, lmb.memory.regions[1].nid, 1);
	lmb_add_node(ARENA + 0x800, 0x3000, 2);		/* over both, and 0x800 past them */
	KASSERT_EQ(t, lmb.memory.cnt, 3);
	EXPECT_REGION(t, memory, 2, ARENA + 0x3000, 0x800);
	KEXPECT_TRUE(t, lmb.memory.regions[0].nid == 0 && lmb.memory.regions[2].nid == 2);
	lmb_reserve(ARENA + 0xc00, 0x800);				/* across nodes 0 and 1 */
	lmb_reserve(ARENA + 0x1400, 0x100);				/* touches it */
	KEXPECT_EQ(t, lmb.reserved.cnt, 1);
	lmb_test_end();
}

KTEST(lmb_numa_set_node_cuts_and_merges)
{
	lmb_test_begin();
	lmb_add_node(ARENA, 0x3000, 1);
	lmb_set_node(ARENA + 0x1000, 0x1000, 2);			/* the middle */
	KASSERT_EQ(t, lmb.memory.cnt, 3);
	for (int i = 0; i < 3; i++)
		KEXPECT_EQ(t, lmb.memory.regions[i].nid, i == 1 ? 2 : 1);
	KEXPECT_EQ(t, lmb.memory.total_size, 0x3000);
	lmb_remove(ARENA + 0x400, 0x100);			/* a cut keeps the node too */
	KEXPECT_TRUE(t, lmb.memory.cnt == 4 && lmb.memory.regions[0].nid == 1 &&
			lmb.memory.regions[1].nid == 1);
	lmb_add(ARENA + 0x400, 0x100);		/* node 0: it does not merge with node 1 */
	KEXPECT_EQ(t, lmb.memory.cnt, 5);
	lmb_set_node(ARENA, 0x3000, 1);					/* all of it back */
	KASSERT_EQ(t, lmb.memory.cnt, 1);
	EXPECT_REGION(t, memory, 0, ARENA, 0x3000);
	lmb_test_end();
}
#line 1616 "chapters/10-nodes.nw" /* <lmb numa tests: a node's memory> */
KTEST(lmb_numa_walk_and_counts_per_node)
{
	phys_addr_t s, e, s2, e2, want[2] = { 0x2000 - 0x400, 0x3000 - 0x800 }, got[2] = { 0, 0 };
	unsigned long tot[2], fr[2], res[2], T, F, R;
	struct range_walk w, w2;

	lmb_test_begin();
	lmb_add(ARENA, 0x5000);
	lmb_set_node(ARENA + 0x1000, 0x1000, 1);
	lmb_set_node(ARENA + 0x3000, 0x2000, 1);
	lmb_reserve(ARENA + 0xc00, 0x800);			/* node 0 0x400, node 1 0x400 */
	lmb_reserve(ARENA + 0x4000, 0x400);
	for (int n = 0; n < 2; n++)
		lmb_for_each_free_range_nid(w, n, &s, &e) {
			KEXPECT_EQ(t, lmb_pfn_nid(PFN_DOWN(s)), n);
			KEXPECT_EQ(t, lmb_pfn_nid(PFN_DOWN(e - 1)), n);
			got[n] += e - s;
		}
	KEXPECT_TRUE(t, got[0] == want[0] && got[1] == want[1]);
	w2 = (struct range_walk){ 0, 0, 0 };
	lmb_for_each_free_range_nid(w, NUMA_NO_NODE, &s, &e)	/* chapter 4's walk, step by step */
		KEXPECT_TRUE(t, lmb_walk_next(&w2, &s2, &e2) && s2 == s && e2 == e);
	KEXPECT_TRUE(t, !lmb_walk_next(&w2, &s2, &e2));
	lmb_page_counts(&T, &F, &R);
	for (int n = 0; n < 2; n++)
		lmb_page_counts_nid(n, &tot[n], &fr[n], &res[n]);
	KEXPECT_TRUE(t, tot[0] == 2 && tot[1] == 3 && res[0] == 1 && res[1] == 2);
	KEXPECT_TRUE(t, T == tot[0] + tot[1] && F == fr[0] + fr[1] && R == res[0] + res[1]);
	for (unsigned long pfn = PFN_DOWN(ARENA); pfn < PFN_DOWN(ARENA) + 6; pfn++) {
		int n = lmb_pfn_nid(pfn);				/* page by page */

		if (n != NUMA_NO_NODE)
			(lmb_pfn_reserved(pfn) ? res : fr)[n]--;
	}
	KEXPECT_TRUE(t, !res[0] && !res[1] && !fr[0] && !fr[1]);	/* ARENA + 0x5000: none */
	lmb_test_end();
}
#line 1656 "chapters/10-nodes.nw" /* <lmb numa tests: a node's memory> */
KTEST(lmb_numa_learns_a_table)
{
	static struct numa_meminfo mi;

	lmb_test_begin();
	lmb_add(ARENA, 0x4000);
	lmb_add(ARENA + 0x5000, 0x800);				/* part of a page: no node */
	numa_reset(&mi);
	lmb_learn_nodes(&mi);					/* no source: nothing */
	KEXPECT_TRUE(t, lmb.memory.cnt == 2 && lmb.memory.regions[0].nid == 0);
	mi.source = "fake";
	KASSERT_TRUE(t, !numa_add_memblk(&mi, 0, ARENA, ARENA + 0x1000));
	KASSERT_TRUE(t, !numa_add_memblk(&mi, 1, ARENA + 0x1000, ARENA + 0x2000));
	KASSERT_TRUE(t, !numa_add_memblk(&mi, 0, ARENA + 0x2000, ARENA + 0x3000));
	KASSERT_TRUE(t, !numa_add_memblk(&mi, 1, ARENA + 0x3000, ARENA + 0x6000));
	lmb_learn_nodes(&mi);
	KASSERT_EQ(t, lmb.memory.cnt, 5);			/* the last block holds two regions */
	for (int i = 0; i < 5; i++)
		KEXPECT_EQ(t, lmb.memory.regions[i].nid, i == 4 ? 1 : i % 2);
	KEXPECT_EQ(t, lmb_pfn_nid(PFN_DOWN(ARENA + 0x2000)), 0);
	KEXPECT_EQ(t, lmb_pfn_nid(PFN_DOWN(ARENA + 0x5000)), NUMA_NO_NODE);
	lmb_test_end();
}
#line 1686 "chapters/10-nodes.nw" /* <lmb numa tests: refused> */
KTEST(lmb_numa_refuses)
{
	phys_addr_t lo, hi;

	eight_nodes();
	lo = MEM_START;
	hi = MEM_END;
	KEXPECT_PANIC(t, lmb_set_node(lo, 0x100, NUMA_NO_NODE),
		      "lmb_set_node: lmb_numa_refuses() passed node -1, which is not a node");
	KEXPECT_PANIC(t, lmb_add_node(hi, 0x100, MAX_NUMNODES), "passed node 8");
	KEXPECT_PANIC(t, lmb_alloc_try_nid(64, CACHE, lo, hi, -2), "NUMA_NO_NODE (-1) is any node");
	KEXPECT_PANIC(t, lmb_alloc_try_nid(0, CACHE, lo, hi, 0), "asked for 0 bytes");
	KEXPECT_PANIC(t, lmb_alloc_try_nid_nopanic(64, 48, lo, hi, 0), "not a power of two");
	KEXPECT_PANIC(t, lmb_page_counts_nid(9, NULL, NULL, NULL), "passed node 9");
	KEXPECT_EQ(t, lmb.reserved.cnt, 0);
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem_node()");
	KEXPECT_PANIC(t, lmb_set_node(lo, 0x100, 1), "lmb_set_node: lmb_numa_refuses() called after");
	KEXPECT_PANIC(t, lmb_alloc_try_nid(64, CACHE, lo, hi, 1), "use alloc_bootmem_node() instead");
	lmb_test_end();
}
