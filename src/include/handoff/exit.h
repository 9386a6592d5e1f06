#line 1195 "chapters/01-boot.nw" /* <include/handoff/exit.h> */
#ifndef _HANDOFF_EXIT_H
#define _HANDOFF_EXIT_H
#include <handoff/compiler.h>
#include <handoff/types.h>

/**
 * machine_exit - leave the emulator, telling it whether the stage passed. Never returns.
 */
__noreturn void machine_exit(bool pass);
#endif
