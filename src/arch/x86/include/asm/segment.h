#line 320 "chapters/01-boot.nw" /* <arch/x86/include/asm/segment.h> */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H
/* Selectors into the boot GDT of head.S: index * 8, table GDT, privilege 0. */
#define __BOOT_CS	0x08
#define __BOOT_DS	0x10

/* A descriptor from its flags (granularity, size, present, privilege, type), base and limit. */
#define GDT_ENTRY(flags, base, limit)				\
	((((base) & 0xff000000) << 32) |			\
	 (((flags) & 0x0000f0ff) << 40) |			\
	 (((limit) & 0x000f0000) << 32) |			\
	 (((base) & 0x00ffffff) << 16) |			\
	 ((limit) & 0x0000ffff))
#endif
