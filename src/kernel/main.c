#line 2138 "chapters/01-boot.nw"
/* main.c - start_kernel: the boot steps of every chapter, then the verdict. */
#line 2156 "chapters/01-boot.nw"
#include <handoff/cmdline.h>
#include <handoff/console.h>
#include <handoff/exit.h>
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>
#include <handoff/stage.h>
#line 376 "chapters/02-brk.nw"
#include <handoff/brk.h>

#line 2141 "chapters/01-boot.nw"
void start_kernel(u32 magic, u32 mbi_phys);

void start_kernel(u32 magic, u32 mbi_phys)
{
#line 2167 "chapters/01-boot.nw"
	console_init();
	printk("Handoff stage %d (%s)\n", current_stage()->number, current_stage()->name);
	multiboot_init(magic, mbi_phys);
	boot_mem_map_print(&boot_mem_map);
	if (cmdline_has(boot_command_line, "memdump"))
		boot_mem_map_dump(&boot_mem_map);
#line 371 "chapters/02-brk.nw"
	brk_setup();
	reserve_brk();
#line 2146 "chapters/01-boot.nw"
	
#line 2176 "chapters/01-boot.nw"
	{
		int failed = ktest_run_all();

		stage_verdict(failed == 0);
		machine_exit(failed == 0);
	}
#line 2147 "chapters/01-boot.nw"
}
