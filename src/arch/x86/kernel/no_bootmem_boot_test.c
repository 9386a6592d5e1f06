#line 494 "chapters/09-shortcuts.nw" /* <arch/x86/kernel/no_bootmem_boot_test.c> */
/* no_bootmem_boot_test.c - the no-bootmem chain's handover, after the boot. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>

KTEST(buddy_took_over_from_lmb)
{
	KEXPECT_STREQ(t, lmb.life.by, "buddy_takes_over");
	KEXPECT_STREQ(t, bootmem.life.by, "buddy_takes_over");
	KEXPECT_PANIC(t, lmb_alloc(PAGE_SIZE, PAGE_SIZE), "lmb_alloc: buddy_took_over_from_lmb() "
		      "called after LMB handed memory to the buddy allocator in buddy_takes_over()");
	KEXPECT_PANIC(t, reserve_bootmem(0x100000, PAGE_SIZE, 0), "reserve_bootmem: "
		      "buddy_took_over_from_lmb() called after bootmem handed memory");
}
