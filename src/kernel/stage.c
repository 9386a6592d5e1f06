#line 1236 "chapters/01-boot.nw" /* <kernel/stage.c> */
/* stage.c - which stage this kernel is, and its verdict line. */
#include <handoff/compiler.h>
#include <handoff/printk.h>
#include <handoff/stage.h>

static const struct stage stages[] = {
#line 1259 "chapters/01-boot.nw" /* <stages> */
	{ 1, "boot" },
#line 518 "chapters/02-brk.nw" /* <stages> */
	{ 2, "brk" },
#line 1492 "chapters/03-e820.nw" /* <stages> */
	{ 3, "e820" },
#line 1131 "chapters/04-lmb.nw" /* <stages> */
	{ 4, "lmb" },
#line 460 "chapters/05-paging.nw" /* <stages> */
	{ 5, "paging" },
#line 909 "chapters/06-bootmem.nw" /* <stages> */
	{ 6, "bootmem" },
#line 1277 "chapters/07-buddy.nw" /* <stages> */
	{ 7, "buddy" },
#line 1324 "chapters/08-slab.nw" /* <stages> */
	{ 8, "slab" },
#line 101 "chapters/09-shortcuts.nw" /* <stages> */
	{ 9, "shortcuts, chain " CHAIN_NAME },
#line 41 "chapters/10-nodes.nw" /* <stages> */
	{ 10, "nodes, bootmem " BOOTMEM_NAME },
#line 1243 "chapters/01-boot.nw" /* <kernel/stage.c> */
};

const struct stage *current_stage(void)
{
	return &stages[ARRAY_SIZE(stages) - 1];
}

void stage_verdict(bool pass)
{
	const struct stage *s = current_stage();

	printk("stage %d (%s): %s\n", s->number, s->name, pass ? "PASS" : "FAIL");
}
