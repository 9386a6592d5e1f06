#line 2371 "chapters/01-boot.nw" /* <kernel/multiboot_test.c> */
/* multiboot_test.c - reading memory maps, good and bad. */
#include <handoff/ktest.h>
#include <handoff/multiboot.h>
#include <handoff/string.h>

/* Append one entry of @size bytes after its size field (20 is the normal size). */
static u32 put_entry(u8 *buf, u32 off, u32 size, u64 addr, u64 len, u32 type)
{
	struct multiboot_mmap_entry e = { size, addr, len, type };

	memset(buf + off, 0, sizeof(u32) + size);
	memcpy(buf + off, &e, sizeof(e));
	return off + sizeof(u32) + size;
}

static struct boot_mem_map test_map;	/* 2.5 KiB: too big a bite of a 16 KiB stack */

#line 2394 "chapters/01-boot.nw" /* <kernel/multiboot_test.c> */
KTEST(mb_mmap_reads_entries)
{
	u8 buf[128];
	u32 n = 0;

	n = put_entry(buf, n, 20, 0, 0x9fc00, BOOT_MEM_USABLE);
	n = put_entry(buf, n, 20, 0x9fc00, 0x400, BOOT_MEM_RESERVED);
	n = put_entry(buf, n, 28, 0x100000, 0x7ee0000, BOOT_MEM_USABLE);	/* larger entry */
	n = put_entry(buf, n, 20, 0x100000000ull, 0x20000000, BOOT_MEM_USABLE);
	KASSERT_EQ(t, mb_read_mmap(buf, n, &test_map), 4);
	KEXPECT_EQ(t, test_map.range[1].addr, 0x9fc00);
	KEXPECT_EQ(t, test_map.range[1].type, BOOT_MEM_RESERVED);
	KEXPECT_EQ(t, test_map.range[2].size, 0x7ee0000);
	KEXPECT_EQ(t, test_map.range[3].addr, 0x100000000ull);
	KEXPECT_TRUE(t, !test_map.synthesized && !test_map.dropped);
}

#line 2417 "chapters/01-boot.nw" /* <kernel/multiboot_test.c> */
KTEST(mb_mmap_stops_at_a_cut_entry)
{
	u8 buf[128];
	u32 n = 0;

	n = put_entry(buf, n, 20, 0, 0x9fc00, BOOT_MEM_USABLE);
	n = put_entry(buf, n, 20, 0x100000, 0x100000, BOOT_MEM_USABLE);
	KEXPECT_EQ(t, mb_read_mmap(buf, n - 4, &test_map), 1);	/* second entry cut short */
	n = put_entry(buf, 0, 12, 0, 0x9fc00, BOOT_MEM_USABLE);	/* too small to be an entry */
	KEXPECT_EQ(t, mb_read_mmap(buf, n, &test_map), 0);
}

KTEST(mb_mmap_counts_what_does_not_fit)
{
	static u8 buf[(BOOT_MEM_MAP_MAX + 3) * 24];
	u32 n = 0;

	for (int i = 0; i < BOOT_MEM_MAP_MAX + 3; i++)
		n = put_entry(buf, n, 20, (u64)i << 20, 1 << 20, BOOT_MEM_USABLE);
	KEXPECT_EQ(t, mb_read_mmap(buf, n, &test_map), BOOT_MEM_MAP_MAX);
	KEXPECT_EQ(t, test_map.dropped, 3);
}

#line 2446 "chapters/01-boot.nw" /* <kernel/multiboot_test.c> */
KTEST(mb_mmap_ranges_at_the_top)
{
	struct boot_mem_range top = { ~0ull - 0xfff, 0x1000, BOOT_MEM_USABLE };	/* ends at 2^64 */
	struct boot_mem_range wraps = { ~0ull - 0xfff, 0x2000, BOOT_MEM_USABLE };
	struct boot_mem_range empty = { 0x1000, 0, BOOT_MEM_USABLE };

	KEXPECT_TRUE(t, boot_mem_range_sound(&top));
	KEXPECT_EQ(t, boot_mem_range_last(&top), ~0ull);
	KEXPECT_TRUE(t, !boot_mem_range_sound(&wraps));
	KEXPECT_TRUE(t, !boot_mem_range_sound(&empty));
}

KTEST(mb_mmap_fallback_from_mem_fields)
{
	mb_synthesize_map(639, 130048, &test_map);
	KASSERT_EQ(t, test_map.nr, 2);
	KEXPECT_TRUE(t, test_map.synthesized);
	KEXPECT_EQ(t, test_map.range[0].size, 639 * 1024);
	KEXPECT_EQ(t, test_map.range[1].addr, 0x100000);
	KEXPECT_EQ(t, test_map.range[1].size, 130048ull * 1024);
}

KTEST(mb_mmap_type_names)
{
	KEXPECT_STREQ(t, boot_mem_type_name(BOOT_MEM_USABLE), "usable");
	KEXPECT_STREQ(t, boot_mem_type_name(BOOT_MEM_NVS), "ACPI NVS");
	KEXPECT_STREQ(t, boot_mem_type_name(0), "unknown type");
	KEXPECT_STREQ(t, boot_mem_type_name(99), "unknown type");
}
