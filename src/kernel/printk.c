#line 761 "chapters/01-boot.nw"
/* printk.c - formatted output to the console. */
#include <handoff/console.h>
#include <handoff/printk.h>

#define PRINTK_BUF	512

void vprintk(const char *fmt, va_list args)
{
	static const char cut[] = "[...]\n";
	char buf[PRINTK_BUF];
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	if (n < (int)sizeof(buf)) {
		console_write(buf, (size_t)n);
		return;
	}
	console_write(buf, sizeof(buf) - 1);
	console_write(cut, sizeof(cut) - 1);
}

void printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}
