#line 2579 "chapters/01-boot.nw" /* <arch/x86/kernel/boot_test.c> */
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
		if (r->type == BOOT_MEM_USABLE && boot_mem_range_sound(r) &&
		    r->addr <= start && end - 1 <= boot_mem_range_last(r))
			inside = true;
	KEXPECT_TRUE(t, inside);
	KEXPECT_EQ(t, start, LOAD_PHYSICAL_ADDR);
}

KTEST(boot_refuses_a_foreign_loader)
{
	KEXPECT_PANIC(t, multiboot_init(0x1234, 0x9000), "not started by a multiboot boot loader");
	KEXPECT_PANIC(t, multiboot_init(MULTIBOOT_BOOTLOADER_MAGIC, 0), "pointer in EBX is null");
	KEXPECT_PANIC(t, multiboot_init(MULTIBOOT_BOOTLOADER_MAGIC, 0xfffffff0),
		      "out of the kernel's reach");
}

KTEST(boot_refuses_a_module_list_that_wraps)
{
	/* The last entry the kernel maps; 2^28 + 1 entries of 16 bytes wrap 32 bits to 16. */
	struct multiboot_info mbi = {
		.flags = MB_INFO_MODS,
		.mods_addr = (u32)(((phys_addr_t)max_pfn_mapped << PAGE_SHIFT) -
				   sizeof(struct multiboot_module)),
		.mods_count = 0x10000001,
	};

	KEXPECT_PANIC(t, mb_list_modules(&mbi), "mods_count 268435457");
}
