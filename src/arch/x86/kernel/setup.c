#line 429 "chapters/01-boot.nw" /* <arch/x86/kernel/setup.c> */
/* setup.c - what the architecture code knows about memory before any allocator does. */
#include <asm/page.h>

unsigned long max_pfn_mapped = 1ul << (32 - PAGE_SHIFT);	/* paging off: all of 4 GiB */
