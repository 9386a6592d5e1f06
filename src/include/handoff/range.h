#line 653 "chapters/03-e820.nw" /* <include/handoff/range.h> */
#ifndef _HANDOFF_RANGE_H
#define _HANDOFF_RANGE_H
#include <handoff/types.h>

struct range {
	u64 start;		/* the first byte */
	u64 end;		/* the first byte after */
};

/* A sorted list of disjoint ranges, whatever holds them: element @i of @owner, through @get. */
struct range_list {
	const void *owner;
	int nr;
	/* Sets *r to element i's extent, always (the list is sorted by it); false: not a range. */
	bool (*get)(const void *owner, int i, struct range *r);
};

/**
 * next_free_range - the next part of @mem at or after *@pos that no range of @res overlaps: sets
 * *@free and moves *@pos to its end; false when there is none.
 */
bool next_free_range(const struct range_list *mem, const struct range_list *res, u64 *pos,
		     struct range *free);

#define for_each_free_range(mem, res, pos, r) \
	for ((pos) = 0; next_free_range((mem), (res), &(pos), (r)); )

/**
 * range_page_counts - the ledger's counts over @mem and @res: *@total whole pages inside @mem,
 * *@free of them inside the free ranges, *@reserved of them touched by a range of @res (which is
 * rounded outward). The two roads agree, *@free + *@reserved = *@total, when the lists are sound.
 */
void range_page_counts(const struct range_list *mem, const struct range_list *res,
		       unsigned long *total, unsigned long *free, unsigned long *reserved);

/**
 * range_reserved_pages - range_page_counts' *@reserved, for the page frames @from to @to (@to
 * excluded; ~0 for no end) only: so that a free can count the pages it stops reserving without
 * counting everything again.
 */
unsigned long range_reserved_pages(const struct range_list *mem, const struct range_list *res,
				   u64 from, u64 to);
#endif
