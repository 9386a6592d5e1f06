#line 4086 "chapters/10-nodes.nw" /* <lib/numa_test.c> */
/* numa_test.c - the node table and fake_numa=. */
#include <asm/e820.h>
#include <handoff/ktest.h>
#include <handoff/numa.h>
#include <handoff/printk.h>
#include <handoff/string.h>

static struct numa_meminfo tm;

static bool fake(const char *s)
{
	return numa_parse_fake(&tm, s, strlen(s));
}

#define EXPECT_BLK(t, i, n, s, e) ({						\
	KEXPECT_EQ(t, tm.blk[i].nid, n);					\
	KEXPECT_EQ(t, tm.blk[i].start, s);					\
	KEXPECT_EQ(t, tm.blk[i].end, e);					\
})

#line 4111 "chapters/10-nodes.nw" /* <numa_test.c: shapes> */
KTEST(numa_fake_interleaved)
{
	KASSERT_TRUE(t, fake("0:0-128M,1:128M-256M,0:256M-384M,1:384M-512M"));
	KEXPECT_STREQ(t, tm.source, "fake");
	KASSERT_EQ(t, tm.nr_blks, 4);
	KEXPECT_EQ(t, tm.nr_nodes, 2);
	EXPECT_BLK(t, 0, 0, 0, 128ull << 20);
	EXPECT_BLK(t, 1, 1, 128ull << 20, 256ull << 20);
	EXPECT_BLK(t, 2, 0, 256ull << 20, 384ull << 20);
	EXPECT_BLK(t, 3, 1, 384ull << 20, 512ull << 20);
}

KTEST(numa_fake_sorted_and_counted)
{
	KASSERT_TRUE(t, fake("3:0x1000000-32M,1:0-0x1000000"));	/* given out of order */
	KASSERT_EQ(t, tm.nr_blks, 2);
	EXPECT_BLK(t, 0, 1, 0, 16ull << 20);
	EXPECT_BLK(t, 1, 3, 16ull << 20, 32ull << 20);
	KEXPECT_EQ(t, tm.nr_nodes, 4);				/* 0 and 2: no memory */
	KEXPECT_TRUE(t, !numa_node_has_memory(&tm, 0) && !numa_node_has_memory(&tm, 2));
	KEXPECT_TRUE(t, numa_node_has_memory(&tm, 1) && numa_node_has_memory(&tm, 3));
}

KTEST(numa_fake_more_nodes_and_high_memory)
{
	KASSERT_TRUE(t, fake("0:0-16M,1:16M-32M,2:32M-48M,3:48M-64M,4:64M-80M,5:80M-96M,"
			     "6:96M-112M,7:112M-128M"));
	KEXPECT_EQ(t, tm.nr_blks, 8);
	KEXPECT_EQ(t, tm.nr_nodes, 8);
	KASSERT_TRUE(t, fake("0:0-896M,1:896M-1200M"));		/* node 1: all above low memory */
	EXPECT_BLK(t, 1, 1, 896ull << 20, 1200ull << 20);
	KASSERT_TRUE(t, fake("0:0-1G,0:2G-3G,1:1G-2G"));		/* ends not in RAM: as given */
	KEXPECT_EQ(t, tm.nr_blks, 3);
}
#line 4148 "chapters/10-nodes.nw" /* <numa_test.c: refused values> */
KTEST(numa_fake_refused_whole)
{
	static const char *const bad[] = {
		"", "0", "0:", "0:1M", "0:1M-", "x:0-1M", ":0-1M", "8:0-1M", "123456789012:0-1M",
		"0:2M-1M", "0:1M-1M", "0:0-2M,1:1M-3M", "0:0-2M,0:1M-3M", "0:0-1M,", ",0:0-1M",
		"0:0-1MB", "0:0-1M;1:1M-2M", "0:0-1M,,1:1M-2M", "0:0-18446744073709551616",
		"0:1M 2M", "-1:0-1M",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tm.nr_blks = 5;					/* the reset must happen */
		KEXPECT_TRUE(t, !fake(bad[i]));
		KEXPECT_TRUE(t, tm.nr_blks == 0 && tm.nr_nodes == 1 && !tm.source);
	}
}

KTEST(numa_fake_table_full)
{
	char s[512] = "0:0-1M";

	for (int i = 1; i < NR_NODE_MEMBLKS; i++)
		snprintf(s + strlen(s), sizeof(s) - strlen(s), ",%d:%dM-%dM", i % 2, i, i + 1);
	KEXPECT_TRUE(t, fake(s));
	KEXPECT_EQ(t, tm.nr_blks, NR_NODE_MEMBLKS);
	snprintf(s + strlen(s), sizeof(s) - strlen(s), ",1:100M-101M");	/* one more */
	KEXPECT_TRUE(t, !fake(s));
	KEXPECT_TRUE(t, numa_add_memblk(&tm, 0, 5, 5) != NULL);		/* empty */
	KEXPECT_TRUE(t, numa_add_memblk(&tm, MAX_NUMNODES, 0, 1) != NULL);
	KEXPECT_TRUE(t, numa_add_memblk(&tm, 0, 0, 1) != NULL);		/* not whole pages */
	KEXPECT_TRUE(t, numa_add_memblk(&tm, 0, 200ull << 20, (200ull << 20) + 4096) == NULL);
}

KTEST(numa_fake_whole_pages)
{
	KEXPECT_TRUE(t, !fake("0:0-1M,1:1M-0x1800800"));		/* ends inside a page */
	KEXPECT_TRUE(t, !fake("0:0-6K,1:6K-1M"));
	KEXPECT_TRUE(t, fake("0:0-8K,1:8K-1M"));
}
#line 4193 "chapters/10-nodes.nw" /* <numa_test.c: refused values> */
static struct e820map ram(u64 s1, u64 e1, u64 s2, u64 e2)
{
	struct e820map m = { 0 };

	e820_add_region(&m, s1, e1 - s1, E820_RAM);
	e820_add_region(&m, 0xa0000, 0x60000, E820_RESERVED);	/* never needs a node */
	if (e2 > s2)
		e820_add_region(&m, s2, e2 - s2, E820_RAM);
	return m;
}

KTEST(numa_table_must_cover_ram)
{
	struct e820map m = ram(0, 0x9fc00, 1ull << 20, 512ull << 20);

	KASSERT_TRUE(t, fake("0:0-128M,1:128M-256M,0:256M-384M,1:384M-512M"));
	KEXPECT_TRUE(t, numa_check_ram(&tm, &m) && tm.nr_blks == 4);
	KASSERT_TRUE(t, fake("0:0-0x9f000,1:1M-512M"));		/* the partial page: no node */
	KEXPECT_TRUE(t, numa_check_ram(&tm, &m) && tm.nr_blks == 2);
	KASSERT_TRUE(t, fake("0:0-128M,1:128M-256M"));		/* 256M-512M on no node */
	KEXPECT_TRUE(t, !numa_check_ram(&tm, &m));
	KEXPECT_TRUE(t, tm.nr_blks == 0 && tm.nr_nodes == 1 && !tm.source);
	KASSERT_TRUE(t, fake("0:0-128M,1:132M-512M"));		/* a hole of 4 MiB inside */
	KEXPECT_TRUE(t, !numa_check_ram(&tm, &m) && !tm.source);
	KASSERT_TRUE(t, fake("0:4K-512M"));			/* the first page */
	KEXPECT_TRUE(t, !numa_check_ram(&tm, &m));
	numa_reset(&tm);					/* no source: nothing to check */
	KEXPECT_TRUE(t, numa_check_ram(&tm, &m));
}
