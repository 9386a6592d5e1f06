#line 683 "chapters/02-brk.nw" /* <kernel/handoff_test.c> */
/* handoff_test.c - the retirement record. */
#include <handoff/handoff.h>
#include <handoff/ktest.h>

KTEST(handoff_retire_and_check)
{
	struct retirement r = { 0 };

	check_live(&r, "old_alloc", __func__);		/* live: returns */
	KEXPECT_TRUE(t, !is_retired(&r));
	__retire(&r, "the old allocator", "the new one", "new_alloc()", "new_takes_over");
	KEXPECT_TRUE(t, is_retired(&r));
	KEXPECT_PANIC(t, check_live(&r, "old_alloc", "late_caller"),
		      "old_alloc: late_caller() called after the old allocator handed memory to "
		      "the new one in new_takes_over(); use new_alloc() instead");
}

KTEST(handoff_retire_twice_and_redirect)
{
	struct retirement r = { 0 };

	KEXPECT_PANIC(t, __retirement_redirect(&r, "x()", "redirector"),
		      "redirector() sends the callers of an allocator that is still live to x()");
	__retire(&r, "old", "new", "new_alloc()", "first");
	KEXPECT_PANIC(t, __retire(&r, "old", "newer", "newer_alloc()", "second"),
		      "second() retired old in favour of newer, but first() had retired it "
		      "already in favour of new");
	KEXPECT_STREQ(t, r.by, "first");
	retirement_redirect(&r, "newer_alloc()");
	KEXPECT_PANIC(t, check_live(&r, "old_alloc", "late"), "in first(); use newer_alloc() instead");
}
