#line 1876 "chapters/01-boot.nw"
/* panic.c (host) - print the reason and fail the test program. */
#include <stdlib.h>
#include <handoff/printk.h>

void panic(const char *fmt, ...)
{
	va_list args;

	printk("panic: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	exit(2);
}
