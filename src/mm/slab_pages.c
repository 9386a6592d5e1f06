#line 631 "chapters/08-slab.nw" /* <mm/slab_pages.c> */
/* slab_pages.c - the slab allocator's pages: the buddy's. */
#include <handoff/gfp.h>
#include "slab.h"

struct page *kmem_getpages(gfp_t gfp, unsigned int order, const char *caller)
{
	(void)caller;				/* alloc_pages names no caller: it may fail */
	return alloc_pages(gfp, order);
}

void kmem_freepages(struct page *page, unsigned int order, const char *caller)
{
	buddy_free(page_pgdat(page), page, order, caller);
}
