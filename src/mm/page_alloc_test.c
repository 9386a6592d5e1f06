#line 1318 "chapters/07-buddy.nw" /* <mm/page_alloc_test.c> */
/* page_alloc_test.c - the buddy allocator on nodes of the tests' own. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/ktest.h>
#include <handoff/pfn.h>
#include <handoff/string.h>
#include "buddy_test.h"

struct page tpages[TNODE_PAGES];
pg_data_t tnode;

void tnode_init(unsigned long dma_pages)
{
	unsigned long end[MAX_NR_ZONES] = { TNODE_START + dma_pages, TNODE_START + TNODE_PAGES };

	free_area_init_node(&tnode, tpages, TNODE_START, end);
	memory_present(&tnode, TNODE_START, TNODE_START + TNODE_PAGES);
}

#line 1342 "chapters/07-buddy.nw" /* <mm/page_alloc_test.c> */
unsigned long tpfn(const struct page *p) { return node_page_to_pfn(&tnode, p); }

#line 1370 "chapters/07-buddy.nw" /* <buddy tests: splitting and merging> */
static bool one_block_of_each(const struct zone *z, unsigned int lo, unsigned int hi)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free != (o >= lo && o <= hi))
			return false;
	return true;
}

#line 1381 "chapters/07-buddy.nw" /* <buddy tests: splitting and merging> */
KTEST(buddy_splits_and_merges)
{
	struct zone *z = &tnode.node_zones[ZONE_NORMAL];
	struct page *p, *q;

	tnode_init(0);
	KEXPECT_EQ(t, buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 1024, "t"), 1024);
	KEXPECT_TRUE(t, one_block_of_each(z, 10, 10));
	p = buddy_alloc(&tnode, GFP_KERNEL, 0);
	KEXPECT_EQ(t, tpfn(p), TNODE_START);			/* the lower half, each time */
	KEXPECT_TRUE(t, one_block_of_each(z, 0, 9));
	KEXPECT_EQ(t, z->free_pages, 1023);
	q = buddy_alloc(&tnode, GFP_KERNEL, 3);
	KEXPECT_EQ(t, tpfn(q), TNODE_START + 8);
	KEXPECT_TRUE(t, PageHead(q) && q->private == 3 && !PageBuddy(q));
	buddy_free(&tnode, p, 0, "t");
	KEXPECT_TRUE(t, z->free_area[3].nr_free == 1 && z->free_area[10].nr_free == 0);
	buddy_free(&tnode, q, 3, "t");				/* and back to one block */
	KEXPECT_TRUE(t, one_block_of_each(z, 10, 10));
	KEXPECT_EQ(t, buddy_free_pages(z), 1024);
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_KERNEL, MAX_ORDER) == NULL);
}

#line 1407 "chapters/07-buddy.nw" /* <buddy tests: splitting and merging> */
KTEST(buddy_merges_only_with_its_buddy)
{
	struct zone *z = &tnode.node_zones[ZONE_NORMAL];
	struct page *a, *b, *c, *d;

	tnode_init(0);
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 4, "t");	/* 4 pages: one block */
	a = buddy_alloc(&tnode, GFP_KERNEL, 0);
	b = buddy_alloc(&tnode, GFP_KERNEL, 0);
	c = buddy_alloc(&tnode, GFP_KERNEL, 0);
	d = buddy_alloc(&tnode, GFP_KERNEL, 0);
	KEXPECT_TRUE(t, tpfn(a) + 1 == tpfn(b) && tpfn(b) + 1 == tpfn(c) && tpfn(c) + 1 == tpfn(d));
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_KERNEL, 0) == NULL);
	buddy_free(&tnode, b, 0, "t");
	buddy_free(&tnode, c, 0, "t");		/* neighbours, but not buddies: no merge */
	KEXPECT_EQ(t, z->free_area[0].nr_free, 2);
	KEXPECT_EQ(t, z->free_area[1].nr_free, 0);
	buddy_free(&tnode, a, 0, "t");		/* a and b are buddies */
	KEXPECT_TRUE(t, z->free_area[1].nr_free == 1 && z->free_area[0].nr_free == 1);
	buddy_free(&tnode, d, 0, "t");		/* c and d, then the two pairs */
	KEXPECT_TRUE(t, one_block_of_each(z, 2, 2));
}
#line 1436 "chapters/07-buddy.nw" /* <buddy tests: zones> */
KTEST(buddy_zones_and_fallback)
{
	struct zone *dma = &tnode.node_zones[ZONE_DMA], *normal = &tnode.node_zones[ZONE_NORMAL];
	struct page *p;

	tnode_init(100);				/* a boundary at page 100: not aligned */
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 256, "t");
	KEXPECT_TRUE(t, dma->free_pages == 100 && normal->free_pages == 156);
	KEXPECT_TRUE(t, dma->free_area[2].nr_free == 1 && normal->free_area[2].nr_free == 1);
	p = buddy_alloc(&tnode, GFP_DMA, 6);
	KEXPECT_TRUE(t, p && tpfn(p) < TNODE_START + 100);
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_DMA, 6) == NULL);	/* 36 left: no 64 */
	p = buddy_alloc(&tnode, GFP_KERNEL, 7);
	KEXPECT_TRUE(t, p && tpfn(p) == TNODE_START + 128);
	p = buddy_alloc(&tnode, GFP_KERNEL, 4);
	KEXPECT_TRUE(t, p && tpfn(p) == TNODE_START + 112);		/* Normal's last 16 */
	p = buddy_alloc(&tnode, GFP_KERNEL, 5);
	KEXPECT_TRUE(t, p && tpfn(p) == TNODE_START + 64);		/* from DMA now */
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_KERNEL, 5) == NULL);	/* 4 + 8 + 4 left */
	KEXPECT_EQ(t, tnode.node_zones[ZONE_DMA].spanned_pages, 100);
}

#line 1464 "chapters/07-buddy.nw" /* <buddy tests: zones> */
KTEST(buddy_keeps_a_reserve_in_dma)
{
	struct zone *dma = &tnode.node_zones[ZONE_DMA];
	unsigned long reserve, n = 0;
	bool kept = true;
	struct page *p;

	tnode_init(256);				/* DMA: 256 pages, Normal: 768 */
	reserve = dma->lowmem_reserve[ZONE_NORMAL];
	KEXPECT_TRUE(t, reserve == 768 / LOWMEM_RESERVE_RATIO && !dma->lowmem_reserve[ZONE_DMA]);
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 256, "t");	/* DMA's only */
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_KERNEL, 8) == NULL);	/* all 256: no */
	KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_KERNEL, 7) != NULL);	/* 128 are left */
	while ((p = buddy_alloc(&tnode, GFP_KERNEL, 0)) && n++ < 256)
		kept &= page_zonenum(p) == ZONE_DMA && dma->free_pages >= reserve;
	KEXPECT_TRUE(t, kept);
	KEXPECT_EQ(t, n, 128 - reserve);
	KEXPECT_EQ(t, dma->free_pages, reserve);
	for (unsigned long i = 0; i < reserve; i++)		/* DMA requests: the reserve too */
		KEXPECT_TRUE(t, buddy_alloc(&tnode, GFP_DMA, 0) != NULL);
	KEXPECT_TRUE(t, dma->free_pages == 0 && !buddy_alloc(&tnode, GFP_DMA, 0));
}
#line 1492 "chapters/07-buddy.nw" /* <buddy tests: misuse> */
static struct page stray;			/* a struct page, but not in the node's map */

static void misuse(struct ktest *t, struct page *p, struct page *q)
{
	KEXPECT_PANIC(t, buddy_free(&tnode, tpages + 1000, 0, "hole"),
		      "hole() freed page 0x403e8, which is reserved");
	KEXPECT_PANIC(t, buddy_free(&tnode, p + 1, 0, "tail"),
		      "tail() freed page 0x40001, which is not the first page");
	KEXPECT_PANIC(t, buddy_free(&tnode, p, 1, "order"),
		      "order() freed page 0x40000 with order 1, but its block has order 2");
	KEXPECT_PANIC(t, buddy_free(&tnode, &stray, 0, "wild"),
		      "which is not a struct page of the buddy's mem_map");
	KEXPECT_PANIC(t, buddy_free(&tnode, q, 2, "again"),
		      "again() freed page 0x40004, which is free already");
	KEXPECT_PANIC(t, buddy_free(&tnode, q + 1, 0, "inside"),
		      "free block of order 2 at page 0x40004");
	KEXPECT_PANIC(t, buddy_free_reserved(&tnode, TNODE_START + 8, TNODE_START + 9, "twice"),
		      "twice() handed over page 0x40008, which the buddy has already");
}

#line 1515 "chapters/07-buddy.nw" /* <buddy tests: misuse> */
KTEST(buddy_refuses_misuse)
{
	struct page *p, *q;

	tnode_init(0);
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 16, "t");
	p = buddy_alloc(&tnode, GFP_KERNEL, 2);		/* pages 0-3 */
	q = buddy_alloc(&tnode, GFP_KERNEL, 2);		/* pages 4-7 */
	buddy_free(&tnode, q, 2, "t");			/* free: 4-7 and 8-15 */
	misuse(t, p, q);
	SetPageSlab(p);
	KEXPECT_PANIC(t, buddy_free(&tnode, p, 2, "slab"), "which belongs to a slab");
	ClearPageSlab(p);
	KEXPECT_TRUE(t, one_block_of_each(&tnode.node_zones[ZONE_NORMAL], 2, 3));
	buddy_free(&tnode, p, 2, "t");
	KEXPECT_TRUE(t, one_block_of_each(&tnode.node_zones[ZONE_NORMAL], 4, 4));
	buddy_free_reserved(&tnode, TNODE_START + 32, TNODE_START + 64, "t");
	KEXPECT_PANIC(t, buddy_free_reserved(&tnode, TNODE_START + 16, TNODE_START + 40, "part"),
		      "part() handed over page 0x40020, which the buddy has already");
	KEXPECT_TRUE(t, PageReserved(tpages + 16) && PageReserved(tpages + 31));	/* untouched */
	KEXPECT_EQ(t, tnode.node_zones[ZONE_NORMAL].free_pages, 48);
}
#line 1544 "chapters/07-buddy.nw" /* <buddy tests: misuse> */
KTEST(buddy_catches_a_written_free_page)
{
	tnode_init(0);
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 8, "t");
	SetPageSlab(tpages + 5);
	KEXPECT_PANIC(t, buddy_alloc(&tnode, GFP_KERNEL, 3),
		      "page 0x40005, inside a free block of order 3, has flags");
}
#line 1561 "chapters/07-buddy.nw" /* <buddy tests: from bootmem> */
#define BPAGES	32
static u8 bmem[2 * BPAGES * PAGE_SIZE];	/* a 32-page window aligned to 32 pages inside */
static u8 *barena;
static struct page bpages[BPAGES];
static bootmem_data_t bb;
static struct bootmem bbm;
static pg_data_t bnode;

static unsigned long bootmem_and_node(void)
{
	unsigned long s = (unsigned long)PFN_UP(__pa(bmem));
	unsigned long end[MAX_NR_ZONES];

	s = (s + BPAGES - 1) & ~(BPAGES - 1);		/* the loader aligns no more than a page */
	end[ZONE_DMA] = s + 16;
	end[ZONE_NORMAL] = s + BPAGES;
	barena = __va(PFN_PHYS(s));
	init_bootmem_core(&bb, barena, s, s + BPAGES);		/* its bitmap in page 0 */
	bbm = (struct bootmem){ 0 };
	link_bootmem(&bbm, &bb);
	free_bootmem_core(&bb, PFN_PHYS(s + 1), (BPAGES - 1) * PAGE_SIZE, "t");
	reserve_bootmem_core(&bb, PFN_PHYS(s + 5), 3 * PAGE_SIZE, 0, "t");	/* 5, 6, 7 */
	free_area_init_node(&bnode, bpages, s, end);
	memory_present(&bnode, s, s + BPAGES);
	return s;
}

#line 1591 "chapters/07-buddy.nw" /* <buddy tests: from bootmem> */
KTEST(free_all_bootmem_hands_everything_over)
{
	unsigned long s = bootmem_and_node();
	struct zone *dma = &bnode.node_zones[ZONE_DMA];

	KEXPECT_EQ(t, __free_all_bootmem(&bbm, &bnode, "handoff"), BPAGES - 3);
	for (unsigned long i = 0; i < BPAGES; i++)
		KEXPECT_EQ(t, buddy_page_is_free(&bnode, s + i), i < 5 || i > 7);
	KEXPECT_TRUE(t, PageReserved(bpages + 5) && PageReserved(bpages + 7));
	KEXPECT_TRUE(t, dma->free_area[2].nr_free == 1 && dma->free_area[0].nr_free == 1 &&
			dma->free_area[3].nr_free == 1);		/* 0-3, 4, 8-15 */
	KEXPECT_EQ(t, bnode.node_zones[ZONE_NORMAL].free_area[4].nr_free, 1);	/* 16-31 */
	KEXPECT_PANIC(t, ___alloc_bootmem_nopanic(&bbm, 8, 8, 0, 0, "late"),
		      "late() called after bootmem handed memory to the buddy allocator in "
		      "handoff(); use alloc_pages() instead");
	KEXPECT_EQ(t, buddy_free_reserved(&bnode, s + 5, s + 8, "free_bootmem_late"), 3);
	KEXPECT_TRUE(t, one_block_of_each(dma, 4, 4));
	KEXPECT_PANIC(t, buddy_free_reserved(&bnode, s + 6, s + 7, "late_again"),
		      "late_again() handed over page");
}

#line 1615 "chapters/07-buddy.nw" /* <buddy tests: from bootmem> */
KTEST(free_all_bootmem_refuses_a_shared_bitmap_page)
{
	unsigned long s = bootmem_and_node();

	bb.node_bootmem_map = barena + 64;
	KEXPECT_PANIC(t, __free_all_bootmem(&bbm, &bnode, "odd"),
		      "odd(): the bitmap at");
	KEXPECT_EQ(t, bnode.node_zones[ZONE_DMA].free_pages, 0);	/* nothing moved */
	(void)s;
}
