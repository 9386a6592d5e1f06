#line 136 "chapters/10-nodes.nw" /* <lib/numa.c> */
/* numa.c - the node table: ranges of memory and the node each belongs to. */
#include <asm/e820.h>
#include <asm/page.h>
#include <handoff/numa.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct numa_meminfo numa_meminfo = { .nr_nodes = 1 };

void numa_reset(struct numa_meminfo *mi)
{
	memset(mi, 0, sizeof(*mi));
	mi->nr_nodes = 1;
}

void numa_name_node(struct numa_meminfo *mi, int nid)
{
	if (nid + 1 > mi->nr_nodes)
		mi->nr_nodes = nid + 1;
}

bool numa_node_has_memory(const struct numa_meminfo *mi, int nid)
{
	const struct numa_memblk *b;

	for_each_numa_memblk(mi, b)
		if (b->nid == nid)
			return true;
	return false;
}

#line 177 "chapters/10-nodes.nw" /* <numa.c: add a block> */
const char *numa_add_memblk(struct numa_meminfo *mi, int nid, u64 start, u64 end)
{
	static char why[96];
	int i;

	if (nid < 0 || nid >= MAX_NUMNODES)
		return snprintf(why, sizeof(why), "node %d: this kernel has nodes 0 to %d", nid,
				MAX_NUMNODES - 1), why;
	if (end <= start)
		return "an empty range";
	if ((start | end) & (PAGE_SIZE - 1))
		return "a range that does not start and end on a page boundary";
	for (i = 0; i < mi->nr_blks; i++)
		if (start < mi->blk[i].end && mi->blk[i].start < end)
			return snprintf(why, sizeof(why), "overlaps node %d [mem 0x%08llx-0x%08llx]",
					mi->blk[i].nid, mi->blk[i].start, mi->blk[i].end - 1), why;
	if (mi->nr_blks == NR_NODE_MEMBLKS)
		return snprintf(why, sizeof(why), "more than %d ranges", NR_NODE_MEMBLKS), why;
	for (i = mi->nr_blks; i > 0 && mi->blk[i - 1].start > start; i--)
		mi->blk[i] = mi->blk[i - 1];
	mi->blk[i] = (struct numa_memblk){ start, end, nid };
	mi->nr_blks++;
	numa_name_node(mi, nid);
	return NULL;
}
#line 216 "chapters/10-nodes.nw" /* <numa.c: check the table against RAM> */
/* The block of @mi that holds address @a, or NULL. */
static const struct numa_memblk *block_at(const struct numa_meminfo *mi, u64 a)
{
	const struct numa_memblk *b;

	for_each_numa_memblk(mi, b)
		if (b->start <= a && a < b->end)
			return b;
	return NULL;
}

/* Where the hole of @mi that starts at @a ends: the next block's start, or @limit. */
static u64 hole_end(const struct numa_meminfo *mi, u64 a, u64 limit)
{
	const struct numa_memblk *b;

	for_each_numa_memblk(mi, b)
		if (b->start > a)
			return MIN(b->start, limit);
	return limit;
}

#line 243 "chapters/10-nodes.nw" /* <numa.c: check the table against RAM> */
bool numa_check_ram(struct numa_meminfo *mi, const struct e820map *map)
{
	const struct e820entry *e;

	for_each_e820_entry(map, e) {
		u64 end = e->size > ~0ull - e->addr ? ~0ull : e->addr + e->size;
		u64 a = (e->addr + PAGE_SIZE - 1) & ~(u64)(PAGE_SIZE - 1);
		const struct numa_memblk *b;

		end &= ~(u64)(PAGE_SIZE - 1);
		for (; mi->source && e->type == E820_RAM && a < end; a = b->end)
			if (!(b = block_at(mi, a))) {
				printk("numa: [mem 0x%08llx-0x%08llx] is RAM on no node of the %s "
				       "table: it is not used, one node\n", a, hole_end(mi, a, end) - 1,
				       mi->source);
				numa_reset(mi);
				return false;
			}
	}
	return true;
}
#line 271 "chapters/10-nodes.nw" /* <numa.c: print the table> */
void numa_print(const struct numa_meminfo *mi)
{
	const struct numa_memblk *b;

	if (!mi->source)
		printk("numa: no NUMA information: one node\n");
	for_each_numa_memblk(mi, b)
		printk("numa: node %d [mem 0x%08llx-0x%08llx] (%s)\n", b->nid, b->start,
		       b->end - 1, mi->source);
	for (int nid = 0; mi->source && nid < mi->nr_nodes; nid++)
		if (!numa_node_has_memory(mi, nid))
			printk("numa: node %d has no memory\n", nid);
	printk("numa: %d nodes\n", mi->nr_nodes);	/* the contract: "1 nodes" too */
}
#line 303 "chapters/10-nodes.nw" /* <numa.c: parse fake_numa=> */
static const char *parse_fake_range(struct numa_meminfo *mi, const char *s, const char *end,
				    const char **next)
{
	const char *p = s;
	u64 nid = 0, start, stop;

	while (p < end && *p >= '0' && *p <= '9' && nid < MAX_NUMNODES)
		nid = nid * 10 + (u64)(*p++ - '0');
	if (p == s || p == end || *p != ':')
		return p == s ? "no node number" : nid >= MAX_NUMNODES ? "node number too big"
			: "no ':' after the node";
	if (!memparse(p + 1, &p, &start) || p > end)
		return "no start address";
	if (p == end || *p != '-')
		return "no '-' after the start";
	if (!memparse(p + 1, &p, &stop) || p > end)
		return "no end address";
	if (p < end && *p != ',')
		return "junk after the end address";
	*next = p;
	return numa_add_memblk(mi, (int)nid, start, stop);
}
#line 331 "chapters/10-nodes.nw" /* <numa.c: parse fake_numa=> */
/* @len bytes at @s as a string (printk has no "%.*s"), in one of two buffers, cut at 63. */
static const char *cut(int which, const char *s, size_t len)
{
	static char buf[2][64];

	len = len < sizeof(buf[0]) ? len : sizeof(buf[0]) - 1;
	memcpy(buf[which], s, len);
	buf[which][len] = 0;
	return buf[which];
}

bool numa_parse_fake(struct numa_meminfo *mi, const char *s, size_t len)
{
	const char *p = s, *end = s + len, *why = len ? NULL : "empty";

	numa_reset(mi);
	mi->source = "fake";
	while (!why && p < end) {
		const char *range = p;

		if (!(why = parse_fake_range(mi, p, end, &p)) && p < end && ++p == end)
			why = "a ',' with no range after it";
		if (why)
			p = range;
	}
	if (!why)
		return true;
	printk("numa: fake_numa=%s: at '%s': %s: refused, one node\n", cut(0, s, len),
	       cut(1, p, (size_t)(end - p)), why);
	numa_reset(mi);
	return false;
}
