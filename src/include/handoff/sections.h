#line 519 "chapters/01-boot.nw" /* <include/handoff/sections.h> */
#ifndef _HANDOFF_SECTIONS_H
#define _HANDOFF_SECTIONS_H
/* Symbols from the linker script; only their addresses mean anything. */
extern char _text[], _etext[], _end[];
extern char __bss_start[], __bss_stop[];
extern char boot_stack[], boot_stack_top[];	/* from head.S */
#endif
