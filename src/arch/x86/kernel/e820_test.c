#line 1512 "chapters/03-e820.nw" /* <arch/x86/kernel/e820_test.c> */
/* e820_test.c - sanitizing, clipping and memmap=, against hand-made maps and a model. */
#include <asm/e820.h>
#include <handoff/ktest.h>
#include <handoff/pfn.h>
#include <handoff/string.h>

static struct e820map tm;	/* 2.5 KiB: static, not on the stack */

static void map_of(int n, const struct e820entry *e)
{
	memset(&tm, 0, sizeof(tm));
	for (int i = 0; i < n; i++)
		e820_add_region(&tm, e[i].addr, e[i].size, e[i].type);
}

#define EXPECT_ENTRY(t, i, a, s, ty) ({						\
	KEXPECT_EQ(t, tm.map[i].addr, a);					\
	KEXPECT_EQ(t, tm.map[i].size, s);					\
	KEXPECT_EQ(t, tm.map[i].type, ty);					\
})

#line 1539 "chapters/03-e820.nw" /* <e820 tests: sanitizing by hand> */
KTEST(e820_sorts_and_merges)
{
	const struct e820entry in[] = {
		{ 0x100000, 0x100000, E820_RAM }, { 0, 0x9fc00, E820_RAM },
		{ 0x200000, 0x300000, E820_RAM }, { 0x9fc00, 0x400, E820_RESERVED },
	};

	map_of(4, in);
	KASSERT_EQ(t, sanitize_e820_map(&tm), 3);
	EXPECT_ENTRY(t, 0, 0, 0x9fc00, E820_RAM);
	EXPECT_ENTRY(t, 1, 0x9fc00, 0x400, E820_RESERVED);
	EXPECT_ENTRY(t, 2, 0x100000, 0x400000, E820_RAM);	/* two adjacent, merged */
}

KTEST(e820_overlaps_follow_precedence)
{
	const struct e820entry in[] = {
		{ 0, 100, E820_RAM }, { 40, 20, E820_RESERVED },	/* a hole in RAM */
		{ 200, 100, E820_ACPI }, { 250, 100, E820_RESERVED },	/* reserved beats ACPI */
		{ 400, 10, E820_RAM }, { 400, 10, E820_RAM },		/* duplicates */
		{ 500, 10, 12 }, { 505, 10, E820_RESERVED },		/* unknown vs reserved */
	};

	map_of(8, in);
	KASSERT_EQ(t, sanitize_e820_map(&tm), 8);
	EXPECT_ENTRY(t, 0, 0, 40, E820_RAM);
	EXPECT_ENTRY(t, 1, 40, 20, E820_RESERVED);
	EXPECT_ENTRY(t, 2, 60, 40, E820_RAM);
	EXPECT_ENTRY(t, 3, 200, 50, E820_ACPI);
	EXPECT_ENTRY(t, 4, 250, 100, E820_RESERVED);
	EXPECT_ENTRY(t, 5, 400, 10, E820_RAM);
	EXPECT_ENTRY(t, 6, 500, 10, 12);
	EXPECT_ENTRY(t, 7, 510, 5, E820_RESERVED);
	KEXPECT_TRUE(t, e820_precedence(E820_UNUSABLE) > e820_precedence(E820_RESERVED));
	KEXPECT_TRUE(t, e820_precedence(E820_RESERVED) > e820_precedence(E820_ACPI));
	KEXPECT_TRUE(t, e820_precedence(E820_ACPI) > e820_precedence(E820_RAM));
}
#line 1581 "chapters/03-e820.nw" /* <e820 tests: sanitizing by hand> */
KTEST(e820_drops_what_makes_no_sense)
{
	const struct e820entry in[] = {
		{ 0x1000, 0, E820_RAM },			/* empty */
		{ ~0ull - 0xfff, 0x2000, E820_RAM },		/* wraps past 2^64 */
		{ ~0ull - 0xfff, 0x1000, E820_RESERVED },	/* ends at 2^64: kept */
		{ 0x2000, 0x1000, E820_RAM },
	};

	map_of(4, in);
	KASSERT_EQ(t, sanitize_e820_map(&tm), 2);
	EXPECT_ENTRY(t, 0, 0x2000, 0x1000, E820_RAM);
	EXPECT_ENTRY(t, 1, ~0ull - 0xfff, 0xfff, E820_RESERVED);	/* minus its last byte */
}

KTEST(e820_full_map)
{
	memset(&tm, 0, sizeof(tm));
	e820_add_region(&tm, 0, 64 * 1024 * 1024, E820_RAM);
	for (int i = 0; i < E820MAX - 1; i++)		/* 127 holes: 255 ranges */
		e820_add_region(&tm, (u64)(2 * i + 1) << 12, 0x1000, E820_RESERVED);
	KEXPECT_EQ(t, e820_add_region(&tm, 0, 1, E820_RAM), -1);	/* table full */
	KEXPECT_EQ(t, sanitize_e820_map(&tm), E820MAX);
	EXPECT_ENTRY(t, 0, 0, 0x1000, E820_RAM);			/* the lowest kept */
	EXPECT_ENTRY(t, E820MAX - 1, 127ull << 12, 0x1000, E820_RESERVED);	/* hole 64 */
}
#line 1610 "chapters/03-e820.nw" /* <e820 tests: clipping and memmap> */
KTEST(e820_bios_area_start)
{
	KEXPECT_EQ(t, bios_area_start(639, 0x9fc0), 0x9fc00);	/* QEMU's and Bochs's BIOS */
	KEXPECT_EQ(t, bios_area_start(640, 0x9fc0), 0x9fc00);	/* an EBDA the count left out */
	KEXPECT_EQ(t, bios_area_start(600, 0x9fc0), 0x96000);	/* the count, below the EBDA */
	KEXPECT_EQ(t, bios_area_start(640, 0x8000), 0xa0000);	/* an EBDA 128 KiB down: ignored */
	KEXPECT_EQ(t, bios_area_start(640, 0), 0x9f000);	/* no EBDA: a page for old firmware */
	KEXPECT_EQ(t, bios_area_start(512, 0), 0x80000);	/* no EBDA, less memory: the count */
	KEXPECT_EQ(t, bios_area_start(0, 0x9fc0), 0x9f000);	/* no count */
	KEXPECT_EQ(t, bios_area_start(1024, 0x9fc0), 0x9f000);	/* a count of 1 MiB */
}

KTEST(e820_module_list_end_never_wraps)
{
	struct multiboot_info mbi = { .mods_count = 0x10000001, .mods_addr = 0x10000 };

	KEXPECT_EQ(t, mb_modules_end(&mbi), 0x10000 + 0x100000010ull);	/* not 0x10010 */
}

KTEST(e820_clips_high_memory)
{
	const struct e820entry in[] = {
		{ 0, 0x9fc00, E820_RAM }, { 0x100000, 0xbff00000, E820_RAM },
		{ 0xfffc0000, 0x40000, E820_RESERVED }, { 0x100000000ull, 0x20000000, E820_RAM },
	};

	map_of(4, in);
	sanitize_e820_map(&tm);
	e820_clip(&tm, 1ull << 32, 0, "test");
	KEXPECT_EQ(t, tm.nr_map, 3);
	e820_clip(&tm, MAXMEM, 0, "test");
	KASSERT_EQ(t, tm.nr_map, 2);
	EXPECT_ENTRY(t, 1, 0x100000, MAXMEM - 0x100000, E820_RAM);
}
#line 1649 "chapters/03-e820.nw" /* <e820 tests: clipping and memmap> */
KTEST(pfn_rounding_never_wraps)
{
	KEXPECT_EQ(t, PFN_UP(0x1000ull), 1);
	KEXPECT_EQ(t, PFN_UP(0x1001ull), 2);
	KEXPECT_EQ(t, PFN_UP(~0ull), 1ull << 52);		/* the last page: 2^52, not 0 */
	KEXPECT_EQ(t, PFN_UP(0xffffff01u), 0x100000);		/* in 32 bits too */
	KEXPECT_EQ(t, pages_in(0xffffffffffffff59ull, 0xffffffffffffff7aull), 0);
	KEXPECT_EQ(t, pages_in(0xffffffffffffe001ull, ~0ull), 0);
	KEXPECT_EQ(t, pages_in(0xffffffffffffd000ull, ~0ull), 2);
}
#line 1664 "chapters/03-e820.nw" /* <e820 tests: clipping and memmap> */
KTEST(e820_memparse_sizes)
{
	const char *end;
	u64 v = 7;

	KEXPECT_TRUE(t, memparse("64M@1", &end, &v) && v == 64ull << 20 && *end == '@');
	KEXPECT_TRUE(t, memparse("0x9f000", &end, &v) && v == 0x9f000 && *end == 0);
	KEXPECT_TRUE(t, memparse("4g", &end, &v) && v == 4ull << 30);
	KEXPECT_TRUE(t, memparse("18446744073709551615", &end, &v) && v == ~0ull);
	KEXPECT_TRUE(t, !memparse("18446744073709551616", &end, &v));	/* 2^64 */
	KEXPECT_TRUE(t, !memparse("17179869184G", &end, &v));		/* 2^64 too */
	KEXPECT_TRUE(t, !memparse("M", &end, &v) && !memparse("", &end, &v));
	KEXPECT_TRUE(t, memparse("0x", &end, &v) && v == 0 && *end == 'x');
}
#line 1683 "chapters/03-e820.nw" /* <e820 tests: clipping and memmap> */
KTEST(e820_memmap_limit_keeps_reserved)
{
	const struct e820entry in[] = {
		{ 0, 0x8000000, E820_RAM }, { 0x7000000, 0x100000, E820_RESERVED },
		{ ~0ull - 0xfff, 0x1000, E820_RAM },		/* ends at 2^64 */
	};

	map_of(3, in);
	sanitize_e820_map(&tm);
	KEXPECT_EQ(t, parse_memmap(&tm, "64M", 3), 0);
	KASSERT_EQ(t, tm.nr_map, 2);			/* RAM above 64M gone, wherever it ends */
	EXPECT_ENTRY(t, 0, 0, 64 << 20, E820_RAM);
	EXPECT_ENTRY(t, 1, 0x7000000, 0x100000, E820_RESERVED);	/* reserved stays */
}

KTEST(e820_memmap_options)
{
	const struct e820entry in[] = { { 0, 0x8000000, E820_RAM } };

	map_of(1, in);
	KEXPECT_EQ(t, parse_memmap(&tm, "4K$0x9f000", 10), 0);
	KEXPECT_EQ(t, parse_memmap(&tm, "1M#2M", 5), 0);
	KEXPECT_EQ(t, tm.nr_map, 3);
	KEXPECT_EQ(t, tm.map[1].type, E820_RESERVED);
	KEXPECT_EQ(t, tm.map[2].addr, 2 << 20);
	KEXPECT_EQ(t, tm.map[2].type, E820_ACPI);
	KEXPECT_EQ(t, parse_memmap(&tm, "64Q@0", 5), -1);		/* malformed: ignored */
	KEXPECT_EQ(t, parse_memmap(&tm, "64M@", 4), -1);
	KEXPECT_EQ(t, parse_memmap(&tm, "64M@1Mx", 7), -1);
	KEXPECT_EQ(t, parse_memmap(&tm, "exactmapx", 9), -1);
	KEXPECT_EQ(t, tm.nr_map, 3);					/* nothing applied */
	KEXPECT_EQ(t, parse_memmap(&tm, "exactmap", 8), 0);
	KEXPECT_EQ(t, tm.nr_map, 0);
	KEXPECT_EQ(t, parse_memmap(&tm, "64M@16M", 7), 0);
	KEXPECT_EQ(t, parse_memmap(&tm, "32M", 3), 0);		/* limit: clips at 32M */
	KASSERT_EQ(t, tm.nr_map, 1);
	EXPECT_ENTRY(t, 0, 16 << 20, 16 << 20, E820_RAM);
}
#line 1724 "chapters/03-e820.nw" /* <e820 tests: against a model> */
#define CELLS 256

static u32 model_type[CELLS];

static void paint_model(void)
{
	memset(model_type, 0, sizeof(model_type));
	for (int i = 0; i < tm.nr_map; i++)
		for (u64 c = tm.map[i].addr; c < tm.map[i].addr + tm.map[i].size; c++) {
			u32 old = model_type[c], ty = tm.map[i].type;

			if (!old || e820_precedence(ty) > e820_precedence(old) ||
			    (e820_precedence(ty) == e820_precedence(old) && ty > old))
				model_type[c] = ty;
		}
}

static bool sanitized_matches_model(void)
{
	u32 seen[CELLS] = { 0 };

	for (int i = 0; i < tm.nr_map; i++) {
		const struct e820entry *e = &tm.map[i], *prev = i ? &tm.map[i - 1] : NULL;

		if (!e->size || (prev && (prev->addr + prev->size > e->addr ||
					  (prev->addr + prev->size == e->addr &&
					   prev->type == e->type))))
			return false;		/* empty, unsorted, overlapping or unmerged */
		for (u64 c = e->addr; c < e->addr + e->size; c++)
			seen[c] = e->type;
	}
	return !memcmp(seen, model_type, sizeof(seen));
}
#line 1762 "chapters/03-e820.nw" /* <e820 tests: against a model> */
KTEST(e820_sanitize_matches_model)
{
	u32 seed = 820;
	int bad = 0;

	for (int round = 0; round < 1000 && !bad; round++) {
		int n = 1 + ktest_rand(&seed) % 20;

		memset(&tm, 0, sizeof(tm));
		for (int i = 0; i < n; i++) {
			u64 start = ktest_rand(&seed) % CELLS, size = ktest_rand(&seed) % 48;

			e820_add_region(&tm, start, MIN(size, CELLS - start), 1 + ktest_rand(&seed) % 5);
		}
		paint_model();
		sanitize_e820_map(&tm);
		bad = !sanitized_matches_model();
		KEXPECT_TRUE(t, !bad);
	}
}
