#line 179 "chapters/04-lmb.nw" /* <mm/lmb.c> */
/* lmb.c - the logical memory block allocator: memory and reservations as region lists. */
#include <asm/page.h>
#include <handoff/compiler.h>
#include <handoff/lmb.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/string.h>

static struct lmb_region lmb_memory_init_regions[INIT_LMB_REGIONS];
static struct lmb_region lmb_reserved_init_regions[INIT_LMB_REGIONS];

struct lmb lmb = {
	.current_limit = LMB_ALLOC_ANYWHERE,
	.memory = { 0, INIT_LMB_REGIONS, 0, lmb_memory_init_regions, "memory" },
	.reserved = { 0, INIT_LMB_REGIONS, 0, lmb_reserved_init_regions, "reserved" },
};

static void lmb_double_array(struct lmb_type *type, phys_addr_t new_area_start,
			     phys_addr_t new_area_size, const char *caller);
static phys_addr_t lmb_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				     phys_addr_t align);

#line 214 "chapters/04-lmb.nw" /* <lmb: keep a type in order> */
static phys_addr_t cap_size(phys_addr_t base, phys_addr_t size)
{
	return MIN(size, PHYS_ADDR_MAX - base);
}

static void insert_region(struct lmb_type *type, unsigned long i, phys_addr_t base,
			  phys_addr_t size)
{
	struct lmb_region *r = &type->regions[i];

	memmove(r + 1, r, (type->cnt - i) * sizeof(*r));
	*r = (struct lmb_region){ base, size, 0, 0 };
	type->cnt++;
	type->total_size += size;
}

static void remove_region(struct lmb_type *type, unsigned long i)
{
	struct lmb_region *r = &type->regions[i];

	type->total_size -= r->size;
	memmove(r, r + 1, (type->cnt - i - 1) * sizeof(*r));
	type->cnt--;
}

static void merge_regions(struct lmb_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct lmb_region *this = &type->regions[i], *next = this + 1;

		if (this->base + this->size != next->base || this->flags != next->flags ||
		    this->nid != next->nid) {
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - i - 2) * sizeof(*next));
		type->cnt--;
	}
}
#line 259 "chapters/04-lmb.nw" /* <lmb: add a range> */
static void lmb_add_range(struct lmb_type *type, phys_addr_t base, phys_addr_t size,
			  const char *caller)
{
	phys_addr_t obase = base, end;
	unsigned long i, nr_new;
	bool insert = false;

	size = cap_size(base, size);
	if (!size)
		return;
	end = base + size;
repeat:
	base = obase;
	nr_new = 0;
	for (i = 0; i < type->cnt; i++) {
		phys_addr_t rbase = type->regions[i].base, rend = rbase + type->regions[i].size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {		/* the new range covers the gap below region i */
			nr_new++;
			if (insert)
				insert_region(type, i++, base, rbase - base);
		}
		base = MIN(rend, end);
	}
	if (base < end) {			/* and the part above the last region it met */
		nr_new++;
		if (insert)
			insert_region(type, i, base, end - base);
	}
	if (!nr_new)
		return;
	if (!insert) {
		while (type->cnt + nr_new > type->max)
			lmb_double_array(type, obase, size, caller);
		insert = true;
		goto repeat;
	}
	merge_regions(type);
}
#line 312 "chapters/04-lmb.nw" /* <lmb: remove a range> */
static void isolate_range(struct lmb_type *type, phys_addr_t base, phys_addr_t size,
			  unsigned long *start, unsigned long *end, const char *caller)
{
	phys_addr_t limit;

	*start = *end = 0;
	size = cap_size(base, size);
	if (!size)
		return;
	limit = base + size;
	while (type->cnt + 2 > type->max)
		lmb_double_array(type, base, size, caller);
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct lmb_region *r = &type->regions[i];
		phys_addr_t rbase = r->base, rend = rbase + r->size;

		if (rbase >= limit)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {		/* cut off the part below: it is region i now */
			r->base = base;
			r->size -= base - rbase;
			type->total_size -= base - rbase;
			insert_region(type, i, rbase, base - rbase);
		} else if (rend > limit) {	/* cut off the part above, and look again */
			r->base = limit;
			r->size -= limit - rbase;
			type->total_size -= limit - rbase;
			insert_region(type, i--, rbase, limit - rbase);
		} else {			/* wholly inside */
			if (!*end)
				*start = i;
			*end = i + 1;
		}
	}
}

static void lmb_remove_range(struct lmb_type *type, phys_addr_t base, phys_addr_t size,
			     const char *caller)
{
	unsigned long start, end;

	isolate_range(type, base, size, &start, &end, caller);
	while (end-- > start)
		remove_region(type, end);
}
#line 378 "chapters/04-lmb.nw" /* <lmb: grow an array> */
static bool is_static(const struct lmb_region *regions)
{
	return regions == lmb_memory_init_regions || regions == lmb_reserved_init_regions;
}

static void lmb_double_array(struct lmb_type *type, phys_addr_t new_area_start,
			     phys_addr_t new_area_size, const char *caller)
{
	struct lmb_region *old = type->regions;
	phys_addr_t old_size = type->max * sizeof(*old), new_size = 2 * old_size, addr;

	addr = lmb_find_in_range(new_area_start + new_area_size, lmb.current_limit, new_size,
				 sizeof(phys_addr_t));
	if (addr == LMB_ERROR)
		addr = lmb_find_in_range(0, MIN(new_area_start, lmb.current_limit), new_size,
					 sizeof(phys_addr_t));
	if (addr == LMB_ERROR)
		panic("lmb: %s() needs the %s array to grow from %lu to %lu regions, but %llu "
		      "free bytes cannot be found below 0x%llx", caller, type->name, type->max,
		      2 * type->max, new_size, lmb.current_limit);
	printk("lmb: the %s array grows to %lu regions at [mem 0x%08llx-0x%08llx], for %s()\n",
	       type->name, 2 * type->max, addr, addr + new_size - 1, caller);
	memcpy(__va(addr), old, type->cnt * sizeof(*old));
	type->regions = __va(addr);
	type->max *= 2;
	lmb_add_range(&lmb.reserved, addr, new_size, caller);
	if (!is_static(old))
		lmb_remove_range(&lmb.reserved, __pa(old), old_size, caller);
}

void lmb_use_array(struct lmb_type *type, struct lmb_region *regions, unsigned long max)
{
	if (max < type->cnt)
		panic("lmb: the %s array cannot shrink from %lu regions in use to %lu",
		      type->name, type->cnt, max);
	memcpy(regions, type->regions, type->cnt * sizeof(*regions));
	type->regions = regions;
	type->max = max;
}
#line 432 "chapters/04-lmb.nw" /* <lmb: find free memory, top down> */
static const struct lmb_region *first_reserved_overlap(phys_addr_t base, phys_addr_t size)
{
	const struct lmb_region *r;

	for_each_lmb(reserved, r) {
		if (r->base >= base + size)
			break;
		if (r->base + r->size > base)
			return r;
	}
	return NULL;
}

static phys_addr_t lmb_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				     phys_addr_t align)
{
	for (unsigned long i = lmb.memory.cnt; i-- > 0; ) {
		const struct lmb_region *m = &lmb.memory.regions[i];
		phys_addr_t lo = MAX(m->base, start), hi = MIN(m->base + m->size, end);

		while (lo < hi && hi - lo >= size) {
			phys_addr_t cand = (hi - size) & ~(align - 1);
			const struct lmb_region *r;

			if (cand < lo)
				break;
			r = first_reserved_overlap(cand, size);
			if (!r)
				return cand;
			hi = r->base;		/* below the reservation, and try again */
		}
	}
	return LMB_ERROR;
}
#line 476 "chapters/04-lmb.nw" /* <lmb: the interface> */
static void check_live(const char *fn, const char *caller)
{
	if (lmb.retired_by)
		panic("%s: %s() called after LMB handed memory to %s in %s(); use %s instead", fn,
		      caller, lmb.successor, lmb.retired_by, lmb.instead);
}

void __lmb_add(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live("lmb_add", caller);
	lmb_add_range(&lmb.memory, base, size, caller);
}

void __lmb_remove(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live("lmb_remove", caller);
	lmb_remove_range(&lmb.memory, base, size, caller);
}

void __lmb_reserve(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live("lmb_reserve", caller);
	lmb_add_range(&lmb.reserved, base, size, caller);
}

#line 511 "chapters/04-lmb.nw" /* <lmb: free only what is reserved> */
void __lmb_free(phys_addr_t base, phys_addr_t size, const char *caller)
{
	phys_addr_t pos = base, end = base + cap_size(base, size);
	const struct lmb_region *r;

	check_live("lmb_free", caller);
	for_each_lmb(reserved, r) {
		if (r->base + r->size <= pos)
			continue;
		if (r->base > pos || pos >= end)
			break;
		pos = r->base + r->size;
	}
	if (pos < end)
		panic("lmb_free: %s() freed [mem 0x%08llx-0x%08llx], but [mem 0x%08llx-...] of it "
		      "is not reserved", caller, base, end - 1, pos);
	lmb_remove_range(&lmb.reserved, base, size, caller);
}
#line 532 "chapters/04-lmb.nw" /* <lmb: allocate> */
static void check_request(const char *fn, phys_addr_t size, phys_addr_t align,
			  const char *caller)
{
	if (!size)
		panic("%s: %s() asked for 0 bytes", fn, caller);
	if (!align || (align & (align - 1)))
		panic("%s: %s() asked for alignment 0x%llx, which is not a power of two", fn,
		      caller, align);
}

phys_addr_t __lmb_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr,
			bool may_fail, const char *caller)
{
	phys_addr_t found;

	check_live("lmb_alloc", caller);
	check_request("lmb_alloc", size, align, caller);
	if (max_addr == LMB_ALLOC_ACCESSIBLE)
		max_addr = lmb.current_limit;
	found = lmb_find_in_range(0, max_addr, size, align);
	if (found == LMB_ERROR) {
		if (may_fail)
			return LMB_ERROR;
		panic("lmb_alloc: %s() asked for 0x%llx bytes aligned to 0x%llx below 0x%llx, but "
		      "no free memory fits (%llu KiB free in all)", caller, size, align, max_addr,
		      (lmb.memory.total_size - lmb.reserved.total_size) >> 10);
	}
	lmb_add_range(&lmb.reserved, found, size, caller);
	return found;
}

phys_addr_t __lmb_find_area(phys_addr_t start, phys_addr_t end, phys_addr_t size,
			    phys_addr_t align, const char *caller)
{
	check_live("lmb_find_area", caller);
	check_request("lmb_find_area", size, align, caller);
	return lmb_find_in_range(start, end, size, align);
}
#line 578 "chapters/04-lmb.nw" /* <lmb: walk the free memory and count pages> */
bool lmb_next_free(phys_addr_t *pos, phys_addr_t *start, phys_addr_t *end)
{
	const struct lmb_region *m, *r;

	for_each_lmb(memory, m) {
		phys_addr_t s = MAX(m->base, *pos), lim = m->base + m->size;

		if (s >= lim)
			continue;
		for_each_lmb(reserved, r) {
			if (r->base + r->size <= s || r->base >= lim)
				continue;
			if (r->base <= s) {
				s = r->base + r->size;
				continue;
			}
			lim = r->base;
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

void lmb_page_counts(unsigned long *total, unsigned long *free, unsigned long *reserved)
{
	const struct lmb_region *m, *r;
	phys_addr_t pos = 0, s, e;

	*total = *free = *reserved = 0;
	for_each_lmb(memory, m)
		*total += pages_in(m->base, m->base + m->size);
	while (lmb_next_free(&pos, &s, &e))
		*free += pages_in(s, e);
	for (r = lmb.reserved.regions; r < lmb.reserved.regions + lmb.reserved.cnt; ) {
		phys_addr_t first = PFN_DOWN(r->base), last = PFN_UP(r->base + r->size);

		for (r++; r < lmb.reserved.regions + lmb.reserved.cnt &&
			  PFN_DOWN(r->base) <= last; r++)
			last = MAX(last, PFN_UP(r->base + r->size));
		for_each_lmb(memory, m) {
			phys_addr_t lo = MAX(first, PFN_UP(m->base));
			phys_addr_t hi = MIN(last, PFN_DOWN(m->base + m->size));

			if (lo < hi)
				*reserved += (unsigned long)(hi - lo);
		}
	}
}
#line 637 "chapters/04-lmb.nw" /* <lmb: retire, reset and dump> */
void __lmb_retire(const char *successor, const char *instead, const char *by)
{
	lmb.retired_by = by;
	lmb.successor = successor;
	lmb.instead = instead;
}

void lmb_reset(void)
{
	lmb = (struct lmb){
		.current_limit = LMB_ALLOC_ANYWHERE,
		.memory = { 0, INIT_LMB_REGIONS, 0, lmb_memory_init_regions, "memory" },
		.reserved = { 0, INIT_LMB_REGIONS, 0, lmb_reserved_init_regions, "reserved" },
	};
}

static void dump_type(const struct lmb_type *type)
{
	const struct lmb_region *r;

	printk("lmb: %s: %lu regions in an array of %lu, %llu KiB\n", type->name, type->cnt,
	       type->max, type->total_size >> 10);
	for (r = type->regions; r < type->regions + type->cnt; r++)
		printk("lmb:   [mem 0x%016llx-0x%016llx] %llu KiB\n", r->base,
		       r->base + r->size - 1, r->size >> 10);
}

void lmb_dump(void)
{
	printk("lmb: current_limit 0x%llx\n", lmb.current_limit);
	dump_type(&lmb.memory);
	dump_type(&lmb.reserved);
}

void lmb_memdump(void)
{
	const struct lmb_region *r;

	for_each_lmb(memory, r)
		printk("memmap: lmb.memory 0x%llx 0x%llx usable\n", r->base, r->base + r->size);
	for_each_lmb(reserved, r)
		printk("memmap: lmb.reserved 0x%llx 0x%llx reserved\n", r->base, r->base + r->size);
}
