#line 2986 "chapters/10-nodes.nw" /* <arch/x86/kernel/bootmem_nodes_boot_test.c> */
/* bootmem_nodes_boot_test.c - chapter 10's bootmem as the handoff left it. */
#include <asm/page.h>
#include <handoff/bootmem_nodes.h>
#include <handoff/ktest.h>
#include <handoff/mm.h>

static int range_nid(const bootmem_data_t *b)
{
	for (int i = 0; i < bootmem_nodes.nr_ranges; i++)
		if (bootmem_nodes.range[i].b == b)
			return bootmem_nodes.range[i].nid;
	return NUMA_NO_NODE;
}

KTEST(bootmem_nodes_as_the_handoff_left_them)
{
	const struct bootmem_node_range *r = bootmem_nodes.range;
	const bootmem_data_t *b;
	unsigned long min, low, homeless = 0;
	bool per_node = bootmem.owner != NULL;

	KEXPECT_TRUE(t, bootmem_nodes.nr_ranges > 0);
	for (int i = 0; i < bootmem_nodes.nr_ranges; i++) {
		KEXPECT_TRUE(t, r[i].start_pfn >= r[i].b->node_min_pfn && r[i].end_pfn <= r[i].b->node_low_pfn);
		if (i)
			KEXPECT_TRUE(t, r[i - 1].nid < r[i].nid || r[i - 1].end_pfn <= r[i].start_pfn);
	}
	bootmem_span(&bootmem, &min, &low);
	for (unsigned long pfn = min; pfn < low; pfn++)
		if (lmb_pfn_nid(pfn) != NUMA_NO_NODE)
			homeless += !(b = bootmem_owner(&bootmem, pfn)) ||
				    (per_node && range_nid(b) != lmb_pfn_nid(pfn));
	KEXPECT_EQ(t, homeless, 0);
	for_each_bdata(&bootmem, b)
		KEXPECT_TRUE(t, !per_node || lmb_pfn_nid(virt_to_pfn(b->node_bootmem_map)) == range_nid(b));
}
