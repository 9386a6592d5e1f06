#line 2315 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.c> */
/* bootmem_interface_test.c - one randomized workload on the bootmem interface, in every chain. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include "bootmem_interface_test.h"

#define LIVE	48			/* allocations held at once, at most */
#define ROUNDS	600

struct live_alloc {
	u8 *p;
	size_t size;
};

static phys_addr_t base, size, budget;
static bool limits_are_zones;

#line 2343 "chapters/09-shortcuts.nw" /* <bootmem interface test: checking one allocation> */
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
#line 2379 "chapters/09-shortcuts.nw" /* <bootmem interface test: nothing fits only when it is full> */
static void fill_then_empty(struct ktest *t, unsigned long overhead)
{
	unsigned long n = 0;
	u8 *p, *last = NULL;

	while ((p = bootmem_alloc_nopanic(&bootmem, PAGE_SIZE, PAGE_SIZE, 0, 0, __func__))) {
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
#line 2412 "chapters/09-shortcuts.nw" /* <bootmem interface test: the random workload> */
static void random_workload(struct ktest *t, u32 *seed)
{
	static struct live_alloc live[LIVE];
	unsigned int nr = 0;
	size_t spent = 0;		/* size plus alignment of every allocation so far */

	for (int round = 0; round < ROUNDS; round++) {
		size_t n = ktest_rand(seed) % 16 ? 1 + ktest_rand(seed) % (PAGE_SIZE / 8)
						 : 1 + ktest_rand(seed) % (2 * PAGE_SIZE);
		size_t align = (size_t)8 << (ktest_rand(seed) % 10);		/* 8 .. 4096 */

		if (nr < LIVE && spent + n + align <= budget && ktest_rand(seed) % 3) {
			phys_addr_t goal = ktest_rand(seed) % 2 ? base + ktest_rand(seed) % size : 0;
			phys_addr_t limit = ktest_rand(seed) % 4 || limits_are_zones ? 0 :
					    base + size / 2 + ktest_rand(seed) % (size / 2);
			u8 *p = bootmem_alloc_nopanic(&bootmem, n, align, goal, limit, __func__);

			if (!KEXPECT_TRUE(t, p != NULL) || !check_new(t, p, n, align, limit, live, nr))
				return;
			memset(p, tag_of(p), n);
			live[nr++] = (struct live_alloc){ p, n };
			spent += n + align;
		} else if (nr) {
			unsigned int i = ktest_rand(seed) % nr;

			check_and_free(t, &live[i]);
			live[i] = live[--nr];
		}
	}
	while (nr)
		check_and_free(t, &live[--nr]);
}
#line 2447 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.c> */
KTEST(bootmem_interface_keeps_its_contract)
{
	u32 seed = 0x9b00d;
	struct bootmem_interface_arena a;

	bootmem_interface_test_begin(&a);
	base = a.base, size = a.size, limits_are_zones = a.limits_are_zones;
	budget = (size - (phys_addr_t)a.kept * PAGE_SIZE) / 2;
	fill_then_empty(t, a.kept);
	random_workload(t, &seed);
	KEXPECT_TRUE(t, !bootmem_alloc_nopanic(&bootmem, size + PAGE_SIZE, PAGE_SIZE, 0, 0,
					       __func__));
	bootmem_interface_test_end();
}
