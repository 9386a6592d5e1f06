#line 452 "chapters/09-shortcuts.nw" /* <mm/nobootmem_test.c> */
/* nobootmem_test.c - the bootmem interface served by LMB, on LMB's test arena. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include "lmb_test.h"

KTEST(nobootmem_serves_the_bootmem_interface)
{
	struct retirement saved = bootmem.life;
	phys_addr_t top = ARENA + LMB_ARENA_SIZE, mid = ARENA + LMB_ARENA_SIZE / 2;
	u8 *p, *q;

	lmb_test_begin();
	bootmem.life = (struct retirement){ 0 };
	lmb_add(ARENA, LMB_ARENA_SIZE);
	memset(lmb_test_arena, 0xAA, LMB_ARENA_SIZE);
	p = ___alloc_bootmem(&bootmem, 100, 64, mid, top, __func__);
	KEXPECT_TRUE(t, __pa(p) >= mid && __pa(p) + 100 <= top && !(__pa(p) & 63));
	KEXPECT_TRUE(t, p[0] == 0 && p[99] == 0);
	q = ___alloc_bootmem(&bootmem, PAGE_SIZE, PAGE_SIZE, 0, mid, __func__);
	KEXPECT_TRUE(t, __pa(q) >= ARENA && __pa(q) + PAGE_SIZE <= mid);
	KEXPECT_EQ(t, lmb.reserved.total_size, 100 + PAGE_SIZE);
	free_bootmem(__pa(p), 100);			/* exactly its bytes, none lost */
	KEXPECT_EQ(t, lmb.reserved.total_size, PAGE_SIZE);
	KEXPECT_PANIC(t, free_bootmem(__pa(p), 100), "lmb_free: nobootmem_serves_the_bootmem_interface()");
	KEXPECT_EQ(t, reserve_bootmem(__pa(q), 16, BOOTMEM_EXCLUSIVE), -1);
	KEXPECT_EQ(t, reserve_bootmem(__pa(q) - 16, 16, BOOTMEM_EXCLUSIVE), 0);
	KEXPECT_TRUE(t, ___alloc_bootmem_nopanic(&bootmem, 2 * LMB_ARENA_SIZE, 64, 0, top,
					      __func__) == NULL);
	KEXPECT_PANIC(t, ___alloc_bootmem(&bootmem, 2 * LMB_ARENA_SIZE, 64, 0, top, "x"),
		      "x() asked for 131072 bytes");
	retire(&bootmem.life, "bootmem", "the buddy allocator", "alloc_pages()");
	KEXPECT_PANIC(t, alloc_bootmem(16), "called after bootmem handed memory to the buddy");
	lmb_test_end();
	bootmem.life = saved;
}
