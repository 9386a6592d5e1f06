#line 326 "chapters/02-brk.nw" /* <arch/x86/kernel/brk.c> */
/* brk.c (x86) - the kernel's brk area, whose first user is head.S. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/brk.h>
#include <handoff/handoff.h>
#include <handoff/printk.h>

extern char __brk_base[], __brk_limit[];

/* Written by head.S: the physical address of the first byte after its page tables. */
unsigned long early_pagetables_end;
bool early_pagetables_in_use = true;

RESERVE_BRK(early_pagetables, EARLY_PAGETABLES_SIZE);

/* No end until brk_takes_over: head.S's page tables are in it, and nothing may go over them. */
struct brk_area kernel_brk = { .base = __brk_base, .end = NULL, .limit = __brk_limit };

#line 349 "chapters/02-brk.nw" /* <brk: take the area over from head.S> */
void brk_takes_over(void)
{
	kernel_brk.end = __va(early_pagetables_end);	/* open for extend_brk */
	printk("brk: [mem 0x%08llx-0x%08llx] %zu KiB; head.S's page tables use %zu KiB\n",
	       __pa(kernel_brk.base), __pa(kernel_brk.limit) - 1,
	       (size_t)(kernel_brk.limit - kernel_brk.base) >> 10, brk_used(&kernel_brk) >> 10);
	printk("paging: physical [mem 0x00000000-0x%08llx] mapped at 0 and at 0x%08lx\n",
	       ((phys_addr_t)max_pfn_mapped << PAGE_SHIFT) - 1, PAGE_OFFSET);
}
#line 490 "chapters/02-brk.nw" /* <brk: seal it> */
void __reserve_brk(const char *caller)
{
	__retire(&kernel_brk.life, "brk", "the early reservations",
		 "find_e820_area() and reserve_early()", caller);
	printk("brk: sealed by %s(): %s used, %zu of %zu KiB\n", caller,
	       mem_range(&(struct mem_range_text){ 0 }, __pa(kernel_brk.base),
			 __pa(kernel_brk.end)), brk_used(&kernel_brk) >> 10,
	       (size_t)(kernel_brk.limit - kernel_brk.base) >> 10);
}
