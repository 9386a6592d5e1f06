#line 44 "chapters/03-e820.nw" /* <arch/x86/include/asm/e820.h> */
#ifndef _ASM_E820_H
#define _ASM_E820_H
#include <handoff/multiboot.h>
#include <handoff/types.h>

#define E820_RAM	1
#define E820_RESERVED	2
#define E820_ACPI	3	/* ACPI tables: usable once they have been read */
#define E820_NVS	4	/* ACPI non-volatile storage: never usable */
#define E820_UNUSABLE	5	/* bad memory */
#define E820MAX		128

struct e820entry {
	u64 addr;
	u64 size;
	u32 type;
};

struct e820map {
	int nr_map;
	struct e820entry map[E820MAX];
};

extern struct e820map e820;

#define for_each_e820_entry(m, e) \
	for ((e) = (m)->map; (e) < (m)->map + (m)->nr_map; (e)++)

#line 81 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
/**
 * e820_add_region - append [@start, @start + @size) of @type to @m, as given (unsanitized).
 * A full map refuses the entry and says so; returns 0, or -1 when it was refused.
 */
int e820_add_region(struct e820map *m, u64 start, u64 size, u32 type);

/**
 * sanitize_e820_map - make @m sorted, disjoint and merged: zero-length entries dropped,
 * entries that wrap past 2^64 refused, overlaps resolved by e820_precedence, adjacent entries
 * of one type merged. Says what it dropped. Returns the number of entries.
 */
int sanitize_e820_map(struct e820map *m);

/** e820_precedence - when entries overlap, the one of higher precedence wins. */
int e820_precedence(u32 type);
#line 102 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
/**
 * e820_clip - remove from @m what lies at or above @limit: entries of type @type only, or of every
 * type if @type is 0. Says how much usable memory that was and, in @why, why it is ignored.
 * @m should be sanitized, or overlapping entries are counted twice in the message.
 */
void e820_clip(struct e820map *m, u64 limit, u32 type, const char *why);

/**
 * parse_memmap - apply one memmap= value (@len bytes at @s) to @m, as Linux does:
 * "exactmap" empties the map, "nn[KMG]@ss[KMG]" adds usable memory, "nn$ss" reserved,
 * "nn#ss" ACPI data, and "nn" alone limits usable memory to nn. Anything else is reported and
 * ignored; returns 0 when applied, -1 when ignored.
 */
int parse_memmap(struct e820map *m, const char *s, size_t len);

/**
 * memparse - a size with an optional K, M or G suffix, decimal or 0x hex, at @s; *@end is set
 * past it. Returns false (and leaves *@v alone) when there is no number or it overflows.
 */
bool memparse(const char *s, const char **end, u64 *v);

/** e820_print_map - the map, one "e820: @who [mem first-last] type" line per entry. */
void e820_print_map(const struct e820map *m, const char *who);

/** e820_type_name - "usable", "reserved", ... */
const char *e820_type_name(u32 type);
#line 383 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
#define MAXMEM		(896ull << 20)	/* low memory: what the direct map can cover */
#line 998 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
/**
 * bios_area_start - where the BIOS's area below 1 MiB begins, from the two words the BIOS
 * leaves in its data area: @base_kib (at 0x413, base memory in KiB) and @ebda_segment (at
 * 0x40E, the EBDA's segment). Linux 2.6.34's rules; the address is not rounded.
 */
u32 bios_area_start(u16 base_kib, u16 ebda_segment);
#define BIOS_AREA_LATEST	0x9f000		/* the start when the count is not believed */
#line 1069 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
/** mb_modules_end - the first byte after @mbi's module list, counted in 64 bits. */
static inline u64 mb_modules_end(const struct multiboot_info *mbi)
{
	return (u64)mbi->mods_addr + mb_modules_bytes(mbi);	/* chapter 1's 64-bit size */
}
#line 1470 "chapters/03-e820.nw" /* <e820.h: what the e820 code offers> */
struct early_res_table;
void setup_memory_map(void);
void early_res_print(const struct early_res_table *tab);
void e820_dump(void);
#line 73 "chapters/03-e820.nw" /* <arch/x86/include/asm/e820.h> */
#endif
