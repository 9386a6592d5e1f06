#line 2688 "chapters/01-boot.nw" /* <kernel/main.c> */
/* main.c - start_kernel: the boot steps of every chapter, then the verdict. */
#line 2714 "chapters/01-boot.nw" /* <main.c: what the boot steps call> */
#include <handoff/cmdline.h>
#include <handoff/console.h>
#include <handoff/exit.h>
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>
#include <handoff/stage.h>
#line 513 "chapters/02-brk.nw" /* <main.c: what the boot steps call> */
#include <handoff/brk.h>
#include <handoff/handoff.h>
#line 1487 "chapters/03-e820.nw" /* <main.c: what the boot steps call> */
#include <asm/e820.h>
#include <handoff/early_res.h>
#line 1127 "chapters/04-lmb.nw" /* <main.c: what the boot steps call> */
#include <handoff/lmb.h>
#line 455 "chapters/05-paging.nw" /* <main.c: what the boot steps call> */
#include <asm/traps.h>
#include <handoff/mm.h>
#line 886 "chapters/06-bootmem.nw" /* <main.c: what the boot steps call> */
#include <handoff/bootmem.h>
#line 1247 "chapters/07-buddy.nw" /* <main.c: what the boot steps call> */
#include <handoff/gfp.h>
#line 1320 "chapters/08-slab.nw" /* <main.c: what the boot steps call> */
#include <handoff/slab.h>
#line 2849 "chapters/09-shortcuts.nw" /* <main.c: what the boot steps call> */
#include <handoff/measure.h>
#line 921 "chapters/10-nodes.nw" /* <main.c: what the boot steps call> */
#include <handoff/numa_init.h>
#line 3983 "chapters/10-nodes.nw" /* <main.c: what the boot steps call> */
#include <handoff/node_measure.h>

#line 2691 "chapters/01-boot.nw" /* <kernel/main.c> */
void start_kernel(u32 magic, u32 mbi_phys);

void start_kernel(u32 magic, u32 mbi_phys)
{
#line 2853 "chapters/09-shortcuts.nw" /* <start_kernel: first of all> */
	measure_entry();
#line 2725 "chapters/01-boot.nw" /* <boot steps> */
	console_init();
	printk("Handoff stage %d (%s)\n", current_stage()->number, current_stage()->name);
	multiboot_init(magic, mbi_phys);
	boot_mem_map_print(&boot_mem_map);
	memdump(boot_mem_map_memdump);
#line 508 "chapters/02-brk.nw" /* <boot steps> */
	brk_takes_over();
	reserve_brk();
#line 1482 "chapters/03-e820.nw" /* <boot steps> */
	setup_memory_map();
	e820_takes_over(mbi_phys);
#line 917 "chapters/10-nodes.nw" /* <boot steps: before LMB takes over> */
	numa_init();
#line 1120 "chapters/04-lmb.nw" /* <boot steps> */
	lmb_takes_over();
#line 450 "chapters/05-paging.nw" /* <boot steps> */
	trap_init();
	init_memory_mapping();
#line 878 "chapters/06-bootmem.nw" /* <boot steps> */
	bootmem_takes_over();
#line 2869 "chapters/09-shortcuts.nw" /* <boot steps: while bootmem rules> */
	measure_point("bootmem_rules");
	acpi_like_user("start_kernel");
#line 3979 "chapters/10-nodes.nw" /* <boot steps: while bootmem rules> */
	node_alloc_probe("start_kernel");
#line 1242 "chapters/07-buddy.nw" /* <boot steps> */
	zone_sizes_init();
	buddy_takes_over();
#line 1315 "chapters/08-slab.nw" /* <boot steps> */
	slab_takes_over();
	chain_summary();
#line 2098 "chapters/09-shortcuts.nw" /* <boot steps> */
	census_report();
#line 2874 "chapters/09-shortcuts.nw" /* <boot steps> */
	measure_point("end");
	measure_reserved("end");
#line 2697 "chapters/01-boot.nw" /* <kernel/main.c> */
	
#line 2733 "chapters/01-boot.nw" /* <run the tests and leave> */
	{
		int failed;

		if (cmdline_has(boot_command_line, "ktest=boot"))
			ktest_skip_units("ktest=boot: a unit test, the same in every boot (it runs "
					 "on the host and in boots without ktest=boot)");
		failed = ktest_run_all();

		stage_verdict(failed == 0);
		machine_exit(failed == 0);
	}
#line 2698 "chapters/01-boot.nw" /* <kernel/main.c> */
}
