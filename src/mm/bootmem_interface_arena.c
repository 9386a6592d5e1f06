#line 2443 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_arena.c> */
/* bootmem_interface_arena.c - the interface test's arena for chains that keep bootmem. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/pfn.h>
#include "bootmem_interface_test.h"
#include "lmb_test.h"

static u8 arena_map[LMB_ARENA_SIZE / PAGE_SIZE / 8];
static bootmem_data_t arena_bitmap;
static struct bootmem saved;

void bootmem_interface_test_begin(struct bootmem_interface_arena *a)
{
	saved = bootmem;
	bootmem = (struct bootmem){ 0 };
	init_bootmem_core(&arena_bitmap, arena_map, (unsigned long)PFN_DOWN(ARENA),
			  (unsigned long)PFN_DOWN(ARENA + LMB_ARENA_SIZE));
	link_bootmem(&bootmem, &arena_bitmap);
	free_bootmem(ARENA, LMB_ARENA_SIZE);
	*a = (struct bootmem_interface_arena){ ARENA, LMB_ARENA_SIZE, 0, false };
}

void bootmem_interface_test_end(void)
{
	bootmem = saved;
}
