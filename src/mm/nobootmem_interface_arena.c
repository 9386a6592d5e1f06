#line 2478 "chapters/09-shortcuts.nw" /* <mm/nobootmem_interface_arena.c> */
/* nobootmem_interface_arena.c - the interface test's arena in the no-bootmem chain: an LMB. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/lmb.h>
#include "bootmem_interface_test.h"
#include "lmb_test.h"

static struct retirement saved;

void bootmem_interface_test_begin(struct bootmem_interface_arena *a)
{
	saved = bootmem.life;
	bootmem.life = (struct retirement){ 0 };
	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	*a = (struct bootmem_interface_arena){ ARENA, LMB_ARENA_SIZE, 0, false };
}

void bootmem_interface_test_end(void)
{
	lmb_test_end();
	bootmem.life = saved;
}
