#line 1839 "chapters/01-boot.nw" /* <arch/x86/kernel/multiboot_init.c> */
/* multiboot_init.c - the kernel's side of the multiboot hand-over. */
#include <asm/page.h>
#include <handoff/cmdline.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>

#line 1738 "chapters/01-boot.nw" /* <multiboot: reach a structure GRUB left, or panic saying where> */
static const void *reach(u32 phys, phys_addr_t size, const char *what)
{
	struct mem_range_text range;

	if (!phys_mapped(phys, size))
		panic("multiboot: %s at %s is out of the kernel's reach (below 0x%llx)", what,
		      mem_range(&range, phys, (u64)phys + size),
		      (phys_addr_t)max_pfn_mapped << PAGE_SHIFT);
	return __va(phys);
}

#line 1756 "chapters/01-boot.nw" /* <multiboot: copy a string GRUB left, as far as it can be read> */
/*
 * A string GRUB left, named @what, copied into @buf (@size bytes) as far as it fits and can be
 * read; where it does not, it is cut there, and the cut is printed.
 */
static const char *reach_string(u32 phys, char *buf, size_t size, const char *what)
{
	const char *s;
	size_t n = 0;

	if (!phys || !phys_mapped(phys, 1))
		return "(unreadable)";
	s = __va(phys);
	for (; n < size - 1 && phys_mapped((phys_addr_t)phys + n, 1) && s[n]; n++)
		buf[n] = s[n];
	buf[n] = '\0';
	if (!phys_mapped((phys_addr_t)phys + n, 1))
		printk("multiboot: %s runs out of the kernel's reach after %u bytes: cut there\n",
		       what, (unsigned int)n);
	else if (s[n])
		printk("multiboot: %s is longer than %u bytes: cut there\n", what,
		       (unsigned int)n);
	return buf;
}

#line 1703 "chapters/01-boot.nw" /* <multiboot: take the hand-over> */
static char mb_string[COMMAND_LINE_SIZE];	/* one string at a time */

#line 1785 "chapters/01-boot.nw" /* <multiboot: read the memory map, or make one from mem_lower and mem_upper> */
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

#line 1816 "chapters/01-boot.nw" /* <multiboot: list the modules> */
void mb_list_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mod;
	char what[48];

	if (!(mbi->flags & MB_INFO_MODS) || !mbi->mods_count)
		return;
	snprintf(what, sizeof(what), "the module list (mods_count %u)", mbi->mods_count);
	mod = reach(mbi->mods_addr, mb_modules_bytes(mbi), what);
	for (u32 i = 0; i < mbi->mods_count; i++, mod++) {
		struct mem_range_text range;

		printk("multiboot: module %u %s %s\n", i,
		       mem_range(&range, mod->mod_start, mod->mod_end),
		       reach_string(mod->string, mb_string, 256, "a module's string"));
	}
}

#line 1709 "chapters/01-boot.nw" /* <multiboot: take the hand-over> */
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
	       mbi->flags & MB_INFO_LOADER_NAME ?
	       reach_string(mbi->boot_loader_name, mb_string, 256, "the boot loader's name") : "?",
	       mbi->flags);
	if (mbi->flags & MB_INFO_CMDLINE)
		cmdline_save(reach_string(mbi->cmdline, mb_string, sizeof(mb_string),
					  "the command line"));
	printk("Command line: ");
	printk_string(boot_command_line);
	printk("\n");
	read_memory_info(mbi);
	mb_list_modules(mbi);
}
