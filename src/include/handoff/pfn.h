#line 1220 "chapters/03-e820.nw" /* <include/handoff/pfn.h> */
#ifndef _HANDOFF_PFN_H
#define _HANDOFF_PFN_H
#include <asm/page.h>

/* The first whole page at or after x: rounded up after the shift, so that it never wraps. */
#define PFN_UP(x)	(((x) >> PAGE_SHIFT) + !!((x) & (PAGE_SIZE - 1)))
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)			/* the page that holds x */
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/** pages_in - how many whole pages lie inside [@start, @end). */
static inline unsigned long pages_in(u64 start, u64 end)
{
	return PFN_DOWN(end) > PFN_UP(start) ? (unsigned long)(PFN_DOWN(end) - PFN_UP(start)) : 0;
}
#endif
