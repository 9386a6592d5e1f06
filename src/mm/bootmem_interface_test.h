#line 1201 "chapters/09-shortcuts.nw" /* <mm/bootmem_interface_test.h> */
#ifndef _MM_BOOTMEM_INTERFACE_TEST_H
#define _MM_BOOTMEM_INTERFACE_TEST_H
#include <handoff/types.h>

/**
 * bootmem_interface_test_begin - make the bootmem interface serve an empty arena of its own,
 * live, whatever the boot left it: [*@base, *@base + *@size). Returns the pages of the arena
 * the chain's own bookkeeping may keep for itself (never given to a caller).
 */
unsigned long bootmem_interface_test_begin(phys_addr_t *base, phys_addr_t *size);

/** bootmem_interface_test_end - put back the interface and its allocator as the boot left them. */
void bootmem_interface_test_end(void);
#endif
