#line 2653 "chapters/10-nodes.nw" /* <mm/bootmem_nodes_test.c> */
/* bootmem_nodes_test.c - both bootmems of chapter 10, on the test arena, nodes interleaved. */
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/ktest.h>
#include <handoff/pfn.h>
#include <handoff/string.h>
#include "lmb_test.h"

#define NPAGES	(LMB_ARENA_SIZE / PAGE_SIZE)
static unsigned long base;			/* the arena's first page frame */
static int layout[NPAGES];			/* each page's node; NUMA_NO_NODE: a hole */
static const int interleaved[NPAGES] = { 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, -1 };
static struct bootmem tbm;
static struct bootmem_nodes tbn;
static bootmem_data_t tbd[MAX_NUMNODES];

#line 2683 "chapters/10-nodes.nw" /* <bootmem nodes tests: the two shapes> */
static int test_nid(unsigned long pfn)
{
	return pfn >= base && pfn < base + NPAGES ? layout[pfn - base] : NUMA_NO_NODE;
}

static bootmem_data_t *test_owner(const struct bootmem *bm, unsigned long pfn)
{
	return bootmem_nodes_owner(&tbn, pfn);
}

static unsigned long pg(unsigned int i) { return base + i; }
static unsigned int idx(const void *p) { return (unsigned int)(virt_to_pfn(p) - base); }

#line 2700 "chapters/10-nodes.nw" /* <bootmem nodes tests: build a shape> */
static void build(bool per_node, const int *nodes)
{
	unsigned long start[MAX_NUMNODES] = { 0 }, end[MAX_NUMNODES] = { 0 }, pfn, e;
	int nid;

	base = virt_to_pfn(lmb_test_arena);
	memcpy(layout, nodes, sizeof(layout));
	tbm = (struct bootmem){ .owner = per_node ? test_owner : NULL };
	tbn = (struct bootmem_nodes){ .bm = &tbm, .pfn_nid = test_nid };
	for (pfn = base; (e = bootmem_next_node_run(&tbn, &pfn, base + NPAGES, &nid)); pfn = e) {
		start[nid] = end[nid] ? start[nid] : pfn;
		end[nid] = e;
	}
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (end[nid] && (per_node || !tbm.bdata_list)) {
			init_bootmem_core(&tbd[nid], __va(PFN_PHYS(start[nid])),	/* in its first page */
					  per_node ? start[nid] : base, per_node ? end[nid] : base + NPAGES);
			link_bootmem(&tbm, &tbd[nid]);
		}
	for (pfn = base; (e = bootmem_next_node_run(&tbn, &pfn, base + NPAGES, &nid)); pfn = e) {
		bootmem_data_t *b = per_node ? &tbd[nid] : tbm.bdata_list;

		bootmem_add_node_range(&tbn, nid, b, pfn, e);
		for (unsigned long f = pfn; f < e; f++)
			if (test_nid(f) == nid && __va(PFN_PHYS(f)) != b->node_bootmem_map)
				free_bootmem_core(b, PFN_PHYS(f), PAGE_SIZE, "build");
	}
}
#line 2738 "chapters/10-nodes.nw" /* <bootmem nodes tests: one bitmap per node> */
KTEST(bootmem_per_node_interleaved)
{
	unsigned int n0 = 0, n1 = 0;
	void *p;

	build(true, interleaved);
	KEXPECT_TRUE(t, tbm.bdata_list == &tbd[0] && tbd[0].next == &tbd[1] && !tbd[1].next);
	KEXPECT_TRUE(t, tbd[0].node_low_pfn == pg(12) && tbd[1].node_min_pfn == pg(4));
	KEXPECT_TRUE(t, bootmem_page_reserved(&tbd[0], pg(5)) && !__bootmem_pfn_reserved(&tbm, pg(5)));
	KEXPECT_TRUE(t, __bootmem_pfn_reserved(&tbm, pg(15)) && bootmem_free_pages(&tbm) == 13);
	while ((p = ___alloc_bootmem_exact_nid(&tbn, 1, PAGE_SIZE, PAGE_SIZE, 0, 0, "t")))
		n1 += KEXPECT_EQ(t, layout[idx(p)], 1);
	p = ___alloc_bootmem_node_nopanic(&tbn, 1, PAGE_SIZE, PAGE_SIZE, 0, "t");
	KEXPECT_TRUE(t, p && layout[idx(p)] == 0);			/* the fallback */
	while ((p = ___alloc_bootmem_exact_nid(&tbn, 0, PAGE_SIZE, PAGE_SIZE, 0, 0, "t")))
		n0 += KEXPECT_EQ(t, layout[idx(p)], 0);
	KEXPECT_TRUE(t, n1 == 6 && n0 == 6 && bootmem_free_pages(&tbm) == 0);
	__free_bootmem(&tbm, PFN_PHYS(pg(5)), 5 * PAGE_SIZE, "t");	/* 5-7 on 1, 8-9 on 0 */
	KEXPECT_TRUE(t, !bootmem_page_reserved(&tbd[1], pg(5)) && bootmem_page_reserved(&tbd[0], pg(5)));
	KEXPECT_TRUE(t, !bootmem_page_reserved(&tbd[0], pg(9)) && bootmem_free_pages(&tbm) == 5);
	KEXPECT_PANIC(t, __reserve_bootmem_node(&tbn, 0, PFN_PHYS(pg(3)), 2 * PAGE_SIZE, 0, "cross"),
		      "cross() asked for page");
	tbm.owner = NULL;					/* Linux's rule */
	__reserve_bootmem(&tbm, PFN_PHYS(pg(5)), PAGE_SIZE, 0, "linux");
	KEXPECT_TRUE(t, !bootmem_page_reserved(&tbd[1], pg(5)));	/* missed */
}
#line 2771 "chapters/10-nodes.nw" /* <bootmem nodes tests: one bitmap per node> */
KTEST(bootmem_per_node_reserves_across_a_hole)
{
	static const int holes[NPAGES] = { 0, 0, -1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1 };

	build(true, holes);
	KEXPECT_TRUE(t, bootmem_nodes_owner(&tbn, pg(2)) == &tbd[0]);	/* the first that spans it */
	KEXPECT_TRUE(t, bootmem_nodes_owner(&tbn, pg(1)) == &tbd[0]);
	__reserve_bootmem(&tbm, PFN_PHYS(pg(1)), 3 * PAGE_SIZE, 0, "hole");
	KEXPECT_TRUE(t, bootmem_page_reserved(&tbd[0], pg(1)) && bootmem_page_reserved(&tbd[0], pg(3)));
	__free_bootmem(&tbm, PFN_PHYS(pg(1)), 3 * PAGE_SIZE, "hole");
	KEXPECT_TRUE(t, !bootmem_page_reserved(&tbd[0], pg(1)) && !bootmem_page_reserved(&tbd[0], pg(3)));
}
#line 2790 "chapters/10-nodes.nw" /* <bootmem nodes tests: one bitmap for all> */
KTEST(bootmem_one_bitmap_by_node)
{
	unsigned int n1 = 0;
	u8 *p, *q;

	build(false, interleaved);
	KEXPECT_TRUE(t, tbn.nr_ranges == 4 && tbn.range[1].nid == 0 && tbn.range[1].start_pfn == pg(8));
	KEXPECT_TRUE(t, tbn.range[2].nid == 1 && tbn.range[2].start_pfn == pg(4));
	__reserve_bootmem(&tbm, PFN_PHYS(pg(1)), 2 * PAGE_SIZE, 0, "t");
	p = ___alloc_bootmem_exact_nid(&tbn, 0, 100, 8, 0, 0, "t");
	q = ___alloc_bootmem_exact_nid(&tbn, 1, 100, 8, 0, 0, "t");
	KEXPECT_TRUE(t, p && idx(p) == 3 && q && idx(q) == 4);	/* not in page 3 */
	while ((p = ___alloc_bootmem_exact_nid(&tbn, 1, PAGE_SIZE, PAGE_SIZE, 0, 0, "t")))
		n1 += KEXPECT_EQ(t, layout[idx(p)], 1);
	KEXPECT_EQ(t, n1, 6);						/* 5-7, 12-14 */
	KEXPECT_TRUE(t, !___alloc_bootmem_exact_nid(&tbn, 0, 5 * PAGE_SIZE, PAGE_SIZE, 0, 0, "t"));
	p = ___alloc_bootmem_exact_nid(&tbn, 0, 4 * PAGE_SIZE, PAGE_SIZE, 0, 0, "t");
	KEXPECT_TRUE(t, p && idx(p) == 8);
	KEXPECT_PANIC(t, ___alloc_bootmem_exact_nid(&tbn, 8, 8, 8, 0, 0, "bad"),
		      "bad() asked for node 8");
}
#line 2819 "chapters/10-nodes.nw" /* <bootmem nodes tests: to the buddy, each page once> */
static struct page tpages[NPAGES];
static pg_data_t tnode;

static void hand_over(struct ktest *t, bool per_node)
{
	unsigned long end[MAX_NR_ZONES], free, maps = per_node ? 2 : 1, got;
	bool was_free[NPAGES];

	build(per_node, interleaved);
	___alloc_bootmem_exact_nid(&tbn, 1, PAGE_SIZE, PAGE_SIZE, 0, 0, "t");
	free = bootmem_free_pages(&tbm);
	for (unsigned int i = 0; i < NPAGES; i++)
		was_free[i] = !__bootmem_pfn_reserved(&tbm, pg(i));
	end[ZONE_DMA] = base;
	end[ZONE_NORMAL] = base + NPAGES;
	free_area_init_node(&tnode, tpages, base, end);
	for (unsigned int i = 0; i < NPAGES; i++)
		if (layout[i] != NUMA_NO_NODE)
			memory_present(&tnode, pg(i), pg(i) + 1);
	got = __free_all_bootmem(&tbm, &tnode, "t");
	KEXPECT_EQ(t, got, free + maps);
	for (unsigned int i = 0; i < NPAGES; i++)
		KEXPECT_EQ(t, buddy_page_is_free(&tnode, pg(i)),
			   was_free[i] || i == 0 || (per_node && i == 4));
}

KTEST(bootmem_nodes_hand_over_each_page_once)
{
	hand_over(t, true);
	hand_over(t, false);
}
#line 2862 "chapters/10-nodes.nw" /* <bootmem nodes tests: against a model> */
static bool taken[NPAGES];

#line 2890 "chapters/10-nodes.nw" /* <bootmem nodes model: the model's questions> */
static bool matches(void)
{
	for (unsigned int i = 0; i < NPAGES; i++)
		if (__bootmem_pfn_reserved(&tbm, pg(i)) != taken[i])
			return false;
	for (const bootmem_data_t *b = tbm.bdata_list; b; b = b->next)
		for (unsigned long pfn = b->node_min_pfn; pfn < b->node_low_pfn; pfn++)
			if (bootmem_owner(&tbm, pfn) != b && !bootmem_page_reserved(b, pfn))
				return false;
	return true;
}

/* Is there a run of n free pages, all on one node (nid, or any if NUMA_NO_NODE)? */
static bool room(int nid, unsigned int n)
{
	for (unsigned int i = 0; i + n <= NPAGES; i++) {
		unsigned int j = i;

		while (j < i + n && !taken[j] && layout[j] == layout[i] &&
		       (nid == NUMA_NO_NODE || layout[j] == nid))
			j++;
		if (j == i + n)
			return true;
	}
	return false;
}

static bool on_node(const u8 *p, size_t size, int nid)
{
	for (unsigned int i = idx(p); i <= idx(p + size - 1); i++)
		if (layout[i] != nid)
			return false;
	return true;
}
#line 2927 "chapters/10-nodes.nw" /* <bootmem nodes model: one step> */
static bool model_steps(u32 *seed)
{
	static struct { u8 *p; size_t size; } live[64];
	int nr = 0;

	for (int step = 0; step < 300; step++) {
		u32 r = ktest_rand(seed), s = ktest_rand(seed);
		int nid = (int)(s % 3);
		bool exact = s & 8, small = s & 16;
		size_t size = small ? 1 + r % 200 : (1 + r % 2) * PAGE_SIZE;
		unsigned int n = (unsigned int)PFN_UP(size);
		bool fits = room(nid, small ? 1 : n), fits_any = room(NUMA_NO_NODE, small ? 1 : n);
		u8 *p;

		if (r % 3 == 0 && nr) {			/* free one, whole pages only */
			int k = (int)(s % (u32)nr);
			phys_addr_t a = __pa(live[k].p), e = a + live[k].size;

			__free_bootmem(&tbm, a, live[k].size, "model");
			for (phys_addr_t f = PFN_UP(a); f < PFN_DOWN(e); f++)
				taken[f - base] = false;
			live[k] = live[--nr];
		} else if (nr < 64) {
			p = exact ? ___alloc_bootmem_exact_nid(&tbn, nid, size, small ? 8 : PAGE_SIZE, 0, 0,
								 "model")
				  : ___alloc_bootmem_node_nopanic(&tbn, nid, size, small ? 8 : PAGE_SIZE, 0,
								  "model");
#line 2964 "chapters/10-nodes.nw" /* <bootmem nodes model: check an allocation> */
			if (!p) {
				if (exact ? fits : fits_any)
					return false;
				continue;
			}
			if ((exact || fits) && !on_node(p, size, nid))
				return false;
			for (size_t j = 0; j < size; j++)
				if (p[j])
					return false;
			memset(p, 0x5a, size);
			for (unsigned int i = idx(p); i <= idx(p + size - 1); i++)
				taken[i] = true;
			live[nr].p = p;
			live[nr++].size = size;
#line 2955 "chapters/10-nodes.nw" /* <bootmem nodes model: one step> */
		}
		if (!matches())
			return false;
	}
	return true;
}

#line 2867 "chapters/10-nodes.nw" /* <bootmem nodes tests: against a model> */
KTEST(bootmem_nodes_match_model)
{
	u32 seed = 0x10de5;
	bool bad = false;

	for (int round = 0; round < 8 && !bad; round++) {
		int nodes[NPAGES];

		for (unsigned int i = 0; i < NPAGES; i += 2) {
			u32 r = ktest_rand(&seed);

			nodes[i] = nodes[i + 1] = i && r % 8 == 0 ? NUMA_NO_NODE : (int)(r % 3);
		}
		build(round % 2, nodes);
		for (unsigned int i = 0; i < NPAGES; i++)
			taken[i] = __bootmem_pfn_reserved(&tbm, pg(i));
		bad = !model_steps(&seed);
		KEXPECT_TRUE(t, !bad);
	}
}
