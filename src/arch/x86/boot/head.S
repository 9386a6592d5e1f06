#line 196 "chapters/01-boot.nw" /* <arch/x86/boot/head.S> */
/*
 * head.S - the kernel's first instructions. GRUB jumps here with paging off, EAX holding the
 * multiboot magic and EBX the physical address of the multiboot information.
 */
#include <asm/page.h>
#include <asm/segment.h>

#define MULTIBOOT_HEADER_MAGIC	0x1BADB002
#define MULTIBOOT_PAGE_ALIGN	(1 << 0)	/* modules on 4 KiB boundaries */
#define MULTIBOOT_MEMORY_INFO	(1 << 1)	/* we want mem_* and the memory map */
#define MULTIBOOT_HEADER_FLAGS	(MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)

	.section .multiboot, "a"
	.align 4
	.long MULTIBOOT_HEADER_MAGIC
	.long MULTIBOOT_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

	.section .note.GNU-stack, "", @progbits	/* the stack is not executable */

#line 238 "chapters/01-boot.nw" /* <head.S: the entry point> */
	.section .text.head, "ax"
	.globl startup_32
startup_32:
	cli
	cld
	movl	%eax, %esi			/* multiboot magic */
	movl	%ebx, %edi			/* multiboot information, physical */

	lgdt	pa(boot_gdt_desc)
	ljmp	$__BOOT_CS, $pa(1f)
1:	movl	$__BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%eax, %ss

	
#line 271 "chapters/01-boot.nw" /* <head.S: clear the BSS> */
	movl	$pa(__bss_start), %edi
	movl	$pa(__bss_stop), %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb
	movl	%ebx, %edi			/* EDI again: the multiboot information */
#line 256 "chapters/01-boot.nw" /* <head.S: the entry point> */
	movl	$pa(boot_stack_top), %esp
	pushl	$0				/* a known EFLAGS: IF and the rest clear */
	popfl
#line 265 "chapters/02-brk.nw" /* <head.S: before the kernel runs in C> */
	
#line 270 "chapters/02-brk.nw" /* <head.S: build the early page tables in brk> */
#include <asm/pgtable.h>
	pushl	%esi
	pushl	%edi
	movl	$pa(__brk_base), %edx		/* the page directory: brk's first page */
	movl	%edx, %edi
	xorl	%eax, %eax
	movl	$PTRS_PER_PGD, %ecx
	rep stosl				/* clear it; EDI is now brk's second page */
	movl	$PTE_IDENT_ATTR, %eax		/* maps physical 0 */
1:	leal	PDE_IDENT_ATTR(%edi), %ecx	/* an entry for the page table at EDI */
	movl	%ecx, (%edx)			/* identity */
	movl	%ecx, (__PAGE_OFFSET >> 20)(%edx)	/* and at PAGE_OFFSET */
	addl	$4, %edx
	movl	$PTRS_PER_PTE, %ecx
2:	stosl					/* one page */
	addl	$PAGE_SIZE, %eax
	loop	2b
	cmpl	$EARLY_MAP_SIZE + PTE_IDENT_ATTR, %eax
	jb	1b
	movl	%edi, pa(early_pagetables_end)	/* what brk_takes_over takes over */
	shrl	$PAGE_SHIFT, %eax		/* the flags shift out: the end's pfn */
	movl	%eax, pa(max_pfn_mapped)
	popl	%edi
	popl	%esi
#line 266 "chapters/02-brk.nw" /* <head.S: before the kernel runs in C> */
	
#line 303 "chapters/02-brk.nw" /* <head.S: turn paging on and jump to the higher half> */
	movl	$pa(__brk_base), %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$X86_CR0_PG, %eax
	movl	%eax, %cr0			/* paging on; the identity map holds EIP */
	ljmp	$__BOOT_CS, $3f			/* the same code, at its PAGE_OFFSET address */
3:	addl	$__PAGE_OFFSET, %esp
	lgdt	boot_gdt_desc_high
	.pushsection .rodata
boot_gdt_desc_high:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt			/* virtual this time */
	.popsection
#line 260 "chapters/01-boot.nw" /* <head.S: the entry point> */
	xorl	%ebp, %ebp			/* end of the frame chain: backtraces stop */
	pushl	%edi
	pushl	%esi
	call	start_kernel
	/* start_kernel never returns; if it does, stop here rather than run off. */
	cli
2:	hlt
	jmp	2b
#line 300 "chapters/01-boot.nw" /* <head.S: the boot GDT and stack> */
	.section .rodata
	.align 8
boot_gdt:
	.quad	0				/* null: the CPU requires it */
	.quad	GDT_ENTRY(0xc09b, 0, 0xfffff)	/* __BOOT_CS: flat 4 GiB code, ring 0 */
	.quad	GDT_ENTRY(0xc093, 0, 0xfffff)	/* __BOOT_DS: flat 4 GiB data, ring 0 */
boot_gdt_end:
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.long	pa(boot_gdt)

	.section .bss
	.align 16
	.globl	boot_stack, boot_stack_top
boot_stack:
	.skip	16384
boot_stack_top:
