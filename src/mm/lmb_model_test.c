#line 1655 "chapters/04-lmb.nw" /* <mm/lmb_model_test.c> */
/* lmb_model_test.c - LMB against a model of cells, under random operations. */
#include <asm/page.h>
#include "lmb_test.h"

#define CELL		64
#define CELLS		(LMB_ARENA_SIZE / CELL)
#define WORK_CELLS	(CELLS / 2)

static bool mem_bit[CELLS], res_bit[CELLS];

static phys_addr_t cell(unsigned int c) { return ARENA + (phys_addr_t)c * CELL; }

#line 1695 "chapters/04-lmb.nw" /* <lmb model: the expected allocation> */
static bool arr_bit[CELLS];

static void array_cells(void)
{
	const struct lmb_type *types[] = { &lmb.memory, &lmb.reserved };

	memset(arr_bit, 0, sizeof(arr_bit));
	for (int k = 0; k < 2; k++) {
		phys_addr_t b = __pa(types[k]->regions), s = lmb_array_bytes(types[k]->max);

		if (b < ARENA || b >= ARENA + LMB_ARENA_SIZE)
			continue;			/* a static array: not in the arena */
		for (phys_addr_t a = b; a < b + s; a += CELL)
			arr_bit[(a - ARENA) / CELL] = true;
	}
}

static phys_addr_t model_alloc(unsigned int cells, unsigned int align, unsigned int limit)
{
	for (unsigned int c = (limit - cells) / align * align + align; c-- > 0; ) {
		bool fits = c % align == 0 && c + cells <= limit;

		for (unsigned int i = c; fits && i < c + cells; i++)
			fits = mem_bit[i] && !res_bit[i] && !arr_bit[i];
		if (fits)
			return cell(c);
	}
	return LMB_ERROR;
}
#line 1727 "chapters/04-lmb.nw" /* <lmb model: compare LMB with the model> */
static bool type_matches(const struct lmb_type *type, const bool *want)
{
	bool have[CELLS] = { false };
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct lmb_region *r = &type->regions[i];

		if (i && (r[-1].base + r[-1].size >= r->base))
			return false;		/* unsorted, overlapping or mergeable */
		if (r->base < ARENA || r->base + r->size > ARENA + LMB_ARENA_SIZE || !r->size)
			return false;
		for (phys_addr_t a = r->base; a < r->base + r->size; a += CELL)
			have[(a - ARENA) / CELL] = true;
		total += r->size;
	}
	return total == type->total_size && !memcmp(have, want, sizeof(have));
}

static bool lmb_matches(void)
{
	bool want_res[CELLS];

	array_cells();
	for (unsigned int c = 0; c < CELLS; c++) {
		if (arr_bit[c] && (res_bit[c] || !mem_bit[c]))
			return false;		/* an array on taken or missing memory */
		want_res[c] = res_bit[c] || arr_bit[c];
	}
	return type_matches(&lmb.memory, mem_bit) && type_matches(&lmb.reserved, want_res);
}
#line 1764 "chapters/04-lmb.nw" /* <lmb model: one random operation> */
static void set_bits(bool *bits, unsigned int c, unsigned int n, bool v)
{
	for (unsigned int i = c; i < c + n; i++)
		bits[i] = v;
}
#line 1774 "chapters/04-lmb.nw" /* <lmb model: one random operation> */
static bool random_step(u32 *seed)
{
	unsigned int c = ktest_rand(seed) % WORK_CELLS, n = 1 + ktest_rand(seed) % 16;
	unsigned int op = ktest_rand(seed) % 5;

	n = MIN(n, WORK_CELLS - c);
	switch (op) {
	case 0: lmb_add(cell(c), n * CELL); set_bits(mem_bit, c, n, true); break;
	case 1: lmb_remove(cell(c), n * CELL); set_bits(mem_bit, c, n, false); break;
	case 2: lmb_reserve(cell(c), n * CELL); set_bits(res_bit, c, n, true); break;
	case 3:
		while (c < WORK_CELLS && !res_bit[c])
			c++;
		for (n = 0; c + n < WORK_CELLS && res_bit[c + n] && n < 16; n++)
			;
		if (n) {
			lmb_free(cell(c), n * CELL);
			set_bits(res_bit, c, n, false);
		}
		break;
	default: {
		unsigned int align = 1u << (ktest_rand(seed) % 4), limit = WORK_CELLS - c;
		phys_addr_t want, got;

		array_cells();
		want = model_alloc(n, align, limit);
		got = lmb_alloc_nopanic(n * CELL, align * CELL, cell(limit));
		if (got != want)
			return false;
		if (got != LMB_ERROR)
			set_bits(res_bit, (got - ARENA) / CELL, n, true);
	}
	}
	return true;
}

#line 1671 "chapters/04-lmb.nw" /* <mm/lmb_model_test.c> */
KTEST(lmb_matches_model)
{
	u32 seed = 2035;
	int bad = 0;

	lmb_test_begin();
	memset(mem_bit, 0, sizeof(mem_bit));
	memset(res_bit, 0, sizeof(res_bit));
	lmb_add(cell(WORK_CELLS), LMB_ARENA_SIZE / 2);			/* room for the arrays */
	for (unsigned int c = WORK_CELLS; c < CELLS; c++)
		mem_bit[c] = true;
	for (int step = 0; step < 2000 && !bad; step++) {
		bad = !random_step(&seed) || !lmb_matches();
		KEXPECT_TRUE(t, !bad);
	}
	KEXPECT_TRUE(t, lmb.memory.max > INIT_LMB_REGIONS || lmb.reserved.max > INIT_LMB_REGIONS);
	lmb_test_end();
}
