#line 210 "chapters/08-slab.nw" /* <mm/slab.c> */
/* slab.c - Bonwick's slab allocator on the buddy: caches of constructed objects. */
#include <asm/page.h>
#include <handoff/compiler.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>
#include "slab.h"

enum slab_state { DOWN, PARTIAL, UP };
static enum slab_state slab_state;
static unsigned int slab_debug;
LIST_HEAD(cache_chain);
struct kmem_cache cache_cache;

#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((size_t)(a) - 1))
#define BITS_PER_LONG	(8 * sizeof(unsigned long))

#line 239 "chapters/08-slab.nw" /* <slab: layout> */
static void layout_buffer(struct kmem_cache *c, size_t align)
{
	size_t off = c->object_size;

	align = MAX(align, sizeof(void *));
	if (c->flags & SLAB_HWCACHE_ALIGN) {
		size_t line = L1_CACHE_BYTES;

		while (c->object_size <= line / 2 && line / 2 >= sizeof(void *))
			line /= 2;
		align = MAX(align, line);
	}
	if (c->flags & SLAB_RED_ZONE)
		off += RED_ZONE_BYTES;
	c->free_off = 0;			/* in the object, unless it must not or cannot be */
	if (c->ctor || (c->flags & SLAB_POISON) || c->object_size < sizeof(void *)) {
		c->free_off = ALIGN_UP(off, sizeof(void *));
		off = c->free_off + sizeof(void *);
	}
	if (c->flags & SLAB_DEBUG) {
		c->owner_off = ALIGN_UP(off, sizeof(void *));
		off = c->owner_off + sizeof(const char *);
	}
	c->align = align;
	c->size = ALIGN_UP(off, align);
}
#line 279 "chapters/08-slab.nw" /* <slab: layout> */
static size_t descriptor_bytes(unsigned int num)
{
	return sizeof(struct slab) + (num + BITS_PER_LONG - 1) / BITS_PER_LONG *
	       sizeof(unsigned long);
}

static unsigned int objects_that_fit(const struct kmem_cache *c, size_t bytes, bool on_slab)
{
	unsigned int num = (unsigned int)(bytes / c->size);

	while (num && on_slab && ALIGN_UP(descriptor_bytes(num), c->align) + num * c->size > bytes)
		num--;
	return num;
}

static bool choose_slab_order(struct kmem_cache *c, bool on_slab)
{
	for (unsigned int order = 0; order <= MAX_SLAB_ORDER; order++) {
		size_t bytes = (size_t)PAGE_SIZE << order, left;
		unsigned int num = objects_that_fit(c, bytes, on_slab);

		if (!num)
			continue;
		left = bytes - num * c->size - (on_slab ? ALIGN_UP(descriptor_bytes(num), c->align) : 0);
		c->gfporder = order;
		c->num = num;
		c->slab_size = descriptor_bytes(num);
		c->colour_off = MAX(c->align, (size_t)L1_CACHE_BYTES);
		c->colour = (unsigned int)(left / c->colour_off) + 1;	/* offsets 0, 1, .. */
		if (order >= 1 || left * 8 <= bytes)
			return true;
	}
	return c->num != 0;
}
#line 426 "chapters/08-slab.nw" /* <slab: debugging> */
static void set_owner(const struct kmem_cache *c, void *obj, const char *who)
{
	if (c->flags & SLAB_DEBUG)
		memcpy((u8 *)obj + c->owner_off, &who, sizeof(who));
}

static const char *owner(const struct kmem_cache *c, const void *obj)
{
	const char *who = "a caller that only slab_debug records";

	if (c->flags & SLAB_DEBUG)
		memcpy(&who, (const u8 *)obj + c->owner_off, sizeof(who));
	return who;
}

/* For messages: "%s%s" prints the last owner as "name()", or says that it is not recorded. */
#define OWNER(c, obj)	owner((c), (obj)), ((c)->flags & SLAB_DEBUG ? "()" : "")

static void poison(const struct kmem_cache *c, void *obj)
{
	if (c->flags & SLAB_POISON) {
		memset(obj, POISON_FREE, c->object_size - 1);
		((u8 *)obj)[c->object_size - 1] = POISON_END;
	}
	if (c->flags & SLAB_RED_ZONE)
		memset((u8 *)obj + c->object_size, RED_BYTE, RED_ZONE_BYTES);
}

#line 458 "chapters/08-slab.nw" /* <slab debugging: check poison and red zone> */
static void check_poison(const struct kmem_cache *c, const void *obj, const char *caller)
{
	const u8 *p = obj;

	if (!(c->flags & SLAB_POISON))
		return;
	for (size_t i = 0; i < c->object_size; i++) {
		u8 want = i == c->object_size - 1 ? POISON_END : POISON_FREE;

		if (p[i] != want)
			panic("slab %s: object %p was written after %s() freed it: byte %zu is 0x%02x, "
			      "not 0x%02x (found when %s() allocated it)", c->name, obj, owner(c, obj),
			      i, p[i], want, caller);
	}
}

static void check_red_zone(const struct kmem_cache *c, const void *obj, const char *caller)
{
	const u8 *rz = (const u8 *)obj + c->object_size;

	if (!(c->flags & SLAB_RED_ZONE))
		return;
	for (size_t i = 0; i < RED_ZONE_BYTES; i++)
		if (rz[i] != RED_BYTE)
			panic("slab %s: object %p (%zu bytes, allocated by %s()) was overrun: byte %zu "
			      "after its end is 0x%02x (found when %s() freed it)", c->name, obj,
			      c->object_size, owner(c, obj), i, rz[i], caller);
}
#line 331 "chapters/08-slab.nw" /* <slab: free pointers and in-use bits> */
static void check_cache(const struct kmem_cache *c, const char *fn, const char *caller)
{
	if (!c || c->magic != SLAB_MAGIC)
		panic("%s: %s() used cache %p, which is not a live cache (destroyed, or never "
		      "created)", fn, caller, (const void *)c);
}

static void *get_free_pointer(const struct kmem_cache *c, void *obj)
{
	void *next;

	memcpy(&next, (u8 *)obj + c->free_off, sizeof(next));
	return next;
}

static void set_free_pointer(const struct kmem_cache *c, void *obj, void *next)
{
	memcpy((u8 *)obj + c->free_off, &next, sizeof(next));
}

static unsigned int obj_index(const struct kmem_cache *c, const struct slab *s, const void *obj)
{
	return (unsigned int)((size_t)((const u8 *)obj - (const u8 *)s->s_mem) / c->size);
}

static bool test_inuse(const struct slab *s, unsigned int i)
{
	return s->inuse_map[i / BITS_PER_LONG] & (1ul << (i % BITS_PER_LONG));
}

static void set_inuse(struct slab *s, unsigned int i)
{
	s->inuse_map[i / BITS_PER_LONG] |= 1ul << (i % BITS_PER_LONG);
}

static void clear_inuse(struct slab *s, unsigned int i)
{
	s->inuse_map[i / BITS_PER_LONG] &= ~(1ul << (i % BITS_PER_LONG));
}
#line 378 "chapters/08-slab.nw" /* <slab: free pointers and in-use bits> */
static void *next_free(const struct kmem_cache *c, const struct slab *s, void *obj,
		       const char *caller)
{
	u8 *next = get_free_pointer(c, obj), *base = s->s_mem;
	size_t off;
	unsigned int i;

	if (!next)
		return NULL;
	off = (size_t)(next - base);
	i = (unsigned int)(off / c->size);		/* one division, not three */
	if (next < base || i >= c->num || i * c->size != off || test_inuse(s, i))
		panic("slab %s: the freelist is corrupt: free object %p points to %p, which is not "
		      "a free object of its slab (written after %s%s freed it? found when %s() "
		      "allocated)", c->name, obj, (void *)next, OWNER(c, obj), caller);
	return next;
}
#line 498 "chapters/08-slab.nw" /* <slab: growing and shrinking> */
static void *cache_alloc(struct kmem_cache *c, gfp_t gfp, const char *caller);
static void cache_free(struct kmem_cache *c, void *obj, const char *caller);

static struct slab *new_slab_descriptor(struct kmem_cache *c, u8 *addr, size_t *offset,
					 gfp_t gfp)
{
	struct slab *s;

	if (c->slabp_cache)
		return cache_alloc(c->slabp_cache, gfp & ~__GFP_ZERO, "cache_grow");
	s = (struct slab *)(addr + *offset);
	*offset += ALIGN_UP(c->slab_size, c->align);
	return s;
}

#line 520 "chapters/08-slab.nw" /* <slab: growing and shrinking> */
static bool cache_grow(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page = kmem_getpages(gfp & ~__GFP_ZERO, c->gfporder, "cache_grow");
	size_t offset = c->colour_next * c->colour_off;
	struct slab *s;
	u8 *addr;

	if (!page)
		return false;
	addr = page_address(page);
	if (!(s = new_slab_descriptor(c, addr, &offset, gfp))) {
		kmem_freepages(page, c->gfporder, "cache_grow");
		return false;
	}
	if (++c->colour_next >= c->colour)
		c->colour_next = 0;
	memset(s, 0, c->slab_size);
	s->cache = c;
	s->colouroff = (unsigned int)offset;
	s->s_mem = addr + offset;
	for (unsigned long i = 0; i < 1ul << c->gfporder; i++) {
		SetPageSlab(page + i);
		page[i].slab = s;
	}
	
#line 555 "chapters/08-slab.nw" /* <slab grow: build the objects and the freelist> */
	s->freelist = NULL;
	for (unsigned int i = c->num; i-- > 0; ) {
		u8 *obj = (u8 *)s->s_mem + (size_t)i * c->size;

		if (c->ctor) {
			c->ctor(obj);
			c->ctor_calls++;
		}
		poison(c, obj);
		set_owner(c, obj, "cache_grow");
		set_free_pointer(c, obj, s->freelist);
		s->freelist = obj;
	}
#line 545 "chapters/08-slab.nw" /* <slab: growing and shrinking> */
	list_add(&s->list, &c->slabs_free);
	c->num_slabs++;
	return true;
}
#line 571 "chapters/08-slab.nw" /* <slab: growing and shrinking> */
static void slab_destroy(struct kmem_cache *c, struct slab *s)
{
	struct page *page = virt_to_page((u8 *)s->s_mem - s->colouroff);

	list_del(&s->list);
	for (unsigned long i = 0; i < 1ul << c->gfporder; i++) {
		ClearPageSlab(page + i);
		page[i].slab = NULL;
	}
	if (c->slabp_cache)
		cache_free(c->slabp_cache, s, "slab_destroy");
	kmem_freepages(page, c->gfporder, "slab_destroy");
	c->num_slabs--;
}

unsigned long kmem_cache_shrink_caller(struct kmem_cache *c, const char *caller)
{
	unsigned long pages = 0;

	check_cache(c, "kmem_cache_shrink", caller);
	while (!list_empty(&c->slabs_free)) {
		slab_destroy(c, list_first_entry(&c->slabs_free, struct slab, list));
		pages += 1ul << c->gfporder;
	}
	return pages;
}
#line 605 "chapters/08-slab.nw" /* <slab: growing and shrinking> */
unsigned long kmem_cache_reap(void)
{
	unsigned long pages = 0, round;
	struct kmem_cache *c;

	do {
		round = 0;
		list_for_each_entry(c, &cache_chain, next)
			round += kmem_cache_shrink(c);
		pages += round;
	} while (round);
	return pages;
}
#line 685 "chapters/08-slab.nw" /* <slab: allocating and freeing> */
static void *cache_alloc(struct kmem_cache *c, gfp_t gfp, const char *caller)
{
	struct slab *s;
	void *obj;

	if (list_empty(&c->slabs_partial) && list_empty(&c->slabs_free) && !cache_grow(c, gfp))
		return NULL;
	s = list_empty(&c->slabs_partial) ? list_first_entry(&c->slabs_free, struct slab, list)
					  : list_first_entry(&c->slabs_partial, struct slab, list);
	obj = s->freelist;
	if (c->flags & SLAB_DEBUG)
		check_poison(c, obj, caller);
	s->freelist = next_free(c, s, obj, caller);
	set_inuse(s, obj_index(c, s, obj));
	if (++s->inuse == c->num)
		list_move(&s->list, &c->slabs_full);
	else if (s->inuse == 1)
		list_move(&s->list, &c->slabs_partial);
	c->active_objs++;
	if (c->flags & SLAB_DEBUG)
		set_owner(c, obj, caller);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
	return obj;
}

void *kmem_cache_alloc_caller(struct kmem_cache *c, gfp_t gfp, const char *caller)
{
	slab_check_open("kmem_cache_alloc", caller);
	check_cache(c, "kmem_cache_alloc", caller);
	if (gfp & __GFP_DMA)
		panic("kmem_cache_alloc: %s() asked cache %s for GFP_DMA memory; its slabs come from "
		      "any zone: use alloc_pages(GFP_DMA, order)", caller, c->name);
	return cache_alloc(c, gfp, caller);
}
#line 728 "chapters/08-slab.nw" /* <slab: allocating and freeing> */
struct slab *slab_of(const struct kmem_cache *c, const void *obj, const char *fn,
		     const char *caller)
{
	unsigned long pfn = virt_to_pfn(obj);
	const struct page *page;
	struct slab *s;
	unsigned int i;
	size_t off;

	if (!pfn_valid(pfn) || !PageSlab(page = pfn_to_page(pfn)))
		panic("%s: %s() passed %p for cache %s, but no slab holds that address", fn, caller,
		      obj, c->name);
	s = page->slab;
	if (s->cache != c)
		panic("%s: %s() passed %p for cache %s, but it belongs to cache %s", fn, caller, obj,
		      c->name, s->cache->name);
	off = (size_t)((const u8 *)obj - (const u8 *)s->s_mem);
	i = (unsigned int)(off / c->size);
	if ((const u8 *)obj < (const u8 *)s->s_mem || i >= c->num || i * c->size != off)
		panic("%s: %s() passed %p, which is not the start of an object of cache %s",
		      fn, caller, obj, c->name);
	if (!test_inuse(s, i))
		panic("%s: %s() passed object %p of cache %s, which is free already (%s%s freed "
		      "it)", fn, caller, obj, c->name, OWNER(c, obj));
	return s;
}

#line 762 "chapters/08-slab.nw" /* <slab: allocating and freeing> */
static void cache_free(struct kmem_cache *c, void *obj, const char *caller)
{
	struct slab *s = slab_of(c, obj, "kmem_cache_free", caller);

	if (c->flags & SLAB_DEBUG) {
		check_red_zone(c, obj, caller);
		poison(c, obj);
		set_owner(c, obj, caller);
	}
	clear_inuse(s, obj_index(c, s, obj));
	set_free_pointer(c, obj, s->freelist);
	s->freelist = obj;
	c->active_objs--;
	if (--s->inuse == 0)
		list_move(&s->list, &c->slabs_free);
	else if (s->inuse == c->num - 1)
		list_move(&s->list, &c->slabs_partial);
}

void kmem_cache_free_caller(struct kmem_cache *c, void *obj, const char *caller)
{
	slab_check_open("kmem_cache_free", caller);
	check_cache(c, "kmem_cache_free", caller);
	cache_free(c, obj, caller);
}
#line 797 "chapters/08-slab.nw" /* <slab: creating and destroying caches> */
static bool cache_setup(struct kmem_cache *c, const char *name, size_t size, size_t align,
			unsigned int flags, void (*ctor)(void *))
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->object_size = size;
	c->ctor = ctor;
	c->flags = ctor ? flags & ~SLAB_POISON : flags;
	layout_buffer(c, align);
	if (c->size >= PAGE_SIZE / 8 && slab_state != DOWN &&	/* big objects: off-slab */
	    choose_slab_order(c, false))
		c->slabp_cache = kmalloc_cache_for(c->slab_size);
	if (!c->slabp_cache && !choose_slab_order(c, true))
		return false;
	INIT_LIST_HEAD(&c->slabs_full);
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_free);
	c->magic = SLAB_MAGIC;
	return true;
}
#line 826 "chapters/08-slab.nw" /* <slab: creating and destroying caches> */
struct kmem_cache *kmem_cache_create_caller(const char *name, size_t size, size_t align,
					    unsigned int flags, void (*ctor)(void *),
					    const char *caller)
{
	struct kmem_cache *c;

	if (slab_state == DOWN)
		panic("kmem_cache_create: %s() called before kmem_cache_init()", caller);
	if (!name || !size || size > (PAGE_SIZE << MAX_SLAB_ORDER) || (align & (align - 1)))
		panic("kmem_cache_create: %s() asked for a cache \"%s\" of %zu-byte objects aligned "
		      "to %zu: objects are 1 to %lu bytes, alignments powers of two", caller,
		      name ? name : "(null)", size, align, (unsigned long)PAGE_SIZE << MAX_SLAB_ORDER);
	c = cache_alloc(&cache_cache, GFP_KERNEL, caller);
	if (c && !cache_setup(c, name, size, align, flags | slab_debug, ctor))
		panic("kmem_cache_create: %s(): no slab of up to %d pages holds one %zu-byte object "
		      "of cache %s", caller, 1 << MAX_SLAB_ORDER, size, name);
	if (!c && (flags & SLAB_PANIC))
		panic("kmem_cache_create: %s(): no memory for cache %s", caller, name);
	if (c)
		list_add_tail(&c->next, &cache_chain);
	return c;
}

void kmem_cache_destroy_caller(struct kmem_cache *c, const char *caller)
{
	check_cache(c, "kmem_cache_destroy", caller);
	for (const struct cache_sizes *cs = malloc_sizes; cs->cs_size; cs++)
		if (c == cs->cs_cachep)
			panic("kmem_cache_destroy: %s() destroyed %s, one of kmalloc's caches",
			      caller, c->name);
	if (c == &cache_cache || c->active_objs)
		panic("kmem_cache_destroy: %s() destroyed cache %s with %lu objects still "
		      "allocated", caller, c->name, c->active_objs);
	kmem_cache_shrink(c);
	list_del(&c->next);
	c->magic = 0;
	cache_free(&cache_cache, c, caller);
}
#line 877 "chapters/08-slab.nw" /* <slab: bootstrap> */
void kmem_cache_init(unsigned int debug)
{
	if (slab_state != DOWN)
		panic("kmem_cache_init: the slab allocator is up already");
	slab_debug = debug;
	INIT_LIST_HEAD(&cache_chain);
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
		    SLAB_HWCACHE_ALIGN | slab_debug, NULL);
	list_add(&cache_cache.next, &cache_chain);
	slab_state = PARTIAL;
	kmalloc_caches_init();
	slab_state = UP;
}

bool slab_is_available(void)
{
	return slab_state == UP;
}
#line 900 "chapters/08-slab.nw" /* <slab: slabinfo> */
void slabinfo(void)
{
	const struct kmem_cache *c;

	printk("slabinfo: %12s %8s %8s %7s %7s %5s %6s\n", "name", "active", "objects", "objsize",
	       "perslab", "pages", "slabs");
	list_for_each_entry(c, &cache_chain, next)
		printk("slabinfo: %12s %8lu %8lu %7zu %7u %5u %6lu\n", c->name, c->active_objs,
		       c->num_slabs * c->num, c->size, c->num, 1u << c->gfporder, c->num_slabs);
}
#line 669 "chapters/08-slab.nw" /* <slab: when the slab is closed> */
const char *slab_closed;

void slab_closed_panic(const char *fn, const char *caller)
{
	panic("%s: %s() called %s", fn, caller, slab_closed);
}
