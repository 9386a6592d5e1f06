#line 630 "chapters/03-e820.nw" /* <kernel/early_res.c> */
/* early_res.c - named reservations of physical memory, before any real allocator. */
#include <handoff/compiler.h>
#include <handoff/early_res.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct early_res_table early_res;

#line 644 "chapters/03-e820.nw" /* <early_res: reserve> */
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

	check_live(&tab->life, "reserve_early", caller);
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
#line 2073 "chapters/09-shortcuts.nw" /* <early_res: what later chapters note about a reservation> */
	census_note("e820", caller, end - start);
#line 677 "chapters/03-e820.nw" /* <early_res: reserve> */
}
#line 692 "chapters/03-e820.nw" /* <early_res: free> */
void __free_early(struct early_res_table *tab, u64 start, u64 end, const char *caller)
{
	check_live(&tab->life, "free_early", caller);
	for (int i = 0; i < tab->nr; i++) {
		if (tab->res[i].start != start || tab->res[i].end != end)
			continue;
		memmove(&tab->res[i], &tab->res[i + 1],
			(size_t)(tab->nr - i - 1) * sizeof(tab->res[0]));
		tab->nr--;
		return;
	}
	panic("free_early: %s() freed %s, which is not an early reservation (only whole "
	      "reservations can be freed)", caller, mem_range(&(struct mem_range_text){ 0 },
							     start, end));
}
#line 889 "chapters/03-e820.nw" /* <early_res: find a free area> */
static bool e820_usable(const void *map, int i, struct range *r)
{
	const struct e820entry *e = &((const struct e820map *)map)->map[i];

	*r = (struct range){ e->addr, e->addr + e->size };
	return e->type == E820_RAM;
}

static bool early_res_range(const void *tab, int i, struct range *r)
{
	const struct early_res *res = &((const struct early_res_table *)tab)->res[i];

	*r = (struct range){ res->start, res->end };
	return true;
}

void e820_free_lists(const struct e820map *m, const struct early_res_table *tab,
		     struct range_list *mem, struct range_list *res)
{
	*mem = (struct range_list){ m, m->nr_map, e820_usable };
	*res = (struct range_list){ tab, tab->nr, early_res_range };
}

bool e820_next_free(const struct e820map *m, const struct early_res_table *tab, u64 *pos,
		    u64 *start, u64 *end)
{
	struct range_list mem, res;
	struct range r;

	e820_free_lists(m, tab, &mem, &res);
	if (!next_free_range(&mem, &res, pos, &r))
		return false;
	*start = r.start;
	*end = r.end;
	return true;
}
#line 933 "chapters/03-e820.nw" /* <early_res: find a free area> */
u64 __find_e820_area(const struct e820map *m, const struct early_res_table *tab, u64 start,
		     u64 end, u64 size, u64 align, const char *caller)
{
	struct range_list mem, res;
	struct range_walk w;
	struct range r;

	check_live(&tab->life, "find_e820_area", caller);
	if (!align || (align & (align - 1)))
		panic("find_e820_area: %s() asked for alignment 0x%llx, which is not a power of "
		      "two", caller, align);
	e820_free_lists(m, tab, &mem, &res);
	w = range_walk_from(&mem, &res, start);
	while (range_walk_next(&mem, &res, &w, &r)) {
		u64 a = (r.start + align - 1) & ~(align - 1), e = MIN(r.end, end);

		if (r.start >= end)
			break;
		if (a >= r.start && a < e && size <= e - a)
			return a;
	}
	return ~0ull;
}
