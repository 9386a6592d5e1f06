#line 1341 "chapters/06-bootmem.nw" /* <arch/x86/kernel/bootmem_boot_test.c> */
/* bootmem_boot_test.c - the handoff from LMB to bootmem, and the live allocator. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>

KTEST(bootmem_took_over_from_lmb)
{
	unsigned long min, low;

	bootmem_span(&bootmem, &min, &low);
	KEXPECT_EQ(t, low, max_low_pfn);
	KEXPECT_EQ(t, min, 0);
	KEXPECT_STREQ(t, lmb.life.by, "bootmem_takes_over");
	KEXPECT_PANIC(t, lmb_alloc(PAGE_SIZE, PAGE_SIZE), "use alloc_bootmem() instead");
}

KTEST(bootmem_live_allocations)
{
	u8 *p;

	if (is_retired(&bootmem.life)) {
		ktest_skip(t, "bootmem was retired by a later stage");
		return;
	}
	p = alloc_bootmem(100);
	KEXPECT_TRUE(t, __pa(p) >= MAX_DMA_ADDRESS || max_low_pfn <= PFN_DOWN(MAX_DMA_ADDRESS));
	KEXPECT_EQ(t, p[99], 0);
	p = alloc_bootmem_low(PAGE_SIZE);
	KEXPECT_TRUE(t, __pa(p) < MAX_DMA_ADDRESS);
	p = ___alloc_bootmem(&bootmem, PAGE_SIZE, PAGE_SIZE, 0, 0, __func__);
	free_bootmem(__pa(p), PAGE_SIZE);
	KEXPECT_PANIC(t, free_bootmem(__pa(p), PAGE_SIZE), "which is free already");
}
