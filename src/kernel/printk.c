#line 1090 "chapters/01-boot.nw" /* <kernel/printk.c> */
/* printk.c - formatted output to the console. */
#include <handoff/console.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#define PRINTK_BUF	512

static const char *line_prefix;
static bool at_line_start = true;

void printk_set_prefix(const char *prefix)
{
	line_prefix = prefix;
}

#line 1163 "chapters/01-boot.nw" /* <printk: write with the line prefix> */
static void write_lines(const char *s, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (at_line_start && line_prefix) {
			console_write(s + start, i - start);
			console_write(line_prefix, strlen(line_prefix));
			start = i;
		}
		at_line_start = s[i] == '\n';
	}
	console_write(s + start, len - start);
}

#line 1114 "chapters/01-boot.nw" /* <kernel/printk.c> */
void vprintk(const char *fmt, va_list args)
{
	static const char cut[] = "[...]\n";
	char buf[PRINTK_BUF];
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	if (n < (int)sizeof(buf)) {
		write_lines(buf, (size_t)n);
		return;
	}
	write_lines(buf, sizeof(buf) - 1);
	write_lines(cut, sizeof(cut) - 1);
}

void printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

void printk_string(const char *s)
{
	write_lines(s, strlen(s));
}

#line 1149 "chapters/01-boot.nw" /* <printk: print a physical range, empty or not> */
const char *mem_range(struct mem_range_text *t, u64 start, u64 end)
{
	if (start < end)
		snprintf(t->s, sizeof(t->s), "[mem 0x%08llx-0x%08llx]", start, end - 1);
	else if (start == end)
		snprintf(t->s, sizeof(t->s), "[mem 0x%08llx, 0 bytes]", start);
	else
		snprintf(t->s, sizeof(t->s), "[mem 0x%08llx-, ends before it starts at 0x%08llx]",
			 start, end);
	return t->s;
}
