#line 902 "chapters/08-slab.nw" /* <mm/slab.h> */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H
/* slab.h (mm/) - between slab.c and kmalloc.c, and their tests; not for the rest of the kernel. */
#include <handoff/slab.h>

extern struct cache_sizes malloc_sizes[];
void kmalloc_caches_init(void);
struct kmem_cache *kmalloc_cache_for(size_t size);
struct slab *slab_of(const struct kmem_cache *c, const void *obj, const char *fn,
		     const char *caller);
#endif
