#line 1502 "chapters/01-boot.nw" /* <kernel/multiboot.c> */
/* multiboot.c - read what a multiboot boot loader hands over. */
#include <handoff/cmdline.h>
#include <handoff/multiboot.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct boot_mem_map boot_mem_map;

#line 1516 "chapters/01-boot.nw" /* <multiboot: copy the entries of the map, trusting none> */
#define MMAP_ENTRY_MIN	20	/* addr, len and type: what every entry must have after size */

static void add_range(struct boot_mem_map *map, u64 addr, u64 size, u32 type)
{
	if (map->nr == BOOT_MEM_MAP_MAX) {
		map->dropped++;
		return;
	}
	map->range[map->nr++] = (struct boot_mem_range){ addr, size, type };
}

int mb_read_mmap(const void *mmap, u32 length, struct boot_mem_map *map)
{
	const u8 *p = mmap, *end = p + length;
	struct multiboot_mmap_entry e;

	memset(map, 0, sizeof(*map));
	while (p < end) {
#line 1551 "chapters/01-boot.nw" /* <multiboot: stop at an entry that does not fit in what remains> */
		if ((size_t)(end - p) < sizeof(u32)) {
			printk("mb-mmap: %u stray bytes at the end of the map, ignored\n",
			       (unsigned int)(end - p));
			break;
		}
		memcpy(&e.size, p, sizeof(e.size));
		if (e.size < MMAP_ENTRY_MIN) {
			printk("mb-mmap: entry %d is %u bytes, too small for an entry (%d): "
			       "the rest of the map is ignored\n",
			       map->nr + map->dropped, e.size, MMAP_ENTRY_MIN);
			break;
		}
		if (e.size > (size_t)(end - p) - sizeof(u32)) {
			printk("mb-mmap: entry %d is %u bytes, but the map ends after %u: "
			       "the rest of the map is ignored\n", map->nr + map->dropped,
			       e.size, (unsigned int)(end - p - sizeof(u32)));
			break;
		}
#line 1535 "chapters/01-boot.nw" /* <multiboot: copy the entries of the map, trusting none> */
		memcpy(&e, p, sizeof(e));
		add_range(map, e.addr, e.len, e.type);
		p += sizeof(u32) + e.size;
	}
	if (map->dropped)
		printk("mb-mmap: %d entries did not fit in %d slots and are ignored\n",
		       map->dropped, BOOT_MEM_MAP_MAX);
	return map->nr;
}
#line 1572 "chapters/01-boot.nw" /* <multiboot: make a map from mem_lower and mem_upper> */
void mb_synthesize_map(u32 mem_lower, u32 mem_upper, struct boot_mem_map *map)
{
	memset(map, 0, sizeof(*map));
	map->synthesized = true;
	add_range(map, 0, (u64)mem_lower << 10, BOOT_MEM_USABLE);
	add_range(map, 1ull << 20, (u64)mem_upper << 10, BOOT_MEM_USABLE);
}
#line 1599 "chapters/01-boot.nw" /* <multiboot: name a memory type> */
const char *boot_mem_type_name(u32 type)
{
	static const char *const names[] = {
		[BOOT_MEM_USABLE] = "usable",	[BOOT_MEM_RESERVED] = "reserved",
		[BOOT_MEM_ACPI] = "ACPI data",	[BOOT_MEM_NVS] = "ACPI NVS",
		[BOOT_MEM_UNUSABLE] = "unusable",
	};

	return type < ARRAY_SIZE(names) && names[type] ? names[type] : "unknown type";
}
#line 1612 "chapters/01-boot.nw" /* <multiboot: print one range, flagging what looks wrong> */
static void print_range(const struct boot_mem_range *r)
{
	const char *name = boot_mem_type_name(r->type);

	if (r->size == 0)
		printk("mb-mmap: [mem 0x%016llx, 0 bytes] %s (empty entry)\n", r->addr, name);
	else if (!boot_mem_range_sound(r))
		printk("mb-mmap: [mem 0x%016llx-beyond 2^64] %s (wraps: size 0x%llx)\n",
		       r->addr, name, r->size);
	else if (r->type == 0 || r->type > BOOT_MEM_UNUSABLE)
		printk("mb-mmap: [mem 0x%016llx-0x%016llx] unknown type %u\n", r->addr,
		       boot_mem_range_last(r), r->type);
	else
		printk("mb-mmap: [mem 0x%016llx-0x%016llx] %s\n", r->addr,
		       boot_mem_range_last(r), name);
}
#line 1633 "chapters/01-boot.nw" /* <multiboot: print the map and what it adds up to> */
void boot_mem_map_print(const struct boot_mem_map *map)
{
	const struct boot_mem_range *r;
	const u64 four_gib = 1ull << 32;
	u64 usable = 0, high = 0;

	if (map->synthesized)
		printk("mb-mmap: WARNING: no memory map from the boot loader; using mem_lower "
		       "and mem_upper, which do not show holes\n");
	for_each_boot_mem_range(map, r) {
		print_range(r);
		if (r->type != BOOT_MEM_USABLE || !boot_mem_range_sound(r))
			continue;
		usable += r->size;
		if (boot_mem_range_last(r) >= four_gib)
			high += boot_mem_range_last(r) - MAX(r->addr, four_gib) + 1;
	}
	printk("mb-mmap: %d entries, usable %llu KiB, above 4 GiB %llu KiB\n",
	       map->nr, usable >> 10, high >> 10);
}
#line 1659 "chapters/01-boot.nw" /* <multiboot: dump the map for tools> */
void boot_mem_map_dump(const struct boot_mem_map *map)
{
	const struct boot_mem_range *r;

	for_each_boot_mem_range(map, r) {
		if (!boot_mem_range_sound(r))
			continue;
		if (boot_mem_range_last(r) == ~0ull)
			printk("memmap: firmware 0x%llx 0x10000000000000000 %s\n", r->addr,
			       boot_mem_type_name(r->type));
		else
			printk("memmap: firmware 0x%llx 0x%llx %s\n", r->addr,
			       boot_mem_range_last(r) + 1, boot_mem_type_name(r->type));
	}
}

void boot_mem_map_memdump(void)
{
	boot_mem_map_dump(&boot_mem_map);
}
