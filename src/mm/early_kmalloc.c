#line 613 "chapters/09-shortcuts.nw" /* <mm/early_kmalloc.c> */
/* early_kmalloc.c - chain early-kmalloc: the slab's pages from bootmem, then from the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/early_kmalloc.h>
#include <handoff/printk.h>
#include "slab.h"

enum page_source { FROM_BUDDY, FROM_BOOTMEM, IN_WINDOW };
static enum page_source source;			/* FROM_BUDDY until early_kmalloc_begin() */
struct early_kmalloc_stats early_kmalloc_stats;

#define EARLY_BLOCKS	64	/* recorded for early_kmalloc_block(), a question only tests ask:
				   a boot makes a handful of early slabs (the caches' first ones) */
static unsigned long early_pfn[EARLY_BLOCKS];
static unsigned int nr_early;

#line 643 "chapters/09-shortcuts.nw" /* <early-kmalloc: pages from bootmem> */
static struct page *bootmem_getpages(unsigned int order, const char *caller)
{
	size_t bytes = (size_t)PAGE_SIZE << order;
	void *p = ___alloc_bootmem_nopanic(&bootmem, bytes, bytes, MAX_DMA_ADDRESS, 0, caller);
	struct page *page;

	if (!p)
		return NULL;
	page = virt_to_page(p);
	SetPageHead(page);
	page->private = order;
	early_kmalloc_stats.from_bootmem += 1ul << order;
	return page;
}

static void bootmem_freepages(struct page *page, unsigned int order, const char *caller)
{
	unsigned long pfn = page_to_pfn(page);

	if (!PageReserved(page) || !PageHead(page) || page->private != order)
		panic("kmem_freepages: %s() gave back page 0x%lx (order %u), which is not a block the "
		      "slab took from bootmem", caller, pfn, order);
	ClearPageHead(page);
	page->private = 0;
	__free_bootmem(&bootmem, PFN_PHYS(pfn), (size_t)PAGE_SIZE << order, caller);
	early_kmalloc_stats.to_bootmem += 1ul << order;
}
#line 678 "chapters/09-shortcuts.nw" /* <early-kmalloc: the page source> */
struct page *kmem_getpages(gfp_t gfp, unsigned int order, const char *caller)
{
	slab_check_open("kmem_getpages", caller);
	if (source == FROM_BOOTMEM)
		return bootmem_getpages(order, caller);
	return alloc_pages(gfp, order);
}

void kmem_freepages(struct page *page, unsigned int order, const char *caller)
{
	slab_check_open("kmem_freepages", caller);
	if (source == FROM_BOOTMEM) {
		bootmem_freepages(page, order, caller);
		return;
	}
	buddy_free(&contig_page_data, page, order, caller);
	for (unsigned int i = 0; i < nr_early; i++)	/* the buddy's now, for good */
		if (early_pfn[i] == page_to_pfn(page)) {
			early_pfn[i] = early_pfn[--nr_early];
			early_kmalloc_stats.early_to_buddy += 1ul << order;
		}
}

bool early_kmalloc_block(const struct page *page)
{
	for (unsigned int i = 0; i < nr_early; i++)
		if (early_pfn[i] == page_to_pfn(page))
			return true;
	return false;
}
#line 720 "chapters/09-shortcuts.nw" /* <early-kmalloc: the window> */
void early_kmalloc_begin(void)
{
	source = FROM_BOOTMEM;
}

void early_kmalloc_open_window(void)
{
	source = IN_WINDOW;
	slab_closed = "inside early-kmalloc's window (bootmem is handing its pages to the buddy): "
		      "call it before buddy_takes_over() or after slab_takes_over(), which gives "
		      "the slab the buddy's pages";
}
#line 738 "chapters/09-shortcuts.nw" /* <early-kmalloc: the window> */
unsigned long early_kmalloc_close_window(void)
{
	const pg_data_t *pgdat = &contig_page_data;
	unsigned long pages = 0;

	for (unsigned long pfn = pgdat->node_start_pfn; pfn < pgdat->node_start_pfn +
	     pgdat->node_spanned_pages; pfn++) {
		struct page *page = node_pfn_to_page(pgdat, pfn);

		if (!PageReserved(page) || !PageHead(page) || (!PageSlab(page) && !PageKmalloc(page)))
			continue;
		for (unsigned long i = 0; i < 1ul << page->private; i++)
			ClearPageReserved(page + i);
		if (nr_early < EARLY_BLOCKS)
			early_pfn[nr_early++] = pfn;
		else
			printk("early kmalloc: the block at pfn 0x%lx is past the %d that "
			       "early_kmalloc_block() records: it does not know it\n", pfn, EARLY_BLOCKS);
		pages += 1ul << page->private;
	}
	early_kmalloc_stats.reattached += pages;
	if (early_kmalloc_stats.reattached != early_kmalloc_stats.from_bootmem -
	    early_kmalloc_stats.to_bootmem)
		panic("early kmalloc: %lu pages re-attached to the buddy, but the slab took %lu from "
		      "bootmem and gave %lu back", early_kmalloc_stats.reattached,
		      early_kmalloc_stats.from_bootmem, early_kmalloc_stats.to_bootmem);
	source = FROM_BUDDY;
	slab_closed = NULL;
	return pages;
}
