#line 1219 "chapters/04-lmb.nw" /* <mm/lmb_test.h> */
#ifndef _MM_LMB_TEST_H
#define _MM_LMB_TEST_H
#include <handoff/lmb.h>
#include <handoff/ktest.h>

void lmb_test_begin(void);
void lmb_test_end(void);

/* Physical memory the tests may really write (the arrays grow into it): 64 KiB. */
extern u8 lmb_test_arena[];
#define LMB_ARENA_SIZE	0x10000
#define ARENA		((phys_addr_t)__pa(lmb_test_arena))
#endif
