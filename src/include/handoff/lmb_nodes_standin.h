#line 1394 "chapters/10-nodes.nw" /* <include/handoff/lmb_nodes_standin.h> */
#ifndef _HANDOFF_LMB_NODES_STANDIN_H
#define _HANDOFF_LMB_NODES_STANDIN_H
#include <handoff/lmb.h>
#include <handoff/numa.h>
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE	(-1)
#endif
int lmb_pfn_nid(unsigned long pfn);
bool __lmb_walk_next_nid(struct range_walk *w, int nid, phys_addr_t *start, phys_addr_t *end,
			 const char *caller);
phys_addr_t __lmb_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				phys_addr_t max_addr, int nid, bool may_fail, const char *caller);
#define lmb_for_each_free_range_nid(w, nid, start, end)					\
	for ((w) = (struct range_walk){ 0, 0, 0 };					\
	     __lmb_walk_next_nid(&(w), (nid), (start), (end), __func__); )
#define lmb_alloc_try_nid(size, align, min_addr, max_addr, nid) \
	__lmb_alloc_try_nid((size), (align), (min_addr), (max_addr), (nid), false, __func__)
#endif
