#line 1988 "chapters/09-shortcuts.nw" /* <kernel/census.c> */
/* census.c - every early allocation, counted by caller, allocator and phase (chapter 9). */
#include <handoff/cmdline.h>
#include <handoff/handoff.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct census boot_census;

#line 2001 "chapters/09-shortcuts.nw" /* <census: note> */
void census_note_in(struct census *c, const char *allocator, const char *caller, u64 bytes)
{
	struct census_line *l;

	for (l = c->lines; l < c->lines + c->nr; l++)
		if (l->after_paging == c->after_paging && !strcmp(l->allocator, allocator) &&
		    !strcmp(l->caller, caller))
			break;
	if (l == c->lines + CENSUS_LINES) {
		c->lost++;
		return;
	}
	if (l == c->lines + c->nr)
		c->lines[c->nr++] = (struct census_line){ allocator, caller, c->after_paging, 0, 0 };
	l->count++;
	l->bytes += bytes;
}
#line 2024 "chapters/09-shortcuts.nw" /* <census: print> */
static const char *phase(bool after)
{
	return after ? "after-paging" : "before-paging";
}

void census_print(const struct census *c)
{
	const struct census_line *l, *k;

	for (l = c->lines; l < c->lines + c->nr; l++)
		printk("census: %s %s %s count=%lu bytes=%llu\n", phase(l->after_paging), l->allocator,
		       l->caller, l->count, l->bytes);
	for (l = c->lines; l < c->lines + c->nr; l++) {
		unsigned long count = 0;
		u64 bytes = 0;

		for (k = c->lines; k < l; k++)		/* the first line of its kind prints it */
			if (k->after_paging == l->after_paging && !strcmp(k->allocator, l->allocator))
				break;
		if (k < l)
			continue;
		for (k = l; k < c->lines + c->nr; k++)
			if (k->after_paging == l->after_paging && !strcmp(k->allocator, l->allocator)) {
				count += k->count;
				bytes += k->bytes;
			}
		printk("census: %s %s total count=%lu bytes=%llu\n", phase(l->after_paging),
		       l->allocator, count, bytes);
	}
	if (c->lost)
		printk("census: %lu notes found no free line (the table has %d)\n", c->lost,
		       CENSUS_LINES);
}

void census_report(void)
{
	if (cmdline_has(boot_command_line, "census"))
		census_print(&boot_census);
}
