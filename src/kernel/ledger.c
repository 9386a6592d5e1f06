#line 855 "chapters/03-e820.nw" /* <kernel/ledger.c> */
/* ledger.c - each handoff accounts for every page. */
#include <handoff/ledger.h>
#include <handoff/printk.h>

struct handoff_line handoff_lines[MAX_HANDOFF_LINES];
unsigned int nr_handoff_lines;

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
									   reserved };
}
