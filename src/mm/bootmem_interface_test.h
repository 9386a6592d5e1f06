#line 2227 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.h> */
#ifndef _MM_BOOTMEM_INTERFACE_TEST_H
#define _MM_BOOTMEM_INTERFACE_TEST_H
#include <handoff/types.h>

struct bootmem_interface_arena {
	phys_addr_t base, size;		/* the memory the interface serves in the test */
	unsigned long kept;		/* pages of it no caller can be given (bookkeeping...) */
	bool limits_are_zones;		/* a limit is only honoured as a zone's end */
};

/**
 * bootmem_interface_test_begin - make the bootmem interface serve an arena, live, whatever the
 * boot left it, and say in @a what it is.
 */
void bootmem_interface_test_begin(struct bootmem_interface_arena *a);

/** bootmem_interface_test_end - put back the interface and its allocator as the boot left them. */
void bootmem_interface_test_end(void);
#endif
