#line 3859 "chapters/10-nodes.nw" /* <kernel/node_measure.c> */
/* node_measure.c - chapter 10's probe of bootmem's node calls. */
#include <asm/e820.h>
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/cmdline.h>
#include <handoff/ktest.h>
#include <handoff/measure.h>
#include <handoff/mm.h>
#include <handoff/mmzone.h>
#include <handoff/node_measure.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#define PROBE_MAX	10000

#line 3882 "chapters/10-nodes.nw" /* <node_measure.c: the nodes to ask, and where a block landed> */
static int nodes_with_memory(int nid[MAX_NUMNODES])
{
	int n = 0;

	for (int i = 0; i < bootmem_nodes.nr_ranges; i++) {
		int id = bootmem_nodes.range[i].nid, k = 0;

		while (k < n && nid[k] != id)
			k++;
		if (k == n)
			nid[n++] = id;
	}
	if (!n)
		nid[n++] = 0;			/* no node table in bootmem: the one node */
	return n;
}

/* 1: every page of @pages at @p is on @nid; 0: some are not. */
static int landed_on(const void *p, unsigned long pages, int nid)
{
	unsigned long pfn = virt_to_pfn(p);

	for (unsigned long i = 0; i < pages; i++)
		if (pfn_to_nid(pfn + i) != nid)
			return 0;
	return 1;
}
#line 3912 "chapters/10-nodes.nw" /* <node_measure.c: the probe> */
/* @pages pages on node @nid, the counter's ticks added to @alloc, and a second zeroing's to @zero. */
static void *timed_alloc(int nid, unsigned long pages, u64 *alloc, u64 *zero)
{
	u64 t0 = measure_counter(), t1;
	void *p = __alloc_bootmem_node_nopanic(nid, pages * PAGE_SIZE, PAGE_SIZE, 0);

	t1 = measure_counter();
	*alloc += t1 - t0;
	if (p) {
		memset(p, 0, pages * PAGE_SIZE);
		*zero += measure_counter() - t1;
	}
	return p;
}
#line 3932 "chapters/10-nodes.nw" /* <node_measure.c: the probe> */
void node_alloc_probe(const char *caller)
{
	struct { void *p; unsigned long pages; } *got;
	unsigned long landed = 0, elsewhere = 0, failed = 0, pages = 0;
	u64 alloc = 0, zero = 0;
	int nid[MAX_NUMNODES], nodes;
	const char *arg, *end;
	u32 seed = 2008;
	size_t len;
	u64 n;

	if (!(arg = cmdline_get(boot_command_line, "node_allocs", NULL, &len)))
		return;
	if (!memparse(arg, &end, &n) || end != arg + len || !n || n > PROBE_MAX)
		panic("node_allocs: %s() was given node_allocs= that is not a count from 1 to %d",
		      caller, PROBE_MAX);
	nodes = nodes_with_memory(nid);
	got = alloc_bootmem((size_t)n * sizeof(*got));		/* only when asked for */
	measure_tsc("node_allocs_begin");
	for (u64 i = 0; i < n; i++) {
		int want = nid[i % (u64)nodes];

		got[i].pages = 1 + ktest_rand(&seed) % 16;
		got[i].p = timed_alloc(want, got[i].pages, &alloc, &zero);
		if (!got[i].p)
			failed++;
		else if (landed_on(got[i].p, got[i].pages, want))
			landed++, pages += got[i].pages;
		else
			elsewhere++, pages += got[i].pages;
	}
	measure_tsc("node_allocs_end");
	while (n--)
		if (got[n].p)
			free_bootmem(__pa(got[n].p), got[n].pages * PAGE_SIZE);
	free_bootmem(__pa(got), (landed + elsewhere + failed) * sizeof(*got));
	printk("node_allocs: %lu allocations of %lu pages on %d node%s: %lu on the node asked, %lu "
	       "on another, %lu failed; counter %llu allocating, %llu of it zeroing\n",
	       landed + elsewhere + failed, pages, nodes, nodes == 1 ? "" : "s", landed, elsewhere,
	       failed, alloc, zero);
}
