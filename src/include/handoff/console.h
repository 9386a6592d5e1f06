#line 728 "chapters/01-boot.nw" /* <include/handoff/console.h> */
#ifndef _HANDOFF_CONSOLE_H
#define _HANDOFF_CONSOLE_H
#include <handoff/types.h>

/**
 * console_init - make the console usable; printk works (silently) before it too.
 */
void console_init(void);

/**
 * console_write - write @len bytes of @s to every console.
 */
void console_write(const char *s, size_t len);

/**
 * console_flush - wait until what was written has left the machine (before it stops).
 */
void console_flush(void);
#endif
