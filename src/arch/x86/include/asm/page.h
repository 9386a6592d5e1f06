#line 361 "chapters/01-boot.nw" /* <arch/x86/include/asm/page.h> */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#line 217 "chapters/02-brk.nw" /* <page.h: where later stages put the kernel> */
#define __PAGE_OFFSET		0xC0000000	/* from stage 2 on: the higher half */
#line 365 "chapters/01-boot.nw" /* <arch/x86/include/asm/page.h> */
#ifndef __PAGE_OFFSET
#define __PAGE_OFFSET		0x00000000	/* stage 1: paging off, virtual == physical */
#endif

#define LOAD_PHYSICAL_ADDR	0x00100000	/* GRUB loads us at 1 MiB */
#define PAGE_SHIFT		12
#define PAGE_SIZE		(1 << PAGE_SHIFT)

/* The physical address of a symbol, for code that runs before paging. */
#define pa(x)			((x) - __PAGE_OFFSET)

#ifndef __ASSEMBLER__
#include <handoff/types.h>
#define PAGE_OFFSET		((unsigned long)__PAGE_OFFSET)
#line 391 "chapters/01-boot.nw" /* <page.h: translate between the kernel's pointers and physical addresses> */
#ifndef HOST_BUILD
#define __pa(x)			((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))
#define __va(x)			((void *)((unsigned long)(x) + PAGE_OFFSET))
#else
/*
 * On the build machine, the allocators' "physical memory" is ordinary memory of the test
 * program (static buffers the tests hand them), and a physical address is simply the address
 * of the byte: AddressSanitizer then guards the edges of every such buffer.
 */
#define __pa(x)			((phys_addr_t)(uintptr_t)(x))
#define __va(x)			((void *)(uintptr_t)(x))
#endif

#line 409 "chapters/01-boot.nw" /* <page.h: how much of physical memory the kernel can reach> */
/*
 * The physical pages below this one are the ones the kernel can reach through __va. With
 * paging off that is everything below 4 GiB; chapter 2's head.S lowers it to what its first
 * page tables map, and chapter 5 raises it again.
 */
extern unsigned long max_pfn_mapped;

/** phys_mapped - can the kernel read the @size bytes at @phys through __va? */
static inline bool phys_mapped(phys_addr_t phys, phys_addr_t size)
{
	phys_addr_t end = (phys_addr_t)max_pfn_mapped << PAGE_SHIFT;

	return phys < end && size <= end - phys;
}
#line 382 "chapters/01-boot.nw" /* <arch/x86/include/asm/page.h> */
#endif

#endif
