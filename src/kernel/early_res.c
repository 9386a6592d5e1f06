#line 558 "chapters/03-e820.nw" /* <kernel/early_res.c> */
/* early_res.c - named reservations of physical memory, before any real allocator. */
#include <handoff/compiler.h>
#include <handoff/early_res.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct early_res_table early_res;

static void check_not_retired(const struct early_res_table *tab, const char *fn,
			      const char *caller)
{
	if (tab->retired_by)
		panic("%s: %s() called after the early reservations were handed to LMB by "
		      "%s(); use lmb_reserve() and lmb_alloc() instead", fn, caller,
		      tab->retired_by);
}

#line 586 "chapters/03-e820.nw" /* <early_res: reserve> */
static void overlap_panic(const struct early_res *r, u64 start, u64 end, const char *name,
			  const char *caller)
{
	panic("reserve_early: %s() asked for [mem 0x%08llx-0x%08llx] %s, which overlaps "
	      "[mem 0x%08llx-0x%08llx] %s", caller, start, end - 1, name, r->start, r->end - 1,
	      r->name);
}

void __reserve_early(struct early_res_table *tab, u64 start, u64 end, const char *name,
		     const char *caller)
{
	int i = 0;

	check_not_retired(tab, "reserve_early", caller);
	if (start > end)
		panic("reserve_early: %s() asked for %s from 0x%llx to 0x%llx, which ends "
		      "before it starts", caller, name, start, end);
	if (start == end)
		return;
	while (i < tab->nr && tab->res[i].start < start)
		i++;
	if (i > 0 && tab->res[i - 1].end > start)
		overlap_panic(&tab->res[i - 1], start, end, name, caller);
	if (i < tab->nr && tab->res[i].start < end)
		overlap_panic(&tab->res[i], start, end, name, caller);
	if (tab->nr == MAX_EARLY_RES)
		panic("reserve_early: %s() asked for [mem 0x%08llx-0x%08llx] %s, but all %d "
		      "early reservations are taken", caller, start, end - 1, name, MAX_EARLY_RES);
	memmove(&tab->res[i + 1], &tab->res[i], (size_t)(tab->nr - i) * sizeof(tab->res[0]));
	tab->res[i] = (struct early_res){ .start = start, .end = end };
	memcpy(tab->res[i].name, name, MIN(strlen(name), sizeof(tab->res[i].name) - 1));
	tab->nr++;
}
#line 625 "chapters/03-e820.nw" /* <early_res: free> */
void __free_early(struct early_res_table *tab, u64 start, u64 end, const char *caller)
{
	check_not_retired(tab, "free_early", caller);
	for (int i = 0; i < tab->nr; i++) {
		if (tab->res[i].start != start || tab->res[i].end != end)
			continue;
		memmove(&tab->res[i], &tab->res[i + 1],
			(size_t)(tab->nr - i - 1) * sizeof(tab->res[0]));
		tab->nr--;
		return;
	}
	panic("free_early: %s() freed [mem 0x%08llx-0x%08llx], which is not an early "
	      "reservation (only whole reservations can be freed)", caller, start, end - 1);
}
#line 652 "chapters/03-e820.nw" /* <early_res: find a free area> */
bool e820_next_free(const struct e820map *m, const struct early_res_table *tab, u64 *pos,
		    u64 *start, u64 *end)
{
	const struct e820entry *e;

	for_each_e820_entry(m, e) {
		u64 s = MAX(e->addr, *pos), lim = e->addr + e->size;
		const struct early_res *r;

		if (e->type != E820_RAM || s >= lim)
			continue;
		for_each_early_res(tab, r) {
			if (r->end <= s || r->start >= lim)
				continue;
			if (r->start <= s) {
				s = r->end;		/* inside a reservation: skip it */
				continue;
			}
			lim = r->start;			/* free up to the reservation */
			break;
		}
		if (s >= lim)
			continue;
		*start = s;
		*end = lim;
		*pos = lim;
		return true;
	}
	return false;
}
#line 690 "chapters/03-e820.nw" /* <early_res: find a free area> */
u64 __find_e820_area(const struct e820map *m, const struct early_res_table *tab, u64 start,
		     u64 end, u64 size, u64 align, const char *caller)
{
	u64 pos = start, s, e;

	check_not_retired(tab, "find_e820_area", caller);
	if (!align || (align & (align - 1)))
		panic("find_e820_area: %s() asked for alignment 0x%llx, which is not a power of "
		      "two", caller, align);
	while (e820_next_free(m, tab, &pos, &s, &e)) {
		u64 a = (s + align - 1) & ~(align - 1);

		if (s >= end)
			break;
		e = MIN(e, end);
		if (a >= s && a < e && size <= e - a)
			return a;
	}
	return ~0ull;
}

#line 579 "chapters/03-e820.nw" /* <kernel/early_res.c> */
void early_res_retire(struct early_res_table *tab, const char *by)
{
	tab->retired_by = by;
}
