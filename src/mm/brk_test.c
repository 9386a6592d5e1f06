#line 537 "chapters/02-brk.nw" /* <mm/brk_test.c> */
/* brk_test.c - the bump allocator against its rules. */
#include <handoff/brk.h>
#include <handoff/ktest.h>
#include <handoff/string.h>

static char brk_buf[4096] __attribute__((aligned(4096)));

static struct brk_area test_brk(void)
{
	memset(brk_buf, 0xAA, sizeof(brk_buf));
	return (struct brk_area){ brk_buf, brk_buf, brk_buf + sizeof(brk_buf), { 0 } };
}

#line 556 "chapters/02-brk.nw" /* <brk tests: allocation> */
KTEST(brk_aligns_and_zeroes)
{
	struct brk_area b = test_brk();
	char *p = brk_alloc(&b, 3, 1, __func__);
	char *q = brk_alloc(&b, 8, 64, __func__);

	KEXPECT_TRUE(t, p == brk_buf);
	KEXPECT_TRUE(t, q == brk_buf + 64);
	KEXPECT_TRUE(t, p[0] == 0 && p[2] == 0 && q[7] == 0);
	KEXPECT_EQ(t, (unsigned char)brk_buf[3], 0xAA);		/* the gap is not touched */
	KEXPECT_EQ(t, brk_used(&b), 72);
}

KTEST(brk_exact_fit)
{
	struct brk_area b = test_brk();

	brk_alloc(&b, 100, 1, __func__);
	KEXPECT_TRUE(t, brk_alloc(&b, 4096 - 100, 1, __func__) == brk_buf + 100);
	KEXPECT_EQ(t, brk_used(&b), 4096);
	KEXPECT_TRUE(t, brk_alloc(&b, 0, 1, __func__) == brk_buf + 4096);	/* nothing fits */
}
#line 581 "chapters/02-brk.nw" /* <brk tests: misuse> */
KTEST(brk_refuses_too_much)
{
	struct brk_area b = test_brk();

	brk_alloc(&b, 4000, 1, __func__);
	KEXPECT_PANIC(t, brk_alloc(&b, 97, 1, "greedy"), "greedy() asked for 97 bytes");
	KEXPECT_PANIC(t, brk_alloc(&b, 1, 4096, "greedy"), "only 96 of the 4096 bytes");
	KEXPECT_PANIC(t, brk_alloc(&b, (size_t)-1, 1, "greedy"), "brk are left");
	KEXPECT_EQ(t, brk_used(&b), 4000);		/* nothing changed */
}

KTEST(brk_alignment_past_the_end)
{
	struct brk_area b = test_brk();

	b.limit = brk_buf + 4000;			/* an area that does not end on a page */
	brk_alloc(&b, 1, 1, __func__);
	KEXPECT_PANIC(t, brk_alloc(&b, 0, 4096, "far"), "far() asked for 0 bytes aligned to 4096");
	KEXPECT_EQ(t, brk_used(&b), 1);
}

KTEST(brk_refuses_a_bad_alignment)
{
	struct brk_area b = test_brk();

	KEXPECT_PANIC(t, brk_alloc(&b, 8, 24, "odd"), "alignment 24, which is not a power of two");
	KEXPECT_PANIC(t, brk_alloc(&b, 8, 0, "odd"), "alignment 0");
}

#line 616 "chapters/02-brk.nw" /* <brk tests: misuse> */
KTEST(brk_sealed_names_both)
{
	struct brk_area b = test_brk();

	brk_alloc(&b, 8, 8, __func__);
	__retire(&b.life, "brk", "the next one", "its interface", "setup_arch");
	KEXPECT_PANIC(t, brk_alloc(&b, 8, 8, "late_user"),
		      "extend_brk: late_user() called after brk handed memory to the next one in "
		      "setup_arch(); use its interface instead");
	KEXPECT_EQ(t, brk_used(&b), 8);
}

KTEST(brk_not_set_up)
{
	struct brk_area b = test_brk();

	b.end = NULL;
	KEXPECT_PANIC(t, brk_alloc(&b, 8, 8, "early_user"),
		      "early_user() asked for 8 bytes before the area was set up");
}
#line 644 "chapters/02-brk.nw" /* <brk tests: against a model> */
/* The refusal, in a function of its own: KEXPECT_PANIC must not share a frame with a loop. */
static void expect_refusal(struct ktest *t, struct brk_area *b, size_t size, size_t align)
{
	KEXPECT_PANIC(t, brk_alloc(b, size, align, "model"), "brk are left");
}

KTEST(brk_matches_its_model)
{
	struct brk_area b = test_brk();
	size_t model = 0;	/* the offset of end, as the model sees it */
	u32 seed = 2010;
	int done = 0;

	for (int i = 0; i < 1000; i++) {
		size_t size = ktest_rand(&seed) % 64, align = (size_t)1 << (ktest_rand(&seed) % 7);
		size_t start = (model + align - 1) & ~(align - 1);
		char *p;

		if (start + size > sizeof(brk_buf)) {
			expect_refusal(t, &b, size, align);
			continue;
		}
		p = brk_alloc(&b, size, align, "model");
		KASSERT_TRUE(t, p == brk_buf + start);
		for (size_t j = 0; j < size; j++)
			KASSERT_EQ(t, p[j], 0);
		model = start + size;
		done++;
	}
	KEXPECT_EQ(t, brk_used(&b), model);
	KEXPECT_TRUE(t, done > 50);
}
