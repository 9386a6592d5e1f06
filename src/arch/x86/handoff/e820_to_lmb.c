#line 999 "chapters/04-lmb.nw" /* <arch/x86/handoff/e820_to_lmb.c> */
/* e820_to_lmb.c - the e820 stage hands its memory to LMB. */
#include <asm/page.h>
#include <handoff/cmdline.h>
#include <handoff/early_res.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>

#line 1012 "chapters/04-lmb.nw" /* <lmb handoff: room for the transfer> */
static void grow_for_handoff(struct lmb_type *type, unsigned long need, const char *name)
{
	unsigned long max = type->max;
	u64 size, addr;

	if (need <= max)
		return;
	while (max < need)
		max *= 2;
	size = lmb_array_bytes(max);				/* whole pages, as LMB's own */
	addr = find_e820_area(0, lmb.current_limit, size, PAGE_SIZE);
	if (addr == ~0ull)
		panic("lmb: no room below 0x%llx for the %s array of %lu regions (%llu bytes)",
		      lmb.current_limit, type->name, max, size);
	reserve_early(addr, addr + size, name);
	lmb_use_array(type, __va(addr), max);
}

static unsigned long usable_e820_entries(void)
{
	const struct e820entry *e;
	unsigned long n = 0;

	for_each_e820_entry(&e820, e)
		n += e->type == E820_RAM;
	return n;
}
#line 1049 "chapters/04-lmb.nw" /* <lmb handoff: the transfer> */
static void check_nothing_lost(void)
{
	const struct early_res *e;
	const struct lmb_region *r;

	for_each_early_res(&early_res, e) {
		bool in_lmb = false;

		for_each_lmb(reserved, r)
			in_lmb |= r->base <= e->start && e->end <= r->base + r->size;
		if (!in_lmb)
			panic("lmb: the handoff lost [mem 0x%08llx-0x%08llx] %s", e->start,
			      e->end - 1, e->name);
	}
}
#line 1068 "chapters/04-lmb.nw" /* <lmb handoff: the transfer> */
/**
 * lmb_takes_over - e820's usable memory and every early reservation move into LMB; the early
 * reservation code is retired. Prints the ledger line of the handoff and LMB's lists.
 */
void lmb_takes_over(void)
{
	const struct e820entry *e;
	const struct early_res *r;
	unsigned long total, free, reserved;

	lmb.current_limit = (phys_addr_t)max_pfn_mapped << PAGE_SHIFT;
	grow_for_handoff(&lmb.memory, usable_e820_entries(), "LMB memory");
	grow_for_handoff(&lmb.reserved, (unsigned long)early_res.nr + 1, "LMB reserved");
	for_each_e820_entry(&e820, e)
		if (e->type == E820_RAM)
			lmb_add(e->addr, e->size);
	for_each_early_res(&early_res, r)
		lmb_reserve(r->start, r->end - r->start);
	check_nothing_lost();
	retire(&early_res.life, "the early reservations", "LMB",
	       "lmb_find_area(), lmb_reserve() and lmb_alloc()");
#line 1347 "chapters/10-nodes.nw" /* <lmb handoff: what LMB learns before its ledger line> */
	lmb_learn_nodes(&numa_meminfo);
#line 1090 "chapters/04-lmb.nw" /* <lmb handoff: the transfer> */
	lmb_page_counts(&total, &free, &reserved);
	handoff_ledger("e820", "lmb", total, free, reserved);
	lmb_dump();
	memdump(lmb_memdump);
}
