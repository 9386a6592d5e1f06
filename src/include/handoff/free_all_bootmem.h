#line 957 "chapters/07-buddy.nw" /* <include/handoff/free_all_bootmem.h> */
#ifndef _HANDOFF_FREE_ALL_BOOTMEM_H
#define _HANDOFF_FREE_ALL_BOOTMEM_H
#include <handoff/bootmem.h>
#include <handoff/mmzone.h>
/**
 * free_all_bootmem_core - every page free in @b goes to @pgdat's buddy, or with @pgdat NULL to
 * the buddy of the node each page is on (chapter 10); returns how many.
 */
unsigned long free_all_bootmem_core(bootmem_data_t *b, pg_data_t *pgdat, const char *by);

/**
 * __free_all_bootmem - every page free in @bm's bitmaps, checked, then the bitmaps' own pages,
 * go to @pgdat's buddy (NULL: each to its node's); @bm is retired by @by. Returns the number of
 * pages handed over.
 */
unsigned long __free_all_bootmem(struct bootmem *bm, pg_data_t *pgdat, const char *by);
#define free_all_bootmem()	__free_all_bootmem(&bootmem, NULL, __func__)

/**
 * free_bootmem_late - the whole pages inside [@addr, @addr + @size), still reserved, go
 * straight to the buddy: for memory freed after bootmem is gone. Panics if the range runs past
 * the top of the address space, rather than free nothing.
 */
unsigned long __free_bootmem_late(phys_addr_t addr, size_t size, const char *caller);
#define free_bootmem_late(addr, size)	__free_bootmem_late((addr), (size), __func__)
#endif
