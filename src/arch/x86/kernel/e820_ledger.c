#line 912 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_ledger.c> */
/* e820_ledger.c - count the pages of the e820 era: usable, free, reserved. */
#include <handoff/compiler.h>
#include <handoff/early_res.h>
#include <handoff/ledger.h>
#include <handoff/pfn.h>

#line 942 "chapters/03-e820.nw" /* <e820 ledger: the reserved pages> */
static unsigned long reserved_pages(const struct e820map *m, const struct early_res_table *tab)
{
	unsigned long n = 0;

	for (int i = 0; i < tab->nr; ) {
		u64 first = PFN_DOWN(tab->res[i].start), last = PFN_UP(tab->res[i].end);
		const struct e820entry *e;

		for (i++; i < tab->nr && PFN_DOWN(tab->res[i].start) <= last; i++)
			last = MAX(last, PFN_UP(tab->res[i].end));
		for_each_e820_entry(m, e) {
			u64 lo = MAX(first, PFN_UP(e->addr));
			u64 hi = MIN(last, PFN_DOWN(e->addr + e->size));

			if (e->type == E820_RAM && lo < hi)
				n += (unsigned long)(hi - lo);
		}
	}
	return n;
}

#line 920 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_ledger.c> */
/**
 * e820_handoff_ledger - the ledger line of the handoff from @from to e820.
 */
void e820_handoff_ledger(const char *from)
{
	const struct e820entry *e;
	unsigned long total = 0, free = 0;
	u64 pos = 0, s, end;

	for_each_e820_entry(&e820, e)
		if (e->type == E820_RAM)
			total += pages_in(e->addr, e->addr + e->size);
	while (e820_next_free(&e820, &early_res, &pos, &s, &end))
		free += pages_in(s, end);
	handoff_ledger(from, "e820", total, free, reserved_pages(&e820, &early_res));
}
