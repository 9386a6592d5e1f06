#line 1329 "chapters/01-boot.nw" /* <include/handoff/multiboot.h> */
#ifndef _HANDOFF_MULTIBOOT_H
#define _HANDOFF_MULTIBOOT_H
#include <handoff/types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002

#line 1343 "chapters/01-boot.nw" /* <multiboot.h: the information structure> */
#define MB_INFO_MEMORY		(1u << 0)	/* mem_lower, mem_upper */
#define MB_INFO_CMDLINE		(1u << 2)
#define MB_INFO_MODS		(1u << 3)
#define MB_INFO_MEM_MAP		(1u << 6)	/* mmap_length, mmap_addr */
#define MB_INFO_LOADER_NAME	(1u << 9)

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB of memory from 0, at most 640 */
	u32 mem_upper;		/* KiB of memory from 1 MiB up to the first hole */
	u32 boot_device;
	u32 cmdline;		/* physical address of a NUL-terminated string */
	u32 mods_count;
	u32 mods_addr;		/* physical address of mods_count struct multiboot_module */
	u32 syms[4];
	u32 mmap_length;	/* bytes */
	u32 mmap_addr;		/* physical address of the memory map */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;	/* physical address of a string */
};

struct multiboot_module {
	u32 mod_start;		/* physical, end exclusive */
	u32 mod_end;
	u32 string;
	u32 reserved;
};

/* One entry of the memory map as GRUB lays it out: `size` counts the bytes after itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __attribute__((packed));
#line 1807 "chapters/01-boot.nw" /* <multiboot.h: the module list's size> */
/* The module list's size in bytes, multiplied in 64 bits: in 32, a count of 2^28 or more wraps. */
static inline u64 mb_modules_bytes(const struct multiboot_info *mbi)
{
	return (u64)mbi->mods_count * sizeof(struct multiboot_module);
}

#line 1405 "chapters/01-boot.nw" /* <multiboot.h: the boot memory map> */
enum boot_mem_type {
	BOOT_MEM_USABLE = 1,
	BOOT_MEM_RESERVED = 2,
	BOOT_MEM_ACPI = 3,
	BOOT_MEM_NVS = 4,
	BOOT_MEM_UNUSABLE = 5,
};

#define BOOT_MEM_MAP_MAX	128

/* The memory map as the boot loader gave it: unsorted, unmerged, possibly wrong. */
struct boot_mem_range {
	u64 addr;
	u64 size;
	u32 type;
};

struct boot_mem_map {
	int nr;
	int dropped;		/* entries that did not fit into range[] */
	bool synthesized;	/* made from mem_lower/mem_upper: there was no map */
	struct boot_mem_range range[BOOT_MEM_MAP_MAX];
};

extern struct boot_mem_map boot_mem_map;
#define for_each_boot_mem_range(map, r) \
	for ((r) = (map)->range; (r) < (map)->range + (map)->nr; (r)++)

#line 1441 "chapters/01-boot.nw" /* <multiboot.h: a range's last byte, and whether it is sound> */
/*
 * A range's last byte. The end (addr + size) of a range that reaches the very top of the
 * 64-bit space is 2^64, which a u64 cannot hold, so code compares last bytes, never ends.
 * A range is sound when it is not empty and its last byte does not wrap past 2^64.
 */
static inline u64 boot_mem_range_last(const struct boot_mem_range *r)
{
	return r->addr + r->size - 1;
}

static inline bool boot_mem_range_sound(const struct boot_mem_range *r)
{
	return r->size && boot_mem_range_last(r) >= r->addr;
}
#line 1458 "chapters/01-boot.nw" /* <multiboot.h: functions> */
/**
 * mb_read_mmap - copy the multiboot memory map at @mmap (@length bytes) into @map.
 * Entries are copied as given. An entry that claims more bytes than remain, or fewer than an
 * entry has, ends the reading with a message. Returns the number of entries copied.
 */
int mb_read_mmap(const void *mmap, u32 length, struct boot_mem_map *map);

/**
 * mb_synthesize_map - the two-range map that mem_lower and mem_upper (in KiB) describe.
 */
void mb_synthesize_map(u32 mem_lower, u32 mem_upper, struct boot_mem_map *map);

/** boot_mem_type_name - "usable", "reserved", ... for a memory type. */
const char *boot_mem_type_name(u32 type);

/** boot_mem_map_print - the map as "mb-mmap:" lines and a summary line. */
void boot_mem_map_print(const struct boot_mem_map *map);

/** boot_mem_map_dump - the map as machine-readable "memmap: firmware START END TYPE" lines. */
void boot_mem_map_dump(const struct boot_mem_map *map);

/** boot_mem_map_memdump - boot_mem_map_dump() of the boot loader's map, for memdump(). */
void boot_mem_map_memdump(void);

/**
 * multiboot_init - check that a multiboot loader started us and take what it handed over:
 * fills boot_mem_map and boot_command_line, and lists the modules. Panics if there is no
 * memory information at all.
 */
void multiboot_init(u32 magic, u32 mbi_phys);

/**
 * mb_list_modules - print the modules that @mbi lists, if its flags say there are any. Panics
 * if the list is out of the kernel's reach. Called by multiboot_init; kernel only (it uses __va).
 */
void mb_list_modules(const struct multiboot_info *mbi);
#line 1339 "chapters/01-boot.nw" /* <include/handoff/multiboot.h> */
#endif
