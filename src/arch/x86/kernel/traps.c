#line 130 "chapters/05-paging.nw" /* <arch/x86/kernel/traps.c> */
/* traps.c - the interrupt descriptor table, and what the kernel says when the CPU faults. */
#include <asm/segment.h>
#include <asm/traps.h>
#include <handoff/compiler.h>
#include <handoff/printk.h>

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 zero;
	u8 type;		/* 0x8E: present, ring 0, 32-bit interrupt gate */
	u16 offset_high;
} __attribute__((packed));

static struct idt_gate idt[256];

#line 151 "chapters/05-paging.nw" /* <traps: load the table> */
void trap_init(void)
{
	struct { u16 limit; u32 base; } __attribute__((packed)) idtr = {
		sizeof(idt) - 1, (u32)(unsigned long)idt
	};

	for (int i = 0; i < 32; i++)
		idt[i] = (struct idt_gate){ (u16)trap_stubs[i], __BOOT_CS, 0, 0x8E,
					    (u16)(trap_stubs[i] >> 16) };
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
#line 190 "chapters/05-paging.nw" /* <traps: explain any exception> */
static const char *const exception_names[32] = {
	"divide error", "debug", "non-maskable interrupt", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack-segment fault", "general protection fault", "page fault", "reserved 15",
	"x87 floating-point error", "alignment check", "machine check", "SIMD floating-point",
	"virtualization", "control protection", [28] = "hypervisor injection",
	"VMM communication", "security",
};

void do_trap(struct pt_regs *regs)
{
	char why[96];
	unsigned long cr2;

	if (regs->vector == 14) {
		__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
		panic("page fault at 0x%08lx: %s; eip 0x%08x, error code 0x%x%s", cr2,
		      page_fault_reason(regs->error_code, why, sizeof(why)), regs->eip,
		      regs->error_code, cr2 == regs->eip ? " (a jump there: a bad function "
		      "pointer?)" : "");
	}
	panic("%s (exception %u) at eip 0x%08x, error code 0x%x",
	      regs->vector < 32 && exception_names[regs->vector] ? exception_names[regs->vector] :
	      "reserved exception",
	      regs->vector, regs->eip, regs->error_code);
}
