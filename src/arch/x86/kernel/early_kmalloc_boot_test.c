#line 1081 "chapters/09-shortcuts.nw" /* <arch/x86/kernel/early_kmalloc_boot_test.c> */
/* early_kmalloc_boot_test.c - chain early-kmalloc: the slab's handover, after the boot. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/early_kmalloc.h>
#include <handoff/ktest.h>
#include <handoff/slab.h>

KTEST(early_kmalloc_took_over)
{
	const struct early_kmalloc_stats *st = &early_kmalloc_stats;
	struct kmem_cache *c;

	KEXPECT_TRUE(t, st->from_bootmem > 0 && st->to_bootmem > 0);
	KEXPECT_EQ(t, st->reattached, st->from_bootmem - st->to_bootmem);
	c = kmem_cache_create("ekm-early", 40, 0, 0, NULL);
	KEXPECT_TRUE(t, early_kmalloc_block(virt_to_page(c)));
	kmem_cache_destroy(c);
	KEXPECT_PANIC(t, kfree(c), "kmem_cache_free: early_kmalloc_took_over() passed object");
	KEXPECT_PANIC(t, kmem_cache_free(&cache_cache, c), "of cache kmem_cache, which is free "
		      "already");
	KEXPECT_PANIC(t, kfree(contig_page_data.node_mem_map), "kfree: early_kmalloc_took_over() "
		      "passed");
	KEXPECT_PANIC(t, kfree(contig_page_data.node_mem_map), "which kmalloc did not give out");
	KEXPECT_PANIC(t, alloc_bootmem(16), "alloc_bootmem: early_kmalloc_took_over() called "
		      "after bootmem handed memory to the buddy allocator in buddy_takes_over(); "
		      "use kmalloc() instead");
}

KTEST(early_kmalloc_slabs_go_to_the_buddy)
{
	unsigned long free = nr_free_pages();

	kmem_cache_reap();
	KEXPECT_TRUE(t, early_kmalloc_stats.early_to_buddy >= 1);
	KEXPECT_TRUE(t, nr_free_pages() >= free);
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++)
		if (early_kmalloc_block(pfn_to_page(pfn)))
			KEXPECT_TRUE(t, !PageReserved(pfn_to_page(pfn)));
}
