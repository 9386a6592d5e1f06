#line 750 "chapters/01-boot.nw" /* <drivers/serial.c> */
/* serial.c - the console: COM1 (a 16550 UART) and the emulators' debug port 0xE9. */
#include <asm/io.h>
#include <handoff/console.h>

#define COM1		0x3F8
#define UART_THR	0	/* transmit holding register (write) */
#define UART_IER	1	/* interrupt enable */
#define UART_DLL	0	/* divisor latch, low byte (when DLAB is set) */
#define UART_DLM	1	/* divisor latch, high byte */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_SCR	7	/* scratch */
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define LSR_THRE	0x20	/* transmitter holding register empty: room for a byte */
#define LSR_TEMT	0x40	/* transmitter empty: the last byte has left the wire */
#define DEBUGCON	0xE9

static bool com1_present;

#line 777 "chapters/01-boot.nw" /* <serial: find and program the UART> */
void console_init(void)
{
	outb(COM1 + UART_SCR, 0x5A);		/* is anything there? */
	if (inb(COM1 + UART_SCR) != 0x5A)
		return;
	outb(COM1 + UART_IER, 0x00);		/* we poll; no interrupts */
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, 1);		/* 115200 baud */
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, 0xC7);		/* FIFOs on, cleared, 14-byte trigger */
	outb(COM1 + UART_MCR, 0x03);		/* DTR, RTS */
	com1_present = true;
}
#line 794 "chapters/01-boot.nw" /* <serial: write bytes without ever hanging> */
static void com1_putc(char c)
{
	int spins = 100000;			/* ~0.1 s of port reads: a byte takes 87 us */

	while (!(inb(COM1 + UART_LSR) & LSR_THRE) && --spins)
		;
	if (spins)
		outb(COM1 + UART_THR, (u8)c);
	else
		com1_present = false;		/* stuck: stop waiting on it */
}

void console_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		outb(DEBUGCON, (u8)s[i]);
		if (com1_present && s[i] == '\n')
			com1_putc('\r');
		if (com1_present)
			com1_putc(s[i]);
	}
}

void console_flush(void)
{
	int spins = 100000;

	while (com1_present && !(inb(COM1 + UART_LSR) & LSR_TEMT) && --spins)
		;
}
