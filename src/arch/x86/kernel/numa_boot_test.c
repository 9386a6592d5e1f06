#line 4570 "chapters/10-nodes.nw" /* <arch/x86/kernel/numa_boot_test.c> */
/* numa_boot_test.c - the node table the boot step filled. */
#include <asm/e820.h>
#include <handoff/ktest.h>
#include <handoff/numa.h>

KTEST(numa_table_sorted_and_disjoint)
{
	const struct numa_memblk *b;

	KEXPECT_TRUE(t, numa_meminfo.nr_nodes >= 1 && numa_meminfo.nr_nodes <= MAX_NUMNODES);
	KEXPECT_TRUE(t, numa_meminfo.source || numa_meminfo.nr_blks == 0);
	for_each_numa_memblk(&numa_meminfo, b) {
		KEXPECT_TRUE(t, b->start < b->end);
		KEXPECT_TRUE(t, b->nid >= 0 && b->nid < numa_meminfo.nr_nodes);
		if (b > numa_meminfo.blk)
			KEXPECT_TRUE(t, b[-1].end <= b->start);
	}
}

KTEST(numa_srat_covers_ram)
{
	const struct e820entry *e;
	const struct numa_memblk *b;

	if (!numa_meminfo.source || numa_meminfo.source[0] != 's')
		return ktest_skip(t, "the nodes are not the SRAT's");
	for_each_e820_entry(&e820, e) {
		u64 at = e->addr;

		for_each_numa_memblk(&numa_meminfo, b)
			if (e->type == E820_RAM && b->start <= at && at < b->end)
				at = b->end < e->addr + e->size ? b->end : e->addr + e->size;
		if (e->type == E820_RAM)
			KEXPECT_TRUE(t, at == e->addr + e->size);
	}
}
