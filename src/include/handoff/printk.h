#line 837 "chapters/01-boot.nw" /* <include/handoff/printk.h> */
#ifndef _HANDOFF_PRINTK_H
#define _HANDOFF_PRINTK_H
#include <stdarg.h>
#include <handoff/compiler.h>
#include <handoff/types.h>

#ifdef HOST_BUILD
/* On the build machine the C library owns these names; ours are tested under others. */
#define vsnprintf	handoff_vsnprintf
#define snprintf	handoff_snprintf
#endif

/**
 * vsnprintf - format @fmt with @args into @buf, writing at most @size bytes with the final NUL.
 * Returns the length the full output would have had, not counting the NUL.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/**
 * printk - format and write to the console. Output longer than 511 bytes is cut, and says so.
 */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list args);

/** printk_string - write @s to the console whole, however long (no formatting, no cut). */
void printk_string(const char *s);

#line 872 "chapters/01-boot.nw" /* <include/handoff/printk.h> */
/**
 * mem_range - the physical range @start..@end (end exclusive) as text, in @t: "[mem
 * 0xFIRST-0xLAST]", or "[mem 0xSTART, 0 bytes]" when it is empty, or "[mem 0xSTART-, ends before
 * it starts at 0xEND]": never a last byte printed before the first. For printk's "%s".
 */
struct mem_range_text { char s[64]; };
const char *mem_range(struct mem_range_text *t, u64 start, u64 end);

/**
 * printk_set_prefix - start every line printk writes from now on with @prefix (NULL: none).
 * The test runner uses it to keep what code under test prints inside its KTAP report.
 */
void printk_set_prefix(const char *prefix);

/**
 * panic - print "panic: " and the reason, report the stage as failed, leave the emulator.
 */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);
#endif
