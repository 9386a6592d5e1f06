#line 2072 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_boot_test.c> */
/* e820_boot_test.c - the kernel's own map and reservations. */
#include <asm/page.h>
#include <handoff/brk.h>
#include <handoff/early_res.h>
#include <handoff/ktest.h>
#include <handoff/sections.h>
#include <handoff/string.h>

static const struct early_res *find_res(const char *name)
{
	const struct early_res *r;

	for_each_early_res(&early_res, r)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}

KTEST(e820_the_kernels_map)
{
	for (int i = 0; i < e820.nr_map; i++) {
		const struct e820entry *e = &e820.map[i];

		KEXPECT_TRUE(t, e->size && e->addr + e->size <= MAXMEM);
		if (i)
			KEXPECT_TRUE(t, e[-1].addr + e[-1].size <= e->addr);
	}
	KEXPECT_TRUE(t, e820.nr_map > 0);
}
#line 2106 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_boot_test.c> */
KTEST(e820_the_kernels_reservations)
{
	static struct early_res_table copy;
	const struct early_res *text = find_res("TEXT DATA BSS"), *brk = find_res("BRK");
	u64 a;

	KASSERT_TRUE(t, text && brk && find_res("BIOS data") && find_res("multiboot info"));
	KEXPECT_EQ(t, text->start, __pa(_text));
	KEXPECT_EQ(t, brk->start, __pa(kernel_brk.base));
	KEXPECT_EQ(t, brk->end, __pa(kernel_brk.end));
	copy = early_res;
	copy.life = (struct retirement){ 0 };		/* the copy is live */
	a = __find_e820_area(&e820, &copy, 0, ~0ull, 0x10000, 0x1000, "test");
	KASSERT_TRUE(t, a != ~0ull);
	for (int i = 0; i < copy.nr; i++)
		KEXPECT_TRUE(t, a + 0x10000 <= copy.res[i].start || a >= copy.res[i].end);
}
