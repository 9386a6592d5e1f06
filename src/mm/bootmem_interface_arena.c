#line 722 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_arena.c> */
/* bootmem_interface_arena.c - the interface test's arena for chains that keep bootmem. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/pfn.h>
#include "bootmem_interface_test.h"

#define ARENA_PAGES	64
static u8 arena[ARENA_PAGES * PAGE_SIZE] __attribute__((aligned(4096)));
static u8 arena_map[ARENA_PAGES / 8];
static bootmem_data_t saved;

unsigned long bootmem_interface_test_begin(phys_addr_t *b, phys_addr_t *n)
{
	saved = bootmem;
	bootmem = (bootmem_data_t){ 0 };
	init_bootmem_core(&bootmem, arena_map, (unsigned long)PFN_DOWN(__pa(arena)),
			  (unsigned long)PFN_DOWN(__pa(arena)) + ARENA_PAGES);
	free_bootmem_core(&bootmem, __pa(arena), sizeof(arena), __func__);
	*b = __pa(arena);
	*n = sizeof(arena);
	return 0;
}

void bootmem_interface_test_end(void)
{
	bootmem = saved;
}
