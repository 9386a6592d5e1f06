#line 64 "chapters/10-nodes.nw" /* <include/handoff/numa.h> */
#ifndef _HANDOFF_NUMA_H
#define _HANDOFF_NUMA_H
#include <handoff/types.h>

#define MAX_NUMNODES	8			/* node ids 0..7 */
#define NUMA_NO_NODE	(-1)			/* asked: any node; told: no node */
#define NR_NODE_MEMBLKS	(2 * MAX_NUMNODES)	/* as Linux: two ranges a node on average */

struct numa_memblk {
	u64 start, end;				/* [start, end): never empty */
	int nid;
};

/* Sorted by start, disjoint. nr_nodes: the highest node named + 1 (1 with no source). */
struct numa_meminfo {
	int nr_blks;
	int nr_nodes;
	const char *source;			/* "srat", "fake", or NULL: no NUMA information */
	struct numa_memblk blk[NR_NODE_MEMBLKS];
};

extern struct numa_meminfo numa_meminfo;	/* the kernel's: filled by numa_init() */

#define for_each_numa_memblk(mi, b) \
	for ((b) = (mi)->blk; (b) < (mi)->blk + (mi)->nr_blks; (b)++)

struct e820map;
#line 96 "chapters/10-nodes.nw" /* <numa.h: the table's operations> */
/** numa_reset - empty @mi: no blocks, one node, no source. */
void numa_reset(struct numa_meminfo *mi);

/**
 * numa_add_memblk - put [@start, @end) on node @nid into @mi, in address order. Returns NULL, or
 * the reason it refused the block (valid until the next call): a node id out of range, an empty
 * range, one that is not whole pages, an overlap with a block already there (named), or a full
 * table.
 */
const char *numa_add_memblk(struct numa_meminfo *mi, int nid, u64 start, u64 end);

/** numa_name_node - count node @nid (0 <= @nid < MAX_NUMNODES) as existing, memory or not. */
void numa_name_node(struct numa_meminfo *mi, int nid);

/** numa_node_has_memory - does some block of @mi belong to node @nid? */
bool numa_node_has_memory(const struct numa_meminfo *mi, int nid);

/**
 * numa_parse_fake - fill @mi from the @len bytes of a fake_numa= value at @s:
 * "NODE:START-END,..." with sizes as memparse reads them, END exclusive. On any error @mi is
 * reset, the reason printed, and false returned: the value is taken whole or not at all.
 */
bool numa_parse_fake(struct numa_meminfo *mi, const char *s, size_t len);

/**
 * numa_check_ram - with a source, every whole page of @map's RAM must lie in a block of @mi: if
 * one does not, @mi is reset to one node, the first such range named, and false returned.
 */
bool numa_check_ram(struct numa_meminfo *mi, const struct e820map *map);

/** numa_print - "numa: node N [mem 0xSTART-0xLAST] (SOURCE)" per block, then the count. */
void numa_print(const struct numa_meminfo *mi);
#line 92 "chapters/10-nodes.nw" /* <include/handoff/numa.h> */
#endif
