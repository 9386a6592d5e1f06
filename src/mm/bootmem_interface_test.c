#line 2263 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.c> */
/* bootmem_interface_test.c - one randomized workload on the bootmem interface, in every chain. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include "bootmem_interface_test.h"

#define LIVE	48			/* allocations held at once, at most */
#define ROUNDS	600
#define BUDGET	(24 * 1024)		/* size plus alignment, per arena */

struct live_alloc {
	u8 *p;
	size_t size;
};

static phys_addr_t base, size;
static bool limits_are_zones;

#line 2294 "chapters/09-shortcuts.nw" /* <bootmem interface test: checking one allocation> */
static bool check_new(struct ktest *t, const u8 *p, size_t n, size_t align, phys_addr_t limit,
		      const struct live_alloc *live, unsigned int nr)
{
	phys_addr_t pa = __pa(p);
	bool ok = KEXPECT_TRUE(t, pa >= base && pa + n <= base + size);

	ok &= KEXPECT_TRUE(t, !limit || pa + n <= limit);
	ok &= KEXPECT_EQ(t, pa & (align - 1), 0);
	for (size_t i = 0; i < n && ok; i++)
		ok &= KEXPECT_EQ(t, p[i], 0);
	for (unsigned int i = 0; i < nr && ok; i++)
		ok &= KEXPECT_TRUE(t, p + n <= live[i].p || live[i].p + live[i].size <= p);
	return ok;
}

static u8 tag_of(const u8 *p)
{
	return (u8)(0x80 | ((unsigned long)p >> 4));
}

static void check_and_free(struct ktest *t, const struct live_alloc *a)
{
	for (size_t i = 0; i < a->size; i++)
		if (!KEXPECT_EQ(t, a->p[i], tag_of(a->p)))
			break;
	free_bootmem(__pa(a->p), a->size);
}
#line 2330 "chapters/09-shortcuts.nw" /* <bootmem interface test: nothing fits only when it is full> */
static void fill_then_empty(struct ktest *t, unsigned long overhead)
{
	unsigned long n = 0;
	u8 *p, *last = NULL;

	while ((p = ___alloc_bootmem_nopanic(&bootmem, PAGE_SIZE, PAGE_SIZE, 0, 0, __func__))) {
		if (!check_new(t, p, PAGE_SIZE, PAGE_SIZE, 0, NULL, 0))
			break;
		memset(p, tag_of(p), PAGE_SIZE);
		*(u8 **)p = last;
		last = p;
		n++;
	}
	KEXPECT_TRUE(t, n + overhead >= size / PAGE_SIZE);	/* NULL only when it was full */
	for (; last; n--) {
		struct live_alloc a = { last, PAGE_SIZE };

		last = *(u8 **)a.p;
		*(u8 **)a.p = NULL;
		memset(a.p, tag_of(a.p), sizeof(void *));
		check_and_free(t, &a);
	}
	KEXPECT_EQ(t, n, 0);
}
#line 2366 "chapters/09-shortcuts.nw" /* <bootmem interface test: a fresh arena> */
static unsigned int fresh_arena(struct ktest *t, struct live_alloc *live, unsigned int nr)
{
	struct bootmem_interface_arena a;

	while (nr)
		check_and_free(t, &live[--nr]);
	bootmem_interface_test_end();
	bootmem_interface_test_begin(&a);
	return 0;
}
#line 2379 "chapters/09-shortcuts.nw" /* <bootmem interface test: the random workload> */
static void random_workload(struct ktest *t, u32 *seed)
{
	static struct live_alloc live[LIVE];
	unsigned int nr = 0, allocs = 0, arenas = 1;
	size_t spent = 0;		/* size plus alignment, on this arena */

	for (int round = 0; round < ROUNDS; round++) {
		u32 r[6] = { ktest_rand(seed), ktest_rand(seed), ktest_rand(seed), ktest_rand(seed),
			     ktest_rand(seed), ktest_rand(seed) };
		size_t n = r[0] % 16 ? 1 + r[1] % (PAGE_SIZE / 8) : 1 + r[1] % (2 * PAGE_SIZE);
		size_t align = (size_t)8 << (r[2] % 10);			/* 8 .. 4096 */
		phys_addr_t goal = r[3] % 2 ? base + r[4] % size : 0;
		phys_addr_t limit = r[3] % 8 >= 6 && !limits_are_zones ?
				    base + size / 2 + (r[4] >> 8) % (size / 2) : 0;

		if (r[5] % 3 && nr < LIVE) {
			u8 *p;

			if (spent + n + align > BUDGET)
				nr = fresh_arena(t, live, nr), spent = 0, arenas++;
			p = ___alloc_bootmem_nopanic(&bootmem, n, align, goal, limit, __func__);
			if (!KEXPECT_TRUE(t, p != NULL) || !check_new(t, p, n, align, limit, live, nr))
				return;
			memset(p, tag_of(p), n);
			live[nr++] = (struct live_alloc){ p, n };
			spent += n + align, allocs++;
		} else if (nr) {
			unsigned int i = r[4] % nr;

			check_and_free(t, &live[i]);
			live[i] = live[--nr];
		}
	}
	while (nr)
		check_and_free(t, &live[--nr]);
	printk("%u allocations on %u arenas\n", allocs, arenas);
}
#line 2419 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.c> */
KTEST(bootmem_interface_keeps_its_contract)
{
	u32 seed = 0x9b00d;
	struct bootmem_interface_arena a;

	bootmem_interface_test_begin(&a);
	base = a.base, size = a.size, limits_are_zones = a.limits_are_zones;
	if (KEXPECT_TRUE(t, size - (phys_addr_t)a.kept * PAGE_SIZE >= 2 * BUDGET)) {
		fill_then_empty(t, a.kept);
		random_workload(t, &seed);
		KEXPECT_TRUE(t, !___alloc_bootmem_nopanic(&bootmem, size + PAGE_SIZE, PAGE_SIZE, 0, 0,
						       __func__));
	}
	bootmem_interface_test_end();
}
