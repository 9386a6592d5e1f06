#line 1791 "chapters/03-e820.nw" /* <kernel/early_res_test.c> */
/* early_res_test.c - reservations and the search for free memory. */
#include <handoff/early_res.h>
#include <handoff/ktest.h>
#include <handoff/string.h>

static struct early_res_table tt;
static struct e820map tmap;

static void fresh(void)
{
	memset(&tt, 0, sizeof(tt));
	memset(&tmap, 0, sizeof(tmap));
	e820_add_region(&tmap, 0x1000, 0xff000, E820_RAM);		/* [4K, 1M) usable */
}

#line 1812 "chapters/03-e820.nw" /* <early_res tests: reserving and freeing> */
KTEST(early_res_keeps_order_and_refuses_overlaps)
{
	fresh();
	__reserve_early(&tt, 0x5000, 0x6000, "B", "t");
	__reserve_early(&tt, 0x1000, 0x2000, "A", "t");
	__reserve_early(&tt, 0x6000, 0x7000, "C", "t");		/* touching is fine */
	__reserve_early(&tt, 0x3000, 0x3000, "empty", "t");	/* ignored */
	KASSERT_EQ(t, tt.nr, 3);
	KEXPECT_STREQ(t, tt.res[0].name, "A");
	KEXPECT_STREQ(t, tt.res[2].name, "C");
	KEXPECT_PANIC(t, __reserve_early(&tt, 0x1800, 0x2800, "D", "me"),
		      "me() asked for [mem 0x00001800-0x000027ff] D, which overlaps "
		      "[mem 0x00001000-0x00001fff] A");
	KEXPECT_PANIC(t, __reserve_early(&tt, 0x4000, 0x5001, "E", "me"), "overlaps");
	KEXPECT_PANIC(t, __reserve_early(&tt, 0x0, 0x100000, "F", "me"), "overlaps");
	KEXPECT_PANIC(t, __reserve_early(&tt, 0x9000, 0x8000, "G", "me"), "ends before it starts");
	KEXPECT_EQ(t, tt.nr, 3);
}

KTEST(early_res_full_table)
{
	fresh();
	for (int i = 0; i < MAX_EARLY_RES; i++)
		__reserve_early(&tt, (u64)i << 12, ((u64)i << 12) + 16, "x", "t");
	KEXPECT_PANIC(t, __reserve_early(&tt, 1ull << 30, (1ull << 30) + 1, "last", "me"),
		      "all 32 early reservations are taken");
}
#line 1844 "chapters/03-e820.nw" /* <early_res tests: reserving and freeing> */
KTEST(early_res_frees_exactly)
{
	fresh();
	__reserve_early(&tt, 0x1000, 0x3000, "A", "t");
	KEXPECT_PANIC(t, __free_early(&tt, 0x1000, 0x2000, "me"), "me() freed [mem 0x00001000");
	KEXPECT_PANIC(t, __free_early(&tt, 0x8000, 0x9000, "me"), "not an early reservation");
	KEXPECT_PANIC(t, __free_early(&tt, 0x1000, 0x1000, "me"),	/* empty: no last byte */
		      "me() freed [mem 0x00001000, 0 bytes], which is not");
	__free_early(&tt, 0x1000, 0x3000, "t");
	KEXPECT_EQ(t, tt.nr, 0);
}

KTEST(early_res_retired)
{
	fresh();
	__retire(&tt.life, "the early reservations", "LMB", "lmb_reserve() and lmb_alloc()",
		 "lmb_takes_over");
	KEXPECT_PANIC(t, __reserve_early(&tt, 0x1000, 0x2000, "A", "late"),
		      "reserve_early: late() called after the early reservations handed memory to "
		      "LMB in lmb_takes_over()");
	KEXPECT_PANIC(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 16, 16, "late"), "lmb_reserve");
	KEXPECT_PANIC(t, __free_early(&tt, 0, 1, "late"), "free_early: late()");
}
#line 1870 "chapters/03-e820.nw" /* <early_res tests: finding> */
KTEST(find_e820_area_bottom_up)
{
	fresh();
	__reserve_early(&tt, 0x1000, 0x2000, "A", "t");
	__reserve_early(&tt, 0x3000, 0x4000, "B", "t");
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0x1000, 0x1000, "t"), 0x2000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0x1001, 0x1000, "t"), 0x4000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0x100, 0x10000, "t"), 0x10000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0x2800, ~0ull, 0x800, 0x800, "t"), 0x2800);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, 0x3000, 0x1000, 1, "t"), 0x2000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, 0x2fff, 0x1000, 1, "t"), ~0ull);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0xfc000, 1, "t"), 0x4000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0xfc001, 1, "t"), ~0ull);
	KEXPECT_PANIC(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 16, 24, "me"), "power of two");
}

KTEST(e820_free_areas_in_order)
{
	u64 pos = 0, s, e;

	fresh();
	__reserve_early(&tt, 0x0, 0x2000, "A", "t");		/* covers the start */
	__reserve_early(&tt, 0x3000, 0x4000, "B", "t");
	__reserve_early(&tt, 0x4000, 0x5000, "C", "t");		/* touches B */
	KASSERT_TRUE(t, e820_next_free(&tmap, &tt, &pos, &s, &e));
	KEXPECT_TRUE(t, s == 0x2000 && e == 0x3000);
	KASSERT_TRUE(t, e820_next_free(&tmap, &tt, &pos, &s, &e));
	KEXPECT_TRUE(t, s == 0x5000 && e == 0x100000);
	KEXPECT_TRUE(t, !e820_next_free(&tmap, &tt, &pos, &s, &e));
}
#line 1906 "chapters/03-e820.nw" /* <early_res tests: finding> */
KTEST(find_e820_area_skips_what_is_not_ram)
{
	u64 pos = 0, s, e;

	memset(&tt, 0, sizeof(tt));
	memset(&tmap, 0, sizeof(tmap));
	e820_add_region(&tmap, 0x1000, 0x3000, E820_RAM);		/* [4K, 16K) */
	e820_add_region(&tmap, 0x4000, 0x4000, E820_RESERVED);		/* [16K, 32K) */
	e820_add_region(&tmap, 0xa000, 0x2000, E820_RAM);		/* hole, then [40K, 48K) */
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0x3000, ~0ull, 0x2000, 0x1000, "t"), 0xa000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0x3000, 0xb000, 0x1000, 0x1000, "t"), 0x3000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0x4000, 0xb000, 0x1000, 0x1000, "t"), 0xa000);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0x4000, 0xafff, 0x1000, 0x1000, "t"), ~0ull);
	KEXPECT_EQ(t, __find_e820_area(&tmap, &tt, 0, ~0ull, 0x4000, 1, "t"), ~0ull);
	KASSERT_TRUE(t, e820_next_free(&tmap, &tt, &pos, &s, &e));
	KEXPECT_TRUE(t, s == 0x1000 && e == 0x4000);
	KASSERT_TRUE(t, e820_next_free(&tmap, &tt, &pos, &s, &e));
	KEXPECT_TRUE(t, s == 0xa000 && e == 0xc000);
	KEXPECT_TRUE(t, !e820_next_free(&tmap, &tt, &pos, &s, &e));
}
#line 1929 "chapters/03-e820.nw" /* <early_res tests: against a model> */
#define PAGES 64

static int page_owner[PAGES];		/* 0: free, else 1 + the reservation's number */

static u64 model_find(unsigned int size, unsigned int align)	/* in pages */
{
	for (unsigned int p = 1; p + size <= PAGES; p++) {	/* page 0 is not in the map */
		bool fits = p % align == 0;

		for (unsigned int q = p; fits && q < p + size; q++)
			fits = page_owner[q] == 0;
		if (fits)
			return (u64)p << 12;
	}
	return ~0ull;
}

static bool table_is_sane(void)
{
	for (int i = 1; i < tt.nr; i++)
		if (tt.res[i - 1].end > tt.res[i].start)
			return false;
	return true;
}
#line 1958 "chapters/03-e820.nw" /* <early_res tests: against a model> */
KTEST(early_res_matches_model)
{
	u32 seed = 34;
	int next = 1, bad = 0;

	memset(&tt, 0, sizeof(tt));
	memset(&tmap, 0, sizeof(tmap));
	e820_add_region(&tmap, 0x1000, (PAGES - 1) << 12, E820_RAM);
	memset(page_owner, 0, sizeof(page_owner));
	for (int step = 0; step < 3000 && !bad; step++) {
		unsigned int size = 1 + ktest_rand(&seed) % 6, align = 1u << (ktest_rand(&seed) % 3);
		u64 want = model_find(size, align);
		u64 got = __find_e820_area(&tmap, &tt, 0, ~0ull, (u64)size << 12,
					   (u64)align << 12, "model");

		bad |= want != got;
		if (got != ~0ull && tt.nr < MAX_EARLY_RES && ktest_rand(&seed) % 3) {
			__reserve_early(&tt, got, got + ((u64)size << 12), "m", "model");
			for (unsigned int q = 0; q < size; q++)
				page_owner[(got >> 12) + q] = next;
			next++;
		} else if (tt.nr) {				/* free one at random */
			struct early_res r = tt.res[ktest_rand(&seed) % tt.nr];

			__free_early(&tt, r.start, r.end, "model");
			for (u64 q = r.start >> 12; q < r.end >> 12; q++)
				page_owner[q] = 0;
		}
		bad |= !table_is_sane();
	}
	KEXPECT_TRUE(t, !bad);
}
