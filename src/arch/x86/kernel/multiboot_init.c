#line 1429 "chapters/01-boot.nw"
/* multiboot_init.c - the kernel's side of the multiboot hand-over. */
#include <asm/page.h>
#include <handoff/cmdline.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>

#line 1380 "chapters/01-boot.nw"
static void read_memory_info(const struct multiboot_info *mbi)
{
	if (mbi->flags & MB_INFO_MEM_MAP) {
		mb_read_mmap(__va(mbi->mmap_addr), mbi->mmap_length, &boot_mem_map);
		if (boot_mem_map.nr)
			return;
		printk("multiboot: the memory map is empty\n");
	}
	if (!(mbi->flags & MB_INFO_MEMORY))
		panic("multiboot: the boot loader gave no memory information "
		      "(flags 0x%08x: neither bit 0 nor bit 6)", mbi->flags);
	mb_synthesize_map(mbi->mem_lower, mbi->mem_upper, &boot_mem_map);
}

static void read_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mod = __va(mbi->mods_addr);

	if (!(mbi->flags & MB_INFO_MODS))
		return;
	for (u32 i = 0; i < mbi->mods_count; i++, mod++)
		printk("multiboot: module %u [mem 0x%08x-0x%08x] %s\n", i, mod->mod_start,
		       mod->mod_end - 1, mod->string ? (const char *)__va(mod->string) : "");
}

void multiboot_init(u32 magic, u32 mbi_phys)
{
	const struct multiboot_info *mbi = __va(mbi_phys);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("multiboot: not started by a multiboot boot loader (EAX=0x%08x, "
		      "expected 0x%08x)", magic, MULTIBOOT_BOOTLOADER_MAGIC);
	if (!mbi_phys)
		panic("multiboot: the information pointer in EBX is null");
	printk("multiboot: loaded by \"%s\", flags 0x%08x\n",
	       mbi->flags & MB_INFO_LOADER_NAME ? (const char *)__va(mbi->boot_loader_name) : "?",
	       mbi->flags);
	if (mbi->flags & MB_INFO_CMDLINE)
		cmdline_save(__va(mbi->cmdline));
	printk("Command line: %s\n", boot_command_line);
	read_memory_info(mbi);
	read_modules(mbi);
}
