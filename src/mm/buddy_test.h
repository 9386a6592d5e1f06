#line 1351 "chapters/07-buddy.nw" /* <mm/buddy_test.h> */
/* buddy_test.h - the test node, shared by the buddy's tests. */
#include <handoff/gfp.h>

#define TNODE_START	0x40000ul	/* page frame at 1 GiB: never touched */
#define TNODE_PAGES	1024ul

extern struct page tpages[TNODE_PAGES];
extern pg_data_t tnode;

/** tnode_init - a test node of TNODE_PAGES reserved pages, the first @dma_pages in ZONE_DMA. */
void tnode_init(unsigned long dma_pages);
unsigned long tpfn(const struct page *p);
