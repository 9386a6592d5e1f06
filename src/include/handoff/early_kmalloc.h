#line 585 "chapters/09-shortcuts.nw" /* <include/handoff/early_kmalloc.h> */
#ifndef _HANDOFF_EARLY_KMALLOC_H
#define _HANDOFF_EARLY_KMALLOC_H
/* early_kmalloc.h - chain early-kmalloc: the slab on bootmem's pages, then on the buddy's. */
#include <handoff/gfp.h>

/* Pages counted from the start of the boot; early_kmalloc_block() is for the tests. */
struct early_kmalloc_stats {
	unsigned long from_bootmem, to_bootmem;	/* taken from bootmem, given back to it */
	unsigned long reattached;		/* bootmem's pages the slab still had at the handover */
	unsigned long early_to_buddy;		/* of those, freed into the buddy since */
};
extern struct early_kmalloc_stats early_kmalloc_stats;

/** early_kmalloc_begin - from now on the slab's pages come from bootmem (mem_map must exist). */
void early_kmalloc_begin(void);
/** early_kmalloc_open_window - the slab is closed: any call to it panics, naming its caller. */
void early_kmalloc_open_window(void);
/**
 * early_kmalloc_close_window - bootmem's pages that the slab holds become blocks the buddy gave
 * out, and the slab grows from the buddy; returns the pages re-attached by this call.
 */
unsigned long early_kmalloc_close_window(void);
/** early_kmalloc_block - does @page head a block that the slab took from bootmem? */
bool early_kmalloc_block(const struct page *page);
#endif
