#line 1208 "chapters/01-boot.nw" /* <arch/x86/kernel/exit.c> */
/* exit.c - leave QEMU (isa-debug-exit) or Bochs (the shutdown port). */
#include <asm/io.h>
#include <handoff/console.h>
#include <handoff/exit.h>

#define QEMU_DEBUG_EXIT		0xf4
#define QEMU_EXIT_PASS		0x10	/* QEMU exits (0x10 << 1) | 1 = 33 */
#define QEMU_EXIT_FAIL		0x11	/* QEMU exits 35 */
#define BOCHS_SHUTDOWN_PORT	0x8900

void machine_exit(bool pass)
{
	const char *s = "Shutdown";

	console_flush();
	outb(QEMU_DEBUG_EXIT, pass ? QEMU_EXIT_PASS : QEMU_EXIT_FAIL);
	while (*s)
		outb(BOCHS_SHUTDOWN_PORT, (u8)*s++);
	for (;;)
		__asm__ volatile("cli; hlt");
}
