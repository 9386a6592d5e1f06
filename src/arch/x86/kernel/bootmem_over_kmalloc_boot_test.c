#line 1901 "chapters/09-shortcuts.nw" /* <arch/x86/kernel/bootmem_over_kmalloc_boot_test.c> */
/* bootmem_over_kmalloc_boot_test.c - this chain's handover, then chapters 7 and 8's live tests. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>
#include "../mm/buddy_boot_test.h"

KTEST(bootmem_over_kmalloc_took_over)
{
	u8 *p;

	KEXPECT_STREQ(t, lmb.life.by, "bootmem_takes_over");
	KEXPECT_PANIC(t, lmb_alloc(PAGE_SIZE, PAGE_SIZE), "lmb_alloc: bootmem_over_kmalloc_took_over() "
		      "called after LMB handed memory to the buddy allocator in bootmem_takes_over()");
	KEXPECT_TRUE(t, !is_retired(&bootmem.life) && slab_is_available());
	p = alloc_bootmem(16);
	KEXPECT_TRUE(t, p && PageSlab(virt_to_page(p)));
	free_bootmem(__pa(p), 16);
	KEXPECT_PANIC(t, kmem_cache_init(0), "the slab allocator is up already");
	KEXPECT_EQ(t, contig_page_data.node_spanned_pages, max_low_pfn);
	KEXPECT_TRUE(t, totalram_pages > 0 && nr_free_pages() <= totalram_pages);
}

#line 1869 "chapters/07-buddy.nw" /* <buddy boot tests: the live allocator> */
KTEST(buddy_live_allocations)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);
	unsigned long a;
	u8 *v;

	KASSERT_TRUE(t, p != NULL);
	KEXPECT_TRUE(t, page_to_pfn(p) >= MAX_DMA_PFN || max_low_pfn <= MAX_DMA_PFN ||
			!NODE_DATA(0)->node_zones[ZONE_NORMAL].free_pages);
	v = page_address(p);
	memset(v, 0xAA, 2 * PAGE_SIZE);
	__free_pages(p, 1);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);		/* the same block, zeroed */
	v = page_address(p);
	KEXPECT_TRUE(t, v[0] == 0 && v[2 * PAGE_SIZE - 1] == 0);
	KEXPECT_PANIC(t, __free_pages(p, 0), "with order 0, but its block has order 1");
	__free_pages(p, 1);
	KEXPECT_PANIC(t, __free_pages(p, 1), "which is free already");
	KEXPECT_PANIC(t, __free_pages(pfn_to_page(0), 0), "page 0x0, which is reserved");
	KEXPECT_PANIC(t, free_bootmem_late(PFN_PHYS(page_to_pfn(p)), PAGE_SIZE),
		      "which the buddy has already");
	KEXPECT_PANIC(t, free_bootmem_late(~(phys_addr_t)0 - 100, 200), "runs past the top");
	p = alloc_pages(GFP_DMA, 0);
	KEXPECT_TRUE(t, p && page_to_pfn(p) < MAX_DMA_PFN);
	__free_page(p);
	a = __get_free_pages(GFP_KERNEL, 2);
	KEXPECT_TRUE(t, a && !(a & (4 * PAGE_SIZE - 1)));
	KEXPECT_PANIC(t, free_pages(a + 100, 2), "which is not the start of a page");
	KEXPECT_PANIC(t, free_pages(a + PAGE_SIZE, 0), "which is not the first page of a block");
	free_pages(a, 2);
	free_pages(0, 3);					/* nothing: as in Linux */
}
#line 1904 "chapters/07-buddy.nw" /* <buddy boot tests: exhaust and restore> */
static unsigned long snapshot[MAX_NUMNODES][MAX_NR_ZONES][MAX_ORDER];

bool snapshot_of_free_lists(bool take)
{
	int nid;

	for_each_online_node(nid)
		for (unsigned int z = 0; z < MAX_NR_ZONES; z++)
			for (unsigned int o = 0; o < MAX_ORDER; o++) {
				unsigned long n = NODE_DATA(nid)->node_zones[z].free_area[o].nr_free;

				if (take)
					snapshot[nid][z][o] = n;
				else if (n != snapshot[nid][z][o])
					return false;
			}
	return true;
}

unsigned long dma_pages(bool reserve)
{
	unsigned long pages = 0;
	int nid;

	for_each_online_node(nid) {
		const struct zone *dma = &NODE_DATA(nid)->node_zones[ZONE_DMA];

		if (dma->present_pages)			/* chapter 10: a node may have none */
			pages += reserve ? dma->lowmem_reserve[ZONE_NORMAL] : dma->free_pages;
	}
	return pages;
}

#line 1940 "chapters/07-buddy.nw" /* <buddy boot tests: exhaust and restore> */
static unsigned long take_everything(gfp_t gfp, struct list_head *taken, u32 *seed,
				     unsigned long *blocks)
{
	unsigned long pages = 0;
	struct page *p;

	for (;;) {
		unsigned int o = ktest_rand(seed) % MAX_ORDER;

		while (!(p = alloc_pages(gfp, o)) && o)
			o--;
		if (!p)
			return pages;
		if ((*blocks)++ % 2)			/* alternately at the front and the back, */
			list_add(&p->lru, taken);	/* so that the frees come in another order */
		else
			list_add_tail(&p->lru, taken);
		pages += 1ul << o;
	}
}

#line 1964 "chapters/07-buddy.nw" /* <buddy boot tests: exhaust and restore> */
KTEST(buddy_exhausted_and_restored)
{
	unsigned long pages, before = nr_free_pages(), blocks = 0;
	LIST_HEAD(taken);
	u32 seed = 2010;
	struct page *p;

	snapshot_of_free_lists(true);
	pages = take_everything(GFP_KERNEL, &taken, &seed, &blocks);
	KEXPECT_EQ(t, nr_free_pages(), dma_pages(true));		/* DMA's reserve */
	KEXPECT_EQ(t, dma_pages(false), dma_pages(true));
	pages += take_everything(GFP_DMA, &taken, &seed, &blocks);
	KEXPECT_EQ(t, nr_free_pages(), 0);
	KEXPECT_EQ(t, pages, before);
	while (!list_empty(&taken)) {
		p = list_first_entry(&taken, struct page, lru);
		list_del(&p->lru);
		__free_pages(p, (unsigned int)p->private);
	}
	KEXPECT_EQ(t, nr_free_pages(), before);
	KEXPECT_TRUE(t, snapshot_of_free_lists(false));
	printk("took %lu pages in %lu blocks, and gave them back\n", pages, blocks);
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
