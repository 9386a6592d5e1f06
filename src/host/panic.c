#line 2650 "chapters/01-boot.nw" /* <host/panic.c> */
/* panic.c (host) - print the reason and fail the test program. */
#include <stdlib.h>
#include <handoff/ktest.h>
#include <handoff/printk.h>

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	ktest_catch_panic(fmt, args);	/* returns only if no test expects a panic */
	va_end(args);
	printk("panic: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	exit(2);
}
