#line 1816 "chapters/04-lmb.nw" /* <arch/x86/kernel/lmb_boot_test.c> */
/* lmb_boot_test.c - the handoff from e820 to LMB, as it happened. */
#include <asm/page.h>
#include <handoff/early_res.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>

static bool lmb_reserved_covers(u64 start, u64 end)
{
	const struct lmb_region *r;

	for_each_lmb(reserved, r)
		if (r->base <= start && end <= r->base + r->size)
			return true;
	return false;
}
#line 1836 "chapters/04-lmb.nw" /* <arch/x86/kernel/lmb_boot_test.c> */
KTEST(lmb_took_over_from_e820)
{
	const struct e820entry *e;
	unsigned long i = 0;

	for_each_e820_entry(&e820, e) {
		phys_addr_t at = e->addr;

		if (e->type != E820_RAM)
			continue;
		for (; i < lmb.memory.cnt && lmb.memory.regions[i].base == at; i++)
			at += lmb.memory.regions[i].size;
		KEXPECT_EQ(t, at, e->addr + e->size);
	}
	KEXPECT_EQ(t, i, lmb.memory.cnt);
	KEXPECT_TRUE(t, lmb_reserved_covers(__pa(lmb.memory.regions),	/* LMB's own arrays */
		     __pa(lmb.memory.regions) + lmb_array_bytes(lmb.memory.max)) ||
		     lmb.memory.max == INIT_LMB_REGIONS);
	KEXPECT_TRUE(t, lmb_reserved_covers(__pa(lmb.reserved.regions),
		     __pa(lmb.reserved.regions) + lmb_array_bytes(lmb.reserved.max)) ||
		     lmb.reserved.max == INIT_LMB_REGIONS);
	KEXPECT_EQ(t, lmb.current_limit, (phys_addr_t)max_pfn_mapped << PAGE_SHIFT);
	KEXPECT_STREQ(t, early_res.life.by, "lmb_takes_over");
	KEXPECT_PANIC(t, reserve_early(0x1000, 0x2000, "late"),
		      "use lmb_find_area(), lmb_reserve() and lmb_alloc() instead");
	KEXPECT_PANIC(t, find_e820_area(0, 1 << 20, 16, 16), "lmb_took_over_from_e820() called");
}
