#line 94 "chapters/05-paging.nw" /* <arch/x86/include/asm/traps.h> */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H
#include <handoff/types.h>

/* The frame entry.S builds: pushal's registers, the stub's two words, then the CPU's. */
struct pt_regs {
	u32 edi, esi, ebp, esp_at_pushal, ebx, edx, ecx, eax;
	u32 vector, error_code;
	u32 eip, cs, eflags;
};

/* The 32 stubs of entry.S, one per exception vector: the addresses the IDT's gates hold. */
extern const u32 trap_stubs[32];

/** trap_init - load an IDT whose 32 exception gates lead to do_trap. */
void trap_init(void);

/** do_trap - every exception comes here; it explains the exception, and panics. */
void do_trap(struct pt_regs *regs);

/** page_fault_reason - "a write to a page that is not present, in kernel mode", and so on. */
const char *page_fault_reason(u32 error_code, char *buf, size_t size);
#endif
