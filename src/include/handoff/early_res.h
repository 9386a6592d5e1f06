#line 547 "chapters/03-e820.nw" /* <include/handoff/early_res.h> */
#ifndef _HANDOFF_EARLY_RES_H
#define _HANDOFF_EARLY_RES_H
#include <asm/e820.h>
#include <handoff/handoff.h>
#include <handoff/range.h>

#define MAX_EARLY_RES	32

struct early_res {
	u64 start;		/* first byte */
	u64 end;		/* first byte after */
	char name[16];
};

struct early_res_table {
	int nr;
	struct early_res res[MAX_EARLY_RES];	/* sorted by start, disjoint */
	struct retirement life;	/* retired when LMB takes over (chapter 4) */
};

extern struct early_res_table early_res;

#define for_each_early_res(tab, r) \
	for ((r) = (tab)->res; (r) < (tab)->res + (tab)->nr; (r)++)

#line 582 "chapters/03-e820.nw" /* <early_res.h: functions> */
/**
 * __reserve_early - record that [@start, @end) is taken by @name, on behalf of @caller.
 * Panics, naming both, if it overlaps a reservation; panics if the table is full or the
 * table is retired. An empty range is ignored.
 */
void __reserve_early(struct early_res_table *tab, u64 start, u64 end, const char *name,
		     const char *caller);

/**
 * __free_early - forget the reservation that is exactly [@start, @end). Panics, naming
 * @caller, if there is none: a free of part of a reservation, or of memory never reserved.
 */
void __free_early(struct early_res_table *tab, u64 start, u64 end, const char *caller);

/**
 * __find_e820_area - the lowest address in [@start, @end), aligned to @align (a power of two),
 * of @size bytes that are usable in @m and in no reservation of @tab; or -1ULL if none. It
 * finds and does not reserve: the caller reserves what it found.
 */
u64 __find_e820_area(const struct e820map *m, const struct early_res_table *tab, u64 start,
		     u64 end, u64 size, u64 align, const char *caller);

/**
 * e820_next_free - the next free area of @m and @tab at or after *@pos: usable, in no
 * reservation. Sets *@start and *@end and moves *@pos past it; false when there is none.
 */
bool e820_next_free(const struct e820map *m, const struct early_res_table *tab, u64 *pos,
		    u64 *start, u64 *end);

/** e820_free_lists - @m's usable entries and @tab's reservations as range lists, for the walk. */
void e820_free_lists(const struct e820map *m, const struct early_res_table *tab,
		     struct range_list *mem, struct range_list *res);

#define reserve_early(start, end, name) \
	__reserve_early(&early_res, (start), (end), (name), __func__)
#define free_early(start, end)	__free_early(&early_res, (start), (end), __func__)
#define find_e820_area(start, end, size, align) \
	__find_e820_area(&e820, &early_res, (start), (end), (size), (align), __func__)
#line 573 "chapters/03-e820.nw" /* <include/handoff/early_res.h> */
#endif
