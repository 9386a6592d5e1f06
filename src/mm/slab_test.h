#line 1392 "chapters/08-slab.nw" /* <mm/slab_test.h> */
/* slab_test.h - what the slab's tests share. */
#include <handoff/slab.h>
#include "slab.h"

/** slab_test_setup - make sure a slab allocator runs (on the host: over a test buffer). */
void slab_test_setup(void);

/** slab_cache_consistent - @c's lists, counters, in-use bits and freelists agree. */
bool slab_cache_consistent(const struct kmem_cache *c);
