#line 2057 "chapters/10-nodes.nw" /* <include/handoff/bootmem_nodes.h> */
#ifndef _HANDOFF_BOOTMEM_NODES_H
#define _HANDOFF_BOOTMEM_NODES_H
#include <handoff/bootmem.h>
#include <handoff/lmb.h>
#include <handoff/numa.h>

#define BOOTMEM_NODE_RANGES	32	/* a node's stretches: at most the node table's
					   blocks (NR_NODE_MEMBLKS), with room to spare */

struct bootmem_node_range {
	int nid;
	bootmem_data_t *b;		/* the bitmap that has these pages of node nid */
	unsigned long start_pfn, end_pfn;	/* [start, end): inside b's range */
};

struct bootmem_nodes {
	struct bootmem *bm;			/* whose bitmaps these are */
	int (*pfn_nid)(unsigned long pfn);	/* a page frame's node; NUMA_NO_NODE: not memory */
	int nr_ranges;
	struct bootmem_node_range range[BOOTMEM_NODE_RANGES];	/* by node, then address */
};

extern struct bootmem_nodes bootmem_nodes;	/* the kernel's: bootmem, lmb_pfn_nid */

#line 2087 "chapters/10-nodes.nw" /* <bootmem_nodes.h: setting the nodes up> */
/** bootmem_add_node_range - node @nid's pages [@start_pfn, @end_pfn) are in bitmap @b. */
void bootmem_add_node_range(struct bootmem_nodes *bn, int nid, bootmem_data_t *b,
			    unsigned long start_pfn, unsigned long end_pfn);

/**
 * bootmem_next_node_run - the next run of one node's page frames (and the holes between them)
 * at or after *@pfn, below @end: returns its end, sets *@pfn to its start and *@nid to its
 * node; 0 when there is none.
 */
unsigned long bootmem_next_node_run(const struct bootmem_nodes *bn, unsigned long *pfn,
				    unsigned long end, int *nid);

/**
 * bootmem_nodes_owner - the bitmap of one range of page frame @pfn's own node that holds
 * @pfn; for a page on no node (a hole), the first bitmap that spans it; NULL if none does: the
 * rule for bitmaps whose ranges overlap (struct bootmem's owner).
 */
bootmem_data_t *bootmem_nodes_owner(const struct bootmem_nodes *bn, unsigned long pfn);
#line 2119 "chapters/10-nodes.nw" /* <bootmem_nodes.h: the node calls> */
/**
 * ___alloc_bootmem_exact_nid - @size zeroed bytes aligned to @align on node @nid, below @limit
 * (0: none), preferably at or above @goal; NULL when node @nid has no room.
 */
void *___alloc_bootmem_exact_nid(struct bootmem_nodes *bn, int nid, size_t size, size_t align,
				 phys_addr_t goal, phys_addr_t limit, const char *caller);

/** ___alloc_bootmem_node_nopanic - on node @nid if it has room, else on any: NULL if none has. */
void *___alloc_bootmem_node_nopanic(struct bootmem_nodes *bn, int nid, size_t size,
				    size_t align, phys_addr_t goal, const char *caller);

/** ___alloc_bootmem_node - ___alloc_bootmem_node_nopanic, and a panic naming @caller. */
void *___alloc_bootmem_node(struct bootmem_nodes *bn, int nid, size_t size, size_t align,
			    phys_addr_t goal, const char *caller);

/** __free_bootmem_node - __free_bootmem of pages that are all on node @nid (else a panic). */
void __free_bootmem_node(struct bootmem_nodes *bn, int nid, phys_addr_t addr, size_t size,
			 const char *caller);

/** __reserve_bootmem_node - __reserve_bootmem of pages that are all on node @nid. */
int __reserve_bootmem_node(struct bootmem_nodes *bn, int nid, phys_addr_t addr, size_t size,
			   int flags, const char *caller);

#define __alloc_bootmem_node(nid, size, align, goal) \
	___alloc_bootmem_node(&bootmem_nodes, (nid), (size), (align), (goal), __func__)
#define __alloc_bootmem_node_nopanic(nid, size, align, goal) \
	___alloc_bootmem_node_nopanic(&bootmem_nodes, (nid), (size), (align), (goal), __func__)
#define alloc_bootmem_node(nid, size) \
	__alloc_bootmem_node((nid), (size), SMP_CACHE_BYTES, MAX_DMA_ADDRESS)
#define alloc_bootmem_pages_node(nid, size) \
	__alloc_bootmem_node((nid), (size), PAGE_SIZE, MAX_DMA_ADDRESS)
#define alloc_bootmem_node_nopanic(nid, size) \
	__alloc_bootmem_node_nopanic((nid), (size), SMP_CACHE_BYTES, MAX_DMA_ADDRESS)
#define alloc_bootmem_exact_nid(nid, size, align) \
	___alloc_bootmem_exact_nid(&bootmem_nodes, (nid), (size), (align), MAX_DMA_ADDRESS, 0, \
				   __func__)
#define free_bootmem_node(nid, addr, size) \
	__free_bootmem_node(&bootmem_nodes, (nid), (addr), (size), __func__)
#define reserve_bootmem_node(nid, addr, size, flags) \
	__reserve_bootmem_node(&bootmem_nodes, (nid), (addr), (size), (flags), __func__)
#line 2083 "chapters/10-nodes.nw" /* <include/handoff/bootmem_nodes.h> */
#endif
