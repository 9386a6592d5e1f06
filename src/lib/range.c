#line 694 "chapters/03-e820.nw" /* <lib/range.c> */
/* range.c - free memory as memory minus reservations, and its pages, for any two range lists. */
#include <handoff/compiler.h>
#include <handoff/pfn.h>
#include <handoff/range.h>

bool next_free_range(const struct range_list *mem, const struct range_list *res, u64 *pos,
		     struct range *free)
{
	struct range m, r;

	for (int i = 0; i < mem->nr; i++) {
		u64 s, lim;

		if (!mem->get(mem->owner, i, &m))
			continue;
		s = MAX(m.start, *pos);
		lim = m.end;
		for (int j = 0; j < res->nr && s < lim; j++) {
			if (!res->get(res->owner, j, &r) || r.end <= s || r.start >= lim)
				continue;
			if (r.start <= s)
				s = r.end;		/* inside a reservation: skip it */
			else
				lim = r.start;		/* free up to the reservation */
		}
		if (s >= lim)
			continue;
		*free = (struct range){ s, lim };
		*pos = lim;
		return true;
	}
	return false;
}

#line 1068 "chapters/03-e820.nw" /* <range: the reserved pages of one group of reservations> */
/* Pages of @mem touched by the reservations @res[*i...] that share pages; moves *i past them. */
static unsigned long reserved_group(const struct range_list *mem, const struct range_list *res,
				    int *i)
{
	struct range m, r;
	u64 first, last;
	unsigned long n = 0;

	while (*i < res->nr && !res->get(res->owner, *i, &r))
		(*i)++;
	if (*i == res->nr)
		return 0;
	first = PFN_DOWN(r.start);
	last = PFN_UP(r.end);
	for ((*i)++; *i < res->nr; (*i)++) {
		if (!res->get(res->owner, *i, &r))
			continue;
		if (PFN_DOWN(r.start) > last)
			break;
		last = MAX(last, PFN_UP(r.end));
	}
	for (int j = 0; j < mem->nr; j++) {
		u64 lo, hi;

		if (!mem->get(mem->owner, j, &m))
			continue;
		lo = MAX(first, PFN_UP(m.start));
		hi = MIN(last, PFN_DOWN(m.end));
		if (lo < hi)
			n += (unsigned long)(hi - lo);
	}
	return n;
}

#line 1046 "chapters/03-e820.nw" /* <range: count the pages> */
void range_page_counts(const struct range_list *mem, const struct range_list *res,
		       unsigned long *total, unsigned long *free, unsigned long *reserved)
{
	struct range r;
	u64 pos;
	int i = 0;

	*total = *free = *reserved = 0;
	for (int j = 0; j < mem->nr; j++)
		if (mem->get(mem->owner, j, &r))
			*total += pages_in(r.start, r.end);
	for_each_free_range(mem, res, pos, &r)
		*free += pages_in(r.start, r.end);
	while (i < res->nr)
		*reserved += reserved_group(mem, res, &i);
}
