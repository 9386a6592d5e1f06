#line 1415 "chapters/10-nodes.nw" /* <mm/lmb_nodes_standin.c> */
/* lmb_nodes_standin.c - TEMPORARY: LMB's node calls from the node table (see chapter 10). */
#include <asm/page.h>
#include <handoff/lmb_nodes_standin.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>

#line 1427 "chapters/10-nodes.nw" /* <lmb stand-in: a page's node> */
static int table_nid(phys_addr_t addr)
{
	const struct numa_memblk *b;

	if (!numa_meminfo.source)
		return 0;
	for_each_numa_memblk(&numa_meminfo, b)
		if (addr >= b->start && addr < b->end)
			return b->nid;
	return NUMA_NO_NODE;
}

int lmb_pfn_nid(unsigned long pfn)
{
	const struct lmb_region *m;
	phys_addr_t s = PFN_PHYS(pfn);

	for_each_lmb(memory, m)
		if (m->base <= s && s + PAGE_SIZE <= m->base + m->size)
			return table_nid(s);
	return NUMA_NO_NODE;
}
#line 1452 "chapters/10-nodes.nw" /* <lmb stand-in: a node's free ranges> */
/* The first piece of [s, e) on node nid, in *ps, *pe. */
static bool piece_on(int nid, phys_addr_t s, phys_addr_t e, phys_addr_t *ps, phys_addr_t *pe)
{
	const struct numa_memblk *b;

	if (nid == NUMA_NO_NODE || !numa_meminfo.source) {
		*ps = s, *pe = e;
		return nid == NUMA_NO_NODE || nid == 0;
	}
	for_each_numa_memblk(&numa_meminfo, b)
		if (b->nid == nid && b->end > s && b->start < e) {
			*ps = MAX(s, (phys_addr_t)b->start), *pe = MIN(e, (phys_addr_t)b->end);
			return true;
		}
	return false;
}

bool __lmb_walk_next_nid(struct range_walk *w, int nid, phys_addr_t *start, phys_addr_t *end,
			 const char *caller)
{
	struct range_walk fw;
	phys_addr_t s, e;

	(void)caller;
	lmb_for_each_free_range(fw, &s, &e)
		if (e > w->pos && piece_on(nid, MAX(s, (phys_addr_t)w->pos), e, start, end)) {
			w->pos = *end;
			return true;
		}
	return false;
}
#line 1486 "chapters/10-nodes.nw" /* <lmb stand-in: allocate on a node> */
phys_addr_t __lmb_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				phys_addr_t max_addr, int nid, bool may_fail, const char *caller)
{
	phys_addr_t max = max_addr == LMB_ALLOC_ACCESSIBLE || max_addr > lmb.current_limit ?
			  lmb.current_limit : max_addr, a = LMB_ERROR;
	const struct numa_memblk *b;

	if (numa_meminfo.source && nid != NUMA_NO_NODE)
		for_each_numa_memblk(&numa_meminfo, b)
			if (b->nid == nid && a == LMB_ERROR && b->start < max && b->end > min_addr)
				a = __lmb_find_area(MAX(min_addr, (phys_addr_t)b->start),
						    MIN(max, (phys_addr_t)b->end), size, align, caller);
	if (a == LMB_ERROR)
		a = __lmb_find_area(min_addr, max, size, align, caller);
	if (a == LMB_ERROR && !may_fail)
		panic("lmb_alloc_try_nid: %s() asked for 0x%llx bytes on node %d: nothing fits",
		      caller, size, nid);
	if (a != LMB_ERROR)
		__lmb_reserve(a, size, caller);
	return a;
}
