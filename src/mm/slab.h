#line 963 "chapters/08-slab.nw" /* <mm/slab.h> */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H
/* slab.h (mm/) - between slab.c and kmalloc.c, and their tests; not for the rest of the kernel. */
#include <handoff/slab.h>

extern struct cache_sizes malloc_sizes[];
void kmalloc_caches_init(void);
struct kmem_cache *kmalloc_cache_for(size_t size);
struct slab *slab_of(const struct kmem_cache *c, const void *obj, const char *fn,
		     const char *caller);

#line 657 "chapters/08-slab.nw" /* <mm/slab.h: pages, and when the slab is closed> */
/** kmem_getpages - 2^@order pages for a slab or a large kmalloc; NULL if none. */
struct page *kmem_getpages(gfp_t gfp, unsigned int order, const char *caller);
/** kmem_freepages - give back what kmem_getpages gave. */
void kmem_freepages(struct page *page, unsigned int order, const char *caller);

extern const char *slab_closed;		/* not NULL: no slab call now, and why */
void slab_closed_panic(const char *fn, const char *caller);
#define slab_check_open(fn, caller)	\
	do { if (slab_closed) slab_closed_panic((fn), (caller)); } while (0)
#line 974 "chapters/08-slab.nw" /* <mm/slab.h> */
#endif
