#line 2283 "chapters/01-boot.nw"
/* main.c - start_kernel: the boot steps of every chapter, then the verdict. */
#line 2301 "chapters/01-boot.nw"
#include <handoff/cmdline.h>
#include <handoff/console.h>
#include <handoff/exit.h>
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>
#include <handoff/stage.h>
#line 386 "chapters/02-brk.nw"
#include <handoff/brk.h>
#line 1091 "chapters/03-e820.nw"
#include <asm/e820.h>
#include <handoff/early_res.h>
#line 894 "chapters/04-lmb.nw"
#include <handoff/lmb.h>
void lmb_takes_over(void);
#line 357 "chapters/05-paging.nw"
#include <asm/traps.h>
#include <handoff/mm.h>
#line 520 "chapters/06-bootmem.nw"
#include <handoff/bootmem.h>
void bootmem_takes_over(void);
void bootmem_memdump(void);
#line 961 "chapters/07-buddy.nw"
#include <handoff/gfp.h>
void zone_sizes_init(void);
void mem_init(void);
void buddy_memdump(void);
void buddy_ledger(const char *from, const char *to);
#line 1070 "chapters/08-slab.nw"
#include <handoff/slab.h>
void slab_takes_over(void);
void chain_summary(void);

#line 2286 "chapters/01-boot.nw"
void start_kernel(u32 magic, u32 mbi_phys);

void start_kernel(u32 magic, u32 mbi_phys)
{
#line 2312 "chapters/01-boot.nw"
	console_init();
	printk("Handoff stage %d (%s)\n", current_stage()->number, current_stage()->name);
	multiboot_init(magic, mbi_phys);
	boot_mem_map_print(&boot_mem_map);
	if (cmdline_has(boot_command_line, "memdump"))
		boot_mem_map_dump(&boot_mem_map);
#line 381 "chapters/02-brk.nw"
	brk_setup();
	reserve_brk();
#line 1082 "chapters/03-e820.nw"
	setup_memory_map();
	reserve_early_setup(mbi_phys);
	early_res_print(&early_res);
	e820_handoff_ledger("brk");
	if (cmdline_has(boot_command_line, "memdump"))
		e820_dump();
#line 887 "chapters/04-lmb.nw"
	lmb_takes_over();
	lmb_dump();
	if (cmdline_has(boot_command_line, "memdump"))
		lmb_memdump();
#line 352 "chapters/05-paging.nw"
	trap_init();
	init_memory_mapping();
#line 514 "chapters/06-bootmem.nw"
	bootmem_takes_over();
	if (cmdline_has(boot_command_line, "memdump"))
		bootmem_memdump();
#line 954 "chapters/07-buddy.nw"
	zone_sizes_init();
	mem_init();
	if (cmdline_has(boot_command_line, "memdump"))
		buddy_memdump();
#line 1065 "chapters/08-slab.nw"
	slab_takes_over();
	chain_summary();
#line 2291 "chapters/01-boot.nw"
	
#line 2321 "chapters/01-boot.nw"
	{
		int failed = ktest_run_all();

		stage_verdict(failed == 0);
		machine_exit(failed == 0);
	}
#line 2292 "chapters/01-boot.nw"
}
