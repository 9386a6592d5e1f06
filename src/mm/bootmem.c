#line 186 "chapters/06-bootmem.nw" /* <mm/bootmem.c> */
/* bootmem.c - the boot-time page allocator: one bit per page, set while it is taken. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/compiler.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/string.h>

bootmem_data_t bootmem_node_data[1];

#line 205 "chapters/06-bootmem.nw" /* <bootmem: bits> */
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
#line 229 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
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
	init_bootmem_core(&bootmem, __va(PFN_PHYS(start_pfn)), 0, max_pfn);
	return bootmem_bootmap_bytes(max_pfn);
}

#line 321 "chapters/06-bootmem.nw" /* <bootmem: the pages a range covers> */
static phys_addr_t range_end(phys_addr_t addr, size_t size, const char *fn, const char *caller)
{
	if (size > ~(phys_addr_t)0 - addr)
		panic("%s: %s() asked for 0x%llx bytes at 0x%llx, which runs past the top of the "
		      "address space", fn, caller, (u64)size, addr);
	return addr + size;
}

static bool range_to_idx(const bootmem_data_t *b, phys_addr_t spfn, phys_addr_t epfn,
			 unsigned long *sidx, unsigned long *eidx, const char *fn,
			 const char *caller)
{
	if (spfn >= epfn)
		return false;
	if (spfn < b->node_min_pfn || epfn > b->node_low_pfn)
		panic("%s: %s() asked for page frames 0x%llx-0x%llx, outside bootmem's "
		      "0x%lx-0x%lx", fn, caller, spfn, epfn - 1, b->node_min_pfn,
		      b->node_low_pfn - 1);
	*sidx = (unsigned long)(spfn - b->node_min_pfn);
	*eidx = (unsigned long)(epfn - b->node_min_pfn);
	return true;
}

#line 263 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
void free_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, const char *caller)
{
	unsigned long sidx, eidx;

	check_live(&b->life, "free_bootmem", caller);
	if (!range_to_idx(b, PFN_UP(addr), PFN_DOWN(range_end(addr, size, "free_bootmem", caller)),
			  &sidx, &eidx, "free_bootmem", caller))
		return;
	for (unsigned long i = sidx; i < eidx; i++) {
		if (!test_bit(b->node_bootmem_map, i))
			panic("free_bootmem: %s() freed page 0x%lx (in [mem 0x%08llx-0x%08llx]), "
			      "which is free already", caller, b->node_min_pfn + i, addr,
			      addr + size - 1);
		clear_bit(b->node_bootmem_map, i);
	}
}

#line 289 "chapters/06-bootmem.nw" /* <bootmem: set up, free and reserve> */
int reserve_bootmem_core(bootmem_data_t *b, phys_addr_t addr, size_t size, int flags,
			 const char *caller)
{
	unsigned long sidx, eidx;

	check_live(&b->life, "reserve_bootmem", caller);
	if (!range_to_idx(b, PFN_DOWN(addr), PFN_UP(range_end(addr, size, "reserve_bootmem",
								   caller)),
			  &sidx, &eidx, "reserve_bootmem", caller))
		return 0;
	if (flags & BOOTMEM_EXCLUSIVE)
		for (unsigned long i = sidx; i < eidx; i++)
			if (test_bit(b->node_bootmem_map, i))
				return -1;
	for (unsigned long i = sidx; i < eidx; i++)
		set_bit(b->node_bootmem_map, i);
	return 0;
}
#line 362 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
static unsigned long align_idx(const bootmem_data_t *b, unsigned long idx, unsigned long step)
{
	unsigned long base = b->node_min_pfn;	/* align the page frame, not the index */

	return ((base + idx + step - 1) & ~(step - 1)) - base;
}

#line 398 "chapters/06-bootmem.nw" /* <bootmem: search from one index> */
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
		
#line 430 "chapters/06-bootmem.nw" /* <bootmem search: share the last allocation's page> */
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
#line 415 "chapters/06-bootmem.nw" /* <bootmem: search from one index> */
		b->last_end_off = end_off;
		b->hint_idx = (unsigned long)PFN_UP(end_off);
		for (i = (unsigned long)PFN_DOWN(start_off) + merge; i < PFN_UP(end_off); i++)
			set_bit(b->node_bootmem_map, i);
		return memset(__va(PFN_PHYS(b->node_min_pfn) + start_off), 0, size);
	}
	return NULL;
}

#line 371 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
void *alloc_bootmem_core(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			 phys_addr_t limit, const char *caller)
{
	unsigned long step, min, max, sidx;
	void *p;

	check_live(&b->life, "alloc_bootmem", caller);
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
#line 449 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
void *bootmem_alloc_nopanic(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			    phys_addr_t limit, const char *caller)
{
	void *p = alloc_bootmem_core(b, size, align, goal, limit, caller);

	if (!p && goal)
		p = alloc_bootmem_core(b, size, align, 0, limit, caller);
#line 2087 "chapters/09-shortcuts.nw" /* <bootmem: what later chapters note about an allocation> */
	if (p)
		census_note("bootmem", caller, size);
#line 457 "chapters/06-bootmem.nw" /* <bootmem: allocate> */
	return p;
}

void *bootmem_alloc_or_panic(bootmem_data_t *b, size_t size, size_t align, phys_addr_t goal,
			     phys_addr_t limit, const char *caller)
{
	void *p = bootmem_alloc_nopanic(b, size, align, goal, limit, caller);

	if (!p)
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu, goal 0x%llx%s, but "
		      "no free pages fit", caller, size, align, goal, limit ? ", below a limit" : "");
	return p;
}
#line 492 "chapters/06-bootmem.nw" /* <bootmem: count> */
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
