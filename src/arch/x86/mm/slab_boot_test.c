#line 2035 "chapters/08-slab.nw" /* <arch/x86/mm/slab_boot_test.c> */
/* slab_boot_test.c - the live slab allocator, and kmalloc until the buddy is empty. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include "buddy_boot_test.h"

KTEST(slab_took_over_from_buddy)
{
	KEXPECT_TRUE(t, slab_is_available());
	KEXPECT_PANIC(t, alloc_bootmem(16), "use kmalloc() instead");
	KEXPECT_PANIC(t, kmem_cache_init(0), "the slab allocator is up already");
	KEXPECT_TRUE(t, list_first_entry(&cache_chain, struct kmem_cache, next) == &cache_cache);
	for (size_t n = 96; n <= 193; n += 97) {	/* 96 bytes from kmalloc-96, 193 from -256 */
		void *p = kmalloc(n, GFP_KERNEL);

		KEXPECT_EQ(t, ksize(p), n == 96 ? 96 : 256);
		kfree(p);
	}
}

#line 2061 "chapters/08-slab.nw" /* <slab boot tests: exhaust and restore> */
KTEST(kmalloc_until_the_buddy_is_empty)
{
	static const size_t sizes[] = { 8192, 4096, 32 };	/* see below */
	void **head = NULL, **p;
	unsigned long n = 0;

	kmem_cache_reap();
	snapshot_of_free_lists(true);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++)
		while ((p = kmalloc(sizes[i], GFP_KERNEL))) {
			*p = head;			/* a list through the objects */
			head = p;
			n++;
		}
	KEXPECT_EQ(t, nr_free_pages(), dma_pages(true));	/* all but DMA's reserve (chapter 7) */
	while ((p = head)) {
		head = *p;
		kfree(p);
	}
	kmem_cache_reap();
	KEXPECT_TRUE(t, snapshot_of_free_lists(false));
	printk("kmalloc gave %lu objects before the buddy ran out\n", n);
}
