#line 1235 "chapters/04-lmb.nw" /* <mm/lmb_test.c> */
/* lmb_test.c - LMB, case by case, in the categories of Linux's tools/testing/memblock. */
#include <asm/page.h>
#include "lmb_test.h"

u8 lmb_test_arena[LMB_ARENA_SIZE] __attribute__((aligned(4096)));
static struct lmb saved;
static struct lmb_region saved_memory[INIT_LMB_REGIONS], saved_reserved[INIT_LMB_REGIONS];
static struct lmb_region *static_memory, *static_reserved;

void lmb_test_begin(void)
{
	saved = lmb;
	lmb_reset();
	static_memory = lmb.memory.regions;
	static_reserved = lmb.reserved.regions;
	memcpy(saved_memory, static_memory, sizeof(saved_memory));
	memcpy(saved_reserved, static_reserved, sizeof(saved_reserved));
}

void lmb_test_end(void)
{
	memcpy(static_memory, saved_memory, sizeof(saved_memory));
	memcpy(static_reserved, saved_reserved, sizeof(saved_reserved));
	lmb = saved;
}

#define EXPECT_REGION(t, type, i, b, s) ({					\
	KEXPECT_EQ(t, lmb.type.regions[i].base, b);				\
	KEXPECT_EQ(t, lmb.type.regions[i].size, s);				\
})

#line 1274 "chapters/04-lmb.nw" /* <lmb tests: adding> */
KTEST(lmb_add_cases)
{
	lmb_test_begin();
	lmb_add(0x10000, 0x1000);					/* simple */
	lmb_add(0x20000, 0x1000);					/* disjoint */
	KEXPECT_EQ(t, lmb.memory.cnt, 2);
	lmb_add(0x10800, 0x1000);					/* overlaps the top */
	EXPECT_REGION(t, memory, 0, 0x10000, 0x1800);
	lmb_add(0xf000, 0x1800);					/* overlaps the bottom */
	EXPECT_REGION(t, memory, 0, 0xf000, 0x2800);
	lmb_add(0x10000, 0x100);					/* within */
	lmb_add(0x20000, 0x1000);					/* twice */
	KEXPECT_EQ(t, lmb.memory.cnt, 2);
	KEXPECT_EQ(t, lmb.memory.total_size, 0x3800);
	lmb_add(0x11800, 0xe800);					/* fills the gap between */
	KEXPECT_EQ(t, lmb.memory.cnt, 1);
	EXPECT_REGION(t, memory, 0, 0xf000, 0x12000);
	lmb_add(PHYS_ADDR_MAX - 0xfff, 0x2000);				/* at the very top: capped */
	EXPECT_REGION(t, memory, 1, PHYS_ADDR_MAX - 0xfff, 0xfff);
	lmb_add(0x50000, 0);						/* empty: nothing */
	KEXPECT_EQ(t, lmb.memory.cnt, 2);
	lmb_test_end();
}

KTEST(lmb_add_covering_many)
{
	lmb_test_begin();
	for (int i = 0; i < 3; i++)	/* three, with gaps: covering them takes 4 new pieces */
		lmb_add(0x10000 + i * 0x2000, 0x1000);
	lmb_add(0x8000, 0x20000);					/* covers them all */
	KASSERT_EQ(t, lmb.memory.cnt, 1);
	EXPECT_REGION(t, memory, 0, 0x8000, 0x20000);
	KEXPECT_EQ(t, lmb.memory.total_size, 0x20000);
	lmb_test_end();
}
#line 1312 "chapters/04-lmb.nw" /* <lmb tests: reserving, freeing and removing> */
KTEST(lmb_reserve_and_free_cases)
{
	lmb_test_begin();
	lmb_reserve(0x10000, 0x4000);
	lmb_reserve(0x14000, 0x1000);					/* adjacent: merged */
	KASSERT_EQ(t, lmb.reserved.cnt, 1);
	lmb_free(0x11000, 0x1000);					/* within: splits */
	KASSERT_EQ(t, lmb.reserved.cnt, 2);
	EXPECT_REGION(t, reserved, 0, 0x10000, 0x1000);
	EXPECT_REGION(t, reserved, 1, 0x12000, 0x3000);
	lmb_free(0x12000, 0x1000);					/* the bottom */
	lmb_free(0x14000, 0x1000);					/* the top */
	EXPECT_REGION(t, reserved, 1, 0x13000, 0x1000);
	KEXPECT_EQ(t, lmb.reserved.total_size, 0x2000);
	KEXPECT_PANIC(t, lmb_free(0x13000, 0x2000), "[mem 0x00014000-...] of it is not reserved");
	KEXPECT_PANIC(t, lmb_free(0x30000, 0x10), "lmb_reserve_and_free_cases() freed");
	KEXPECT_PANIC(t, lmb_free(0x10000, 0x4000), "0x00011000");	/* the gap */
	KEXPECT_EQ(t, lmb.reserved.cnt, 2);				/* nothing changed */
	lmb_test_end();
}

KTEST(lmb_remove_cases)
{
	lmb_test_begin();
	lmb_add(0x10000, 0x10000);
	lmb_remove(0x14000, 0x1000);					/* within: splits */
	KASSERT_EQ(t, lmb.memory.cnt, 2);
	lmb_remove(0xf000, 0x2000);					/* over the bottom */
	lmb_remove(0x1f000, 0x2000);					/* over the top */
	EXPECT_REGION(t, memory, 0, 0x11000, 0x3000);
	EXPECT_REGION(t, memory, 1, 0x15000, 0xa000);
	lmb_remove(0x40000, 0x1000);					/* absent: nothing */
	lmb_remove(0x10000, 0x10000);					/* all */
	KEXPECT_EQ(t, lmb.memory.cnt, 0);
	KEXPECT_EQ(t, lmb.memory.total_size, 0);
	lmb_add(PHYS_ADDR_MAX - 0xfff, 0xfff);
	lmb_remove(PHYS_ADDR_MAX - 0x7ff, 0x1000);			/* near the top: capped */
	EXPECT_REGION(t, memory, 0, PHYS_ADDR_MAX - 0xfff, 0x800);
	lmb_test_end();
}
#line 1355 "chapters/04-lmb.nw" /* <lmb tests: allocating> */
KTEST(lmb_alloc_cases)
{
	lmb_test_begin();
	lmb_add(0x10000, 0x10000);
	KEXPECT_EQ(t, lmb_alloc(0x1000, 0x1000), 0x1f000);		/* from the top */
	KEXPECT_EQ(t, lmb_alloc(0x10, 0x1000), 0x1e000);		/* aligned */
	KEXPECT_EQ(t, lmb_alloc(0x10, 0x10), 0x1eff0);			/* the gap above it */
	KEXPECT_EQ(t, lmb_alloc_base(0x1000, 0x1000, 0x18000), 0x17000);	/* below a limit */
	lmb_reserve(0x10000, 0x1000);
	KEXPECT_EQ(t, lmb_find_area(0x10000, 0x18000, 0x1000, 0x1000), 0x16000);
	/* Free now: [0x11000, 0x17000), [0x18000, 0x1e000) and [0x1e010, 0x1eff0). */
	KEXPECT_EQ(t, lmb_alloc(0x6000, 0x1000), 0x18000);		/* exact fits, top first */
	KEXPECT_EQ(t, lmb_alloc(0x6000, 0x1000), 0x11000);
	KEXPECT_EQ(t, lmb_alloc_nopanic(0x1000, 0x1000, LMB_ALLOC_ANYWHERE), LMB_ERROR);
	KEXPECT_PANIC(t, lmb_alloc(0xfe1, 0x10), "no free memory fits");
	KEXPECT_EQ(t, lmb_alloc(0xfe0, 0x10), 0x1e010);			/* the last bytes */
	KEXPECT_EQ(t, lmb.reserved.cnt, 1);
	KEXPECT_EQ(t, lmb.reserved.total_size, 0x10000);
	KEXPECT_PANIC(t, lmb_alloc(0x10, 24), "not a power of two");
	KEXPECT_PANIC(t, lmb_alloc(0, 8), "asked for 0 bytes");
	lmb_test_end();
}

KTEST(lmb_alloc_between_reservations)
{
	lmb_test_begin();
	lmb_add(0x10000, 0x10000);
	lmb_reserve(0x1c000, 0x4000);
	lmb_reserve(0x14000, 0x6000);
	KEXPECT_EQ(t, lmb_alloc(0x2000, 0x1000), 0x1a000);		/* in the gap */
	KEXPECT_EQ(t, lmb_alloc(0x2000, 0x1000), 0x12000);		/* below the next */
	KEXPECT_EQ(t, lmb.reserved.cnt, 1);				/* all merged */
	EXPECT_REGION(t, reserved, 0, 0x12000, 0xe000);
	KEXPECT_EQ(t, lmb_alloc_nopanic(0x3000, 0x1000, LMB_ALLOC_ANYWHERE), LMB_ERROR);
	lmb_test_end();
}
#line 1398 "chapters/04-lmb.nw" /* <lmb tests: allocating> */
KTEST(lmb_search_is_linear)
{
	phys_addr_t top = ARENA + 0x1000 + 100 * 0x100;
	unsigned long bound;

	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	for (int i = 0; i < 100; i++)			/* 0x80 reserved, 0x80 free, ... */
		lmb_reserve(ARENA + 0x1000 + (phys_addr_t)i * 0x100, 0x80);
	lmb_search_steps = 0;
	KEXPECT_EQ(t, lmb_find_area(ARENA, top, 0x100, 0x10), ARENA + 0xf00);
	bound = 2 * (lmb.memory.cnt + lmb.reserved.cnt) + 2;
	ktest_check(t, lmb_search_steps <= bound, __KTEST_AT, "expected at most %lu steps for "
		    "%lu regions, took %lu", bound, lmb.memory.cnt + lmb.reserved.cnt,
		    lmb_search_steps);
	lmb_test_end();
}
#line 1458 "chapters/04-lmb.nw" /* <lmb tests: allocating> */
KTEST(lmb_retired)
{
	lmb_test_begin();
	lmb_add(0x10000, 0x10000);
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem()");
	KEXPECT_PANIC(t, lmb_alloc(0x10, 0x10), "lmb_alloc: lmb_retired() called after LMB handed "
		      "memory to bootmem in lmb_retired(); use alloc_bootmem() instead");
	KEXPECT_PANIC(t, lmb_reserve(0x10000, 1), "lmb_reserve: lmb_retired()");
	lmb_test_end();
}
#line 1425 "chapters/04-lmb.nw" /* <lmb tests: walking the free memory> */
KTEST(lmb_walk_is_linear)
{
	phys_addr_t top = ARENA + LMB_ARENA_SIZE, s, e, bytes = 0;
	unsigned long found = 0, n, bound;
	struct range_walk w;

	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	lmb.current_limit = top;			/* the arrays grow in the arena */
	for (phys_addr_t i = 1; i < 500; i++) {		/* 32 KiB every 64 KiB, a page taken in each */
		lmb_add(top + (i << 16), 0x8000);
		lmb_reserve(top + (i << 16) + 0x2000, 0x1000);
	}
	n = lmb.memory.cnt + lmb.reserved.cnt;
	lmb_search_steps = 0;
	lmb_for_each_free_range(w, &s, &e) {
		found++;
		bytes += e - s;
	}
	KEXPECT_EQ(t, lmb.memory.cnt, 500);
	KEXPECT_TRUE(t, found >= 2 * 499);
	KEXPECT_EQ(t, bytes, lmb.memory.total_size - lmb.reserved.total_size);
	bound = n + 2 * found;
	ktest_check(t, lmb_search_steps <= bound, __KTEST_AT, "a walk over %lu regions that found "
		    "%lu free ranges looked at %lu, more than %lu", n, found, lmb_search_steps,
		    bound);
	lmb_test_end();
}
#line 1477 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
KTEST(lmb_array_at_capacity)
{
	lmb_test_begin();
	for (int i = 0; i < INIT_LMB_REGIONS; i++)
		lmb_add(ARENA + (phys_addr_t)i * 0x2000, 0x1000);
	KEXPECT_EQ(t, lmb.memory.cnt, INIT_LMB_REGIONS);
	KEXPECT_EQ(t, lmb.memory.max, INIT_LMB_REGIONS);		/* exactly full: no growth */
	KEXPECT_EQ(t, lmb.reserved.cnt, 0);
	lmb_add(ARENA + 0xf800, 0x800);				/* one more, not touching */
	KEXPECT_EQ(t, lmb.memory.cnt, INIT_LMB_REGIONS + 1);
	KEXPECT_EQ(t, lmb.memory.max, 2 * INIT_LMB_REGIONS);
	KASSERT_EQ(t, lmb.reserved.cnt, 1);				/* the new array */
	KEXPECT_EQ(t, lmb.reserved.regions[0].base, __pa(lmb.memory.regions));
	KEXPECT_EQ(t, lmb.reserved.regions[0].size, lmb_array_bytes(16));
	KEXPECT_TRUE(t, __pa(lmb.memory.regions) >= ARENA &&
			__pa(lmb.memory.regions) < ARENA + LMB_ARENA_SIZE);
	for (int i = 0; i < INIT_LMB_REGIONS; i++)
		KEXPECT_EQ(t, lmb.memory.regions[i].base, ARENA + (phys_addr_t)i * 0x2000);
	lmb_test_end();
}

KTEST(lmb_array_grows_away_from_the_new_range)
{
	phys_addr_t top = ARENA + LMB_ARENA_SIZE;

	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	for (int i = 0; i < INIT_LMB_REGIONS; i++)			/* fill reserved */
		lmb_reserve(ARENA + (phys_addr_t)i * 0x1000, 0x800);
	lmb_reserve(top - 0x2000, 0x2000);	/* the top: where the array would go otherwise */
	KEXPECT_EQ(t, lmb.reserved.max, 2 * INIT_LMB_REGIONS);
	/* The array went just below the new range, and the two merged into one region. */
	KEXPECT_EQ(t, __pa(lmb.reserved.regions) + lmb_array_bytes(16), top - 0x2000);
	EXPECT_REGION(t, reserved, INIT_LMB_REGIONS, __pa(lmb.reserved.regions),
		      0x2000 + lmb_array_bytes(16));
	lmb_reserve(ARENA + 0x9000, 0x100);				/* and it keeps working */
	KEXPECT_EQ(t, lmb.reserved.cnt, INIT_LMB_REGIONS + 2);
	lmb_test_end();
}
#line 1521 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
/* Is [@base, @base + @size) inside one memory region? */
static bool in_memory(phys_addr_t base, phys_addr_t size)
{
	const struct lmb_region *m;

	for_each_lmb(memory, m)
		if (m->base <= base && base + size <= m->base + m->size)
			return true;
	return false;
}

KTEST(lmb_arrays_grow_away_from_a_removed_range)
{
	lmb_test_begin();
	for (int i = 0; i < 6; i++) {				/* 7 memory regions, 8 reserved */
		lmb_add(ARENA + (phys_addr_t)i * 0x1000, 0x800);
		lmb_reserve(ARENA + (phys_addr_t)i * 0x1000 + 0x100, 16);
	}
	lmb_add(ARENA + 0x8000, 0x8000);
	lmb_reserve(ARENA + 0x7000, 16);
	lmb_reserve(ARENA + 0x7800, 16);
	KASSERT_TRUE(t, lmb.memory.cnt == 7 && lmb.reserved.cnt == INIT_LMB_REGIONS);
	/* Cutting needs two more memory slots; the new memory array needs a reserved one. */
	lmb_remove(ARENA + 0xa100, 0x5f00);				/* two whole pages stay */
	KEXPECT_EQ(t, lmb.memory.max, 2 * INIT_LMB_REGIONS);
	KEXPECT_EQ(t, lmb.reserved.max, 2 * INIT_LMB_REGIONS);
	KEXPECT_TRUE(t, in_memory(__pa(lmb.memory.regions), lmb_array_bytes(lmb.memory.max)));
	KEXPECT_TRUE(t, in_memory(__pa(lmb.reserved.regions), lmb_array_bytes(lmb.reserved.max)));
	lmb_test_end();
}
#line 1560 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
KTEST(lmb_grown_arrays_are_whole_pages)
{
	unsigned long total, free, reserved;

	lmb_test_begin();
	lmb_add(ARENA, 0x8000);
	for (int i = 0; i < 2 * INIT_LMB_REGIONS; i++)		/* 17 regions: 8 -> 16 -> 32 */
		lmb_add(ARENA + 0x9000 + (phys_addr_t)i * 0x200, 0x100);
	KEXPECT_EQ(t, lmb.memory.max, 4 * INIT_LMB_REGIONS);
	KASSERT_EQ(t, lmb.reserved.cnt, 1);				/* the newest array only */
	EXPECT_REGION(t, reserved, 0, __pa(lmb.memory.regions), PAGE_SIZE);
	KEXPECT_EQ(t, lmb.reserved.regions[0].base % PAGE_SIZE, 0);
	KEXPECT_EQ(t, lmb_type_bytes(&lmb.memory), PAGE_SIZE);
	KEXPECT_EQ(t, lmb_type_bytes(&lmb.reserved), INIT_LMB_REGIONS * sizeof(struct lmb_region));
	KEXPECT_EQ(t, lmb_find_area(ARENA + 0x7000, ARENA + 0x8000, PAGE_SIZE, PAGE_SIZE),
		   ARENA + 0x7000);					/* the old one's page */
	lmb_page_counts(&total, &free, &reserved);
	KEXPECT_EQ(t, reserved, 1);
	KEXPECT_EQ(t, free, total - 1);
	lmb_test_end();
}
#line 1586 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
KTEST(lmb_refuses_what_touches_its_arrays)
{
	phys_addr_t a, size;

	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	for (int i = 0; i <= INIT_LMB_REGIONS; i++)		/* one more: reserved grows */
		lmb_reserve(ARENA + (phys_addr_t)i * 0x1000, 0x800);
	a = __pa(lmb.reserved.regions);
	size = lmb_array_bytes(lmb.reserved.max);
	KASSERT_TRUE(t, lmb.reserved.max == 2 * INIT_LMB_REGIONS && in_memory(a, size));
	KEXPECT_PANIC(t, lmb_reserve(a + 16, 32), "which overlaps LMB's reserved array");
	KEXPECT_PANIC(t, lmb_reserve(a - 16, 32), "which overlaps LMB's reserved array");
	KEXPECT_PANIC(t, lmb_free(a, 16), "which overlaps LMB's reserved array");
	KEXPECT_PANIC(t, lmb_free(a, size), "which overlaps LMB's reserved array");
	lmb_reserve(a, size);				/* the array itself, as the handoff does */
	KEXPECT_EQ(t, lmb.reserved.cnt, INIT_LMB_REGIONS + 2);
	lmb_test_end();
}
#line 1610 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
KTEST(lmb_page_counts_at_the_top)
{
	unsigned long total, free, reserved;

	lmb_test_begin();
	lmb_add(0xffffffffffffff59ull, 0x21);		/* inside the last page: no whole page */
	lmb_page_counts(&total, &free, &reserved);
	KEXPECT_TRUE(t, total == 0 && free == 0 && reserved == 0);
	lmb_test_end();
	lmb_test_begin();
	lmb_add(0x100000, 0x100000);
	lmb_reserve(0x180000, PHYS_ADDR_MAX);		/* capped at the top */
	lmb_page_counts(&total, &free, &reserved);
	KEXPECT_EQ(t, total, 256);
	KEXPECT_EQ(t, free, 128);
	KEXPECT_EQ(t, reserved, 128);
	lmb_test_end();
}
#line 1633 "chapters/04-lmb.nw" /* <lmb tests: growing the arrays> */
KTEST(lmb_array_cannot_grow)
{
	lmb_test_begin();
	for (int i = 0; i < INIT_LMB_REGIONS; i++)			/* memory, but all reserved */
		lmb_reserve(ARENA + (phys_addr_t)i * 0x2000, 0x1000);
	lmb_add(ARENA, 0x100);
	KEXPECT_PANIC(t, lmb_reserve(ARENA + 0x100000, 0x10),
		      "needs the reserved array to grow from 8 to 16 regions");
	lmb_test_end();
}
