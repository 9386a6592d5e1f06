#line 3538 "chapters/10-nodes.nw" /* <include/handoff/node_ledger.h> */
#ifndef _HANDOFF_NODE_LEDGER_H
#define _HANDOFF_NODE_LEDGER_H
#include <handoff/numa.h>
#include <handoff/types.h>

/*
 * One free extent of an allocator, page frames [@start, @end), given to a counter with @nid,
 * the node whose structure holds it (NUMA_NO_NODE: the allocator keeps no node for it).
 */
typedef void (*free_extent_fn)(u64 start, u64 end, int nid, void *arg);

/** free_walk_fn - call @fn on every free extent of one allocator of the chain. */
typedef void (*free_walk_fn)(free_extent_fn fn, void *arg);

/** ledger_free_walk - the walk of the allocator @to that has just taken over, or NULL. */
free_walk_fn ledger_free_walk(const char *to);

struct node_pages {
	unsigned long total, free;	/* reserved: total - free */
};

/**
 * node_page_counts - for each node of numa_meminfo, @out[nid]: the whole pages of LMB's memory
 * on it, and the free pages @walk gives on it.
 */
void node_page_counts(free_walk_fn walk, struct node_pages out[MAX_NUMNODES]);
#endif
