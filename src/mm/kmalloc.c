#line 978 "chapters/08-slab.nw" /* <mm/kmalloc.c> */
/* kmalloc.c - general-purpose allocation from caches of common sizes. */
#include <asm/page.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include "slab.h"

#define SIZE(n)	{ (n), NULL }
struct cache_sizes malloc_sizes[] = {
	SIZE(8), SIZE(16), SIZE(32), SIZE(64), SIZE(96), SIZE(128), SIZE(192), SIZE(256),
	SIZE(512), SIZE(1024), SIZE(2048), SIZE(4096), SIZE(8192), SIZE(0)
};
static const char *const malloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96", "kmalloc-128",
	"kmalloc-192", "kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
	"kmalloc-8k"
};

#line 1001 "chapters/08-slab.nw" /* <kmalloc: the caches> */
void kmalloc_caches_init(void)
{
	for (struct cache_sizes *cs = malloc_sizes; cs->cs_size; cs++)
		cs->cs_cachep = kmem_cache_create_caller(malloc_names[cs - malloc_sizes],
							 cs->cs_size, KMALLOC_MIN_ALIGN,
							 SLAB_PANIC, NULL,
							 "kmem_cache_init");
}

struct kmem_cache *kmalloc_cache_for(size_t size)
{
	for (struct cache_sizes *cs = malloc_sizes; cs->cs_size; cs++)
		if (size <= cs->cs_size)
			return cs->cs_cachep;
	return NULL;
}

static unsigned int get_order(size_t size)
{
	unsigned int order = 0;

	while (((size_t)PAGE_SIZE << order) < size)
		order++;
	return order;
}
#line 1034 "chapters/08-slab.nw" /* <kmalloc: allocate> */
void *__kmalloc(size_t size, gfp_t flags, const char *caller)
{
	struct kmem_cache *c;
	struct page *page;

	slab_check_open("kmalloc", caller);
	if (!slab_is_available())
		panic("kmalloc: %s() called before the slab allocator is up; use alloc_bootmem() "
		      "or alloc_pages() this early", caller);
	if (flags & __GFP_DMA)
		panic("kmalloc: %s() asked for GFP_DMA memory; this kernel has no DMA caches: use "
		      "alloc_pages(GFP_DMA, order)", caller);
	if (!size)
		return ZERO_SIZE_PTR;
	if ((c = kmalloc_cache_for(size)))
		return kmem_cache_alloc_caller(c, flags, caller);
	if (size > (PAGE_SIZE << (MAX_ORDER - 1)))
		return NULL;
	page = kmem_getpages(flags, get_order(size), caller);
	if (!page)
		return NULL;
	SetPageKmalloc(page);			/* kfree's, not free_pages' */
	return page_address(page);
}
#line 1061 "chapters/08-slab.nw" /* <kmalloc: free and size> */
static struct page *kmalloc_page(const void *p, const char *fn, const char *caller)
{
	unsigned long pfn = virt_to_pfn(p);
	struct page *page;

	if (!pfn_valid(pfn))
		panic("%s: %s() passed %p, which is not in memory the kernel allocates", fn,
		      caller, p);
	page = pfn_to_page(pfn);
	if (!PageSlab(page) && !(PageKmalloc(page) && p == page_address(page)))
		panic("%s: %s() passed %p, which kmalloc did not give out", fn, caller, p);
	return page;
}

void __kfree(const void *p, const char *caller)
{
	struct page *page;

	slab_check_open("kfree", caller);
	if (ZERO_OR_NULL_PTR(p))
		return;
	page = kmalloc_page(p, "kfree", caller);
	if (PageSlab(page))
		kmem_cache_free_caller(((struct slab *)page->slab)->cache, (void *)p, caller);
	else {
		ClearPageKmalloc(page);
		kmem_freepages(page, (unsigned int)page->private, caller);
	}
}

#line 1097 "chapters/08-slab.nw" /* <kmalloc: free and size> */
size_t __ksize(const void *p, const char *caller)
{
	struct page *page;
	struct kmem_cache *c;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	page = kmalloc_page(p, "ksize", caller);
	if (PageSlab(page)) {
		c = ((struct slab *)page->slab)->cache;
		slab_of(c, p, "ksize", caller);		/* an object's start, given out */
		return c->object_size;
	}
	return (size_t)PAGE_SIZE << page->private;
}
