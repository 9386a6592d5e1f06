#line 2165 "chapters/10-nodes.nw" /* <mm/bootmem_nodes.c> */
/* bootmem_nodes.c - where each node's memory is in bootmem's bitmaps, and the node calls. */
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>

struct bootmem_nodes bootmem_nodes = { .bm = &bootmem, .pfn_nid = lmb_pfn_nid };

#line 2188 "chapters/10-nodes.nw" /* <bootmem nodes: the ranges> */
static void bootmem_check_nid(const char *fn, int nid, const char *caller)
{
	if (nid < 0 || nid >= MAX_NUMNODES)
		panic("%s: %s() asked for node %d; nodes are 0 to %d", fn, caller, nid,
		      MAX_NUMNODES - 1);
}

void bootmem_add_node_range(struct bootmem_nodes *bn, int nid, bootmem_data_t *b,
			    unsigned long start_pfn, unsigned long end_pfn)
{
	int i = bn->nr_ranges;

	bootmem_check_nid("bootmem_add_node_range", nid, "bootmem_add_node_range");
	if (i == BOOTMEM_NODE_RANGES)
		panic("bootmem: node %d's page frames 0x%lx-0x%lx make more ranges than the table's %d",
		      nid, start_pfn, end_pfn - 1, BOOTMEM_NODE_RANGES);
	for (; i > 0 && (bn->range[i - 1].nid > nid ||
			 (bn->range[i - 1].nid == nid && bn->range[i - 1].start_pfn > start_pfn)); i--)
		bn->range[i] = bn->range[i - 1];
	bn->range[i] = (struct bootmem_node_range){ nid, b, start_pfn, end_pfn };
	bn->nr_ranges++;
}

#line 2219 "chapters/10-nodes.nw" /* <bootmem nodes: a node's next run of page frames> */
unsigned long bootmem_next_node_run(const struct bootmem_nodes *bn, unsigned long *pfn,
				    unsigned long end, int *nid)
{
	unsigned long last;

	while (*pfn < end && bn->pfn_nid(*pfn) == NUMA_NO_NODE)
		(*pfn)++;
	if (*pfn >= end)
		return 0;
	*nid = bn->pfn_nid(*pfn);
	last = *pfn + 1;
	for (unsigned long e = last; e < end; e++) {
		int n = bn->pfn_nid(e);

		if (n == *nid)
			last = e + 1;
		else if (n != NUMA_NO_NODE)
			break;				/* another node's page: the run ends */
	}
	return last;
}
#line 2243 "chapters/10-nodes.nw" /* <bootmem nodes: the bitmap that has a page> */
bootmem_data_t *bootmem_nodes_owner(const struct bootmem_nodes *bn, unsigned long pfn)
{
	int nid = bn->pfn_nid(pfn);
	bootmem_data_t *b;

	for (int i = 0; nid != NUMA_NO_NODE && i < bn->nr_ranges; i++)
		if (bn->range[i].nid == nid && pfn >= bn->range[i].start_pfn &&
		    pfn < bn->range[i].end_pfn)
			return bn->range[i].b;
	
#line 2262 "chapters/10-nodes.nw" /* <bootmem nodes: a page on no node> */
	if (nid == NUMA_NO_NODE)
		for_each_bdata(bn->bm, b)
			if (pfn >= b->node_min_pfn && pfn < b->node_low_pfn)
				return b;
	return NULL;
#line 2253 "chapters/10-nodes.nw" /* <bootmem nodes: the bitmap that has a page> */
}
#line 2283 "chapters/10-nodes.nw" /* <bootmem nodes: allocate on a node> */
static void forget_partial_page_off_node(const struct bootmem_nodes *bn, bootmem_data_t *b,
					 int nid)
{
	unsigned long pfn = b->node_min_pfn + (unsigned long)PFN_DOWN(b->last_end_off);

	if ((b->last_end_off & (PAGE_SIZE - 1)) && bn->pfn_nid(pfn) != nid)
		b->last_end_off = PFN_PHYS(PFN_UP(b->last_end_off));
}

static void *alloc_in_ranges(struct bootmem_nodes *bn, int nid, size_t size, size_t align,
			     phys_addr_t goal, phys_addr_t limit, const char *caller)
{
	for (int i = 0; i < bn->nr_ranges; i++) {
		struct bootmem_node_range *r = &bn->range[i];
		unsigned long lo = MAX(r->start_pfn, (unsigned long)MIN(PFN_DOWN(goal),
									(phys_addr_t)r->end_pfn));
		unsigned long hi = limit ? (unsigned long)MIN((phys_addr_t)r->end_pfn,
							      PFN_DOWN(limit)) : r->end_pfn;
		void *p;

		if (r->nid != nid || lo >= hi)
			continue;
		forget_partial_page_off_node(bn, r->b, nid);
		if ((p = alloc_bootmem_core(r->b, size, align, PFN_PHYS(lo), PFN_PHYS(hi), caller)))
			return p;
	}
	return NULL;
}

#line 2316 "chapters/10-nodes.nw" /* <bootmem nodes: the three allocation calls> */
void *___alloc_bootmem_exact_nid(struct bootmem_nodes *bn, int nid, size_t size, size_t align,
				 phys_addr_t goal, phys_addr_t limit, const char *caller)
{
	void *p;

	check_live(&bn->bm->life, "alloc_bootmem_node", caller);
	bootmem_check_nid("alloc_bootmem_node", nid, caller);
	p = alloc_in_ranges(bn, nid, size, align, goal, limit, caller);
	if (!p && goal)
		p = alloc_in_ranges(bn, nid, size, align, 0, limit, caller);
#line 2087 "chapters/09-shortcuts.nw" /* <bootmem: what later chapters note about an allocation> */
	if (p)
		census_note("bootmem", caller, size);
#line 2327 "chapters/10-nodes.nw" /* <bootmem nodes: the three allocation calls> */
	return p;
}

void *___alloc_bootmem_node_nopanic(struct bootmem_nodes *bn, int nid, size_t size,
				    size_t align, phys_addr_t goal, const char *caller)
{
	void *p = ___alloc_bootmem_exact_nid(bn, nid, size, align, goal, 0, caller);

	return p ? p : ___alloc_bootmem_nopanic(bn->bm, size, align, goal, 0, caller);
}

void *___alloc_bootmem_node(struct bootmem_nodes *bn, int nid, size_t size, size_t align,
			    phys_addr_t goal, const char *caller)
{
	void *p = ___alloc_bootmem_exact_nid(bn, nid, size, align, goal, 0, caller);

	return p ? p : ___alloc_bootmem(bn->bm, size, align, goal, 0, caller);
}
#line 2351 "chapters/10-nodes.nw" /* <bootmem nodes: free and reserve on a node> */
static void check_on_node(const struct bootmem_nodes *bn, int nid, phys_addr_t spfn,
			  phys_addr_t epfn, const char *fn, const char *caller)
{
	bootmem_check_nid(fn, nid, caller);
	for (phys_addr_t pfn = spfn; pfn < epfn; pfn++)
		if (pfn > ~0ul || bn->pfn_nid((unsigned long)pfn) != nid)
			panic("%s: %s() asked for page 0x%llx on node %d, but the page is on node "
			      "%d (-1: not memory)", fn, caller, pfn, nid,
			      pfn > ~0ul ? NUMA_NO_NODE : bn->pfn_nid((unsigned long)pfn));
}

void __free_bootmem_node(struct bootmem_nodes *bn, int nid, phys_addr_t addr, size_t size,
			 const char *caller)
{
	if (size <= ~(phys_addr_t)0 - addr)		/* else __free_bootmem says why */
		check_on_node(bn, nid, PFN_UP(addr), PFN_DOWN(addr + size), "free_bootmem_node",
			      caller);
	__free_bootmem(bn->bm, addr, size, caller);
}

int __reserve_bootmem_node(struct bootmem_nodes *bn, int nid, phys_addr_t addr, size_t size,
			   int flags, const char *caller)
{
	if (size <= ~(phys_addr_t)0 - addr)
		check_on_node(bn, nid, PFN_DOWN(addr), PFN_UP(addr + size), "reserve_bootmem_node",
			      caller);
	return __reserve_bootmem(bn->bm, addr, size, flags, caller);
}
