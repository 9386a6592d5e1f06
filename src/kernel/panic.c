#line 1294 "chapters/01-boot.nw" /* <kernel/panic.c> */
/* panic.c - stop with a reason and a failing verdict. */
#include <handoff/exit.h>
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include <handoff/stage.h>

void panic(const char *fmt, ...)
{
	static bool in_panic;
	va_list args;

	va_start(args, fmt);
	ktest_catch_panic(fmt, args);	/* returns only if no test expects a panic */
	va_end(args);
	printk_set_prefix(NULL);	/* a test's panic is not a test diagnostic */
	if (in_panic)
		machine_exit(false);
	in_panic = true;
	printk("panic: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\npanic: called from %p\n", (const char *)__builtin_return_address(0) - 1);
	stage_verdict(false);
	machine_exit(false);
}
