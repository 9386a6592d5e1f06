#line 1821 "chapters/07-buddy.nw" /* <arch/x86/mm/buddy_boot_test.h> */
/* buddy_boot_test.h - what the buddy's boot tests share with the slab's. */
#include <handoff/types.h>

/** snapshot_of_free_lists - take (@take) the free-list counts of every node, or compare. */
bool snapshot_of_free_lists(bool take);

/** dma_pages - what the DMA zones keep from GFP_KERNEL (@reserve), or what they have free. */
unsigned long dma_pages(bool reserve);
