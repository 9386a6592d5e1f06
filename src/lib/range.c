#line 780 "chapters/03-e820.nw" /* <lib/range.c> */
/* range.c - free memory as memory minus reservations, and its pages, for any two range lists. */
#include <handoff/compiler.h>
#include <handoff/pfn.h>
#include <handoff/range.h>

#line 844 "chapters/03-e820.nw" /* <range: the first element that ends after an address> */
static int first_ending_after(const struct range_list *l, u64 addr)
{
	int lo = 0, hi = l->nr;

	while (lo < hi) {		/* the answer is in [lo, hi] */
		int mid = lo + (hi - lo) / 2;
		struct range r;

		l->get(l->owner, mid, &r);
		if (r.end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
#line 792 "chapters/03-e820.nw" /* <range: one step of the walk> */
bool range_walk_next(const struct range_list *mem, const struct range_list *res,
		     struct range_walk *w, struct range *free)
{
	struct range m, r;

	for (; w->mem < mem->nr; w->mem++) {
		u64 s, lim;

		if (!mem->get(mem->owner, w->mem, &m) || m.end <= w->pos)
			continue;
		s = MAX(m.start, w->pos);
		lim = m.end;
		for (; w->res < res->nr && s < lim; w->res++) {
			if (!res->get(res->owner, w->res, &r) || r.end <= s)
				continue;		/* below the start: passed */
			if (r.start >= lim)
				break;			/* past this range: the next one's */
			if (r.start > s) {
				lim = r.start;		/* free up to it; it stops the next step */
				break;
			}
			s = r.end;			/* it covers the start: skip it */
		}
		if (s >= lim) {
			w->pos = s;			/* reserved to its end, or past it */
			continue;
		}
		*free = (struct range){ s, lim };
		w->pos = lim;
		if (lim == m.end)
			w->mem++;			/* this range is done */
		return true;
	}
	return false;
}
#line 863 "chapters/03-e820.nw" /* <range: a walk from anywhere> */
struct range_walk range_walk_from(const struct range_list *mem, const struct range_list *res,
				  u64 pos)
{
	return (struct range_walk){ pos, first_ending_after(mem, pos), first_ending_after(res, pos) };
}

bool next_free_range(const struct range_list *mem, const struct range_list *res, u64 *pos,
		     struct range *free)
{
	struct range_walk w = range_walk_from(mem, res, *pos);

	if (!range_walk_next(mem, res, &w, free))
		return false;
	*pos = w.pos;
	return true;
}

#line 1317 "chapters/03-e820.nw" /* <range: the reserved pages of one group of reservations> */
/*
 * Pages of @mem, from page @from to @to, touched by the reservations @res[*i...] that share
 * pages; moves *i past them.
 */
static unsigned long reserved_group(const struct range_list *mem, const struct range_list *res,
				    int *i, u64 from, u64 to)
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
	first = MAX(first, from);
	last = MIN(last, to);
	for (int j = first_ending_after(mem, PFN_PHYS(first)); j < mem->nr; j++) {
		u64 lo, hi;

		if (!mem->get(mem->owner, j, &m))
			continue;
		if (PFN_UP(m.start) >= last)	/* in pages: PFN_PHYS(last) may be 2^64 */
			break;
		lo = MAX(first, PFN_UP(m.start));
		hi = MIN(last, PFN_DOWN(m.end));
		if (lo < hi)
			n += (unsigned long)(hi - lo);
	}
	return n;
}

#line 1285 "chapters/03-e820.nw" /* <range: count the pages> */
void range_page_counts(const struct range_list *mem, const struct range_list *res,
		       unsigned long *total, unsigned long *free, unsigned long *reserved)
{
	struct range_walk w;
	struct range r;

	*total = *free = 0;
	for (int j = 0; j < mem->nr; j++)
		if (mem->get(mem->owner, j, &r))
			*total += pages_in(r.start, r.end);
	for_each_free_range(mem, res, w, &r)
		*free += pages_in(r.start, r.end);
	*reserved = range_reserved_pages(mem, res, 0, ~0ull);
}

unsigned long range_reserved_pages(const struct range_list *mem, const struct range_list *res,
				   u64 from, u64 to)
{
	unsigned long n = 0;
	struct range r;
	int i = first_ending_after(res, PFN_PHYS(from));

	while (i < res->nr && (res->get(res->owner, i, &r), PFN_DOWN(r.start) < to))
		n += reserved_group(mem, res, &i, from, to);
	return n;
}
