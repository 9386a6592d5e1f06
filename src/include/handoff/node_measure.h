#line 3845 "chapters/10-nodes.nw" /* <include/handoff/node_measure.h> */
#ifndef _HANDOFF_NODE_MEASURE_H
#define _HANDOFF_NODE_MEASURE_H
/**
 * node_alloc_probe - with "node_allocs=N" on the command line, N allocations of 1 to 16 pages
 * from bootmem, asking each node with memory in turn, each checked for the node its pages are
 * on and then freed: "node_allocs: N allocations of P pages on K nodes: L on the node asked, E
 * on another, F failed; counter A allocating, Z of it zeroing". Panics, naming @caller, when N
 * is not a count from 1 to 10000.
 */
void node_alloc_probe(const char *caller);
#endif
