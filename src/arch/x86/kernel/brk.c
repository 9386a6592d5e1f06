#line 314 "chapters/02-brk.nw" /* <arch/x86/kernel/brk.c> */
/* brk.c (x86) - the kernel's brk area, whose first user is head.S. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/brk.h>
#include <handoff/printk.h>

extern char __brk_base[], __brk_limit[];

/* Written by head.S: the physical address of the first byte after its page tables. */
unsigned long early_pagetables_end;
bool early_pagetables_in_use = true;

RESERVE_BRK(early_pagetables, EARLY_PAGETABLES_SIZE);

/* Closed until brk_setup: head.S's page tables are in it, and nothing may go over them. */
struct brk_area kernel_brk = { __brk_base, __brk_base, __brk_limit, "the boot code, until brk_setup" };

#line 336 "chapters/02-brk.nw" /* <brk: take the area over from head.S> */
void brk_setup(void)
{
	kernel_brk.end = __va(early_pagetables_end);
	kernel_brk.sealed_by = NULL;			/* open for extend_brk */
	printk("brk: [mem 0x%08llx-0x%08llx] %zu KiB; head.S's page tables use %zu KiB\n",
	       __pa(kernel_brk.base), __pa(kernel_brk.limit) - 1,
	       (size_t)(kernel_brk.limit - kernel_brk.base) >> 10, brk_used(&kernel_brk) >> 10);
	printk("paging: physical [mem 0x00000000-0x%08llx] mapped at 0 and at 0x%08lx\n",
	       ((phys_addr_t)max_pfn_mapped << PAGE_SHIFT) - 1, PAGE_OFFSET);
}
#line 364 "chapters/02-brk.nw" /* <brk: seal it> */
void __reserve_brk(const char *caller)
{
	brk_seal(&kernel_brk, caller);
	printk("brk: sealed by %s(): [mem 0x%08llx-0x%08llx] used, %zu of %zu KiB\n", caller,
	       __pa(kernel_brk.base), __pa(kernel_brk.end) - 1, brk_used(&kernel_brk) >> 10,
	       (size_t)(kernel_brk.limit - kernel_brk.base) >> 10);
}
