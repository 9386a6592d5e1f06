#line 61 "chapters/08-slab.nw" /* <include/handoff/slab.h> */
#ifndef _HANDOFF_SLAB_H
#define _HANDOFF_SLAB_H
#include <handoff/gfp.h>
#include <handoff/list.h>

#line 123 "chapters/08-slab.nw" /* <slab.h: flags> */
#define SLAB_RED_ZONE		0x00000400u	/* a guard after each object: catches overruns */
#define SLAB_POISON		0x00000800u	/* fill free objects: catches writes after free */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to the cache line */
#define SLAB_PANIC		0x00040000u	/* kmem_cache_create panics instead of NULL */
#define SLAB_DEBUG		(SLAB_RED_ZONE | SLAB_POISON)

#define SLAB_MAGIC		0x51AB51ABu
#define POISON_FREE		0x6b		/* each byte of a free, poisoned object... */
#define POISON_END		0xa5		/* ...but the last */
#define RED_BYTE		0xbb		/* each byte of a red zone */
#define RED_ZONE_BYTES		8
#define L1_CACHE_BYTES		64
#define MAX_SLAB_ORDER		5		/* a slab is at most 32 pages */
#define ZERO_SIZE_PTR		((void *)16)	/* kmalloc(0): not NULL, and faults if used */
#define ZERO_OR_NULL_PTR(p)	((unsigned long)(p) <= (unsigned long)ZERO_SIZE_PTR)

#line 68 "chapters/08-slab.nw" /* <include/handoff/slab.h> */
struct kmem_cache {
	const char *name;
	size_t object_size;		/* what the creator asked for */
	size_t size;			/* one buffer: object, red zone, free pointer, owner, padding */
	size_t align;
	unsigned int flags;
	void (*ctor)(void *);
	unsigned int gfporder;		/* a slab is 2^gfporder pages */
	unsigned int num;		/* and holds num objects */
	size_t free_off;		/* where a free buffer keeps the next free one */
	size_t owner_off;		/* SLAB_DEBUG: where a buffer names its last owner */
	size_t slab_size;		/* the slab descriptor, with its in-use bits */
	struct kmem_cache *slabp_cache;	/* off-slab descriptors come from here; NULL: on-slab */
	size_t colour_off;		/* colouring: the step */
	unsigned int colour, colour_next;	/* how many offsets fit the leftover; the next */
	struct list_head slabs_full, slabs_partial, slabs_free;
	unsigned long active_objs, num_slabs, ctor_calls;
	struct list_head next;		/* on cache_chain */
	unsigned int magic;		/* SLAB_MAGIC while the cache is alive */
};

struct slab {
	struct list_head list;		/* on one of its cache's three lists */
	struct kmem_cache *cache;
	void *s_mem;			/* the first buffer */
	void *freelist;			/* the first free buffer; NULL when the slab is full */
	unsigned int inuse;		/* objects given out */
	unsigned int colouroff;		/* from the slab's start to s_mem: colour, descriptor */
	unsigned long inuse_map[];	/* bit i set: buffer i is given out */
};

#line 147 "chapters/08-slab.nw" /* <slab.h: the interface> */
extern struct list_head cache_chain;		/* every cache, cache_cache first */
extern struct kmem_cache cache_cache;		/* the cache of caches: static */

/** kmem_cache_init - set the slab allocator up on the buddy; @debug goes to every cache. */
void kmem_cache_init(unsigned int debug);

/** slab_is_available - may kmalloc and kmem_cache_create be called yet? */
bool slab_is_available(void);

/**
 * kmem_cache_create - a cache of @size-byte objects aligned to @align (0: a word) with @flags,
 * each built by @ctor (may be NULL) when its slab is created. NULL if there is no memory for it,
 * unless SLAB_PANIC. Panics, naming the caller, on a request that cannot be met.
 */
struct kmem_cache *kmem_cache_create_caller(const char *name, size_t size, size_t align,
					    unsigned int flags, void (*ctor)(void *),
					    const char *caller);
void *kmem_cache_alloc_caller(struct kmem_cache *c, gfp_t gfp, const char *caller);
void kmem_cache_free_caller(struct kmem_cache *c, void *obj, const char *caller);
void kmem_cache_destroy_caller(struct kmem_cache *c, const char *caller);

/** kmem_cache_shrink - give @c's free slabs back to the buddy; returns the pages freed. */
unsigned long kmem_cache_shrink_caller(struct kmem_cache *c, const char *caller);
#define kmem_cache_shrink(c)		kmem_cache_shrink_caller((c), __func__)

/** kmem_cache_reap - shrink every cache, until nothing more is freed; returns the pages. */
unsigned long kmem_cache_reap(void);

#define kmem_cache_create(name, size, align, flags, ctor) \
	kmem_cache_create_caller((name), (size), (align), (flags), (ctor), __func__)
#define kmem_cache_alloc(c, gfp)	kmem_cache_alloc_caller((c), (gfp), __func__)
#define kmem_cache_zalloc(c, gfp)	kmem_cache_alloc_caller((c), (gfp) | __GFP_ZERO, __func__)
#define kmem_cache_free(c, obj)		kmem_cache_free_caller((c), (obj), __func__)
#define kmem_cache_destroy(c)		kmem_cache_destroy_caller((c), __func__)

#line 934 "chapters/08-slab.nw" /* <slab.h: kmalloc> */
#define KMALLOC_MAX_CACHE_SIZE	8192
#define KMALLOC_MIN_ALIGN	8	/* SLAB's ARCH_KMALLOC_MINALIGN: a u64 may live there */

struct cache_sizes {
	size_t cs_size;
	struct kmem_cache *cs_cachep;
};

void *__kmalloc(size_t size, gfp_t flags, const char *caller);
void __kfree(const void *p, const char *caller);

/** kmalloc - @size bytes from the general caches, or the buddy above 8 KiB; NULL if none. */
#define kmalloc(size, flags)	__kmalloc((size), (flags), __func__)
#define kzalloc(size, flags)	__kmalloc((size), (flags) | __GFP_ZERO, __func__)
/** kfree - free what kmalloc gave; NULL, ZERO_SIZE_PTR and anything below it are ignored. */
#define kfree(p)		__kfree((p), __func__)
/** ksize - the bytes usable at @p, which kmalloc gave. */
size_t __ksize(const void *p, const char *caller);
#define ksize(p)		__ksize((p), __func__)

#line 184 "chapters/08-slab.nw" /* <slab.h: the interface> */
/** slabinfo - one line per cache: objects in use, objects, sizes, slabs. */
void slabinfo(void);
#line 100 "chapters/08-slab.nw" /* <include/handoff/slab.h> */
#endif
