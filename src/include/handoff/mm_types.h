#line 137 "chapters/07-buddy.nw" /* <include/handoff/mm_types.h> */
#ifndef _HANDOFF_MM_TYPES_H
#define _HANDOFF_MM_TYPES_H
#include <handoff/list.h>

struct page {
	unsigned long flags;	/* the PG_ bits, and the zone's number in the top two bits */
	unsigned long private;	/* PG_buddy or PG_head: the order of the block it heads */
	struct list_head lru;	/* PG_buddy: on its free list; else the owner's to use */
	void *slab;		/* PG_slab: the slab this page belongs to (chapter 8) */
};
#line 162 "chapters/07-buddy.nw" /* <mm_types.h: page flags> */
enum pageflags {
	PG_reserved,		/* not the buddy's: never given out, never freed */
	PG_buddy,		/* the first page of a free block */
	PG_head,		/* the first page of a block given out */
	PG_slab,		/* a page of a slab (chapter 8) */
	PG_kmalloc,		/* PG_head too: a block kmalloc gave out for a large request (chapter 8) */
};

#define ZONES_WIDTH		2
#define ZONES_PGSHIFT		(8 * sizeof(unsigned long) - ZONES_WIDTH)

#define PAGEFLAG(Name, bit)							\
static inline bool Page##Name(const struct page *p)				\
{ return p->flags & (1ul << PG_##bit); }					\
static inline void SetPage##Name(struct page *p) { p->flags |= 1ul << PG_##bit; }	\
static inline void ClearPage##Name(struct page *p) { p->flags &= ~(1ul << PG_##bit); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Head, head)
PAGEFLAG(Slab, slab)
PAGEFLAG(Kmalloc, kmalloc)

static inline unsigned int page_zonenum(const struct page *p)
{
	return (unsigned int)(p->flags >> ZONES_PGSHIFT);
}

/** page_state_flags - the flags without the zone: 0 for a page inside a block. */
static inline unsigned long page_state_flags(const struct page *p)
{
	return p->flags & ((1ul << ZONES_PGSHIFT) - 1);
}
#line 148 "chapters/07-buddy.nw" /* <include/handoff/mm_types.h> */
#endif
