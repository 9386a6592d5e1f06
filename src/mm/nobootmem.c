#line 159 "chapters/09-shortcuts.nw" /* <mm/nobootmem.c> */
/* nobootmem.c - the bootmem interface, served by LMB: no bitmap (the no-bootmem chain). */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct bootmem bootmem;			/* only its life: retired by the buddy's takeover */

#line 184 "chapters/09-shortcuts.nw" /* <nobootmem: allocate> */
void *___alloc_bootmem_nopanic(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
			       phys_addr_t limit, const char *caller)
{
	phys_addr_t end = limit ? MIN(limit, lmb.current_limit) : lmb.current_limit;
	phys_addr_t addr;

	check_live(&bm->life, "alloc_bootmem", caller);
	addr = __lmb_find_area(goal, end, size, align, caller);
	if (addr == LMB_ERROR && goal)
		addr = __lmb_find_area(0, end, size, align, caller);
	if (addr == LMB_ERROR)
		return NULL;
	__lmb_reserve(addr, size, caller);
	return memset(__va(addr), 0, size);
}

void *___alloc_bootmem(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
		       phys_addr_t limit, const char *caller)
{
	void *p = ___alloc_bootmem_nopanic(bm, size, align, goal, limit, caller);

	if (!p)
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu, goal 0x%llx%s, but "
		      "LMB has no free range that fits (chain no-bootmem)", caller, size, align,
		      goal, limit ? ", below a limit" : "");
	return p;
}
#line 226 "chapters/09-shortcuts.nw" /* <nobootmem: free and reserve> */
void __free_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, const char *caller)
{
	check_live(&bm->life, "free_bootmem", caller);
	__lmb_free(addr, size, caller);
}

static bool lmb_reserved_any(phys_addr_t addr, size_t size)
{
	const struct lmb_region *r;

	for_each_lmb(reserved, r)
		if (r->base < addr + size && addr < r->base + r->size)
			return true;
	return false;
}

int __reserve_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, int flags,
		      const char *caller)
{
	check_live(&bm->life, "reserve_bootmem", caller);
	if (size > ~(phys_addr_t)0 - addr)
		panic("reserve_bootmem: %s() asked for 0x%llx bytes at 0x%llx, which runs past the "
		      "top of the address space", caller, (u64)size, addr);
	if ((flags & BOOTMEM_EXCLUSIVE) && lmb_reserved_any(addr, size))
		return -1;
	__lmb_reserve(addr, size, caller);
	return 0;
}
#line 1073 "chapters/07-buddy.nw" /* <free_all_bootmem: which buddy a page goes to> */
/* The buddy page frame @pfn goes to: @pgdat, or with none given, that of its node. */
static pg_data_t *buddy_of(pg_data_t *pgdat, unsigned long pfn)
{
	int nid = pfn_to_nid(pfn);

	if (pgdat)
		return pgdat;
	if (nid < 0)
		panic("free_all_bootmem: page frame 0x%lx is on no node", pfn);
	return NODE_DATA(nid);
}

/* The reserved page frames [@s, @e) to their buddies, cut where the buddy changes. */
static unsigned long free_run(pg_data_t *pgdat, unsigned long s, unsigned long e,
			      const char *by)
{
	unsigned long count = 0;

	while (s < e) {
		pg_data_t *to = buddy_of(pgdat, s);
		unsigned long run = s + 1;

		while (run < e && buddy_of(pgdat, run) == to)
			run++;
		count += buddy_free_reserved(to, s, run, by);
		s = run;
	}
	return count;
}
#line 1048 "chapters/07-buddy.nw" /* <free_bootmem_late: whole pages to the buddy> */
unsigned long __free_bootmem_late(phys_addr_t addr, size_t size, const char *caller)
{
	if (size > ~(phys_addr_t)0 - addr)
		panic("free_bootmem_late: %s() freed 0x%llx bytes at 0x%llx, which runs past the "
		      "top of the address space", caller, (u64)size, addr);
	return free_run(NULL, (unsigned long)PFN_UP(addr), (unsigned long)PFN_DOWN(addr + size),
			caller);
}
