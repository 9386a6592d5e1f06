#line 2108 "chapters/09-shortcuts.nw" /* <kernel/census_test.c> */
/* census_test.c - the recorder of early allocations. */
#include <handoff/handoff.h>
#include <handoff/ktest.h>
#include <handoff/string.h>

KTEST(census_counts_by_caller_allocator_and_phase)
{
	static struct census c;
	char names[CENSUS_LINES + 2][8];

	memset(&c, 0, sizeof(c));
	census_note_in(&c, "lmb", "f", 4096);
	census_note_in(&c, "lmb", "f", 100);
	census_note_in(&c, "brk", "f", 8);
	c.after_paging = true;
	census_note_in(&c, "lmb", "f", 1);
	KEXPECT_EQ(t, c.nr, 3);
	KEXPECT_TRUE(t, c.lines[0].count == 2 && c.lines[0].bytes == 4196 && !c.lines[0].after_paging);
	KEXPECT_TRUE(t, !strcmp(c.lines[1].allocator, "brk") && c.lines[1].count == 1);
	KEXPECT_TRUE(t, c.lines[2].after_paging && c.lines[2].bytes == 1);
	for (unsigned int i = 0; i < CENSUS_LINES + 2; i++) {
		memset(names[i], 0, sizeof(names[i]));
		names[i][0] = (char)('A' + i % 26);
		names[i][1] = (char)('a' + i / 26);
		census_note_in(&c, "e820", names[i], 1);
	}
	KEXPECT_EQ(t, c.nr, CENSUS_LINES);
	KEXPECT_EQ(t, c.lost, 5);		/* 3 lines taken before, 50 names: 45 fit */
}
