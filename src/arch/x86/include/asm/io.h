#line 708 "chapters/01-boot.nw" /* <arch/x86/include/asm/io.h> */
#ifndef _ASM_IO_H
#define _ASM_IO_H
#include <handoff/types.h>

static inline void outb(u16 port, u8 value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}
#endif
