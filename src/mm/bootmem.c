#line 255 "chapters/06-bootmem.nw" /* <mm/bootmem.c> */
/* bootmem.c - the boot-time page allocator: one bit per page, set while it is taken. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/compiler.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct bootmem bootmem;
bootmem_data_t bootmem_node_data[1];

#line 276 "chapters/06-bootmem.nw" /* <bootmem: bits> */
static bool test_bit(const u8 *map, unsigned long i)
{
	return map[i >> 3] & (1u << (i & 7));
}

static void set_bit(u8 *map, unsigned long i)
{
	map[i >> 3] |= (u8)(1u << (i & 7));
}

static void clear_bit(u8 *map, unsigned long i)
{
	map[i >> 3] &= (u8)~(1u << (i & 7));
}
#line 300 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
unsigned long bootmem_bootmap_bytes(unsigned long pages)
{
	return (pages + 7) / 8;
}

void init_bootmem_core(bootmem_data_t *b, u8 *map, unsigned long min_pfn,
		       unsigned long max_pfn)
{
	memset(b, 0, sizeof(*b));
	b->node_bootmem_map = map;
	b->node_min_pfn = min_pfn;
	b->node_low_pfn = max_pfn;
	memset(map, 0xff, bootmem_bootmap_bytes(max_pfn - min_pfn));
}

unsigned long init_bootmem(unsigned long start_pfn, unsigned long max_pfn)
{
	init_bootmem_core(&bootmem_node_data[0], __va(PFN_PHYS(start_pfn)), 0, max_pfn);
	link_bootmem(&bootmem, &bootmem_node_data[0]);
	return bootmem_bootmap_bytes(max_pfn);
}

#line 329 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
void link_bootmem(struct bootmem *bm, bootmem_data_t *b)
{
	bootmem_data_t **pos = &bm->bdata_list;

	while (*pos && (*pos)->node_min_pfn <= b->node_min_pfn)
		pos = &(*pos)->next;
	b->next = *pos;				/* before the first that starts later */
	*pos = b;
}

#line 426 "chapters/06-bootmem.nw" /* <bootmem: the pages a range covers> */
static phys_addr_t range_end(phys_addr_t addr, size_t size, const char *fn, const char *caller)
{
	if (size > ~(phys_addr_t)0 - addr)
		panic("%s: %s() asked for 0x%llx bytes at 0x%llx, which runs past the top of the "
		      "address space", fn, caller, (u64)size, addr);
	return addr + size;
}

/* Is [spfn, epfn) a range to mark? false: empty; a panic: not all inside [min, low). */
static bool in_range(phys_addr_t spfn, phys_addr_t epfn, unsigned long min, unsigned long low,
		     const char *fn, const char *caller)
{
	if (spfn >= epfn)
		return false;
	if (spfn < min || epfn > low)
		panic("%s: %s() asked for page frames 0x%llx-0x%llx, outside bootmem's "
		      "0x%lx-0x%lx", fn, caller, spfn, epfn - 1, min, low - 1);
	return true;
}
#line 385 "chapters/06-bootmem.nw" /* <bootmem: mark pages in one bitmap> */
static bool any_reserved(const bootmem_data_t *b, unsigned long spfn, unsigned long epfn)
{
	for (unsigned long pfn = spfn; pfn < epfn; pfn++)
		if (bootmem_page_reserved(b, pfn))
			return true;
	return false;
}

static int mark_bootmem_node(bootmem_data_t *b, unsigned long spfn, unsigned long epfn,
			     bool reserve, int flags, const char *caller)
{
	unsigned long i, sidx = spfn - b->node_min_pfn, eidx = epfn - b->node_min_pfn;

	if (reserve && (flags & BOOTMEM_EXCLUSIVE) && any_reserved(b, spfn, epfn))
		return -1;
	for (i = sidx; i < eidx; i++) {
		if (reserve) {
			set_bit(b->node_bootmem_map, i);
			continue;
		}
		if (!test_bit(b->node_bootmem_map, i))
			panic("free_bootmem: %s() freed page 0x%lx, which is free already", caller,
			      b->node_min_pfn + i);
		clear_bit(b->node_bootmem_map, i);
	}
	return 0;
}

#line 363 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
void free_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, const char *caller)
{
	phys_addr_t spfn = PFN_UP(addr), epfn = PFN_DOWN(range_end(addr, size, "free_bootmem",
								     caller));

	if (in_range(spfn, epfn, b->node_min_pfn, b->node_low_pfn, "free_bootmem", caller))
		mark_bootmem_node(b, (unsigned long)spfn, (unsigned long)epfn, false, 0, caller);
}

int reserve_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, int flags,
			 const char *caller)
{
	phys_addr_t spfn = PFN_DOWN(addr), epfn = PFN_UP(range_end(addr, size, "reserve_bootmem",
								     caller));

	if (!in_range(spfn, epfn, b->node_min_pfn, b->node_low_pfn, "reserve_bootmem", caller))
		return 0;
	return mark_bootmem_node(b, (unsigned long)spfn, (unsigned long)epfn, true, flags, caller);
}
#line 460 "chapters/06-bootmem.nw" /* <bootmem: the walk over the bitmaps> */
bootmem_data_t *bootmem_owner(const struct bootmem *bm, unsigned long pfn)
{
	bootmem_data_t *b;

	if (bm->owner)
		return bm->owner(bm, pfn);
	for_each_bdata(bm, b)
		if (pfn >= b->node_min_pfn && pfn < b->node_low_pfn)
			return b;
	return NULL;
}

void bootmem_span(const struct bootmem *bm, unsigned long *min_pfn, unsigned long *low_pfn)
{
	const bootmem_data_t *b;

	*min_pfn = *low_pfn = 0;
	for_each_bdata(bm, b) {
		if (*min_pfn == *low_pfn || b->node_min_pfn < *min_pfn)	/* the first */
			*min_pfn = b->node_min_pfn;
		*low_pfn = MAX(*low_pfn, b->node_low_pfn);
	}
}

#line 532 "chapters/06-bootmem.nw" /* <bootmem walk: the bitmap that has a page, and its run> */
/* The bitmap that has page frame pfn, and in *end the end of its run of pages in [pfn, epfn). */
static bootmem_data_t *owner_run(const struct bootmem *bm, unsigned long pfn, unsigned long epfn,
				 unsigned long *end, const char *fn, const char *caller)
{
	bootmem_data_t *b = bootmem_owner(bm, pfn);

	if (!b)
		panic("%s: %s() asked for page frames up to 0x%lx, but no bitmap of bootmem has "
		      "page 0x%lx", fn, caller, epfn - 1, pfn);
	for (*end = pfn + 1; *end < epfn && bootmem_owner(bm, *end) == b; (*end)++)
		;
	return b;
}

#line 493 "chapters/06-bootmem.nw" /* <bootmem walk: mark a range, bitmap by bitmap> */
static int mark_bootmem(struct bootmem *bm, phys_addr_t spfn, phys_addr_t epfn, bool reserve,
			int flags, const char *fn, const char *caller)
{
	unsigned long min, low, pfn, end;
	bootmem_data_t *b;

	check_live(&bm->life, fn, caller);
	bootmem_span(bm, &min, &low);
	if (!in_range(spfn, epfn, min, low, fn, caller))
		return 0;
	if (reserve && (flags & BOOTMEM_EXCLUSIVE))
		for (pfn = (unsigned long)spfn; pfn < epfn; pfn = end) {
			b = owner_run(bm, pfn, (unsigned long)epfn, &end, fn, caller);
			if (any_reserved(b, pfn, end))
				return -1;
		}
	for (pfn = (unsigned long)spfn; pfn < epfn; pfn = end) {
		b = owner_run(bm, pfn, (unsigned long)epfn, &end, fn, caller);
		mark_bootmem_node(b, pfn, end, reserve, 0, caller);
	}
	return 0;
}

void __free_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, const char *caller)
{
	mark_bootmem(bm, PFN_UP(addr), PFN_DOWN(range_end(addr, size, "free_bootmem", caller)),
		     false, 0, "free_bootmem", caller);
}

int __reserve_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, int flags,
		      const char *caller)
{
	return mark_bootmem(bm, PFN_DOWN(addr), PFN_UP(range_end(addr, size, "reserve_bootmem",
								   caller)),
			    true, flags, "reserve_bootmem", caller);
}
#line 564 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
static unsigned long align_idx(const bootmem_data_t *b, unsigned long idx, unsigned long step)
{
	unsigned long base = b->node_min_pfn;	/* align the page frame, not the index */

	return ((base + idx + step - 1) & ~(step - 1)) - base;
}

#line 599 "chapters/06-bootmem.nw" /* <bootmem: search from one index> */
static void *search(bootmem_data_t *b, unsigned long sidx, unsigned long midx, size_t size,
		    size_t align, unsigned long step)
{
	while (sidx < midx) {
		unsigned long eidx = sidx + (unsigned long)PFN_UP((phys_addr_t)size), i;
		phys_addr_t start_off, end_off;
		bool merge;

		if (eidx > midx)
			return NULL;
		for (i = sidx; i < eidx && !test_bit(b->node_bootmem_map, i); i++)
			;
		if (i < eidx) {				/* page i is taken: past it */
			sidx = align_idx(b, i + 1, step);
			continue;
		}
		
#line 631 "chapters/06-bootmem.nw" /* <bootmem search: share the last allocation's page> */
		start_off = PFN_PHYS(sidx);
		if ((b->last_end_off & (PAGE_SIZE - 1)) && PFN_DOWN(b->last_end_off) + 1 == sidx) {
			phys_addr_t base = PFN_PHYS(b->node_min_pfn);
			phys_addr_t off = ((base + b->last_end_off + align - 1) & ~(phys_addr_t)(align - 1))
					  - base;

			if (off < start_off)
				start_off = off;
		}
		merge = PFN_DOWN(start_off) < sidx;
		end_off = start_off + size;
#line 616 "chapters/06-bootmem.nw" /* <bootmem: search from one index> */
		b->last_end_off = end_off;
		b->hint_idx = (unsigned long)PFN_UP(end_off);
		for (i = (unsigned long)PFN_DOWN(start_off) + merge; i < PFN_UP(end_off); i++)
			set_bit(b->node_bootmem_map, i);
		return memset(__va(PFN_PHYS(b->node_min_pfn) + start_off), 0, size);
	}
	return NULL;
}

#line 573 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
void *alloc_bootmem_core(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			 phys_addr_t limit, const char *caller)
{
	unsigned long step, min, max, sidx;
	void *p;

	if (!size || !align || (align & (align - 1)))
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu", caller, size, align);
	if (size > PFN_PHYS(b->node_low_pfn - b->node_min_pfn))
		return NULL;			/* more than all of it: and PFN_UP(size) could wrap */
	step = MAX(align >> PAGE_SHIFT, 1ul);
	min = b->node_min_pfn;
	max = limit ? MIN(b->node_low_pfn, (unsigned long)PFN_DOWN(limit)) : b->node_low_pfn;
	if (goal && PFN_DOWN(goal) > min && PFN_DOWN(goal) < max)
		min = (unsigned long)PFN_DOWN(goal);
	if (min >= max)
		return NULL;
	sidx = align_idx(b, min - b->node_min_pfn, step);
	if (b->hint_idx > sidx && (p = search(b, align_idx(b, b->hint_idx, step),
					    max - b->node_min_pfn, size, align, step)))
		return p;
	return search(b, sidx, max - b->node_min_pfn, size, align, step);
}
#line 652 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
void *___alloc_bootmem_nopanic(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
			       phys_addr_t limit, const char *caller)
{
	bootmem_data_t *b;
	void *p = NULL;

	check_live(&bm->life, "alloc_bootmem", caller);
	for (;;) {
		for_each_bdata(bm, b) {
			if (goal && b->node_low_pfn <= PFN_DOWN(goal))
				continue;
			if (limit && b->node_min_pfn >= PFN_DOWN(limit))
				break;
			if ((p = alloc_bootmem_core(b, size, align, goal, limit, caller)))
				break;
		}
		if (p || !goal)
			break;
		goal = 0;			/* once more, from the bottom */
	}
#line 2087 "chapters/09-shortcuts.nw" /* <bootmem: what later chapters note about an allocation> */
	if (p)
		census_note("bootmem", caller, size);
#line 673 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
	return p;
}

void *___alloc_bootmem(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
		       phys_addr_t limit, const char *caller)
{
	void *p = ___alloc_bootmem_nopanic(bm, size, align, goal, limit, caller);

	if (!p)
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu, goal 0x%llx%s, but "
		      "no free pages fit", caller, size, align, goal, limit ? ", below a limit" : "");
	return p;
}
#line 712 "chapters/06-bootmem.nw" /* <bootmem: count> */
bool bootmem_page_reserved(const bootmem_data_t *b, unsigned long pfn)
{
	return test_bit(b->node_bootmem_map, pfn - b->node_min_pfn);
}

void bootmem_count(const bootmem_data_t *b, unsigned long *free, unsigned long *reserved)
{
	unsigned long n = b->node_low_pfn - b->node_min_pfn;

	*free = *reserved = 0;
	for (unsigned long i = 0; i < n; i++) {
		if (test_bit(b->node_bootmem_map, i))
			(*reserved)++;
		else
			(*free)++;
	}
}

#line 734 "chapters/06-bootmem.nw" /* <bootmem: count over all the bitmaps> */
bool __bootmem_pfn_reserved(const struct bootmem *bm, unsigned long pfn)
{
	const bootmem_data_t *b = bootmem_owner(bm, pfn);

	return !b || bootmem_page_reserved(b, pfn);
}

unsigned long bootmem_free_pages(const struct bootmem *bm)
{
	const bootmem_data_t *b;
	unsigned long free, reserved, sum = 0;

	for_each_bdata(bm, b) {
		bootmem_count(b, &free, &reserved);
		sum += free;
	}
	return sum;
}

unsigned long bootmem_bitmaps_bytes(const struct bootmem *bm)
{
	const bootmem_data_t *b;
	unsigned long bytes = 0;

	for_each_bdata(bm, b)
		bytes += bootmem_bootmap_bytes(b->node_low_pfn - b->node_min_pfn);
	return bytes;
}
