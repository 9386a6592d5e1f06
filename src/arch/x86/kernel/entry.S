#line 51 "chapters/05-paging.nw" /* <arch/x86/kernel/entry.S> */
/* entry.S - the 32 exception stubs: same frame for all, then C. */
#include <asm/segment.h>

	.section .note.GNU-stack, "", @progbits	/* the stack is not executable */
	.text
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
trap_\n:
	.if (\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
	.else
	pushl	$0				/* no error code: push one */
	.endif
	pushl	$\n				/* the vector */
	jmp	trap_common
	.endr

#line 82 "chapters/05-paging.nw" /* <entry.S: from the stub to C and back> */
trap_common:
	cld
	pushal
	pushl	%esp				/* struct pt_regs * */
	call	do_trap
	addl	$4, %esp
	popal
	addl	$8, %esp			/* the vector and the error code */
	iret

#line 68 "chapters/05-paging.nw" /* <arch/x86/kernel/entry.S> */
	.section .rodata
	.globl	trap_stubs
trap_stubs:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.long	trap_\n
	.endr
