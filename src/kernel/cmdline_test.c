#line 2478 "chapters/01-boot.nw" /* <kernel/cmdline_test.c> */
/* cmdline_test.c - words and values on the command line; and a test of KEXPECT_PANIC. */
#include <handoff/cmdline.h>
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include <handoff/string.h>

KTEST(cmdline_whole_words)
{
	const char *line = "/boot/kernel.elf  memdump foo=1 memdumps";

	KEXPECT_TRUE(t, cmdline_has(line, "memdump"));
	KEXPECT_TRUE(t, cmdline_has(line, "foo=1"));
	KEXPECT_TRUE(t, !cmdline_has(line, "foo"));
	KEXPECT_TRUE(t, !cmdline_has(line, "mem"));
	KEXPECT_TRUE(t, !cmdline_has("", "memdump"));
	KEXPECT_TRUE(t, !cmdline_has(line, ""));
}

#line 2502 "chapters/01-boot.nw" /* <kernel/cmdline_test.c> */
KTEST(cmdline_values_in_turn)
{
	const char *line = "x memmap=exactmap mem=1G memmap=64M@0 memmapx=1 memmap= memmap=1M$2M";
	const char *v;
	size_t len;

	KASSERT_TRUE(t, (v = cmdline_get(line, "memmap", NULL, &len)) != NULL);
	KEXPECT_TRUE(t, len == 8 && !strncmp(v, "exactmap", len));
	KASSERT_TRUE(t, (v = cmdline_get(line, "memmap", v, &len)) != NULL);
	KEXPECT_TRUE(t, len == 5 && !strncmp(v, "64M@0", len));
	KASSERT_TRUE(t, (v = cmdline_get(line, "memmap", v, &len)) != NULL);
	KEXPECT_EQ(t, len, 0);				/* "memmap=": empty, but there */
	KASSERT_TRUE(t, (v = cmdline_get(line, "memmap", v, &len)) != NULL);
	KEXPECT_TRUE(t, len == 5 && !strncmp(v, "1M$2M", len));
	KEXPECT_TRUE(t, cmdline_get(line, "memmap", v, &len) == NULL);
	KEXPECT_TRUE(t, cmdline_get(line, "mem", NULL, &len) != NULL && len == 2);
	KEXPECT_TRUE(t, cmdline_get(line, "nosuch", NULL, &len) == NULL);
}

#line 2527 "chapters/01-boot.nw" /* <kernel/cmdline_test.c> */
#define LONG_LINE	2047	/* the book's promise, not COMMAND_LINE_SIZE - 1 */

KTEST(cmdline_keeps_a_long_line)
{
	static char saved[COMMAND_LINE_SIZE], line[3000];
	char last[32];
	size_t n = 0;
	unsigned int i = 0;

	memcpy(saved, boot_command_line, sizeof(saved));
	while (n + 16 < LONG_LINE)		/* memmap= words, then x to 2,047 bytes */
		n += (size_t)snprintf(line + n, sizeof(line) - n, "memmap=4K$%uM ", 10 + i++);
	memset(line + n, 'x', LONG_LINE - n);
	line[LONG_LINE] = '\0';
	snprintf(last, sizeof(last), "memmap=4K$%uM", 10 + i - 1);
	cmdline_save(line);
	KEXPECT_EQ(t, strlen(boot_command_line), LONG_LINE);	/* all of it */
	KEXPECT_TRUE(t, cmdline_has(boot_command_line, "memmap=4K$10M"));
	KEXPECT_TRUE(t, cmdline_has(boot_command_line, last));
	memset(line + LONG_LINE, 'y', sizeof(line) - LONG_LINE - 1);
	line[sizeof(line) - 1] = '\0';
	cmdline_save(line);				/* 2,999 bytes: cut to 2,047 */
	KEXPECT_EQ(t, strlen(boot_command_line), LONG_LINE);
	KEXPECT_TRUE(t, !memcmp(boot_command_line, line, LONG_LINE));
	memcpy(boot_command_line, saved, sizeof(saved));
}

#line 2560 "chapters/01-boot.nw" /* <kernel/cmdline_test.c> */
KTEST(ktest_catches_an_expected_panic)
{
	KEXPECT_PANIC(t, panic("boom %d", 42), "boom 42");
	KEXPECT_PANIC(t, panic("twice"), "twice");	/* and again: the catcher rearms */
}
