#line 1405 "chapters/09-shortcuts.nw" /* <mm/nobootmem_interface_arena.c> */
/* nobootmem_interface_arena.c - the interface test's arena in the no-bootmem chain: an LMB. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/lmb.h>
#include "bootmem_interface_test.h"
#include "lmb_test.h"

static struct retirement saved;

unsigned long bootmem_interface_test_begin(phys_addr_t *b, phys_addr_t *n)
{
	saved = bootmem.life;
	bootmem.life = (struct retirement){ 0 };
	lmb_test_begin();
	lmb_add(ARENA, LMB_ARENA_SIZE);
	*b = ARENA;
	*n = LMB_ARENA_SIZE;
	return 0;
}

void bootmem_interface_test_end(void)
{
	lmb_test_end();
	bootmem.life = saved;
}
