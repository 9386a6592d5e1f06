#line 457 "chapters/02-brk.nw" /* <kernel/handoff.c> */
/* handoff.c - the retirement of an allocator, the same for every link of the chain. */
#include <handoff/handoff.h>
#include <handoff/printk.h>

void __retire(struct retirement *r, const char *allocator, const char *successor,
	      const char *instead, const char *by)
{
	if (r->by)
		panic("handoff: %s() retired %s in favour of %s, but %s() had retired it already "
		      "in favour of %s", by, allocator, successor, r->by, r->successor);
	*r = (struct retirement){ allocator, by, successor, instead };
}

void __retirement_redirect(struct retirement *r, const char *instead, const char *caller)
{
	if (!r->by)
		panic("handoff: %s() sends the callers of an allocator that is still live to %s; "
		      "only a retired allocator's callers can be redirected", caller, instead);
	r->instead = instead;
}

void check_live(const struct retirement *r, const char *fn, const char *caller)
{
	if (r->by)
		panic("%s: %s() called after %s handed memory to %s in %s(); use %s instead", fn,
		      caller, r->allocator, r->successor, r->by, r->instead);
}

#line 1162 "chapters/03-e820.nw" /* <kernel/handoff.c> */
/* The ledger: each handoff accounts for every page. */
struct handoff_line handoff_lines[MAX_HANDOFF_LINES];
unsigned int nr_handoff_lines;
static unsigned long freed_since_last_line;

void ledger_note_freed(unsigned long pages)
{
	freed_since_last_line += pages;
}

void handoff_ledger(const char *from, const char *to, unsigned long total, unsigned long free,
		    unsigned long reserved)
{
	static unsigned long first_total;
	static const char *first_to;

	printk("handoff: %s -> %s total=%lu free=%lu reserved=%lu\n", from, to, total, free,
	       reserved);
	if (free + reserved != total)
		panic("handoff: %s -> %s does not balance: free %lu + reserved %lu = %lu pages, "
		      "not %lu", from, to, free, reserved, free + reserved, total);
	if (first_to && total != first_total)
		panic("handoff: %s -> %s counts %lu pages, but the handoff to %s counted %lu: "
		      "memory appeared or vanished", from, to, total, first_to, first_total);
	if (!first_to) {
		first_total = total;
		first_to = to;
	}
	if (nr_handoff_lines < MAX_HANDOFF_LINES)
		handoff_lines[nr_handoff_lines++] = (struct handoff_line){ from, to, total, free,
									   reserved,
									   freed_since_last_line };
	freed_since_last_line = 0;
#line 3745 "chapters/10-nodes.nw" /* <handoff_ledger: then what later chapters add> */
	handoff_ledger_nodes(from, to, total, free, reserved);
#line 1196 "chapters/03-e820.nw" /* <kernel/handoff.c> */
}
