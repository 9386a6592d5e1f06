#line 1658 "chapters/01-boot.nw"
/* boot_test.c - what only the booted kernel can check. */
#include <asm/page.h>
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/sections.h>

KTEST(boot_map_holds_the_kernel)
{
	phys_addr_t start = __pa(_text), end = __pa(_end);
	const struct boot_mem_range *r;
	bool inside = false;

	for_each_boot_mem_range(&boot_mem_map, r)
		if (r->type == BOOT_MEM_USABLE && r->addr <= start && end <= r->addr + r->size)
			inside = true;
	KEXPECT_TRUE(t, inside);
	KEXPECT_EQ(t, start, LOAD_PHYSICAL_ADDR);
}

static int bss_probe[64];

KTEST(boot_bss_is_zero)
{
	int nonzero = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(bss_probe); i++)
		nonzero += bss_probe[i] != 0;
	KEXPECT_EQ(t, nonzero, 0);
}
