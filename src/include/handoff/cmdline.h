#line 1425 "chapters/01-boot.nw"
#ifndef _HANDOFF_CMDLINE_H
#define _HANDOFF_CMDLINE_H
#include <handoff/types.h>

#define COMMAND_LINE_SIZE	512

extern char boot_command_line[COMMAND_LINE_SIZE];

/** cmdline_save - copy @s into boot_command_line, cutting (and saying so) if it is too long. */
void cmdline_save(const char *s);

/**
 * cmdline_has - is @word one of the space-separated words of @cmdline? Whole words only:
 * "memdump" is not found in "memdumps" nor in "memdump=1".
 */
bool cmdline_has(const char *cmdline, const char *word);
#endif
