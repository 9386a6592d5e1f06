#line 246 "chapters/04-lmb.nw" /* <mm/lmb.c> */
/* lmb.c - the logical memory block allocator: memory and reservations as region lists. */
#include <asm/page.h>
#include <handoff/compiler.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/range.h>
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

#line 287 "chapters/04-lmb.nw" /* <lmb: keep a type in order> */
static phys_addr_t cap_size(phys_addr_t base, phys_addr_t size)
{
	return MIN(size, PHYS_ADDR_MAX - base);
}

static void insert_region(struct lmb_type *type, unsigned long i, phys_addr_t base,
			  phys_addr_t size, int nid, u32 flags)
{
	struct lmb_region *r = &type->regions[i];

	memmove(r + 1, r, (type->cnt - i) * sizeof(*r));
	*r = (struct lmb_region){ base, size, flags, nid };
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
#line 316 "chapters/04-lmb.nw" /* <lmb: keep a type in order> */
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
#line 336 "chapters/04-lmb.nw" /* <lmb: add a range> */
static void lmb_add_range(struct lmb_type *type, phys_addr_t base, phys_addr_t size, int nid,
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
#line 368 "chapters/04-lmb.nw" /* <lmb add: count the pieces the regions leave uncovered, or insert them> */
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
				insert_region(type, i++, base, rbase - base, nid, 0);
		}
		base = MIN(rend, end);
	}
	if (base < end) {			/* and the part above the last region it met */
		nr_new++;
		if (insert)
			insert_region(type, i, base, end - base, nid, 0);
	}
#line 349 "chapters/04-lmb.nw" /* <lmb: add a range> */
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
#line 400 "chapters/04-lmb.nw" /* <lmb: remove a range> */
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
#line 432 "chapters/04-lmb.nw" /* <lmb remove: cut region i at base and limit, or count it in> */
		if (rbase < base) {		/* cut off the part below: it is region i now */
			r->base = base;
			r->size -= base - rbase;
			type->total_size -= base - rbase;
			insert_region(type, i, rbase, base - rbase, r->nid, r->flags);
		} else if (rend > limit) {	/* cut off the part above, and look again */
			r->base = limit;
			r->size -= limit - rbase;
			type->total_size -= limit - rbase;
			insert_region(type, i--, rbase, limit - rbase, r->nid, r->flags);
		} else {			/* wholly inside */
			if (!*end)
				*start = i;
			*end = i + 1;
		}
#line 421 "chapters/04-lmb.nw" /* <lmb: remove a range> */
	}
}

#line 452 "chapters/04-lmb.nw" /* <lmb: remove a range> */
static void lmb_remove_range(struct lmb_type *type, phys_addr_t base, phys_addr_t size,
			     const char *caller)
{
	unsigned long start, end;

	isolate_range(type, base, size, &start, &end, caller);
	while (end-- > start)
		remove_region(type, end);
}
#line 518 "chapters/04-lmb.nw" /* <lmb: grow an array> */
static bool is_static(const struct lmb_region *regions)
{
	return regions == lmb_memory_init_regions || regions == lmb_reserved_init_regions;
}

phys_addr_t lmb_type_bytes(const struct lmb_type *type)
{
	if (is_static(type->regions))
		return sizeof(lmb_memory_init_regions);		/* in the image: not pages of its own */
	return lmb_array_bytes(type->max);
}

/* The ranges a growing array must not take: at most two per level, and two levels. */
static struct { phys_addr_t base, end; } lmb_busy[4];
static unsigned int lmb_nr_busy;

static void push_busy(phys_addr_t base, phys_addr_t size)
{
	if (lmb_nr_busy == ARRAY_SIZE(lmb_busy))
		panic("lmb: the arrays grew more than two levels deep");
	lmb_busy[lmb_nr_busy].base = base;
	lmb_busy[lmb_nr_busy++].end = base + cap_size(base, size);
}
#line 546 "chapters/04-lmb.nw" /* <lmb: grow an array> */
/* The highest free place for @size bytes below the limit that is in no busy range. */
static phys_addr_t find_outside_busy(phys_addr_t size)
{
	phys_addr_t hi = lmb.current_limit, lo, found;
	bool moved;

	for (;;) {
		do {					/* hi down below any busy range under it */
			moved = false;
			for (unsigned int i = 0; i < lmb_nr_busy; i++)
				if (lmb_busy[i].base < hi && hi <= lmb_busy[i].end) {
					hi = lmb_busy[i].base;
					moved = true;
				}
		} while (moved);
		lo = 0;
		for (unsigned int i = 0; i < lmb_nr_busy; i++)	/* the gap below hi */
			if (lmb_busy[i].end < hi)
				lo = MAX(lo, lmb_busy[i].end);
		if (hi == 0)
			return LMB_ERROR;
		found = lmb_find_in_range(lo, hi, size, PAGE_SIZE);
		if (found != LMB_ERROR || lo == 0)
			return found;
		hi = lo;
	}
}
#line 581 "chapters/04-lmb.nw" /* <lmb: grow an array> */
static unsigned long lmb_reserved_pages_in(phys_addr_t base, phys_addr_t end);

static void lmb_give_back(phys_addr_t base, phys_addr_t size, const char *caller)
{
	phys_addr_t end = base + cap_size(base, size);
	unsigned long before = lmb_reserved_pages_in(base, end);

	lmb_remove_range(&lmb.reserved, base, size, caller);
	ledger_note_freed(before - lmb_reserved_pages_in(base, end));
}
#line 596 "chapters/04-lmb.nw" /* <lmb: grow an array> */
static void lmb_double_array(struct lmb_type *type, phys_addr_t new_area_start,
			     phys_addr_t new_area_size, const char *caller)
{
	struct lmb_region *old = type->regions;
	phys_addr_t old_bytes = lmb_array_bytes(type->max), new_bytes, addr;
	unsigned int busy = lmb_nr_busy;

	new_bytes = lmb_array_bytes(2 * type->max);
	push_busy(new_area_start, new_area_size);
	addr = find_outside_busy(new_bytes);
	if (addr == LMB_ERROR) {
		lmb_nr_busy = busy;
		panic("lmb: %s() needs the %s array to grow from %lu to %lu regions, but %llu "
		      "free bytes cannot be found below 0x%llx", caller, type->name, type->max,
		      2 * type->max, new_bytes, lmb.current_limit);
	}
	printk("lmb: the %s array grows to %lu regions at [mem 0x%08llx-0x%08llx], for %s()\n",
	       type->name, 2 * type->max, addr, addr + new_bytes - 1, caller);
	memcpy(__va(addr), old, type->cnt * sizeof(*old));
	type->regions = __va(addr);
	type->max *= 2;
	push_busy(addr, new_bytes);		/* reserving it may grow reserved: not here */
	lmb_add_range(&lmb.reserved, addr, new_bytes, 0, caller);
	if (!is_static(old))
		lmb_give_back(__pa(old), old_bytes, caller);
	lmb_nr_busy = busy;
}
#line 628 "chapters/04-lmb.nw" /* <lmb: grow an array> */
void lmb_use_array(struct lmb_type *type, struct lmb_region *regions, unsigned long max)
{
	if (max < type->cnt)
		panic("lmb: the %s array cannot shrink from %lu regions in use to %lu",
		      type->name, type->cnt, max);
	memcpy(regions, type->regions, type->cnt * sizeof(*regions));
	type->regions = regions;
	type->max = max;
}
#line 664 "chapters/04-lmb.nw" /* <lmb: find free memory, top down> */
unsigned long lmb_search_steps;

/* The free gap below reservation @j of @res (@j == cnt: above the last), as [*lo, *hi). */
static void reserved_gap(const struct lmb_type *res, unsigned long j, phys_addr_t *lo,
			 phys_addr_t *hi)
{
	*lo = j ? res->regions[j - 1].base + res->regions[j - 1].size : 0;
	*hi = j < res->cnt ? res->regions[j].base : PHYS_ADDR_MAX;
}
#line 676 "chapters/04-lmb.nw" /* <lmb: find free memory, top down> */
static phys_addr_t lmb_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				     phys_addr_t align)
{
	const struct lmb_type *mem = &lmb.memory, *res = &lmb.reserved;
	unsigned long i = mem->cnt, j = res->cnt;

	while (i > 0) {
		const struct lmb_region *m = &mem->regions[i - 1];
		phys_addr_t g_lo, g_hi, lo, hi;

		lmb_search_steps++;
		reserved_gap(res, j, &g_lo, &g_hi);
		lo = MAX(MAX(m->base, g_lo), start);
		hi = MIN(MIN(m->base + m->size, g_hi), end);
		if (lo < hi && hi - lo >= size && ((hi - size) & ~(align - 1)) >= lo)
			return (hi - size) & ~(align - 1);
		if (m->base >= g_lo)
			i--;			/* the gap reaches lower: the next region down */
		else
			j--;			/* the region does: the next gap down */
	}
	return LMB_ERROR;
}
#line 720 "chapters/04-lmb.nw" /* <lmb: the interface> */
void __lmb_add(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live(&lmb.life, "lmb_add", caller);
	lmb_add_range(&lmb.memory, base, size, 0, caller);
}

void __lmb_remove(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live(&lmb.life, "lmb_remove", caller);
	lmb_remove_range(&lmb.memory, base, size, caller);
}
#line 736 "chapters/04-lmb.nw" /* <lmb: the interface> */
/* Panic if [@base, @base + @size) touches an array LMB allocated (unless @exact_ok and it is exactly that array). */
static void check_not_an_array(const char *fn, phys_addr_t base, phys_addr_t size,
			       bool exact_ok, const char *caller)
{
	const struct lmb_type *types[] = { &lmb.memory, &lmb.reserved };
	phys_addr_t end = base + cap_size(base, size);

	for (unsigned int i = 0; i < ARRAY_SIZE(types); i++) {
		phys_addr_t a = __pa(types[i]->regions), a_end = a + lmb_type_bytes(types[i]);

		if (is_static(types[i]->regions) || end <= a || a_end <= base ||
		    (exact_ok && base == a && end == a_end))
			continue;
		panic("%s: %s() passed [mem 0x%08llx-0x%08llx], which overlaps LMB's %s array at "
		      "[mem 0x%08llx-0x%08llx]: that memory is LMB's own", fn, caller, base,
		      end - 1, types[i]->name, a, a_end - 1);
	}
}

void __lmb_reserve(phys_addr_t base, phys_addr_t size, const char *caller)
{
	check_live(&lmb.life, "lmb_reserve", caller);
	check_not_an_array("lmb_reserve", base, size, true, caller);
	lmb_add_range(&lmb.reserved, base, size, 0, caller);
#line 2079 "chapters/09-shortcuts.nw" /* <lmb: what later chapters note about an allocation> */
	census_note("lmb", caller, size);
#line 761 "chapters/04-lmb.nw" /* <lmb: the interface> */
}

#line 856 "chapters/04-lmb.nw" /* <lmb: walk the free memory and count pages> */
static bool lmb_range(const void *type, int i, struct range *r)
{
	const struct lmb_region *reg = &((const struct lmb_type *)type)->regions[i];

	lmb_search_steps++;
	*r = (struct range){ reg->base, reg->base + reg->size };
	return true;
}

static void lmb_free_lists(struct range_list *mem, struct range_list *res)
{
	*mem = (struct range_list){ &lmb.memory, (int)lmb.memory.cnt, lmb_range };
	*res = (struct range_list){ &lmb.reserved, (int)lmb.reserved.cnt, lmb_range };
}
#line 876 "chapters/04-lmb.nw" /* <lmb: walk the free memory and count pages> */
bool lmb_walk_next(struct range_walk *w, phys_addr_t *start, phys_addr_t *end)
{
	struct range_list mem, res;
	struct range r;

	lmb_free_lists(&mem, &res);
	if (!range_walk_next(&mem, &res, w, &r))
		return false;
	*start = r.start;
	*end = r.end;
	return true;
}
#line 894 "chapters/04-lmb.nw" /* <lmb: walk the free memory and count pages> */
void lmb_page_counts(unsigned long *total, unsigned long *free, unsigned long *reserved)
{
	struct range_list mem, res;

	lmb_free_lists(&mem, &res);
	range_page_counts(&mem, &res, total, free, reserved);
}
#line 904 "chapters/04-lmb.nw" /* <lmb: walk the free memory and count pages> */
/* The reserved pages of the ledger among those that [@base, @end) touches: all a free can change. */
static unsigned long lmb_reserved_pages_in(phys_addr_t base, phys_addr_t end)
{
	struct range_list mem, res;

	lmb_free_lists(&mem, &res);
	return range_reserved_pages(&mem, &res, PFN_DOWN(base), PFN_UP(end));
}
#line 775 "chapters/04-lmb.nw" /* <lmb: free only what is reserved> */
void __lmb_free(phys_addr_t base, phys_addr_t size, const char *caller)
{
	phys_addr_t pos = base, end = base + cap_size(base, size);
	const struct lmb_region *r;

	check_live(&lmb.life, "lmb_free", caller);
	check_not_an_array("lmb_free", base, size, false, caller);
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
	lmb_give_back(base, size, caller);
}
#line 797 "chapters/04-lmb.nw" /* <lmb: allocate> */
static void check_request(const char *fn, phys_addr_t size, phys_addr_t align,
			  const char *caller)
{
	if (!size)
		panic("%s: %s() asked for 0 bytes", fn, caller);
	if (!align || (align & (align - 1)))
		panic("%s: %s() asked for alignment 0x%llx, which is not a power of two", fn,
		      caller, align);
}
#line 809 "chapters/04-lmb.nw" /* <lmb: allocate> */
phys_addr_t __lmb_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t max_addr,
			bool may_fail, const char *caller)
{
	phys_addr_t found;

	check_live(&lmb.life, "lmb_alloc", caller);
	check_request("lmb_alloc", size, align, caller);
	if (max_addr == LMB_ALLOC_ACCESSIBLE)
		max_addr = lmb.current_limit;
	found = lmb_find_in_range(0, max_addr, size, align);
	if (found == LMB_ERROR) {
		unsigned long total, free, reserved;

		if (may_fail)
			return LMB_ERROR;
		lmb_page_counts(&total, &free, &reserved);
		panic("lmb_alloc: %s() asked for 0x%llx bytes aligned to 0x%llx below 0x%llx, but "
		      "no free memory fits (%lu KiB free in all)", caller, size, align, max_addr,
		      free << (PAGE_SHIFT - 10));
	}
	lmb_add_range(&lmb.reserved, found, size, 0, caller);
#line 2079 "chapters/09-shortcuts.nw" /* <lmb: what later chapters note about an allocation> */
	census_note("lmb", caller, size);
#line 831 "chapters/04-lmb.nw" /* <lmb: allocate> */
	return found;
}

phys_addr_t __lmb_find_area(phys_addr_t start, phys_addr_t end, phys_addr_t size,
			    phys_addr_t align, const char *caller)
{
	check_live(&lmb.life, "lmb_find_area", caller);
	check_request("lmb_find_area", size, align, caller);
	return lmb_find_in_range(start, end, size, align);
}
#line 918 "chapters/04-lmb.nw" /* <lmb: reset and dump> */
void lmb_reset(void)
{
	lmb_nr_busy = 0;
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
#line 1101 "chapters/10-nodes.nw" /* <lmb nodes: refuse what is not a node> */
/* Panic unless @nid is a node (or NUMA_NO_NODE, if @any_ok: "any node"). */
static void check_nid(const char *fn, int nid, bool any_ok, const char *caller)
{
	if ((nid >= 0 && nid < MAX_NUMNODES) || (any_ok && nid == NUMA_NO_NODE))
		return;
	panic("%s: %s() passed node %d, which is not a node: nodes are 0 to %d%s", fn, caller,
	      nid, MAX_NUMNODES - 1, any_ok ? ", and NUMA_NO_NODE (-1) is any node" : "");
}
#line 1115 "chapters/10-nodes.nw" /* <lmb nodes: put memory on a node> */
void __lmb_set_node(phys_addr_t base, phys_addr_t size, int nid, const char *caller)
{
	unsigned long start, end;

	check_live(&lmb.life, "lmb_set_node", caller);
	check_nid("lmb_set_node", nid, false, caller);
	isolate_range(&lmb.memory, base, size, &start, &end, caller);
	for (unsigned long i = start; i < end; i++)
		lmb.memory.regions[i].nid = nid;
	merge_regions(&lmb.memory);
}

void __lmb_add_node(phys_addr_t base, phys_addr_t size, int nid, const char *caller)
{
	check_live(&lmb.life, "lmb_add_node", caller);
	check_nid("lmb_add_node", nid, false, caller);
	lmb_add_range(&lmb.memory, base, size, nid, caller);
}
#line 1145 "chapters/10-nodes.nw" /* <lmb nodes: find free memory on a node> */
/* The highest free @size bytes aligned to @align in [@start, @end) on node @nid, or LMB_ERROR. */
static phys_addr_t lmb_find_on_node(int nid, phys_addr_t start, phys_addr_t end,
				    phys_addr_t size, phys_addr_t align)
{
	if (nid == NUMA_NO_NODE)
		return lmb_find_in_range(start, end, size, align);
	for (unsigned long i = lmb.memory.cnt; i-- > 0; ) {
		const struct lmb_region *m = &lmb.memory.regions[i];
		phys_addr_t lo = MAX(m->base, start), hi = MIN(m->base + m->size, end), found;

		if (m->nid != nid || lo >= hi)
			continue;
		found = lmb_find_in_range(lo, hi, size, align);
		if (found != LMB_ERROR)
			return found;
	}
	return LMB_ERROR;
}
#line 1171 "chapters/10-nodes.nw" /* <lmb nodes: allocate on a node> */
static phys_addr_t lmb_find_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				    phys_addr_t max_addr, int nid)
{
	const struct { int nid; phys_addr_t min; } tries[] = {
		{ nid, min_addr }, { NUMA_NO_NODE, min_addr }, { nid, 0 }, { NUMA_NO_NODE, 0 },
	};
	phys_addr_t found = LMB_ERROR;

	for (unsigned int i = 0; i < ARRAY_SIZE(tries) && found == LMB_ERROR; i++) {
		if ((i % 2 && nid == NUMA_NO_NODE) || (i >= 2 && min_addr == 0))
			continue;			/* the same attempt again */
		found = lmb_find_on_node(tries[i].nid, tries[i].min, max_addr, size, align);
	}
	return found;
}
#line 1189 "chapters/10-nodes.nw" /* <lmb nodes: allocate on a node> */
phys_addr_t __lmb_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				phys_addr_t max_addr, int nid, bool may_fail, const char *caller)
{
	phys_addr_t found;

	check_live(&lmb.life, "lmb_alloc_try_nid", caller);
	check_request("lmb_alloc_try_nid", size, align, caller);
	check_nid("lmb_alloc_try_nid", nid, true, caller);
	if (max_addr == LMB_ALLOC_ACCESSIBLE || max_addr > lmb.current_limit)
		max_addr = lmb.current_limit;
	found = lmb_find_try_nid(size, align, min_addr, max_addr, nid);
	if (found == LMB_ERROR) {
		if (may_fail)
			return LMB_ERROR;
		panic("lmb_alloc_try_nid: %s() asked for 0x%llx bytes aligned to 0x%llx on node %d "
		      "in [mem 0x%08llx-0x%08llx], but no free memory below 0x%llx fits, on any node",
		      caller, size, align, nid, min_addr, max_addr - 1, max_addr);
	}
	lmb_add_range(&lmb.reserved, found, size, 0, caller);
#line 2079 "chapters/09-shortcuts.nw" /* <lmb: what later chapters note about an allocation> */
	census_note("lmb", caller, size);
#line 1209 "chapters/10-nodes.nw" /* <lmb nodes: allocate on a node> */
	return found;
}
#line 1220 "chapters/10-nodes.nw" /* <lmb nodes: one node's memory as a list> */
/* LMB's memory array seen from one node (NUMA_NO_NODE: all nodes). */
struct lmb_node_view {
	const struct lmb_type *type;
	int nid;
};

static bool lmb_node_range(const void *owner, int i, struct range *r)
{
	const struct lmb_node_view *v = owner;

	lmb_range(v->type, i, r);
	return v->nid == NUMA_NO_NODE || v->type->regions[i].nid == v->nid;
}

static void lmb_node_lists(struct lmb_node_view *v, int nid, struct range_list *mem,
			   struct range_list *res)
{
	*v = (struct lmb_node_view){ &lmb.memory, nid };
	lmb_free_lists(mem, res);
	*mem = (struct range_list){ v, (int)lmb.memory.cnt, lmb_node_range };
}
#line 1246 "chapters/10-nodes.nw" /* <lmb nodes: one node's memory as a list> */
bool __lmb_walk_next_nid(struct range_walk *w, int nid, phys_addr_t *start, phys_addr_t *end,
			 const char *caller)
{
	struct lmb_node_view v;
	struct range_list mem, res;
	struct range r;

	check_nid("lmb_for_each_free_range_nid", nid, true, caller);
	lmb_node_lists(&v, nid, &mem, &res);
	if (!range_walk_next(&mem, &res, w, &r))
		return false;
	*start = r.start;
	*end = r.end;
	return true;
}

void __lmb_page_counts_nid(int nid, unsigned long *total, unsigned long *free,
			   unsigned long *reserved, const char *caller)
{
	struct lmb_node_view v;
	struct range_list mem, res;

	check_nid("lmb_page_counts_nid", nid, true, caller);
	lmb_node_lists(&v, nid, &mem, &res);
	range_page_counts(&mem, &res, total, free, reserved);
}
#line 1279 "chapters/10-nodes.nw" /* <lmb nodes: one page frame> */
/* The index of the first region of @type that ends after @addr (cnt: none). */
static unsigned long lmb_first_ending_after(const struct lmb_type *type, phys_addr_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (type->regions[mid].base + type->regions[mid].size <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
#line 1297 "chapters/10-nodes.nw" /* <lmb nodes: one page frame> */
int lmb_pfn_nid(unsigned long pfn)
{
	phys_addr_t start = PFN_PHYS(pfn), end = start + PAGE_SIZE;
	unsigned long i = lmb_first_ending_after(&lmb.memory, start);
	const struct lmb_region *m = &lmb.memory.regions[i];

	if (i < lmb.memory.cnt && m->base <= start && end <= m->base + m->size)
		return m->nid;
	return NUMA_NO_NODE;
}

bool lmb_pfn_reserved(unsigned long pfn)
{
	unsigned long i = lmb_first_ending_after(&lmb.reserved, PFN_PHYS(pfn));

	return i < lmb.reserved.cnt && lmb.reserved.regions[i].base < PFN_PHYS(pfn + 1);
}
#line 1324 "chapters/10-nodes.nw" /* <lmb nodes: the boot step> */
void lmb_learn_nodes(const struct numa_meminfo *mi)
{
	const struct numa_memblk *b;
	const struct lmb_region *r;
	unsigned int seen = 0, nodes = 0;

	if (!mi->source)
		return;					/* one node, node 0: nothing to learn */
	for_each_numa_memblk(mi, b)
		lmb_set_node(b->start, b->end - b->start, b->nid);
	for_each_lmb(memory, r)
		seen |= 1u << r->nid;
	for (unsigned int n = 0; n < MAX_NUMNODES; n++)
		nodes += (seen >> n) & 1;
	printk("lmb: memory on %u node%s in %lu regions\n", nodes, nodes == 1 ? "" : "s",
	       lmb.memory.cnt);
}
