#line 2629 "chapters/01-boot.nw" /* <host/console.c> */
/* console.c (host) - the console is standard output. */
#include <stdio.h>
#include <handoff/console.h>

void console_init(void)
{
}

void console_flush(void)
{
	fflush(stdout);
}

void console_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stdout);
	fflush(stdout);
}
