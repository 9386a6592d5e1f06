#line 1524 "chapters/01-boot.nw" /* <arch/x86/kernel/multiboot_init.c> */
/* multiboot_init.c - the kernel's side of the multiboot hand-over. */
#include <asm/page.h>
#include <handoff/cmdline.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>

#line 1449 "chapters/01-boot.nw" /* <multiboot: take the hand-over> */
static const void *reach(u32 phys, u32 size, const char *what)
{
	if (!phys_mapped(phys, size))
		panic("multiboot: %s at [mem 0x%08x-0x%08x] is out of the kernel's reach "
		      "(below 0x%llx)", what, phys, phys + size - 1,
		      (phys_addr_t)max_pfn_mapped << PAGE_SHIFT);
	return __va(phys);
}

/* A string GRUB left, if all of it can be read; it must end within @max bytes. */
static const char *reach_string(u32 phys, size_t max)
{
	const char *s;
	size_t n = 0;

	if (!phys || !phys_mapped(phys, 1))
		return "(unreadable)";
	s = __va(phys);
	while (n < max && phys_mapped(phys + n, 1) && s[n])
		n++;
	return n < max && phys_mapped(phys + n, 1) ? s : "(unreadable)";
}

static void read_memory_info(const struct multiboot_info *mbi)
{
	if (mbi->flags & MB_INFO_MEM_MAP) {
		mb_read_mmap(reach(mbi->mmap_addr, mbi->mmap_length, "the memory map"),
			     mbi->mmap_length, &boot_mem_map);
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
	const struct multiboot_module *mod;

	if (!(mbi->flags & MB_INFO_MODS) || !mbi->mods_count)
		return;
	mod = reach(mbi->mods_addr, mbi->mods_count * sizeof(*mod), "the module list");
	for (u32 i = 0; i < mbi->mods_count; i++, mod++)
		printk("multiboot: module %u [mem 0x%08x-0x%08x] %s\n", i, mod->mod_start,
		       mod->mod_end - 1, reach_string(mod->string, COMMAND_LINE_SIZE));
}

void multiboot_init(u32 magic, u32 mbi_phys)
{
	const struct multiboot_info *mbi;

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("multiboot: not started by a multiboot boot loader (EAX=0x%08x, "
		      "expected 0x%08x)", magic, MULTIBOOT_BOOTLOADER_MAGIC);
	if (!mbi_phys)
		panic("multiboot: the information pointer in EBX is null");
	mbi = reach(mbi_phys, sizeof(*mbi), "the multiboot information");
	printk("multiboot: loaded by \"%s\", flags 0x%08x\n",
	       mbi->flags & MB_INFO_LOADER_NAME ? reach_string(mbi->boot_loader_name, 64) : "?",
	       mbi->flags);
	if (mbi->flags & MB_INFO_CMDLINE)
		cmdline_save(reach_string(mbi->cmdline, COMMAND_LINE_SIZE));
	printk("Command line: %s\n", boot_command_line);
	read_memory_info(mbi);
	read_modules(mbi);
}
