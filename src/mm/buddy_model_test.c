#line 1640 "chapters/07-buddy.nw" /* <mm/buddy_model_test.c> */
/* buddy_model_test.c - random allocations and frees, checked against a page-by-page model. */
#include <handoff/gfp.h>
#include <handoff/ktest.h>
#include <handoff/string.h>
#include "buddy_test.h"

#define DMA_PAGES	300
#define DMA_RESERVE	((TNODE_PAGES - DMA_PAGES) / 256)	/* what a Normal request leaves */
enum { M_FREE, M_HOLE, M_USED };
static u8 model[TNODE_PAGES], covered[TNODE_PAGES];
static struct { struct page *page; unsigned int order; } held[200];
static int nr_held;

static bool is_hole(unsigned long i) { return (i >= 500 && i < 520) || i >= 1000; }

#line 1685 "chapters/07-buddy.nw" /* <buddy model: the free lists against the model> */
static bool block_ok(const struct zone *z, const struct page *p, unsigned int o)
{
	unsigned long i = tpfn(p) - TNODE_START, n = 1ul << o;

	if (!PageBuddy(p) || p->private != o || (tpfn(p) & (n - 1)) ||
	    tpfn(p) < z->zone_start_pfn || tpfn(p) + n > z->zone_start_pfn + z->spanned_pages)
		return false;
	for (unsigned long j = i; j < i + n; j++)
		if (model[j] != M_FREE || covered[j]++)
			return false;
	if (o < MAX_ORDER - 1) {			/* is its buddy a free block of order o? */
		unsigned long b = tpfn(p) ^ n;

		if (b >= z->zone_start_pfn && b < z->zone_start_pfn + z->spanned_pages &&
		    PageBuddy(&tpages[b - TNODE_START]) && tpages[b - TNODE_START].private == o)
			return false;
	}
	return true;
}

#line 1708 "chapters/07-buddy.nw" /* <buddy model: the free lists against the model> */
static bool lists_match_model(void)
{
	memset(covered, 0, sizeof(covered));
	for (unsigned int zi = 0; zi < MAX_NR_ZONES; zi++) {
		const struct zone *z = &tnode.node_zones[zi];
		unsigned long pages = 0;

		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			const struct page *p;
			unsigned long blocks = 0;

			list_for_each_entry(p, &z->free_area[o].free_list, lru) {
				if (++blocks > TNODE_PAGES || !block_ok(z, p, o))
					return false;
				pages += 1ul << o;
			}
			if (blocks != z->free_area[o].nr_free)
				return false;
		}
		if (pages != z->free_pages)
			return false;
	}
	for (unsigned long i = 0; i < TNODE_PAGES; i++)
		if (covered[i] != (model[i] == M_FREE))
			return false;
	return true;
}
#line 1738 "chapters/07-buddy.nw" /* <buddy model: could it have been served?> */
static unsigned long dma_free_in_model(void)
{
	unsigned long n = 0;

	for (unsigned long i = 0; i < DMA_PAGES; i++)
		n += model[i] == M_FREE;
	return n;
}

static bool fits_in_model(gfp_t gfp, unsigned int order)
{
	unsigned long n = 1ul << order, end = (gfp & __GFP_DMA) ? DMA_PAGES : TNODE_PAGES;
	bool dma_ok = (gfp & __GFP_DMA) || dma_free_in_model() >= n + DMA_RESERVE;

	for (unsigned long i = 0; i + n <= end; i += n) {
		bool ok = i >= DMA_PAGES || (i + n <= DMA_PAGES && dma_ok);	/* in one zone */

		for (unsigned long j = i; ok && j < i + n; j++)
			ok = model[j] == M_FREE;
		if (ok)
			return true;
	}
	return false;
}

#line 1766 "chapters/07-buddy.nw" /* <buddy model: could it have been served?> */
static bool served_well(const struct page *p, gfp_t gfp, unsigned int order)
{
	unsigned long i = tpfn(p) - TNODE_START, n = 1ul << order;

	if ((tpfn(p) & (n - 1)) || ((gfp & __GFP_DMA) && i + n > DMA_PAGES))
		return false;
	if (!(gfp & __GFP_DMA) && i < DMA_PAGES && dma_free_in_model() < n + DMA_RESERVE)
		return false;				/* a fallback that took DMA's reserve */
	for (unsigned long j = i; j < i + n; j++)
		if (model[j] != M_FREE)
			return false;
	return PageHead(p) && p->private == order && !PageBuddy(p);
}
#line 1782 "chapters/07-buddy.nw" /* <buddy model: one step> */
static bool one_step(u32 *seed)
{
	if (nr_held < 200 && ktest_rand(seed) % 5 < 3) {
		unsigned int order = ktest_rand(seed) % 4 ? ktest_rand(seed) % 3 :
				     ktest_rand(seed) % MAX_ORDER;
		gfp_t gfp = ktest_rand(seed) % 4 ? GFP_KERNEL : GFP_DMA;
		struct page *p = buddy_alloc(&tnode, gfp, order);

		if (!p)
			return !fits_in_model(gfp, order);
		if (!served_well(p, gfp, order))
			return false;
		memset(model + (tpfn(p) - TNODE_START), M_USED, 1ul << order);
		held[nr_held].page = p;
		held[nr_held++].order = order;
	} else if (nr_held) {
		int k = (int)(ktest_rand(seed) % (unsigned int)nr_held);

		buddy_free(&tnode, held[k].page, held[k].order, "model");
		memset(model + (tpfn(held[k].page) - TNODE_START), M_FREE, 1ul << held[k].order);
		held[k] = held[--nr_held];
	}
	return true;
}

#line 1662 "chapters/07-buddy.nw" /* <mm/buddy_model_test.c> */
KTEST(buddy_matches_model)
{
	u32 seed = 1965;
	bool bad = false;

	tnode_init(DMA_PAGES);
	for (unsigned long i = 0; i < TNODE_PAGES; i++)
		model[i] = is_hole(i) ? M_HOLE : M_FREE;
	buddy_free_reserved(&tnode, TNODE_START, TNODE_START + 500, "model");
	buddy_free_reserved(&tnode, TNODE_START + 520, TNODE_START + 1000, "model");
	nr_held = 0;
	bad = !lists_match_model();
	for (int step = 0; step < 2000 && !bad; step++)
		bad = !one_step(&seed) || !lists_match_model();
	KEXPECT_TRUE(t, !bad);
	while (nr_held--)
		buddy_free(&tnode, held[nr_held].page, held[nr_held].order, "model");
	KEXPECT_EQ(t, buddy_free_pages(&tnode.node_zones[ZONE_DMA]) +
		      buddy_free_pages(&tnode.node_zones[ZONE_NORMAL]), TNODE_PAGES - 44);
}
