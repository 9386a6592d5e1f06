#line 2183 "chapters/01-boot.nw" /* <kernel/main.c> */
/* main.c - start_kernel: the boot steps of every chapter, then the verdict. */
#line 2201 "chapters/01-boot.nw" /* <main.c: what the boot steps call> */
#include <handoff/cmdline.h>
#include <handoff/console.h>
#include <handoff/exit.h>
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>
#include <handoff/stage.h>
#line 385 "chapters/02-brk.nw" /* <main.c: what the boot steps call> */
#include <handoff/brk.h>
#line 1066 "chapters/03-e820.nw" /* <main.c: what the boot steps call> */
#include <asm/e820.h>
#include <handoff/early_res.h>
#line 805 "chapters/04-lmb.nw" /* <main.c: what the boot steps call> */
#include <handoff/lmb.h>
void lmb_takes_over(void);
#line 357 "chapters/05-paging.nw" /* <main.c: what the boot steps call> */
#include <asm/traps.h>
#include <handoff/mm.h>
#line 505 "chapters/06-bootmem.nw" /* <main.c: what the boot steps call> */
#include <handoff/bootmem.h>
void bootmem_takes_over(void);
void bootmem_memdump(void);
#line 935 "chapters/07-buddy.nw" /* <main.c: what the boot steps call> */
#include <handoff/gfp.h>
void zone_sizes_init(void);
void mem_init(void);
void buddy_memdump(void);
void buddy_ledger(const char *from, const char *to);
#line 1050 "chapters/08-slab.nw" /* <main.c: what the boot steps call> */
#include <handoff/slab.h>
void slab_takes_over(void);
void chain_summary(void);

#line 2186 "chapters/01-boot.nw" /* <kernel/main.c> */
void start_kernel(u32 magic, u32 mbi_phys);

void start_kernel(u32 magic, u32 mbi_phys)
{
#line 2212 "chapters/01-boot.nw" /* <boot steps> */
	console_init();
	printk("Handoff stage %d (%s)\n", current_stage()->number, current_stage()->name);
	multiboot_init(magic, mbi_phys);
	boot_mem_map_print(&boot_mem_map);
	if (cmdline_has(boot_command_line, "memdump"))
		boot_mem_map_dump(&boot_mem_map);
#line 380 "chapters/02-brk.nw" /* <boot steps> */
	brk_setup();
	reserve_brk();
#line 1057 "chapters/03-e820.nw" /* <boot steps> */
	setup_memory_map();
	reserve_early_setup(mbi_phys);
	early_res_print(&early_res);
	e820_handoff_ledger("brk");
	if (cmdline_has(boot_command_line, "memdump"))
		e820_dump();
#line 798 "chapters/04-lmb.nw" /* <boot steps> */
	lmb_takes_over();
	lmb_dump();
	if (cmdline_has(boot_command_line, "memdump"))
		lmb_memdump();
#line 352 "chapters/05-paging.nw" /* <boot steps> */
	trap_init();
	init_memory_mapping();
#line 499 "chapters/06-bootmem.nw" /* <boot steps> */
	bootmem_takes_over();
	if (cmdline_has(boot_command_line, "memdump"))
		bootmem_memdump();
#line 928 "chapters/07-buddy.nw" /* <boot steps> */
	zone_sizes_init();
	mem_init();
	if (cmdline_has(boot_command_line, "memdump"))
		buddy_memdump();
#line 1045 "chapters/08-slab.nw" /* <boot steps> */
	slab_takes_over();
	chain_summary();
#line 2191 "chapters/01-boot.nw" /* <kernel/main.c> */
	
#line 2221 "chapters/01-boot.nw" /* <run the tests and leave> */
	{
		int failed = ktest_run_all();

		stage_verdict(failed == 0);
		machine_exit(failed == 0);
	}
#line 2192 "chapters/01-boot.nw" /* <kernel/main.c> */
}
