#line 56 "chapters/02-brk.nw" /* <include/handoff/brk.h> */
#ifndef _HANDOFF_BRK_H
#define _HANDOFF_BRK_H
#include <handoff/handoff.h>
#include <handoff/types.h>

#define __brk_stringify2(x)	#x
#define __brk_stringify(x)	__brk_stringify2(x)

/* Make the brk area @size bytes bigger, for @name, at link time. Outside functions only. */
#define RESERVE_BRK(name, size)						\
	__asm__(".pushsection .brk_reservation, \"aw\", @nobits\n"	\
		".brk." #name ":\n"					\
		"\t.skip " __brk_stringify(size) "\n"			\
		"\t.size .brk." #name ", . - .brk." #name "\n"		\
		".popsection")

#line 88 "chapters/02-brk.nw" /* <brk.h: the allocator> */
struct brk_area {
	char *base;		/* the first byte of the area */
	char *end;		/* the first byte not yet given out; NULL before the area is set up */
	char *limit;		/* the first byte after the area */
	struct retirement life;	/* retired when the next allocator takes its memory over */
};

/**
 * brk_alloc - give out @size zeroed bytes of @brk aligned to @align, on behalf of @caller.
 * Panics, naming @caller, if @align is not a power of two, if the area is not set up yet or has
 * been retired, or if too little is left (saying how much was asked and how much was left).
 * Never fails.
 */
void *brk_alloc(struct brk_area *brk, size_t size, size_t align, const char *caller);

/** brk_used - how many bytes of @brk have been given out. */
static inline size_t brk_used(const struct brk_area *brk)
{
	return (size_t)(brk->end - brk->base);
}
#line 164 "chapters/02-brk.nw" /* <brk.h: the kernel's brk> */
#ifndef HOST_BUILD
extern struct brk_area kernel_brk;

/** extend_brk - @size zeroed bytes aligned to @align from the kernel's brk area. */
#define extend_brk(size, align)	brk_alloc(&kernel_brk, (size), (align), __func__)

/** reserve_brk - retire the kernel's brk; its used part is what the next allocator reserves. */
#define reserve_brk()		__reserve_brk(__func__)
void __reserve_brk(const char *caller);

/* True while head.S's page tables are the ones in CR3; chapter 5 replaces them. */
extern bool early_pagetables_in_use;
#endif
#line 74 "chapters/02-brk.nw" /* <include/handoff/brk.h> */
#endif
