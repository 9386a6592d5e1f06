#line 2268 "chapters/01-boot.nw" /* <lib/vsprintf_test.c> */
/* vsprintf_test.c - the formatter, rule by rule. */
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#define EXPECT_FMT(t, want, ...) ({						\
	char __buf[64];								\
	int __n = snprintf(__buf, sizeof(__buf), __VA_ARGS__);			\
	KEXPECT_STREQ(t, __buf, want);						\
	KEXPECT_EQ(t, __n, strlen(want));					\
})

KTEST(vsnprintf_integers)
{
	EXPECT_FMT(t, "0 42 -42", "%d %i %d", 0, 42, -42);
	EXPECT_FMT(t, "-2147483648", "%d", (int)0x80000000);
	EXPECT_FMT(t, "4294967295", "%u", 0xffffffffu);
	EXPECT_FMT(t, "ff FF", "%x %X", 255, 255);
	EXPECT_FMT(t, "-9223372036854775808", "%lld", (long long)(1ull << 63));
	EXPECT_FMT(t, "18446744073709551615", "%llu", ~0ull);
	EXPECT_FMT(t, "100000000", "%llx", 1ull << 32);
	EXPECT_FMT(t, "deadbeef", "%lx", 0xdeadbeefUL);
	EXPECT_FMT(t, "4096 1000", "%zu %zx", (size_t)4096, (size_t)4096);
}

#line 2298 "chapters/01-boot.nw" /* <lib/vsprintf_test.c> */
KTEST(vsnprintf_width_and_padding)
{
	EXPECT_FMT(t, "   42|00042", "%5d|%05d", 42, 42);
	EXPECT_FMT(t, "  -42|-0042", "%5d|%05d", -42, -42);
	EXPECT_FMT(t, "0000000000001000", "%016llx", 0x1000ull);
	EXPECT_FMT(t, "123456", "%3d", 123456);
	EXPECT_FMT(t, "   ab", "%5s", "ab");
}

#line 2313 "chapters/01-boot.nw" /* <lib/vsprintf_test.c> */
/* For the formats GCC rightly refuses to compile: a NULL string and an unknown conversion. */
static const char *unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, size, fmt, args);
	va_end(args);
	return buf;
}

KTEST(vsnprintf_strings_chars_pointers)
{
	char buf[16];

	EXPECT_FMT(t, "x=ab c%", "x=%s %c%%", "ab", 'c');
	EXPECT_FMT(t, sizeof(void *) == 4 ? "0x00001000" : "0x0000000000001000", "%p",
		   (void *)0x1000);
	KEXPECT_STREQ(t, unchecked(buf, sizeof(buf), "%s", NULL), "(null)");
	KEXPECT_STREQ(t, unchecked(buf, sizeof(buf), "a%qb"), "a%qb");
	KEXPECT_STREQ(t, unchecked(buf, sizeof(buf), "ab%"), "ab%");
}

#line 2342 "chapters/01-boot.nw" /* <lib/vsprintf_test.c> */
KTEST(vsnprintf_never_overruns)
{
	char buf[8];

	memset(buf, '#', sizeof(buf));
	KEXPECT_EQ(t, snprintf(buf, 4, "%s", "abcdef"), 6);
	KEXPECT_STREQ(t, buf, "abc");
	KEXPECT_EQ(t, buf[4], '#');
	KEXPECT_EQ(t, snprintf(buf, 0, "%d", 12345), 5);
	KEXPECT_EQ(t, buf[0], 'a');
}

KTEST(mem_range_shows_empty_ranges_as_empty)
{
	struct mem_range_text r;

	KEXPECT_STREQ(t, mem_range(&r, 0x1000, 0x2000), "[mem 0x00001000-0x00001fff]");
	KEXPECT_STREQ(t, mem_range(&r, 0x1f1000, 0x1f1000), "[mem 0x001f1000, 0 bytes]");
	KEXPECT_STREQ(t, mem_range(&r, 0x2000, 0x1000),
		      "[mem 0x00002000-, ends before it starts at 0x00001000]");
	KEXPECT_STREQ(t, mem_range(&r, 0xfffff000, 1ull << 32), "[mem 0xfffff000-0xffffffff]");
}
