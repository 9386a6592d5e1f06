#line 1724 "chapters/10-nodes.nw" /* <mm/lmb_numa_model_test.c> */
/* lmb_numa_model_test.c - LMB's nodes against a model of cells, on random interleaved layouts. */
#include <asm/page.h>
#include "lmb_test.h"

#define CELL		64
#define WORK		256				/* cells in the model: 16 KiB */
#define NODES		4				/* nodes in the layouts */
#define SPARE		(ARENA + LMB_ARENA_SIZE / 2)	/* node 0's memory for the arrays */
#define NONE		WORK				/* the model's "nothing fits" */

static int nid_of[WORK];				/* NUMA_NO_NODE: not memory */
static bool taken[WORK];

static phys_addr_t cell(unsigned int c) { return ARENA + (phys_addr_t)c * CELL; }
static unsigned int cell_of(phys_addr_t a) { return (unsigned int)((a - ARENA) / CELL); }

#line 1764 "chapters/10-nodes.nw" /* <lmb numa model: a random layout> */
static void random_layout(u32 *seed)
{
	for (unsigned int c = 0, n; c < WORK; c += n) {
		int nid = (int)(ktest_rand(seed) % (NODES + 1)) - 1;	/* -1: a hole */

		n = 1 + ktest_rand(seed) % 24;
		n = MIN(n, WORK - c);
		for (unsigned int i = c; i < c + n; i++) {
			nid_of[i] = nid;
			taken[i] = false;
		}
		if (nid == NUMA_NO_NODE)
			continue;
		if (ktest_rand(seed) % 2) {
			lmb_add_node(cell(c), n * CELL, nid);
		} else {
			lmb_add(cell(c), n * CELL);
			lmb_set_node(cell(c), n * CELL, nid);
		}
	}
}
#line 1792 "chapters/10-nodes.nw" /* <lmb numa model: the expected allocation> */
/* The highest cell where @n cells aligned to @align are free memory of one node (@nid, unless
 * NUMA_NO_NODE) inside [@lo, @hi); NONE if there is none. */
static unsigned int model_fit(unsigned int n, unsigned int align, unsigned int lo,
			      unsigned int hi, int nid)
{
	unsigned int run = 0;				/* such cells from c up */

	for (unsigned int c = hi; c-- > lo; ) {
		bool ok = nid_of[c] != NUMA_NO_NODE && !taken[c] &&
			  (nid == NUMA_NO_NODE || nid_of[c] == nid);

		run = !ok ? 0 : run && nid_of[c + 1] == nid_of[c] ? run + 1 : 1;
		if (run >= n && c % align == 0)
			return c;
	}
	return NONE;
}

static unsigned int model_try_nid(unsigned int n, unsigned int align, unsigned int lo,
				  unsigned int hi, int nid)
{
	unsigned int c = model_fit(n, align, lo, hi, nid);

	if (c == NONE)
		c = model_fit(n, align, lo, hi, NUMA_NO_NODE);
	if (c == NONE)
		c = model_fit(n, align, 0, hi, nid);
	if (c == NONE)
		c = model_fit(n, align, 0, hi, NUMA_NO_NODE);
	return c;
}
#line 1832 "chapters/10-nodes.nw" /* <lmb numa model: compare LMB with the model> */
/* Does @type's region @i lie on whole cells from *@c on, is every cell it skips not @want, and
 * is it unmergeable with the region before? Moves *@c past it. */
static bool region_on_cells(const struct lmb_type *type, unsigned long i, unsigned int *c,
			    bool (*want)(unsigned int))
{
	const struct lmb_region *r = &type->regions[i];
	unsigned int b = cell_of(r->base), e = cell_of(r->base + r->size);

	if (r->base % CELL || r->size % CELL || !r->size || b < *c || e > WORK)
		return false;
	if (i && r[-1].base + r[-1].size == r->base && r[-1].nid == r->nid)
		return false;				/* mergeable */
	for (; *c < b; (*c)++)
		if (want(*c))
			return false;			/* a cell the type misses */
	*c = e;
	return true;
}

static bool is_memory(unsigned int c) { return nid_of[c] != NUMA_NO_NODE; }
static bool is_taken(unsigned int c) { return taken[c]; }
#line 1856 "chapters/10-nodes.nw" /* <lmb numa model: compare LMB with the model> */
static bool lmb_matches_model(void)
{
	const struct lmb_type *mem = &lmb.memory, *res = &lmb.reserved;
	unsigned long i;
	unsigned int c = 0;

	for (i = 0; i < mem->cnt && mem->regions[i].base < SPARE; i++) {
		if (!region_on_cells(mem, i, &c, is_memory))
			return false;
		for (unsigned int k = cell_of(mem->regions[i].base); k < c; k++)
			if (nid_of[k] != mem->regions[i].nid)
				return false;		/* a cell on another node */
	}
	for (; c < WORK; c++)
		if (is_memory(c))
			return false;
	if (i + 1 != mem->cnt || mem->regions[i].base != SPARE || mem->regions[i].nid != 0)
		return false;
	for (i = 0, c = 0; i < res->cnt && res->regions[i].base < SPARE; i++) {
		if (!region_on_cells(res, i, &c, is_taken) || res->regions[i].nid != 0)
			return false;
		for (unsigned int k = cell_of(res->regions[i].base); k < c; k++)
			if (!taken[k])
				return false;
	}
	for (; c < WORK; c++)
		if (taken[c])
			return false;
	for (; i < res->cnt; i++)			/* the arrays, in the spare memory */
		if (res->regions[i].base + res->regions[i].size > ARENA + LMB_ARENA_SIZE)
			return false;
	return true;
}
#line 1896 "chapters/10-nodes.nw" /* <lmb numa model: compare LMB with the model> */
static bool walks_match_model(void)
{
	for (int n = 0; n < NODES; n++) {
		struct range_walk w;
		phys_addr_t s, e;
		unsigned int c = 0;

		lmb_for_each_free_range_nid(w, n, &s, &e) {
			unsigned int b = cell_of(s), end = b;

			if (s >= SPARE)
				break;			/* node 0's spare memory: the last range */
			for (; c < b; c++)
				if (nid_of[c] == n && !taken[c])
					return false;	/* a free cell the walk missed */
			while (end < WORK && nid_of[end] == n && !taken[end])
				end++;
			if (cell(end) != e)
				return false;
			c = end;
		}
		for (; c < WORK; c++)
			if (nid_of[c] == n && !taken[c])
				return false;
	}
	return true;
}
#line 1929 "chapters/10-nodes.nw" /* <lmb numa model: one random operation> */
static bool random_step(u32 *seed)
{
	unsigned int c = ktest_rand(seed) % WORK, n = 1 + ktest_rand(seed) % 8;
	unsigned int op = ktest_rand(seed) % 8;

	n = MIN(n, WORK - c);
	if (op == 0) {					/* a node set anew */
		int nid = (int)(ktest_rand(seed) % NODES);

		lmb_set_node(cell(c), n * CELL, nid);
		for (unsigned int i = c; i < c + n; i++)
			if (is_memory(i))
				nid_of[i] = nid;
	} else if (op == 1) {
		lmb_reserve(cell(c), n * CELL);
		for (unsigned int i = c; i < c + n; i++)
			taken[i] = true;
	} else if (op <= 3) {
		while (c < WORK && !taken[c])
			c++;
		for (n = 0; c + n < WORK && taken[c + n] && n < 16; n++)
			taken[c + n] = false;
		if (n)
			lmb_free(cell(c), n * CELL);
	} else {
#line 1961 "chapters/10-nodes.nw" /* <lmb numa model: a random allocation> */
		unsigned int align = 1u << (ktest_rand(seed) % 4), lo = ktest_rand(seed) % WORK;
		unsigned int hi = 1 + ktest_rand(seed) % WORK;
		int nid = (int)(ktest_rand(seed) % (NODES + 1)) - 1;
		unsigned int want = model_try_nid(n, align, lo, hi, nid);
		phys_addr_t got = lmb_alloc_try_nid_nopanic(n * CELL, align * CELL, cell(lo),
							    cell(hi), nid);

		if (got != (want == NONE ? LMB_ERROR : cell(want)))
			return false;
		for (unsigned int i = want; i < want + n && want != NONE; i++)
			taken[i] = true;
#line 1955 "chapters/10-nodes.nw" /* <lmb numa model: one random operation> */
	}
	return true;
}

#line 1745 "chapters/10-nodes.nw" /* <mm/lmb_numa_model_test.c> */
KTEST(lmb_numa_matches_model)
{
	u32 seed = 1010;
	bool good = true;

	for (int layout = 0; layout < 12 && good; layout++) {
		lmb_test_begin();
		lmb_add(SPARE, LMB_ARENA_SIZE / 2);
		random_layout(&seed);
		for (int step = 0; step < 80 && good; step++)
			good = random_step(&seed) && lmb_matches_model();
		good = good && walks_match_model();
		KEXPECT_TRUE(t, good);
		lmb_test_end();
	}
}
