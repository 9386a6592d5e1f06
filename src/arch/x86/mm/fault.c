#line 167 "chapters/05-paging.nw" /* <arch/x86/mm/fault.c> */
/* fault.c - what a page fault's error code says, in words. */
#include <asm/traps.h>
#include <handoff/printk.h>

#define PF_PROT		0x01	/* the page was present: a protection violation */
#define PF_WRITE	0x02
#define PF_USER		0x04
#define PF_RSVD		0x08
#define PF_INSTR	0x10

const char *page_fault_reason(u32 error_code, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s, in %s mode%s",
		 error_code & PF_INSTR ? "an instruction fetch from" :
		 error_code & PF_WRITE ? "a write to" : "a read from",
		 error_code & PF_PROT ? "a protected page" : "a page that is not present",
		 error_code & PF_USER ? "user" : "kernel",
		 error_code & PF_RSVD ? " (a reserved bit is set in an entry)" : "");
	return buf;
}
