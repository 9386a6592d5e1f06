#line 1343 "chapters/09-shortcuts.nw" /* <include/handoff/bootmem_kmalloc.h> */
#ifndef _HANDOFF_BOOTMEM_KMALLOC_H
#define _HANDOFF_BOOTMEM_KMALLOC_H
#include <handoff/list.h>
#include <handoff/types.h>

/* One block the wrapper gave out (chain bootmem-over-kmalloc). */
struct bootmem_block {
	struct list_head list;		/* on bootmem_blocks */
	phys_addr_t addr;		/* what the caller got */
	size_t size;			/* and asked for */
	void *base;			/* what kmalloc returned, or the buddy block's first page */
	int order;			/* the buddy block's order; -1: from kmalloc */
	bool freed;			/* given back: kept to name a second free */
};
extern struct list_head bootmem_blocks;

/** bootmem_wrapper_count - the blocks given out and not freed, and the bytes asked for. */
unsigned long bootmem_wrapper_count(size_t *bytes);

/** bootmem_wrapper_drop - free every block still given out, and forget every record (tests). */
void bootmem_wrapper_drop(const char *caller);
#endif
