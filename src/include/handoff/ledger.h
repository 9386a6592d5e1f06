#line 833 "chapters/03-e820.nw" /* <include/handoff/ledger.h> */
#ifndef _HANDOFF_LEDGER_H
#define _HANDOFF_LEDGER_H

/**
 * handoff_ledger - print "handoff: @from -> @to total=T free=F reserved=R" (in pages) and check
 * it: T = F + R, and T equal to the total of the first handoff of this boot. Panics otherwise.
 */
void handoff_ledger(const char *from, const char *to, unsigned long total, unsigned long free,
		    unsigned long reserved);

/* The lines printed so far, in order: chapter 8 sums up the chain from them. */
struct handoff_line {
	const char *from, *to;
	unsigned long total, free, reserved;
};
#define MAX_HANDOFF_LINES	8
extern struct handoff_line handoff_lines[MAX_HANDOFF_LINES];
extern unsigned int nr_handoff_lines;
#endif
