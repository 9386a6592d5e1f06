#line 1040 "chapters/09-shortcuts.nw" /* <mm/early_kmalloc_test.c> */
/* early_kmalloc_test.c - chain early-kmalloc: the window refuses every call. */
#include <handoff/early_kmalloc.h>
#include <handoff/ktest.h>
#include "slab_test.h"

#define ME	"early_kmalloc_window_refuses_calls"
#define WINDOW	"() called inside early-kmalloc's window (bootmem is handing its pages to the buddy)"

KTEST(early_kmalloc_window_refuses_calls)
{
	struct kmem_cache *c;
	void *p, *q;

	slab_test_setup();
	c = kmem_cache_create("ekm-window", 24, 0, 0, NULL);
	p = kmalloc(100, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	early_kmalloc_open_window();
	KEXPECT_PANIC(t, kmalloc(16, GFP_KERNEL), "kmalloc: " ME WINDOW);
	KEXPECT_PANIC(t, kfree(p), "kfree: " ME WINDOW);
	KEXPECT_PANIC(t, kmem_cache_alloc(c, GFP_KERNEL), "kmem_cache_alloc: " ME WINDOW);
	KEXPECT_PANIC(t, kmem_cache_free(c, q), "kmem_cache_free: " ME WINDOW ": call it before "
		      "buddy_takes_over() or after slab_takes_over(), which gives the slab");
	KEXPECT_EQ(t, early_kmalloc_close_window(), 0);
	kfree(p);
	kmem_cache_free(c, q);
	KEXPECT_PANIC(t, kfree(p), "which is free already");
	kmem_cache_destroy(c);
}
