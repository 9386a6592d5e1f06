#line 449 "chapters/01-boot.nw" /* <arch/x86/kernel.lds.S> */
#include <asm/page.h>

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(startup_32)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* read, execute */
	data PT_LOAD FLAGS(6);		/* read, write */
}

SECTIONS
{
#line 479 "chapters/01-boot.nw" /* <kernel.lds: code, constants and the tests, read-only> */
	. = LOAD_PHYSICAL_ADDR + __PAGE_OFFSET;
	_text = .;
	.text : AT(ADDR(.text) - __PAGE_OFFSET) {
		KEEP(*(.multiboot))
		*(.text.head)
		*(.text .text.*)
	} :text
	_etext = .;
	.rodata : AT(ADDR(.rodata) - __PAGE_OFFSET) { *(.rodata .rodata.*) } :text
	.ktest_cases : AT(ADDR(.ktest_cases) - __PAGE_OFFSET) {
		__start_ktest_cases = .;
		KEEP(*(ktest_cases))
		__stop_ktest_cases = .;
	} :text
#line 464 "chapters/01-boot.nw" /* <arch/x86/kernel.lds.S> */
	. = ALIGN(PAGE_SIZE);
#line 500 "chapters/01-boot.nw" /* <kernel.lds: data and BSS, writable> */
	.data : AT(ADDR(.data) - __PAGE_OFFSET) { *(.data .data.*) } :data
	.bss : AT(ADDR(.bss) - __PAGE_OFFSET) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		__bss_stop = .;
	}
#line 42 "chapters/02-brk.nw" /* <kernel.lds: after the BSS> */
	. = ALIGN(PAGE_SIZE);
	.brk (NOLOAD) : AT(ADDR(.brk) - __PAGE_OFFSET) {
		__brk_base = .;
		. += 64 * 1024;			/* for users without a RESERVE_BRK */
		*(.brk_reservation)		/* the RESERVE_BRKs */
		__brk_limit = .;
	} :data
#line 251 "chapters/02-brk.nw" /* <kernel.lds: after the BSS> */
#include <asm/pgtable.h>
	ASSERT(_end - __PAGE_OFFSET <= EARLY_MAP_SIZE / 2,
	       "the kernel image fills more than half of head.S's early mapping")
#line 467 "chapters/01-boot.nw" /* <arch/x86/kernel.lds.S> */
	. = ALIGN(PAGE_SIZE);
	_end = .;

	/DISCARD/ : { *(.note .note.*) *(.comment) *(.eh_frame) }
}
