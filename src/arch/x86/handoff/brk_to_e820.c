#line 1023 "chapters/03-e820.nw" /* <arch/x86/handoff/brk_to_e820.c> */
/* brk_to_e820.c - the first handoff: what is in use becomes early reservations, counted. */
#include <asm/page.h>
#include <handoff/brk.h>
#include <handoff/cmdline.h>
#include <handoff/compiler.h>
#include <handoff/early_res.h>
#include <handoff/handoff.h>
#include <handoff/multiboot.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/sections.h>
#include <handoff/string.h>

#define BIOS_BASE_MEMORY_KIB	0x413	/* in the BIOS data area: base memory, in KiB */
#define BIOS_EBDA_SEGMENT	0x40E	/* in the BIOS data area: the EBDA's segment */
#define LEGACY_END		0x100000

static void reserve_bios_and_kernel(void)
{
	u32 bios = bios_area_start(*(const u16 *)__va(BIOS_BASE_MEMORY_KIB),
				   *(const u16 *)__va(BIOS_EBDA_SEGMENT));

	reserve_early(0, PAGE_SIZE, "BIOS data");
	reserve_early(MAX(bios & ~(u32)(PAGE_SIZE - 1), PAGE_SIZE), LEGACY_END, "BIOS reserved");
	reserve_early(__pa(_text), __pa(__bss_stop), "TEXT DATA BSS");
	if (!is_retired(&kernel_brk.life))
		panic("early_res: brk is still live; reserve_brk() must retire it first");
	reserve_early(__pa(kernel_brk.base), __pa(kernel_brk.end), "BRK");
}

#line 1077 "chapters/03-e820.nw" /* <early reservations: what GRUB handed over> */
static void reserve_string(u32 phys, const char *name)
{
	u64 n = 0;

	if (!phys)
		return;
	while (phys_mapped(phys + n, 1) && ((const char *)__va(phys))[n])
		n++;
	if (phys_mapped(phys + n, 1))
		reserve_early(phys, phys + n + 1, name);
}

static void reserve_multiboot(u32 mbi_phys)
{
	const struct multiboot_info *mbi = __va(mbi_phys);

	reserve_early(mbi_phys, mbi_phys + sizeof(*mbi), "multiboot info");
	if (mbi->flags & MB_INFO_MEM_MAP)
		reserve_early(mbi->mmap_addr, (u64)mbi->mmap_addr + mbi->mmap_length, "mb mmap");
	if (mbi->flags & MB_INFO_CMDLINE)
		reserve_string(mbi->cmdline, "mb cmdline");
	if (mbi->flags & MB_INFO_LOADER_NAME)
		reserve_string(mbi->boot_loader_name, "mb loader name");
	if (!(mbi->flags & MB_INFO_MODS) || !mbi->mods_count)
		return;
	reserve_early(mbi->mods_addr, mb_modules_end(mbi), "mb modules");
	for (u32 i = 0; i < mbi->mods_count; i++) {
		const struct multiboot_module *mod =
			(const struct multiboot_module *)__va(mbi->mods_addr) + i;

		reserve_early(mod->mod_start, mod->mod_end, "module");
		reserve_string(mod->string, "module name");
	}
}
#line 1242 "chapters/03-e820.nw" /* <e820 ledger: the line> */
static void e820_ledger(const char *from)
{
	struct range_list mem, res;
	unsigned long total, free, reserved;

	e820_free_lists(&e820, &early_res, &mem, &res);
	range_page_counts(&mem, &res, &total, &free, &reserved);
	handoff_ledger(from, "e820", total, free, reserved);
}
#line 1363 "chapters/03-e820.nw" /* <e820: take over from brk> */
/**
 * e820_takes_over - brk's allocations, the BIOS areas, the kernel image and the multiboot
 * structures become early reservations; prints them and the ledger line of the handoff.
 */
void e820_takes_over(u32 mbi_phys)
{
	reserve_bios_and_kernel();
	reserve_multiboot(mbi_phys);
	early_res_print(&early_res);
	e820_ledger("brk");
	memdump(e820_dump);
}
