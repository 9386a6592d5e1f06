#line 2037 "chapters/01-boot.nw" /* <kernel/cmdline_test.c> */
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

KTEST(ktest_catches_an_expected_panic)
{
	KEXPECT_PANIC(t, panic("boom %d", 42), "boom 42");
	KEXPECT_PANIC(t, panic("twice"), "twice");	/* and again: the catcher rearms */
}
