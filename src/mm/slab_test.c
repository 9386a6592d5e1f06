#line 1404 "chapters/08-slab.nw" /* <mm/slab_test.c> */
/* slab_test.c - caches, kmalloc and the debugging checks. */
#include <asm/page.h>
#include <handoff/ktest.h>
#include <handoff/string.h>
#include "slab_test.h"

#line 1420 "chapters/08-slab.nw" /* <slab tests: setup> */
#ifdef HOST_BUILD
#define HOST_PAGES	2048
static u8 host_ram[(HOST_PAGES + 1) * PAGE_SIZE];
static struct page host_map[HOST_PAGES];

void slab_test_setup(void)
{
	unsigned long start = (unsigned long)PFN_UP(__pa(host_ram));
	unsigned long end[MAX_NR_ZONES] = { start, start + HOST_PAGES };

	if (slab_is_available())
		return;
	free_area_init_node(NODE_DATA(0), host_map, start, end);
	memory_present(NODE_DATA(0), start, start + HOST_PAGES);
	totalram_pages = buddy_free_reserved(NODE_DATA(0), start, start + HOST_PAGES, "setup");
	kmem_cache_init(0);
}
#else
void slab_test_setup(void) { }
#endif
#line 1447 "chapters/08-slab.nw" /* <slab tests: consistency> */
static bool slab_consistent(const struct kmem_cache *c, const struct slab *s, unsigned int want)
{
	unsigned int bits = 0, free = 0;

	if (s->cache != c || (want == 1 && (s->inuse == 0 || s->inuse == c->num)) ||
	    (want == 0 && s->inuse != 0) || (want == 2 && s->inuse != c->num))
		return false;
	for (unsigned int i = 0; i < c->num; i++)
		bits += !!(s->inuse_map[i / (8 * sizeof(long))] & (1ul << (i % (8 * sizeof(long)))));
	for (const u8 *p = s->freelist; p && free <= c->num; free++) {
		unsigned int i = (unsigned int)((size_t)(p - (const u8 *)s->s_mem) / c->size);

		if (p < (const u8 *)s->s_mem || i >= c->num ||
		    (s->inuse_map[i / (8 * sizeof(long))] & (1ul << (i % (8 * sizeof(long))))))
			return false;
		memcpy(&p, p + c->free_off, sizeof(p));
	}
	return bits == s->inuse && free == c->num - s->inuse;
}

#line 1470 "chapters/08-slab.nw" /* <slab tests: consistency> */
bool slab_cache_consistent(const struct kmem_cache *c)
{
	const struct list_head *lists[3] = { &c->slabs_free, &c->slabs_partial, &c->slabs_full };
	unsigned long slabs = 0, objs = 0;

	for (unsigned int l = 0; l < 3; l++) {
		const struct slab *s;

		list_for_each_entry(s, lists[l], list) {
			if (!slab_consistent(c, s, l))
				return false;
			slabs++;
			objs += s->inuse;
		}
	}
	return slabs == c->num_slabs && objs == c->active_objs;
}
#line 1494 "chapters/08-slab.nw" /* <slab tests: caches> */
static unsigned int list_length(const struct list_head *h)
{
	unsigned int n = 0;

	for (const struct list_head *e = h->next; e != h; e = e->next)
		n++;
	return n;
}

static bool on_slab_fit(unsigned long num, size_t size)	/* the descriptor and num objects */
{
	size_t desc = sizeof(struct slab) + (num + 8 * sizeof(long) - 1) / (8 * sizeof(long)) *
		      sizeof(long);

	return ((desc + sizeof(void *) - 1) & ~(sizeof(void *) - 1)) + num * size <= PAGE_SIZE;
}

#line 1514 "chapters/08-slab.nw" /* <slab tests: caches> */
KTEST(slab_cache_lifecycle)
{
	struct kmem_cache *c;
	void *objs[200];
	unsigned long before;

	slab_test_setup();
	c = kmem_cache_create("test-40", 40, 0, 0, NULL);
	KASSERT_TRUE(t, c != NULL);
	kmem_cache_reap();
	before = nr_free_pages();
	KEXPECT_EQ(t, c->size, c->flags & SLAB_DEBUG ? 40 + RED_ZONE_BYTES + 2 * sizeof(void *) : 40);
	KEXPECT_TRUE(t, c->gfporder == 0 && !c->slabp_cache);
	KEXPECT_TRUE(t, on_slab_fit(c->num, c->size) && !on_slab_fit(c->num + 1, c->size));
	KASSERT_TRUE(t, c->num < 200);
	for (unsigned int i = 0; i <= c->num; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	KEXPECT_EQ(t, c->num_slabs, 2);
	KEXPECT_TRUE(t, list_length(&c->slabs_full) == 1 && list_length(&c->slabs_partial) == 1);
	KEXPECT_EQ(t, (u8 *)objs[1] - (u8 *)objs[0], c->size);	/* in address order */
	KEXPECT_TRUE(t, slab_cache_consistent(c));
	for (unsigned int i = 0; i <= c->num; i++)
		kmem_cache_free(c, objs[i]);
	KEXPECT_TRUE(t, list_length(&c->slabs_free) == 2 && c->active_objs == 0);
	KEXPECT_TRUE(t, slab_cache_consistent(c));
	KEXPECT_EQ(t, kmem_cache_shrink(c), 2);
	KEXPECT_EQ(t, nr_free_pages(), before);
	kmem_cache_destroy(c);
}

#line 1547 "chapters/08-slab.nw" /* <slab tests: caches> */
KTEST(slab_prefers_partial_slabs)
{
	struct kmem_cache *c;
	void *objs[200], *p;

	slab_test_setup();
	c = kmem_cache_create("test-partial", 100, 0, 0, NULL);
	KASSERT_TRUE(t, c != NULL && c->num < 199);
	for (unsigned int i = 0; i <= c->num; i++)	/* slab A full, slab B holds one */
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, objs[c->num]);		/* B is free again */
	kmem_cache_free(c, objs[3]);			/* A is partial */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KEXPECT_TRUE(t, p == objs[3]);			/* from A: B stays whole */
	KEXPECT_EQ(t, list_length(&c->slabs_free), 1);
	for (unsigned int i = 0; i < c->num; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
}

#line 1570 "chapters/08-slab.nw" /* <slab tests: caches> */
KTEST(slab_hwcache_alignment)
{
	struct kmem_cache *c;
	void *p, *q;

	slab_test_setup();
	c = kmem_cache_create("test-24", 24, 0, SLAB_HWCACHE_ALIGN, NULL);
	KASSERT_TRUE(t, c != NULL);
	KEXPECT_EQ(t, c->align, 32);			/* two to a 64-byte line */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	KEXPECT_TRUE(t, (uintptr_t)p % 32 == 0 && (uintptr_t)q % 32 == 0);
	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_destroy(c);
}

#line 1590 "chapters/08-slab.nw" /* <slab tests: caches> */
KTEST(slab_big_objects_are_off_slab)
{
	struct kmem_cache *c;
	void *p;

	slab_test_setup();
	c = kmem_cache_create("test-3000", 3000, 0, 0, NULL);
	KASSERT_TRUE(t, c != NULL);
	KEXPECT_TRUE(t, c->slabp_cache != NULL && c->gfporder == 1 && c->num == 2);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KEXPECT_EQ(t, ((uintptr_t)p & (PAGE_SIZE - 1)), 0);	/* no descriptor before it */
	KEXPECT_TRUE(t, PageSlab(virt_to_page((u8 *)p + PAGE_SIZE)));	/* both pages marked */
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}
#line 1614 "chapters/08-slab.nw" /* <slab tests: constructors and colours> */
static void build(void *obj)
{
	memset(obj, 0, 56);
	memcpy(obj, "built", 6);
}

KTEST(slab_constructor_runs_once_per_object)
{
	struct kmem_cache *c;
	char *p;

	slab_test_setup();
	c = kmem_cache_create("test-ctor", 56, 0, SLAB_POISON, build);
	KASSERT_TRUE(t, c != NULL);
	KEXPECT_TRUE(t, !(c->flags & SLAB_POISON) && c->free_off >= 56);
	for (int i = 0; i < 100; i++) {
		p = kmem_cache_alloc(c, GFP_KERNEL);
		KEXPECT_STREQ(t, p, "built");
		kmem_cache_free(c, p);
	}
	KEXPECT_EQ(t, c->ctor_calls, c->num);
	kmem_cache_destroy(c);
}

#line 1641 "chapters/08-slab.nw" /* <slab tests: constructors and colours> */
KTEST(slab_colours)
{
	struct kmem_cache *c;
	void *objs[12];

	slab_test_setup();
	c = kmem_cache_create("test-colour", 1000, 0, 0, NULL);	/* 4 to a page, 96 left */
	KASSERT_TRUE(t, c != NULL);
	if (c->flags & SLAB_DEBUG) {		/* 1024-byte buffers: nothing left to colour */
		ktest_skip(t, "slab_debug leaves no leftover to colour with");
		kmem_cache_destroy(c);
		return;
	}
	KASSERT_TRUE(t, c->num == 4 && c->colour == 2 && c->colour_off == 64);
	for (unsigned int i = 0; i < 12; i++)			/* three slabs */
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	KEXPECT_EQ(t, (uintptr_t)objs[0] % PAGE_SIZE, 0);
	KEXPECT_EQ(t, (uintptr_t)objs[4] % PAGE_SIZE, 64);	/* one line further */
	KEXPECT_EQ(t, (uintptr_t)objs[8] % PAGE_SIZE, 0);	/* and round again */
	KEXPECT_TRUE(t, slab_cache_consistent(c));
	for (unsigned int i = 0; i < 12; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
}
#line 1671 "chapters/08-slab.nw" /* <slab tests: misuse> */
static void misuse(struct ktest *t, struct kmem_cache *a, struct kmem_cache *b, u8 *p, u8 *q)
{
	u8 local[16];

	KEXPECT_PANIC(t, kmem_cache_free(b, p), "but it belongs to cache test-a");
	KEXPECT_PANIC(t, kmem_cache_free(a, p + 8), "which is not the start of an object of "
		      "cache test-a");
	KEXPECT_PANIC(t, kmem_cache_free(a, q), "which is free already");
	KEXPECT_PANIC(t, kmem_cache_free(a, local), "no slab holds that address");
	KEXPECT_PANIC(t, kmem_cache_destroy(a), "destroyed cache test-a with 1 objects still "
		      "allocated");
	KEXPECT_PANIC(t, kfree(p + 8), "which is not the start of an object");
	KEXPECT_PANIC(t, kmalloc(64, GFP_DMA), "no DMA caches");
	KEXPECT_PANIC(t, kmem_cache_alloc(a, GFP_DMA), "asked cache test-a for GFP_DMA memory");
	KEXPECT_PANIC(t, kmem_cache_create("bad", 64, 24, 0, NULL), "aligned to 24");
	KEXPECT_PANIC(t, kmem_cache_destroy(kmalloc_cache_for(96)), "one of kmalloc's caches");
	KEXPECT_PANIC(t, ksize(p + 8), "which is not the start of an object");
}

#line 1693 "chapters/08-slab.nw" /* <slab tests: misuse> */
KTEST(slab_refuses_misuse)
{
	struct kmem_cache *a, *b;
	u8 *p, *q;

	slab_test_setup();
	a = kmem_cache_create("test-a", 64, 0, 0, NULL);
	b = kmem_cache_create("test-b", 64, 0, 0, NULL);
	KASSERT_TRUE(t, a && b);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	q = kmem_cache_alloc(a, GFP_KERNEL);
	kmem_cache_free(a, q);
	misuse(t, a, b, p, q);
	KEXPECT_TRUE(t, slab_cache_consistent(a) && a->active_objs == 1);
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	KEXPECT_PANIC(t, kmem_cache_alloc(b, GFP_KERNEL), "which is not a live cache");
}
#line 1719 "chapters/08-slab.nw" /* <slab tests: debugging> */
static void freer(struct kmem_cache *c, void *p) { kmem_cache_free(c, p); }

KTEST(slab_poison_catches_a_write_after_free)
{
	struct kmem_cache *c;
	u8 *p;

	slab_test_setup();
	c = kmem_cache_create("test-poison", 48, 0, SLAB_POISON, NULL);
	KASSERT_TRUE(t, c != NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	freer(c, p);
	KEXPECT_TRUE(t, p[0] == POISON_FREE && p[47] == POISON_END);
	p[10] = 0;						/* a stale pointer */
	KEXPECT_PANIC(t, kmem_cache_alloc(c, GFP_KERNEL), "slab test-poison: object");
	KEXPECT_PANIC(t, kmem_cache_alloc(c, GFP_KERNEL),
		      "was written after freer() freed it: byte 10 is 0x00, not 0x6b");
	p[10] = POISON_FREE;
	KEXPECT_TRUE(t, kmem_cache_alloc(c, GFP_KERNEL) == p);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}

#line 1745 "chapters/08-slab.nw" /* <slab tests: debugging> */
KTEST(slab_red_zone_catches_an_overrun)
{
	struct kmem_cache *c;
	u8 *p;

	slab_test_setup();
	c = kmem_cache_create("test-red", 45, 0, SLAB_RED_ZONE, NULL);
	KASSERT_TRUE(t, c != NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[45] = 'x';						/* one byte too far */
	KEXPECT_PANIC(t, kmem_cache_free(c, p),
		      "(45 bytes, allocated by slab_red_zone_catches_an_overrun()) was overrun: "
		      "byte 0 after its end is 0x78");
	p[45] = RED_BYTE;
	kmem_cache_free(c, p);
	KEXPECT_PANIC(t, kmem_cache_free(c, p), "which is free already "
		      "(slab_red_zone_catches_an_overrun() freed it)");
	kmem_cache_destroy(c);
}

#line 1768 "chapters/08-slab.nw" /* <slab tests: debugging> */
KTEST(slab_red_zone_on_a_tiny_object)
{
	struct kmem_cache *c;
	void *p, *q;

	slab_test_setup();
	c = kmem_cache_create("test-2", 2, 0, SLAB_RED_ZONE, NULL);
	KASSERT_TRUE(t, c != NULL);
	KEXPECT_TRUE(t, c->free_off >= 2 + RED_ZONE_BYTES);	/* not over the red zone */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}

#line 1787 "chapters/08-slab.nw" /* <slab tests: debugging> */
KTEST(slab_catches_a_corrupt_freelist)
{
	struct kmem_cache *c;
	void **fp, *a, *b, *saved;

	slab_test_setup();
	c = kmem_cache_create("test-list", 32, 0, 0, NULL);
	KASSERT_TRUE(t, c != NULL);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, a);
	fp = (void **)((u8 *)a + c->free_off);		/* in the object, unless slab_debug */
	saved = *fp;
	*fp = b;					/* a stale write: b is in use */
	KEXPECT_PANIC(t, kmem_cache_alloc(c, GFP_KERNEL), "the freelist is corrupt");
	*fp = saved;
	KEXPECT_TRUE(t, kmem_cache_alloc(c, GFP_KERNEL) == a);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
}
#line 1818 "chapters/08-slab.nw" /* <slab tests: kmalloc> */
static size_t class_of(size_t n)
{
	static const size_t classes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
					  4096, 8192 };

	for (unsigned int i = 0; i < ARRAY_SIZE(classes); i++)
		if (n <= classes[i])
			return classes[i];
	return 0;
}

#line 1832 "chapters/08-slab.nw" /* <slab tests: kmalloc> */
KTEST(kmalloc_size_classes)
{
	unsigned long before;
	void *p;

	slab_test_setup();
	kmem_cache_reap();
	before = nr_free_pages();
	for (size_t n = 1; n <= 8192; n += n < 300 ? 1 : 37) {
		p = kmalloc(n, GFP_KERNEL);
		if (!KEXPECT_EQ(t, ksize(p), class_of(n)) || !KEXPECT_EQ(t, (uintptr_t)p % 8, 0))
			break;
		KEXPECT_TRUE(t, ((struct slab *)virt_to_page(p)->slab)->cache ==
				kmalloc_cache_for(n));
		memset(p, 0x5a, n);
		kfree(p);
	}
	p = kmalloc(8193, GFP_KERNEL);
	KEXPECT_TRUE(t, p && ksize(p) == 16384 && !PageSlab(virt_to_page(p)));
	KEXPECT_PANIC(t, kfree((u8 *)p + 8), "which kmalloc did not give out");
	kfree(p);
	p = kmalloc(16384, GFP_KERNEL);				/* exactly an order-2 block */
	KEXPECT_EQ(t, ksize(p), 16384);
	kfree(p);
	KEXPECT_TRUE(t, kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	kfree((void *)8);				/* at or below ZERO_SIZE_PTR: nothing */
	KEXPECT_TRUE(t, ksize((void *)15) == 0 && ksize(ZERO_SIZE_PTR) == 0);
	p = kzalloc(100, GFP_KERNEL);
	KEXPECT_TRUE(t, ((u8 *)p)[0] == 0 && ((u8 *)p)[99] == 0);
	kfree(p);
	kmem_cache_reap();
	KEXPECT_EQ(t, nr_free_pages(), before);
}

#line 1874 "chapters/08-slab.nw" /* <slab tests: kmalloc> */
KTEST(kfree_takes_only_what_kmalloc_gave)
{
	struct page *pg;
	void *p;

	slab_test_setup();
	pg = alloc_pages(GFP_KERNEL, 1);
	KASSERT_TRUE(t, pg != NULL);
	KEXPECT_PANIC(t, kfree(page_address(pg)), "which kmalloc did not give out");
	KEXPECT_PANIC(t, ksize(page_address(pg)), "which kmalloc did not give out");
	__free_pages(pg, 1);
	p = kmalloc(8193, GFP_KERNEL);
	KASSERT_TRUE(t, p != NULL);
	KEXPECT_PANIC(t, __free_pages(virt_to_page(p), 2), "which kmalloc gave out; use kfree()");
	KEXPECT_PANIC(t, free_pages((unsigned long)p, 2), "which kmalloc gave out; use kfree()");
	kfree(p);
}
