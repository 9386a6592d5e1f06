#line 1804 "chapters/01-boot.nw"
/* cmdline_test.c - finding whole words on the command line. */
#include <handoff/cmdline.h>
#include <handoff/ktest.h>

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
