#line 4233 "chapters/10-nodes.nw" /* <lib/acpi_test.c> */
/* acpi_test.c - the RSDP, the root tables and the SRAT, whole and broken. */
#include <handoff/acpi.h>
#include <handoff/ktest.h>
#include <handoff/string.h>

#define TABLES	0x1fff0000ull
#define FSEG	0xf0000ull

#define EBDA	0x9fc00ull

static u8 bda[0x500], ebda[1024], fseg[1024], tables[2048], zero[1024];
static u64 fw_end = TABLES + sizeof(tables);	/* where the firmware's range ends */
static int maps_outside;			/* maps asked for beyond it */
static struct numa_meminfo tm;

#line 4254 "chapters/10-nodes.nw" /* <acpi_test.c: the machine> */
static const void *test_map(void *ctx, u64 phys, u32 len)
{
	(void)ctx;
	if (phys + len <= sizeof(bda))
		return bda + phys;
	if (phys >= EBDA && phys + len <= EBDA + sizeof(ebda))
		return ebda + (phys - EBDA);
	if (phys >= FSEG && phys + len <= FSEG + sizeof(fseg))
		return fseg + (phys - FSEG);
	if (phys >= TABLES && phys + len <= TABLES + sizeof(tables)) {
		maps_outside += phys + len > fw_end;	/* a read where no table may be */
		return tables + (phys - TABLES);
	}
	if (len <= sizeof(zero) && ((phys >= 0x80000 && phys + len <= 0xa0000) ||
				    (phys >= 0xe0000 && phys + len <= 0x100000)))
		return zero;
	return NULL;
}

static bool test_firmware(void *ctx, u64 phys, u64 len)
{
	(void)ctx;
	return phys >= TABLES && phys + len <= fw_end;
}

static const struct acpi_access acc = { test_map, test_firmware, NULL };
#line 4283 "chapters/10-nodes.nw" /* <acpi_test.c: building tables> */
static u8 *at(u64 phys) { return tables + (phys - TABLES); }
static void put32(u8 *p, u32 v) { memcpy(p, &v, 4); }
static void put64(u8 *p, u64 v) { memcpy(p, &v, 8); }
static void fix_sum(u8 *p, u32 len) { u8 s = 0; p[9] = 0; for (u32 i = 0; i < len; i++) s += p[i]; p[9] = (u8)-s; }

/* A table at @phys: signature, length, and the checksum once its body is in place. */
static u8 *table(u64 phys, const char *sig, u32 len)
{
	u8 *p = at(phys);

	memset(p, 0, len);
	memcpy(p, sig, 4);
	put32(p + 4, len);
	return p;
}

/* An RSDT at @phys listing @n tables; an RSDP (revision 0) in the F segment pointing at it. */
static void rsdt(u64 phys, int n, const u64 *entry)
{
	u8 *p = table(phys, "RSDT", 36 + 4 * (u32)n), *r = fseg + 0x20;
	u8 s = 0;

	for (int i = 0; i < n; i++)
		put32(p + 36 + 4 * i, (u32)entry[i]);
	fix_sum(p, 36 + 4 * (u32)n);
	memset(fseg, 0, sizeof(fseg));
	memcpy(r, "RSD PTR ", 8);
	put32(r + 16, (u32)phys);
	for (int i = 0; i < 20; i++)
		s += r[i];
	r[8] = (u8)-s;
}
#line 4318 "chapters/10-nodes.nw" /* <acpi_test.c: building tables> */
/* An SRAT at @phys: @n memory ranges (node, base, size, flags), then a CPU on node @cpu_node. */
struct mem { u32 node; u64 base, size; u32 flags; };

static u8 *srat(u64 phys, int n, const struct mem *m, int cpu_node)
{
	u32 len = 48 + 40 * (u32)n + (cpu_node >= 0 ? 16 : 0);
	u8 *p = table(phys, "SRAT", len), *e = p + 48;

	for (int i = 0; i < n; i++, e += 40) {
		e[0] = 1;
		e[1] = 40;
		put32(e + 2, m[i].node);
		put64(e + 8, m[i].base);
		put64(e + 16, m[i].size);
		put32(e + 28, m[i].flags);
	}
	if (cpu_node >= 0) {
		e[0] = 0;
		e[1] = 16;
		e[2] = (u8)cpu_node;
		put32(e + 4, 1);
	}
	fix_sum(p, len);
	return p;
}
#line 4349 "chapters/10-nodes.nw" /* <acpi_test.c: building tables> */
static const struct mem two[] = {
	{ 0, 0, 0xa0000, 1 }, { 0, 0x100000, 0xff00000, 1 }, { 1, 0x10000000, 0x10000000, 1 },
};

/* The usual machine: an RSDT at TABLES listing an "APIC" and the SRAT, both good. */
static void machine(int n, const struct mem *m, int cpu_node)
{
	const u64 e[] = { TABLES + 0x100, TABLES + 0x400 };

	memset(tables, 0, sizeof(tables));
	memset(bda, 0, sizeof(bda));
	fw_end = TABLES + sizeof(tables);
	fix_sum(table(TABLES + 0x100, "APIC", 44), 44);
	srat(TABLES + 0x400, n, m, cpu_node);
	rsdt(TABLES, 2, e);
}

static bool walk(void)
{
	u64 rsdp = acpi_find_rsdp(&acc);

	return rsdp && acpi_numa_init(&tm, &acc, rsdp);
}
#line 4375 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_two_nodes)
{
	machine(3, two, -1);
	KEXPECT_EQ(t, acpi_find_rsdp(&acc), FSEG + 0x20);
	KASSERT_TRUE(t, walk());
	KEXPECT_STREQ(t, tm.source, "srat");
	KASSERT_EQ(t, tm.nr_blks, 3);
	KEXPECT_EQ(t, tm.nr_nodes, 2);
	KEXPECT_EQ(t, tm.blk[1].start, 0x100000);
	KEXPECT_EQ(t, tm.blk[2].nid, 1);
	KEXPECT_EQ(t, tm.blk[2].end, 0x20000000);
}

KTEST(acpi_rsdp_in_the_ebda)
{
	machine(3, two, -1);
	memcpy(ebda + 0x10, fseg + 0x20, 20);	/* the same RSDP, moved */
	memset(fseg, 0, sizeof(fseg));
	bda[0x40e] = 0xc0;
	bda[0x40f] = 0x9f;			/* segment 0x9fc0: the EBDA at 0x9fc00 */
	KEXPECT_EQ(t, acpi_find_rsdp(&acc), EBDA + 0x10);
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
	memcpy(bda + 0x300, ebda + 0x10, 20);	/* an RSDP where no EBDA can be */
	bda[0x40e] = 0x30;
	bda[0x40f] = 0x00;			/* 0x300: below 0x400, not searched */
	KEXPECT_EQ(t, acpi_find_rsdp(&acc), 0);
	bda[0x40e] = 0xc0;
	bda[0x40f] = 0x9f;
	ebda[0x10 + 8] ^= 1;			/* its checksum broken: not an RSDP */
	KEXPECT_EQ(t, acpi_find_rsdp(&acc), 0);
	memset(ebda, 0, sizeof(ebda));
}
#line 4410 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_disabled_hotplug_and_memoryless)
{
	const struct mem m[] = {
		{ 0, 0, 0x10000000, 1 }, { 2, 0x10000000, 0x10000000, 1 },
		{ 3, 0x20000000, 0x10000000, 0 },		/* not enabled */
		{ 4, 0x40000000, 0x10000000, 3 },		/* hot-pluggable */
	};

	machine(4, m, 1);				/* a CPU in domain 1, no memory there */
	KASSERT_TRUE(t, walk());
	KEXPECT_EQ(t, tm.nr_blks, 3);				/* the hot-pluggable kept */
	KEXPECT_EQ(t, tm.blk[2].start, 0x40000000);
	KEXPECT_EQ(t, tm.nr_nodes, 4);				/* domains 0, 2, 4, then 1 */
	KEXPECT_TRUE(t, tm.blk[1].nid == 1 && tm.blk[2].nid == 2);	/* domains 2 and 4 */
	KEXPECT_TRUE(t, !numa_node_has_memory(&tm, 3));		/* domain 1: a CPU only */
}
#line 4432 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
#define EXPECT_ONE_NODE(t) KEXPECT_TRUE(t, !walk() && !tm.source && tm.nr_nodes == 1 && !tm.nr_blks)

KTEST(acpi_bad_checksums)
{
	machine(3, two, -1);
	at(TABLES + 0x400)[60] ^= 1;				/* the SRAT's */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	at(TABLES)[40] ^= 1;					/* the RSDT's */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	at(TABLES + 0x100)[20] ^= 1;				/* another table's: skipped */
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
	KEXPECT_EQ(t, acpi_refused, 1);
}
#line 4450 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_truncated_and_misplaced)
{
	machine(3, two, -1);
	put32(at(TABLES + 0x400) + 4, 20);			/* shorter than a header */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	put32(at(TABLES + 0x400) + 4, 0x20000);		/* longer than the window */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	fw_end = TABLES + 0x400 + 100;				/* the SRAT ends in RAM */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	fw_end = TABLES + 0x400;				/* the SRAT wholly outside */
	maps_outside = 0;
	EXPECT_ONE_NODE(t);
	KEXPECT_EQ(t, maps_outside, 0);				/* not a byte of it read */
	machine(3, two, -1);
	memcpy(at(TABLES), "XSDT", 4);				/* not the RSDT's signature */
	fix_sum(at(TABLES), 44);
	EXPECT_ONE_NODE(t);
}
#line 4474 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_rsdt_loops_and_repeats)
{
	u64 e[] = { TABLES, TABLES + 0x400, TABLES + 0x400, TABLES + 0x410 };

	machine(3, two, -1);
	rsdt(TABLES, 1, e);					/* an RSDT listing itself */
	EXPECT_ONE_NODE(t);
	KEXPECT_EQ(t, acpi_refused, 1);
	rsdt(TABLES, 3, e);					/* itself, then the SRAT twice */
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
	KEXPECT_EQ(t, acpi_refused, 2);
	rsdt(TABLES, 4, e);					/* and one inside the SRAT */
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
	KEXPECT_EQ(t, acpi_refused, 3);
	e[0] = 0;						/* no address */
	rsdt(TABLES, 2, e);
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
	KEXPECT_EQ(t, acpi_refused, 1);
}

KTEST(acpi_tables_that_overlap)
{
	const u64 e[] = { TABLES + 0x3e0, TABLES + 0x400 };

	machine(3, two, -1);		/* an "APIC" whose last 0x20 bytes are the SRAT's first */
	table(TABLES + 0x3e0, "APIC", 0x20);
	put32(at(TABLES + 0x3e0) + 4, 0x40);
	fix_sum(at(TABLES + 0x3e0), 0x40);
	rsdt(TABLES, 2, e);
	EXPECT_ONE_NODE(t);					/* the SRAT overlaps it: refused */
	KEXPECT_EQ(t, acpi_refused, 1);
}
#line 4509 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_srat_entries_wrong)
{
	const struct mem overlap[] = { { 0, 0, 0x200000, 1 }, { 1, 0x100000, 0x200000, 1 } };
	const struct mem far[] = { { 0, 0, 0x200000, 1 }, { 9, 0x200000, 0x200000, 1 },
				   { 17, 0x400000, 0x100000, 1 }, { 18, 0x500000, 0x100000, 1 },
				   { 19, 0x600000, 0x100000, 1 }, { 20, 0x700000, 0x100000, 1 },
				   { 21, 0x800000, 0x100000, 1 }, { 22, 0x900000, 0x100000, 1 },
				   { 23, 0xa00000, 0x100000, 1 } };
	u8 *s;

	machine(2, overlap, -1);				/* nodes that overlap */
	EXPECT_ONE_NODE(t);
	machine(8, far, -1);					/* eight domains: nodes 0-7 */
	KEXPECT_TRUE(t, walk() && tm.nr_nodes == 8 && tm.blk[1].nid == 1 && tm.blk[7].nid == 7);
	machine(9, far, -1);					/* nine: more than the nodes */
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	s = at(TABLES + 0x400);
	s[48 + 40 + 1] = 0;					/* an entry of length 0 */
	fix_sum(s, 48 + 3 * 40);
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	s[48 + 80 + 1] = 41;					/* the last one runs past the end */
	fix_sum(s, 48 + 3 * 40);
	EXPECT_ONE_NODE(t);
	machine(3, two, -1);
	put32(s + 4, 48 + 2 * 40 + 1);				/* one byte left: half an entry */
	fix_sum(s, 48 + 2 * 40 + 1);
	EXPECT_ONE_NODE(t);
}
#line 4542 "chapters/10-nodes.nw" /* <acpi_test.c: tests> */
KTEST(acpi_xsdt_preferred)
{
	u8 *x, *r = fseg + 0x20;

	machine(3, two, -1);
	x = table(TABLES + 0x200, "XSDT", 36 + 8);		/* lists only the SRAT */
	put64(x + 36, TABLES + 0x400);
	fix_sum(x, 44);
	put32(at(TABLES) + 36 + 4, 0);				/* the RSDT loses it: 0, refused */
	fix_sum(at(TABLES), 44);
	KEXPECT_TRUE(t, !walk());
	r[15] = 2;						/* revision 2: 36 bytes, an XSDT */
	put32(r + 20, 36);
	put64(r + 24, TABLES + 0x200);
	r[8] = 0;
	r[32] = 0;
	{ u8 s = 0; for (int i = 0; i < 20; i++) s += r[i]; r[8] = (u8)-s; }
	{ u8 s = 0; for (int i = 0; i < 36; i++) s += r[i]; r[32] = (u8)-s; }
	KEXPECT_TRUE(t, walk() && tm.nr_blks == 3);
}
