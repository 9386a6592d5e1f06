#line 2522 "chapters/09-shortcuts.nw" /* <include/handoff/measure.h> */
/* measure.h - what chapter 9 measures in a boot: instructions, metadata, memory lost. */
#ifndef HANDOFF_MEASURE_H
#define HANDOFF_MEASURE_H

/** measure_entry - read the time stamp counter as the kernel starts, for the first point. */
void measure_entry(void);

/**
 * measure_tsc - with "measure" on the command line, print "measure: tsc @where N" alone (the
 * first time, "measure: tsc entry N" before it): for a span inside a point, such as chapter
 * 10's handoff to the buddy.
 */
void measure_tsc(const char *where);

/** measure_counter - the time stamp counter now: guest instructions under tools/boot.sh -I 0. */
u64 measure_counter(void);

/**
 * measure_point - with "measure" on the command line, print "measure: tsc @where N" and
 * "measure: meta @where brk=... e820=... lmb=... bootmem=... buddy=... slab=..." (bytes).
 * @where is one word. Prints nothing without "measure".
 */
void measure_point(const char *where);

#line 2551 "chapters/09-shortcuts.nw" /* <include/handoff/measure.h> */
/**
 * acpi_like_user - with "acpi_like=N" on the command line, make N small allocate/free pairs the
 * way an early user of the allocation interface must (kmalloc once the slab is available,
 * bootmem before), and print what the pairs lost: "acpi_like: N pairs (B bytes) through
 * kmalloc|alloc_bootmem, counted in buddy|bootmem|lmb: L bytes lost". Panics, naming @caller,
 * when N is not a number.
 */
void acpi_like_user(const char *caller);

/**
 * measure_reserved - with "measure", once the buddy is up: "measure: reserved @where total=R
 * lmb=L mem_map=M slab=S other=O", the pages of memory the buddy does not have free, each
 * counted under the first owner that holds it: the slab, mem_map, LMB's reservations; other
 * for a page none of them holds.
 */
void measure_reserved(const char *where);
#endif
