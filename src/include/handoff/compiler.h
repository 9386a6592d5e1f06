#line 559 "chapters/01-boot.nw" /* <include/handoff/compiler.h> */
#ifndef _HANDOFF_COMPILER_H
#define _HANDOFF_COMPILER_H
#define __noreturn		__attribute__((noreturn))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define __noinline		__attribute__((noinline))
#define __used			__attribute__((used))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)		((a) < (b) ? (a) : (b))
#define MAX(a, b)		((a) > (b) ? (a) : (b))
#endif
