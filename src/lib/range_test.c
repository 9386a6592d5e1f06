#line 1997 "chapters/03-e820.nw" /* <lib/range_test.c> */
/* range_test.c - a whole walk over free memory looks at each range a bounded number of times. */
#include <handoff/ktest.h>
#include <handoff/range.h>

#define WALK_N	1000

static struct range walk_mem[WALK_N], walk_res[WALK_N];
static unsigned long walk_gets;

static bool counted_get(const void *owner, int i, struct range *r)
{
	walk_gets++;
	*r = ((const struct range *)owner)[i];
	return true;
}

/* Walks @nm memory ranges minus @nr reservations; returns the free ranges, counts the gets. */
static unsigned long walk_all(int nm, int nr, u64 *bytes)
{
	struct range_list mem = { walk_mem, nm, counted_get }, res = { walk_res, nr, counted_get };
	struct range_walk w;
	struct range r;
	unsigned long found = 0;

	walk_gets = 0;
	*bytes = 0;
	for_each_free_range(&mem, &res, w, &r) {
		found++;
		*bytes += r.end - r.start;
	}
	return found;
}

/* The bound of the walk: N + M calls that pass an element, two more per free range found. */
#define EXPECT_LINEAR(t, n, found) ktest_check(t, walk_gets <= (n) + 2 * (found), __KTEST_AT, \
		"a walk over %d ranges that found %lu took %lu calls of get, more than %lu",	\
		(n), (found), walk_gets, (n) + 2 * (found))
#line 2043 "chapters/03-e820.nw" /* <lib/range_test.c> */
KTEST(range_walk_is_linear)
{
	unsigned long found;
	u64 bytes;

	for (int i = 0; i < WALK_N; i++) {		/* [64K i, 64K i + 32K), a hole in each */
		walk_mem[i] = (struct range){ (u64)i << 16, ((u64)i << 16) + 0x8000 };
		walk_res[i] = (struct range){ ((u64)i << 16) + 0x2000, ((u64)i << 16) + 0x3000 };
	}
	found = walk_all(WALK_N, WALK_N, &bytes);
	KEXPECT_EQ(t, found, 2 * WALK_N);
	KEXPECT_EQ(t, bytes, WALK_N * 0x7000ull);
	EXPECT_LINEAR(t, WALK_N + WALK_N, found);

	walk_mem[0] = (struct range){ 0, (u64)WALK_N << 16 };	/* one range holds them all */
	for (int i = 1; i < WALK_N; i++)
		walk_mem[i] = (struct range){ (u64)(WALK_N + i) << 16, ((u64)(WALK_N + i) << 16) + 1 };
	found = walk_all(WALK_N, WALK_N, &bytes);
	KEXPECT_EQ(t, found, 2 * WALK_N);
	EXPECT_LINEAR(t, WALK_N + WALK_N, found);
}
