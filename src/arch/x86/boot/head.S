#line 92 "chapters/01-boot.nw"
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

#line 132 "chapters/01-boot.nw"
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

	
#line 165 "chapters/01-boot.nw"
	movl	$pa(__bss_start), %edi
	movl	$pa(__bss_stop), %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb
	movl	%ebx, %edi			/* EDI again: the multiboot information */
#line 150 "chapters/01-boot.nw"
	movl	$pa(boot_stack_top), %esp
	pushl	$0				/* a known EFLAGS: IF and the rest clear */
	popfl

	xorl	%ebp, %ebp			/* end of the frame chain: backtraces stop */
	pushl	%edi
	pushl	%esi
	call	start_kernel
	/* start_kernel never returns; if it does, stop here rather than run off. */
	cli
2:	hlt
	jmp	2b
#line 194 "chapters/01-boot.nw"
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
