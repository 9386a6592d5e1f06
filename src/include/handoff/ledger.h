#line 837 "chapters/03-e820.nw"
#ifndef _HANDOFF_LEDGER_H
#define _HANDOFF_LEDGER_H

/**
 * handoff_ledger - print "handoff: @from -> @to total=T free=F reserved=R" (in pages) and check
 * it: T = F + R, and T equal to the total of the first handoff of this boot. Panics otherwise.
 */
void handoff_ledger(const char *from, const char *to, unsigned long total, unsigned long free,
		    unsigned long reserved);

/**
 * ledger_note_freed - the allocator in charge gave @pages reserved pages back (a free, not a
 * handoff): the next line records them, so that what it gave out can be told from what it took
 * back of its predecessors' (chapter 8's table).
 */
void ledger_note_freed(unsigned long pages);

/* The lines printed so far, in order: chapter 8 sums up the chain from them. */
struct handoff_line {
	const char *from, *to;
	unsigned long total, free, reserved;
	unsigned long freed;	/* pages freed back while @from was in charge */
};
#define MAX_HANDOFF_LINES	8
extern struct handoff_line handoff_lines[MAX_HANDOFF_LINES];
extern unsigned int nr_handoff_lines;
#endif
