#line 2138 "chapters/01-boot.nw" /* <kernel/ktest.c> */
/* ktest.c - run the self-tests and report them in KTAP. */
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include <handoff/string.h>

extern const struct ktest_case __start_ktest_cases[], __stop_ktest_cases[];

#define for_each_ktest_case(c) \
	for ((c) = __start_ktest_cases; (c) < __stop_ktest_cases; (c)++)

bool ktest_check(struct ktest *t, bool ok, const char *where, const char *fmt, ...)
{
	va_list args;

	if (ok)
		return true;
	if (!t->failures++)
		t->first_failure = where;
	printk("%s: %s: ", t->name, where);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	return false;
}

#line 2170 "chapters/01-boot.nw" /* <kernel/ktest.c> */
void ktest_skip(struct ktest *t, const char *reason)
{
	t->skip_reason = reason;
}

u32 ktest_rand(u32 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

#line 2189 "chapters/01-boot.nw" /* <kernel/ktest.c> */
static struct ktest_panic_catcher *panic_catcher;

void ktest_expect_panic(struct ktest_panic_catcher *c)
{
	panic_catcher = c;
}

void ktest_catch_panic(const char *fmt, va_list args)
{
	struct ktest_panic_catcher *c = panic_catcher;

	if (!c)
		return;
	panic_catcher = NULL;		/* one panic each: a second one is real */
	vsnprintf(c->reason, sizeof(c->reason), fmt, args);
	ktest_longjmp(c->env);
}

#line 2218 "chapters/01-boot.nw" /* <kernel/ktest.c> */
static const char *units_skipped;	/* the reason, when unit tests are not run */

void ktest_skip_units(const char *reason)
{
	units_skipped = reason;
}

#line 2231 "chapters/01-boot.nw" /* <kernel/ktest.c> */
int ktest_run_all(void)
{
	const struct ktest_case *c;
	int nr = 0, failed = 0;

	printk("KTAP version 1\n1..%d\n", (int)(__stop_ktest_cases - __start_ktest_cases));
	for_each_ktest_case(c) {
		struct ktest t = { c->name, 0, NULL, NULL };

		printk_set_prefix("# ");
		if (c->unit && units_skipped)
			ktest_skip(&t, units_skipped);
		else
			c->run(&t);
		printk_set_prefix(NULL);
		nr++;
		if (t.failures) {
			failed++;
			printk("not ok %d %s # %d failed, first at %s\n", nr, c->name,
			       t.failures, t.first_failure);
		} else if (t.skip_reason) {
			printk("ok %d %s # SKIP %s\n", nr, c->name, t.skip_reason);
		} else {
			printk("ok %d %s\n", nr, c->name);
		}
	}
	return failed;
}
