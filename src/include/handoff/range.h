#line 721 "chapters/03-e820.nw" /* <include/handoff/range.h> */
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

#line 746 "chapters/03-e820.nw" /* <range.h: the walk> */
/* How far a walk over free memory has come: the address, and in each list the first element
 * that can still matter. Both only move forward. */
struct range_walk {
	u64 pos;
	int mem, res;
};

/** range_walk_from - a walk over the free ranges at or after @pos: a binary search per list. */
struct range_walk range_walk_from(const struct range_list *mem, const struct range_list *res,
				  u64 pos);

/**
 * range_walk_next - the walk's next part of @mem that no range of @res overlaps: sets *@free and
 * moves @w past it; false when there is none.
 */
bool range_walk_next(const struct range_list *mem, const struct range_list *res,
		     struct range_walk *w, struct range *free);

/** next_free_range - one step of a walk from *@pos (range_walk_from), which moves *@pos on. */
bool next_free_range(const struct range_list *mem, const struct range_list *res, u64 *pos,
		     struct range *free);

/* All of free memory, in order: a walk from address 0, where both lists start at element 0. */
#define for_each_free_range(mem, res, w, r) \
	for ((w) = (struct range_walk){ 0, 0, 0 }; range_walk_next((mem), (res), &(w), (r)); )
#line 1264 "chapters/03-e820.nw" /* <range.h: the ledger's counts> */
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
#line 740 "chapters/03-e820.nw" /* <include/handoff/range.h> */
#endif
