#line 538 "chapters/01-boot.nw" /* <include/handoff/types.h> */
#ifndef _HANDOFF_TYPES_H
#define _HANDOFF_TYPES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* not uint64_t: %llx must fit it on every machine */
typedef long long s64;

/*
 * Physical addresses are 64 bits wide: the firmware may report memory above 4 GiB. (A choice:
 * non-PAE i386 Linux has a 32-bit phys_addr_t; see "Where the kernel lives".)
 */
typedef u64 phys_addr_t;
#endif
