#line 186 "chapters/01-boot.nw"
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H
/* Selectors into the boot GDT of head.S: index * 8, table GDT, privilege 0. */
#define __BOOT_CS	0x08
#define __BOOT_DS	0x10
#endif
