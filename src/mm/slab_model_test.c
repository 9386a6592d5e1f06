#line 1904 "chapters/08-slab.nw" /* <mm/slab_model_test.c> */
/* slab_model_test.c - random allocations and frees on caches and kmalloc, against a model. */
#include <handoff/ktest.h>
#include <handoff/string.h>
#include "slab_test.h"

#define LIVE	300
static struct { u8 *p; size_t size; int cache; u8 fill; } live[LIVE];
static int nr_live;
static struct kmem_cache *mc[3];
static unsigned long held[3];
static const size_t msize[3] = { 24, 200, 3000 };

static void mark(void *obj) { memset(obj, 0xC7, 24); }

#line 1921 "chapters/08-slab.nw" /* <mm/slab_model_test.c> */
static unsigned long all_active(void)
{
	const struct kmem_cache *c;
	unsigned long n = 0;

	list_for_each_entry(c, &cache_chain, next)
		n += c->active_objs;
	return n;
}

#line 1967 "chapters/08-slab.nw" /* <slab model: one step> */
static bool free_one(int k)
{
	bool ok = true;

	for (size_t j = 0; j < live[k].size; j++)
		ok &= live[k].p[j] == live[k].fill;
	if (live[k].cache == 0)
		mark(live[k].p);			/* back in its constructed state */
	if (live[k].cache >= 0) {
		kmem_cache_free(mc[live[k].cache], live[k].p);
		held[live[k].cache]--;
		ok &= mc[live[k].cache]->active_objs == held[live[k].cache];
	} else {
		kfree(live[k].p);
	}
	live[k] = live[--nr_live];
	return ok;
}

#line 1989 "chapters/08-slab.nw" /* <slab model: one step> */
static bool model_step(u32 *seed)
{
	int k = nr_live;

	if (nr_live < LIVE && ktest_rand(seed) % 2) {
		int cache = (int)(ktest_rand(seed) % 4) - 1;	/* -1: kmalloc */

		live[k].size = cache >= 0 ? msize[cache] : 1 + ktest_rand(seed) % 10000;
		live[k].p = cache >= 0 ? kmem_cache_alloc(mc[cache], GFP_KERNEL)
				       : kmalloc(live[k].size, GFP_KERNEL);
		if (!live[k].p)
			return false;			/* 8 MiB is plenty for 300 objects */
		if (cache == 0 && memcmp(live[k].p, "\xC7\xC7\xC7\xC7", 4))
			return false;			/* constructed, and kept so */
		live[k].cache = cache;
		live[k].fill = (u8)ktest_rand(seed);
		memset(live[k].p, live[k].fill, live[k].size);
		if (cache >= 0)
			held[cache]++;
		nr_live++;
	} else if (nr_live && !free_one((int)(ktest_rand(seed) % (unsigned int)nr_live))) {
		return false;
	}
	for (int i = 0; i < 3; i++)
		if (!slab_cache_consistent(mc[i]) || mc[i]->active_objs != held[i])
			return false;
	return true;
}

#line 1936 "chapters/08-slab.nw" /* <mm/slab_model_test.c> */
KTEST(slab_matches_model)
{
	u32 seed = 1994;
	bool bad = false;
	unsigned long before, active;

	slab_test_setup();
	kmem_cache_reap();
	before = nr_free_pages();
	active = all_active();
	mc[0] = kmem_cache_create("model-24", 24, 0, 0, mark);
	mc[1] = kmem_cache_create("model-200", 200, 0, SLAB_HWCACHE_ALIGN, NULL);
	mc[2] = kmem_cache_create("model-3000", 3000, 0, 0, NULL);
	KASSERT_TRUE(t, mc[0] && mc[1] && mc[2]);
	nr_live = 0;
	memset(held, 0, sizeof(held));
	for (int step = 0; step < 4000 && !bad; step++)
		bad = !model_step(&seed);
	KEXPECT_TRUE(t, !bad);
	while (nr_live)
		bad |= !free_one(nr_live - 1);
	KEXPECT_TRUE(t, !bad);
	for (int i = 0; i < 3; i++)
		kmem_cache_destroy(mc[i]);
	kmem_cache_reap();
	KEXPECT_EQ(t, all_active(), active);		/* kmalloc's caches too */
	KEXPECT_EQ(t, nr_free_pages(), before);
}
