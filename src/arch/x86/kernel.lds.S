#line 307 "chapters/01-boot.nw"
#include <asm/page.h>

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(startup_32_phys)
startup_32_phys = pa(startup_32);

PHDRS
{
	text PT_LOAD FLAGS(5);		/* read, execute */
	data PT_LOAD FLAGS(6);		/* read, write */
}

SECTIONS
{
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
	. = ALIGN(PAGE_SIZE);
	.data : AT(ADDR(.data) - __PAGE_OFFSET) { *(.data .data.*) } :data
	.bss : AT(ADDR(.bss) - __PAGE_OFFSET) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		__bss_stop = .;
	}

	. = ALIGN(PAGE_SIZE);
	_end = .;

	/DISCARD/ : { *(.note .note.*) *(.comment) *(.eh_frame) }
}
