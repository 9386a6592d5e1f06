#line 1859 "chapters/01-boot.nw" /* <include/handoff/cmdline.h> */
#ifndef _HANDOFF_CMDLINE_H
#define _HANDOFF_CMDLINE_H
#include <handoff/types.h>

#define COMMAND_LINE_SIZE	2048	/* with the final NUL, as in Linux x86 */

extern char boot_command_line[COMMAND_LINE_SIZE];

/** cmdline_save - copy @s into boot_command_line, cutting (and saying so) if it is too long. */
void cmdline_save(const char *s);

/**
 * cmdline_has - is @word one of the space-separated words of @cmdline? Whole words only:
 * "memdump" is not found in "memdumps" nor in "memdump=1".
 */
bool cmdline_has(const char *cmdline, const char *word);

/**
 * cmdline_get - find the next word "@name=value" of @cmdline that starts after @from (NULL: from
 * the start). Returns a pointer to the value inside @cmdline and its length in *@len, or NULL
 * when there is none. Every memmap= in turn:
 *	for (v = NULL; (v = cmdline_get(line, "memmap", v, &len)); )
 */
const char *cmdline_get(const char *cmdline, const char *name, const char *from, size_t *len);

/**
 * memdump - call @dump, which prints a map as "memmap:" lines, if the kernel command line has
 * the word "memdump". Every stage's machine-readable map goes out through this one hook.
 */
void memdump(void (*dump)(void));
#endif
