#line 534 "chapters/05-paging.nw" /* <arch/x86/mm/paging_test.c> */
/* paging_test.c - the live page tables, and the faults they make possible. */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <handoff/ktest.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>

extern u32 *swapper_pg_dir;

static bool maps(unsigned long va, unsigned long pfn)	/* a walk of the live tables */
{
	u32 pde = swapper_pg_dir[va >> PGDIR_SHIFT], pte;

	if (!(pde & _PAGE_PRESENT))
		return false;
	pte = ((const u32 *)__va(pde & ~0xfffu))[(va >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)];
	return (pte & _PAGE_PRESENT) && (pte >> PAGE_SHIFT) == pfn;
}

#line 563 "chapters/05-paging.nw" /* <arch/x86/mm/paging_test.c> */
KTEST(paging_maps_low_memory)
{
	const struct lmb_type *mem = &lmb.memory;
	u32 cr3;
	unsigned long i = 0;
	int wrong = 0;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	KEXPECT_EQ(t, cr3, __pa(swapper_pg_dir));
	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++) {	/* LMB's regions are sorted */
		phys_addr_t start = PFN_PHYS(pfn);
		bool ram, va_maps;

		while (i < mem->cnt && mem->regions[i].base + mem->regions[i].size <= start)
			i++;
		ram = i < mem->cnt && mem->regions[i].base < start + PAGE_SIZE;
		va_maps = maps((unsigned long)pfn_to_virt(pfn), pfn);
		wrong += va_maps != (ram || start < ISA_END_ADDRESS);
	}
	KEXPECT_EQ(t, wrong, 0);			/* RAM and the first MiB mapped, holes not */
	wrong = 0;
	for (unsigned int k = 0; k < (PAGE_OFFSET >> PGDIR_SHIFT); k++)
		wrong += swapper_pg_dir[k] != 0;
	KEXPECT_EQ(t, wrong, 0);			/* no identity map, no page 0 */
	KEXPECT_EQ(t, max_pfn_mapped, max_low_pfn);
	KEXPECT_EQ(t, lmb.current_limit, PFN_PHYS(max_low_pfn));
}

#line 597 "chapters/05-paging.nw" /* <arch/x86/mm/paging_test.c> */
static int *volatile null_pointer;	/* volatile: GCC may not assume it is NULL */

KTEST(paging_faults_explain_themselves)
{
	KEXPECT_PANIC(t, *null_pointer = 1, "page fault at 0x00000000: a write to a page that is "
		      "not present, in kernel mode");
	KEXPECT_PANIC(t, (void)*(volatile char *)LOAD_PHYSICAL_ADDR,
		      "page fault at 0x00100000: a read from a page that is not present");
	KEXPECT_PANIC(t, __asm__ volatile("ud2"), "invalid opcode (exception 6)");
	KEXPECT_PANIC(t, ((void (*)(void))null_pointer)(), "(a jump there: a bad function");
	/* A selector past the GDT's end: the CPU pushes it as the error code. */
	KEXPECT_PANIC(t, __asm__ volatile("movw %w0, %%ds" : : "r"(0x1230)),
		      "general protection fault (exception 13) at eip");
	KEXPECT_PANIC(t, __asm__ volatile("movw %w0, %%ds" : : "r"(0x1230)), "error code 0x1230");
	/* In C a division by zero is undefined, and GCC computes 1 / x without dividing. */
	KEXPECT_PANIC(t, __asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx" : : : "eax", "ecx", "edx"),
		      "divide error (exception 0)");
}
#line 624 "chapters/05-paging.nw" /* <arch/x86/mm/paging_test.c> */
/* Intel SDM vol. 3A, table 6-1 (8, 10-14, 17, 21), and AMD APM vol. 2, table 8-1 (29, 30). */
static const u8 vectors_with_error_code[] = { 8, 10, 11, 12, 13, 14, 17, 21, 29, 30 };

KTEST(trap_stubs_push_zero_only_where_the_cpu_does_not)
{
	u32 expected = 0, found = 0, malformed = 0;

	for (unsigned int i = 0; i < sizeof(vectors_with_error_code); i++)
		expected |= 1u << vectors_with_error_code[i];
	for (unsigned int n = 0; n < 32; n++) {
		const u8 *code = (const u8 *)(unsigned long)trap_stubs[n];

		if (code[0] == 0x6a && code[1] == 0 && code[2] == 0x6a && code[3] == n)
			continue;				/* pushl $0; pushl $n */
		if (code[0] == 0x6a && code[1] == n)
			found |= 1u << n;			/* pushl $n: the CPU's error code */
		else
			malformed |= 1u << n;
	}
	KEXPECT_EQ(t, malformed, 0);
	KEXPECT_EQ(t, found, expected);
}
