#line 1401 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_setup.c> */
/* e820_setup.c - the firmware's map becomes the kernel's. */
#include <asm/page.h>
#include <handoff/cmdline.h>
#include <handoff/early_res.h>
#include <handoff/printk.h>
#include <handoff/sections.h>

static void check_kernel_is_usable(void)
{
	u64 start = __pa(_text), last = __pa(_end) - 1;
	const struct e820entry *e;

	for_each_e820_entry(&e820, e)
		if (e->type == E820_RAM && e->addr <= start && last <= e->addr + e->size - 1)
			return;
	panic("e820: the kernel [mem 0x%08llx-0x%08llx] is not in usable memory: this map "
	      "leaves it no room to run", start, last);
}

/**
 * setup_memory_map - build e820 from the boot loader's map and the memmap= options.
 */
void setup_memory_map(void)
{
	const struct boot_mem_range *r;
	const char *v = NULL;
	size_t len;

	for_each_boot_mem_range(&boot_mem_map, r)
		e820_add_region(&e820, r->addr, r->size, r->type);
	e820_print_map(&e820, "given");
	sanitize_e820_map(&e820);
	while ((v = cmdline_get(boot_command_line, "memmap", v, &len)))
		parse_memmap(&e820, v, len);
	sanitize_e820_map(&e820);
	e820_print_map(&e820, "sanitized");
	e820_clip(&e820, 1ull << 32, 0, "above 4 GiB, and this kernel has no PAE");
	e820_clip(&e820, MAXMEM, 0, "above low memory, and this kernel has no highmem");
	check_kernel_is_usable();
}
#line 1446 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_setup.c> */
/** early_res_print - the reservations, one line each. */
void early_res_print(const struct early_res_table *tab)
{
	const struct early_res *r;

	for_each_early_res(tab, r)
		printk("early_res: [mem 0x%08llx-0x%08llx] %s\n", r->start, r->end - 1, r->name);
}

/** e820_dump - "memmap: e820 ..." for the map, "memmap: early_res ..." for reservations. */
void e820_dump(void)
{
	const struct e820entry *e;
	const struct early_res *r;

	for_each_e820_entry(&e820, e)
		printk("memmap: e820 0x%llx 0x%llx %s\n", e->addr, e->addr + e->size,
		       e820_type_name(e->type));
	for_each_early_res(&early_res, r)
		printk("memmap: early_res 0x%llx 0x%llx reserved\n", r->start, r->end);
}
