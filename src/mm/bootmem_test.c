#line 984 "chapters/06-bootmem.nw" /* <mm/bootmem_test.c> */
/* bootmem_test.c - the bitmap allocator against its rules and against a model. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include <handoff/pfn.h>
#include <handoff/string.h>

#define ARENA_PAGES	64
static u8 arena[ARENA_PAGES * PAGE_SIZE] __attribute__((aligned(4096)));
static u8 tmap[ARENA_PAGES / 8];
static bootmem_data_t tb;
static struct bootmem tbm;			/* tb alone on its list */

static phys_addr_t arena_page(unsigned int i) { return __pa(arena) + (phys_addr_t)i * PAGE_SIZE; }
static unsigned int page_of(const void *p) { return (unsigned int)((const u8 *)p - arena) / PAGE_SIZE; }

static void fresh(void)		/* every page reserved, then all of them freed */
{
	init_bootmem_core(&tb, tmap, (unsigned long)PFN_DOWN(arena_page(0)),
			  (unsigned long)PFN_DOWN(arena_page(ARENA_PAGES)));
	tbm = (struct bootmem){ 0 };
	link_bootmem(&tbm, &tb);
	free_bootmem_core(&tb, arena_page(0), ARENA_PAGES * PAGE_SIZE, "test");
}

static bool reserved(unsigned int i) { return tmap[i / 8] & (1u << (i % 8)); }

#line 1018 "chapters/06-bootmem.nw" /* <bootmem tests: marking> */
KTEST(bootmem_starts_reserved_and_rounds)
{
	unsigned long f, r;

	init_bootmem_core(&tb, tmap, (unsigned long)PFN_DOWN(arena_page(0)),
			  (unsigned long)PFN_DOWN(arena_page(ARENA_PAGES)));
	bootmem_count(&tb, &f, &r);
	KEXPECT_TRUE(t, f == 0 && r == ARENA_PAGES);
	KEXPECT_EQ(t, bootmem_bootmap_bytes(ARENA_PAGES), 8);
	KEXPECT_EQ(t, bootmem_bootmap_bytes(9), 2);
	free_bootmem_core(&tb, arena_page(1) + 100, 3 * PAGE_SIZE, "t");	/* inward: pages 2, 3 */
	KEXPECT_TRUE(t, reserved(1) && !reserved(2) && !reserved(3) && reserved(4));
	free_bootmem_core(&tb, arena_page(5), 100, "t");			/* less than a page */
	KEXPECT_TRUE(t, reserved(5));
	reserve_bootmem_core(&tb, arena_page(3) + 4000, 200, BOOTMEM_DEFAULT, "t");	/* outward */
	KEXPECT_TRUE(t, !reserved(2) && reserved(3) && reserved(4));
	bootmem_count(&tb, &f, &r);
	KEXPECT_TRUE(t, f == 1 && r == ARENA_PAGES - 1);
}

#line 1045 "chapters/06-bootmem.nw" /* <bootmem tests: marking> */
KTEST(bootmem_refuses_misuse)
{
	fresh();
	reserve_bootmem_core(&tb, arena_page(10), PAGE_SIZE, BOOTMEM_DEFAULT, "t");
	KEXPECT_EQ(t, reserve_bootmem_core(&tb, arena_page(9), 2 * PAGE_SIZE, BOOTMEM_EXCLUSIVE, "t"), -1);
	KEXPECT_TRUE(t, !reserved(9));			/* exclusive: nothing changed */
	KEXPECT_PANIC(t, free_bootmem_core(&tb, arena_page(8), 3 * PAGE_SIZE, "twice"),
		      "twice() freed page");
	KEXPECT_PANIC(t, free_bootmem_core(&tb, arena_page(8), 3 * PAGE_SIZE, "twice"),
		      "which is free already");
	KEXPECT_PANIC(t, reserve_bootmem_core(&tb, arena_page(60), 8 * PAGE_SIZE, 0, "far"),
		      "far() asked for page frames");
	KEXPECT_PANIC(t, alloc_bootmem_core(&tb, 8, 24, 0, 0, "odd"), "aligned to 24");
	KEXPECT_PANIC(t, free_bootmem_core(&tb, arena_page(2), (size_t)-1, "huge"),	/* never ignored */
		      "huge() asked for");	/* host: past the top; kernel: past the bitmap */
	KEXPECT_PANIC(t, reserve_bootmem_core(&tb, arena_page(2), (size_t)-1 - 100, 0, "huge"),
		      "huge() asked for");	/* host: past the top; kernel: past the bitmap */
	KEXPECT_PANIC(t, free_bootmem_core(&tb, ~(phys_addr_t)0 - 100, 200, "top"),
		      "top() asked for 0xc8 bytes at 0xffffffffffffff9b");
	__retire(&tbm.life, "bootmem", "the buddy allocator", "alloc_pages()", "handoff");
	KEXPECT_PANIC(t, ___alloc_bootmem_nopanic(&tbm, 8, 8, 0, 0, "late"),
		      "late() called after bootmem handed memory to the buddy allocator in "
		      "handoff(); use alloc_pages() instead");
	KEXPECT_PANIC(t, __free_bootmem(&tbm, arena_page(2), PAGE_SIZE, "late"),
		      "free_bootmem: late() called after bootmem handed memory");
}
#line 1074 "chapters/06-bootmem.nw" /* <bootmem tests: allocating> */
KTEST(bootmem_first_fit_goal_and_hint)
{
	u8 *a, *b, *c;

	fresh();
	reserve_bootmem_core(&tb, arena_page(0), 4 * PAGE_SIZE, 0, "t");
	a = alloc_bootmem_core(&tb, PAGE_SIZE, PAGE_SIZE, 0, 0, "t");
	KEXPECT_EQ(t, page_of(a), 4);				/* first fit */
	b = alloc_bootmem_core(&tb, PAGE_SIZE, PAGE_SIZE, arena_page(32), 0, "t");
	KEXPECT_EQ(t, page_of(b), 32);				/* from the goal */
	c = alloc_bootmem_core(&tb, PAGE_SIZE, PAGE_SIZE, 0, 0, "t");
	KEXPECT_EQ(t, page_of(c), 33);				/* from the hint */
	reserve_bootmem_core(&tb, arena_page(34), 30 * PAGE_SIZE, 0, "t");	/* nothing after it */
	c = alloc_bootmem_core(&tb, 2 * PAGE_SIZE, PAGE_SIZE, 0, 0, "t");
	KEXPECT_EQ(t, page_of(c), 5);				/* back from the start */
	c = alloc_bootmem_core(&tb, PAGE_SIZE, 8 * PAGE_SIZE, 0, 0, "t");
	KEXPECT_EQ(t, page_of(c) % 8, (8 - PFN_DOWN(arena_page(0)) % 8) % 8);	/* aligned frame */
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, 64 * PAGE_SIZE, 8, 0, 0, "t") == NULL);
	KEXPECT_PANIC(t, ___alloc_bootmem(&tbm, 64 * PAGE_SIZE, 8, arena_page(3), 0, "big"),
		      "big() asked for 262144 bytes aligned to 8");
}

#line 1102 "chapters/06-bootmem.nw" /* <bootmem tests: allocating> */
KTEST(bootmem_goal_is_a_preference)
{
	u8 *p;

	fresh();
	reserve_bootmem_core(&tb, arena_page(32), 32 * PAGE_SIZE, 0, "t");	/* nothing above the goal */
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, PAGE_SIZE, PAGE_SIZE, arena_page(40), 0, "t") == NULL);
	p = ___alloc_bootmem_nopanic(&tbm, PAGE_SIZE, PAGE_SIZE, arena_page(40), 0, "t");
	KEXPECT_EQ(t, page_of(p), 0);					/* from the bottom */
	p = ___alloc_bootmem(&tbm, PAGE_SIZE, PAGE_SIZE, arena_page(40), 0, "t");
	KEXPECT_EQ(t, page_of(p), 1);
}

#line 1121 "chapters/06-bootmem.nw" /* <bootmem tests: allocating> */
KTEST(bootmem_edges)
{
	u8 *p;

	fresh();
	reserve_bootmem_core(&tb, arena_page(0), 60 * PAGE_SIZE, 0, "t");	/* only the last 4 free */
	p = alloc_bootmem_core(&tb, 4 * PAGE_SIZE, PAGE_SIZE, 0, 0, "t");	/* ends at the end */
	KEXPECT_EQ(t, page_of(p), 60);
	free_bootmem_core(&tb, arena_page(60), 4 * PAGE_SIZE, "t");
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, 5 * PAGE_SIZE, PAGE_SIZE, 0, 0, "t") == NULL);
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, PAGE_SIZE, 8, 0, arena_page(61) + 100, "t") != NULL);
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, PAGE_SIZE, 8, 0, arena_page(61) + 100, "t") == NULL);
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, (size_t)-1, 8, 0, 0, "t") == NULL);	/* huge */
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, (size_t)-4096, 8, 0, 0, "t") == NULL);
}

#line 1143 "chapters/06-bootmem.nw" /* <bootmem tests: allocating> */
KTEST(bootmem_small_allocations_share_a_page)
{
	u8 *a, *b, *c;

	fresh();
	a = alloc_bootmem_core(&tb, 100, 8, 0, 0, "t");
	b = alloc_bootmem_core(&tb, 100, 64, 0, 0, "t");
	c = alloc_bootmem_core(&tb, 4000, 8, 0, 0, "t");	/* spills into the next page */
	KEXPECT_TRUE(t, a == arena && b == arena + 128);
	KEXPECT_TRUE(t, c == arena + 232);			/* 228, aligned to 8 */
	KEXPECT_TRUE(t, reserved(0) && reserved(1) && !reserved(2));
	memset(a, 0xAA, 100);
	KEXPECT_EQ(t, b[0], 0);					/* zeroed, not overlapping */
	KEXPECT_TRUE(t, alloc_bootmem_core(&tb, 16, 8, 0, arena_page(1), "t") == NULL);	/* limit */
}
#line 1161 "chapters/06-bootmem.nw" /* <bootmem tests: the walk over several bitmaps> */
KTEST(bootmem_walks_its_bitmaps)
{
	static u8 map_lo[4], map_hi[3], map_top[1];
	static bootmem_data_t lo, hi, top;
	struct bootmem three = { 0 };
	unsigned long s = (unsigned long)PFN_DOWN(arena_page(0)), min, low;

#line 1182 "chapters/06-bootmem.nw" /* <bootmem walk test: three bitmaps, a gap between the last two> */
	init_bootmem_core(&hi, map_hi, s + 32, s + 56);
	init_bootmem_core(&top, map_top, s + 60, s + 64);
	init_bootmem_core(&lo, map_lo, s, s + 32);
	link_bootmem(&three, &hi);
	link_bootmem(&three, &top);
	link_bootmem(&three, &lo);
	KEXPECT_TRUE(t, three.bdata_list == &lo && lo.next == &hi && hi.next == &top &&
			!top.next);						/* sorted */
	bootmem_span(&three, &min, &low);
	KEXPECT_TRUE(t, min == s && low == s + 64);
	KEXPECT_EQ(t, bootmem_bitmaps_bytes(&three), 4 + 3 + 1);
#line 1199 "chapters/06-bootmem.nw" /* <bootmem walk test: marking across bitmaps> */
	__free_bootmem(&three, arena_page(0), 56 * PAGE_SIZE, "t");	/* lo and hi */
	__free_bootmem(&three, arena_page(60), 4 * PAGE_SIZE, "t");
	KEXPECT_EQ(t, bootmem_free_pages(&three), 60);
	KEXPECT_TRUE(t, __bootmem_pfn_reserved(&three, s + 57) && !__bootmem_pfn_reserved(&three, s));
	__reserve_bootmem(&three, arena_page(33), PAGE_SIZE, 0, "t");
	KEXPECT_EQ(t, __reserve_bootmem(&three, arena_page(30), 4 * PAGE_SIZE, BOOTMEM_EXCLUSIVE,
					"t"), -1);
	KEXPECT_TRUE(t, !bootmem_page_reserved(&lo, s + 30) && !bootmem_page_reserved(&hi, s + 32));
	KEXPECT_EQ(t, __reserve_bootmem(&three, arena_page(30), 3 * PAGE_SIZE, 0, "t"), 0);
	KEXPECT_TRUE(t, bootmem_page_reserved(&lo, s + 31) && bootmem_page_reserved(&hi, s + 32));
	KEXPECT_EQ(t, bootmem_free_pages(&three), 56);
#line 1216 "chapters/06-bootmem.nw" /* <bootmem walk test: allocating bitmap by bitmap> */
	KEXPECT_EQ(t, page_of(___alloc_bootmem(&three, PAGE_SIZE, PAGE_SIZE, arena_page(40), 0,
					       "t")), 40);		/* lo passed by */
	KEXPECT_EQ(t, page_of(___alloc_bootmem(&three, PAGE_SIZE, PAGE_SIZE, 0, arena_page(32),
					       "t")), 0);		/* in lo */
	KEXPECT_EQ(t, page_of(___alloc_bootmem(&three, PAGE_SIZE, PAGE_SIZE, arena_page(41),
					       arena_page(32), "t")), 1);	/* hi not tried */
	KEXPECT_EQ(t, page_of(___alloc_bootmem(&three, 2 * PAGE_SIZE, PAGE_SIZE, arena_page(63), 0,
					       "t")), 2);		/* top full: from 0 */
#line 1171 "chapters/06-bootmem.nw" /* <bootmem tests: the walk over several bitmaps> */
	KEXPECT_PANIC(t, __reserve_bootmem(&three, arena_page(55), 2 * PAGE_SIZE, 0, "gap"),
		      "gap() asked for page frames up to");
	KEXPECT_PANIC(t, __free_bootmem(&three, arena_page(0) - PAGE_SIZE, 2 * PAGE_SIZE, "far"),
		      "far() asked for page frames");
}
#line 1232 "chapters/06-bootmem.nw" /* <bootmem tests: against a model> */
static bool model[ARENA_PAGES];
static struct { u8 *p; size_t size; } live[256];
static int nr_live;

static bool bitmap_matches(void)
{
	for (unsigned int i = 0; i < ARENA_PAGES; i++)
		if (reserved(i) != model[i])
			return false;
	return true;
}

static bool fits_somewhere(size_t size, size_t align)
{
	unsigned long step = MAX(align / PAGE_SIZE, 1ul), n = PFN_UP(size);

	for (unsigned long i = 0; i + n <= ARENA_PAGES; i++) {
		bool ok = (PFN_DOWN(arena_page(0)) + i) % step == 0;

		for (unsigned long j = i; ok && j < i + n; j++)
			ok = !model[j];
		if (ok)
			return true;
	}
	return false;
}

#line 1264 "chapters/06-bootmem.nw" /* <bootmem tests: against a model> */
static bool check_new(u8 *p, size_t size, size_t align)
{
	for (size_t j = 0; j < size; j++)
		if (p[j])
			return false;
	if (((uintptr_t)p & (align - 1)) || p < arena || p + size > arena + sizeof(arena))
		return false;
	for (int k = 0; k < nr_live; k++)
		if (p < live[k].p + live[k].size && live[k].p < p + size)
			return false;
	return true;
}

#line 1283 "chapters/06-bootmem.nw" /* <bootmem tests: against a model> */
KTEST(bootmem_matches_model)
{
	u32 seed = 1999;
	int bad = 0;

	fresh();
	memset(model, 0, sizeof(model));
	nr_live = 0;
	for (int step = 0; step < 3000 && !bad; step++) {
		if (nr_live < 256 && ktest_rand(&seed) % 3) {
#line 1307 "chapters/06-bootmem.nw" /* <bootmem model: allocate, and check the allocation against the model> */
			size_t most = ktest_rand(&seed) % 2 ? 200 : 3 * PAGE_SIZE;
			size_t size = 1 + ktest_rand(&seed) % most;
			size_t align = (size_t)8 << (ktest_rand(&seed) % 10);
			u8 *p = alloc_bootmem_core(&tb, size, align, 0, 0, "model");

			if (!p) {
				bad |= fits_somewhere(size, align);
				continue;
			}
			bad |= !check_new(p, size, align);
			for (unsigned int i = page_of(p); i <= page_of(p + size - 1); i++)
				model[i] = true;
			memset(p, 0x5A, size);
			live[nr_live].p = p;
			live[nr_live++].size = size;
#line 1294 "chapters/06-bootmem.nw" /* <bootmem tests: against a model> */
		} else if (nr_live) {
#line 1327 "chapters/06-bootmem.nw" /* <bootmem model: free a live allocation, in the bitmap and the model> */
			int k = (int)(ktest_rand(&seed) % (unsigned int)nr_live);
			phys_addr_t s = __pa(live[k].p), e = s + live[k].size;

			free_bootmem_core(&tb, s, live[k].size, "model");
			for (phys_addr_t pfn = PFN_UP(s); pfn < PFN_DOWN(e); pfn++)
				model[pfn - PFN_DOWN(arena_page(0))] = false;
			live[k] = live[--nr_live];
#line 1296 "chapters/06-bootmem.nw" /* <bootmem tests: against a model> */
		}
		bad |= !bitmap_matches();
		KEXPECT_TRUE(t, !bad);
	}
}
