#line 934 "chapters/07-buddy.nw" /* <include/handoff/free_all_bootmem.h> */
#ifndef _HANDOFF_FREE_ALL_BOOTMEM_H
#define _HANDOFF_FREE_ALL_BOOTMEM_H
#include <handoff/bootmem.h>
#include <handoff/mmzone.h>
/**
 * free_all_bootmem_core - every page free in @b, and @b's bitmap, go to @pgdat's buddy;
 * @b is retired. Returns the number of pages handed over.
 */
unsigned long free_all_bootmem_core(bootmem_data_t *b, pg_data_t *pgdat, const char *by);
#define free_all_bootmem()	free_all_bootmem_core(&bootmem, NODE_DATA(0), __func__)

/**
 * free_bootmem_late - the whole pages inside [@addr, @addr + @size), still reserved, go
 * straight to the buddy: for memory freed after bootmem is gone. Panics if the range runs past
 * the top of the address space, rather than free nothing.
 */
unsigned long __free_bootmem_late(phys_addr_t addr, size_t size, const char *caller);
#define free_bootmem_late(addr, size)	__free_bootmem_late((addr), (size), __func__)
#endif
