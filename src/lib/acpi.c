#line 436 "chapters/10-nodes.nw" /* <lib/acpi.c> */
/* acpi.c - the RSDP, the RSDT or XSDT, and the SRAT's nodes; every table checked first. */
#include <handoff/acpi.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#define ACPI_HEADER	36
#define ACPI_MAX_SEEN	34		/* the root table and 32 entries, one spare */

int acpi_refused;

static u32 get32(const u8 *p) { u32 v; memcpy(&v, p, 4); return v; }
static u64 get64(const u8 *p) { u64 v; memcpy(&v, p, 8); return v; }

static u8 acpi_sum(const u8 *p, u32 len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

#line 471 "chapters/10-nodes.nw" /* <acpi.c: find the RSDP> */
static bool rsdp_valid(const struct acpi_access *a, u64 phys)
{
	const u8 *p = a->map(a->ctx, phys, 20);

	if (!p || memcmp(p, "RSD PTR ", 8) || acpi_sum(p, 20))
		return false;
	if (p[15] < 2)
		return true;				/* revision 0 (ACPI 1.0): 20 bytes */
	p = a->map(a->ctx, phys, ACPI_HEADER);
	return p && get32(p + 20) >= ACPI_HEADER && !acpi_sum(p, ACPI_HEADER);
}

static u64 rsdp_scan(const struct acpi_access *a, u64 start, u64 len)
{
	for (u64 at = start; at < start + len; at += 1024) {
		u32 n = start + len - at < 1024 ? (u32)(start + len - at) : 1024;
		const u8 *p = a->map(a->ctx, at, n);

		for (u32 off = 0; p && off < n; off += 16)
			if (!memcmp(p + off, "RSD PTR ", 8)) {
				if (rsdp_valid(a, at + off))
					return at + off;
				p = a->map(a->ctx, at, n);	/* the window moved */
			}
	}
	return 0;
}

u64 acpi_find_rsdp(const struct acpi_access *a)
{
	const u8 *p = a->map(a->ctx, 0x40e, 2);
	u64 ebda = p ? (u64)(p[0] | p[1] << 8) << 4 : 0, rsdp = 0;

	if (ebda > 0x400 && ebda < 0xa0000)		/* ACPICA's sanity check of the EBDA */
		rsdp = rsdp_scan(a, ebda, ebda + 1024 <= 0xa0000 ? 1024 : 0xa0000 - ebda);
	return rsdp ? rsdp : rsdp_scan(a, 0xe0000, 0x20000);
}
#line 515 "chapters/10-nodes.nw" /* <acpi.c: check a table> */
struct acpi_walk {
	const struct acpi_access *a;
	int nr_seen;
	struct { u64 start, end; char sig[5]; } seen[ACPI_MAX_SEEN];
};

static void sig_of(char out[5], const u8 *p)
{
	for (int i = 0; i < 4; i++)
		out[i] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '?';
	out[4] = 0;
}

static const char *table_fault(struct acpi_walk *w, u64 phys, u32 len)
{
	static char why[80];

	if (len < ACPI_HEADER)
		return snprintf(why, sizeof(why), "truncated: its length %u is less than a header",
				len), why;
	if (len > ACPI_MAX_TABLE)
		return snprintf(why, sizeof(why), "%u bytes, more than the %u this kernel maps",
				len, ACPI_MAX_TABLE), why;
	if (!w->a->firmware(w->a->ctx, phys, len))
		return "not inside the memory map's reserved or ACPI ranges";
	for (int i = 0; i < w->nr_seen; i++)
		if (phys < w->seen[i].end && w->seen[i].start < phys + len)
			return snprintf(why, sizeof(why), i ? "overlaps the %s at 0x%08llx" :
					"points back into the %s at 0x%08llx: a loop",
					w->seen[i].sig, w->seen[i].start), why;
	return NULL;
}
#line 553 "chapters/10-nodes.nw" /* <acpi.c: check a table> */
static const u8 *acpi_table(struct acpi_walk *w, u64 phys, const char *want, const char *what)
{
	bool fw = phys && w->a->firmware(w->a->ctx, phys, ACPI_HEADER);	/* before a byte is read */
	const u8 *p = fw ? w->a->map(w->a->ctx, phys, ACPI_HEADER) : NULL;
	const char *why = NULL;
	char sig[5] = "????";
	u32 len = 0;

	if (p) {
		sig_of(sig, p);
		len = get32(p + 4);
	}
	if (!p)
		why = !phys ? "no address" : !fw ? "not inside the memory map's reserved or ACPI ranges"
		      : "cannot be mapped";
	else if (want && memcmp(sig, want, 4))
		why = want[0] == 'R' ? "not the RSDT's signature" : "not the XSDT's signature";
	else if (!(why = table_fault(w, phys, len)) &&
		 !(p = w->a->map(w->a->ctx, phys, len)))
		why = "cannot be mapped";
	else if (!why && acpi_sum(p, len))
		why = "its checksum is wrong";
	if (why) {
		printk("acpi: %s '%s' at 0x%08llx: %s: refused\n", what, sig, phys, why);
		acpi_refused++;
		return NULL;
	}
	if (w->nr_seen < ACPI_MAX_SEEN) {
		w->seen[w->nr_seen].start = phys;
		w->seen[w->nr_seen].end = phys + len;
		memcpy(w->seen[w->nr_seen++].sig, sig, 5);
	}
	return p;
}
#line 642 "chapters/10-nodes.nw" /* <srat: proximity domains to nodes> */
static u32 pxm_of_node[MAX_NUMNODES];	/* node n is proximity domain pxm_of_node[n] */
static int nr_pxm;

static int pxm_to_node(u32 pxm)
{
	for (int n = 0; n < nr_pxm; n++)
		if (pxm_of_node[n] == pxm)
			return n;
	if (nr_pxm == MAX_NUMNODES)
		return -1;
	if (pxm != (u32)nr_pxm)
		printk("numa: SRAT: proximity domain %u is node %d\n", pxm, nr_pxm);
	pxm_of_node[nr_pxm] = pxm;
	return nr_pxm++;
}
#line 599 "chapters/10-nodes.nw" /* <acpi.c: read the SRAT> */
#define SRAT_FIRST	48		/* the header, then 12 reserved bytes */
#define SRAT_ENABLED	1
#define SRAT_HOTPLUG	2

static const char *srat_entry(struct numa_meminfo *mi, const u8 *e, u8 type, u8 len, u8 rev)
{
	static const u8 size[3] = { 16, 40, 24 };
	u32 pxm, flags;
	int nid;

	if (type > 2)
		return NULL;				/* another kind: not about nodes */
	if (len < size[type])
		return "an entry shorter than its kind";
#line 665 "chapters/10-nodes.nw" /* <srat: the proximity domain, as the table's revision has it> */
	if (type == 0)
		pxm = rev >= 2 ? (u32)e[2] | get32(e + 8) >> 8 << 8 : e[2];
	else
		pxm = get32(e + (type == 1 ? 2 : 4)) & (type == 1 && rev <= 1 ? 0xff : ~0u);
#line 614 "chapters/10-nodes.nw" /* <acpi.c: read the SRAT> */
	flags = get32(e + (type == 0 ? 4 : type == 1 ? 28 : 12));
	if (!(flags & SRAT_ENABLED))
		return NULL;
	if ((nid = pxm_to_node(pxm)) < 0)
		return "more proximity domains than this kernel's nodes";
	if (type != 1)
		return numa_name_node(mi, nid), NULL;
	
#line 672 "chapters/10-nodes.nw" /* <srat: a memory-affinity entry> */
{
	u64 base = get64(e + 8), size64 = get64(e + 16);

	if (flags & SRAT_HOTPLUG)
		printk("numa: SRAT: node %d [mem 0x%08llx, 0x%llx bytes] is hot-pluggable: kept on "
		       "its node\n", nid, base, size64);
	if (!size64)
		return numa_name_node(mi, nid), NULL;
	if (base + size64 < base)
		return "a range that wraps past 2^64";
	return numa_add_memblk(mi, nid, base, base + size64);
}
#line 622 "chapters/10-nodes.nw" /* <acpi.c: read the SRAT> */
}
#line 687 "chapters/10-nodes.nw" /* <acpi.c: read the SRAT> */
static bool srat_parse(struct numa_meminfo *mi, const u8 *t, u64 phys)
{
	u32 len = get32(t + 4), off = SRAT_FIRST;
	const char *why = len < SRAT_FIRST ? "shorter than its fixed part" : NULL;

	numa_reset(mi);
	nr_pxm = 0;
	mi->source = "srat";
	while (!why && off < len) {
		if (len - off < 2 || off + t[off + 1] > len)
			why = "an entry runs past the table's end";
		else if (t[off + 1] < 2)
			why = "an entry of length 0 or 1";
		else if (!(why = srat_entry(mi, t + off, t[off], t[off + 1], t[8])))
			off += t[off + 1];
	}
	if (!why)
		return true;
	printk("acpi: SRAT at 0x%08llx: at offset %u: %s: refused, one node\n", phys, off, why);
	numa_reset(mi);
	return false;
}
#line 716 "chapters/10-nodes.nw" /* <acpi.c: walk the root table> */
bool acpi_numa_init(struct numa_meminfo *mi, const struct acpi_access *a, u64 rsdp)
{
	static struct acpi_walk w;
	const u8 *p = a->map(a->ctx, rsdp, 20);
	bool x = p && p[15] >= 2 && (p = a->map(a->ctx, rsdp, ACPI_HEADER)) && get64(p + 24);
	u64 root = !p ? 0 : x ? get64(p + 24) : get32(p + 16), entry[ACPI_MAX_SEEN - 2];
	u32 esize = x ? 8 : 4, n = 0;

	memset(&w, 0, sizeof(w));
	w.a = a;
	acpi_refused = 0;
	numa_reset(mi);
	if (!(p = acpi_table(&w, root, x ? "XSDT" : "RSDT", "root table")))
		return false;
	n = (get32(p + 4) - ACPI_HEADER) / esize;
	if (n > ACPI_MAX_SEEN - 2) {
		printk("acpi: root table: %u entries, the first %d read\n", n, ACPI_MAX_SEEN - 2);
		n = ACPI_MAX_SEEN - 2;
	}
	for (u32 i = 0; i < n; i++)
		entry[i] = x ? get64(p + ACPI_HEADER + 8 * i) : get32(p + ACPI_HEADER + 4 * i);
	for (u32 i = 0; i < n; i++) {
		if (!(p = acpi_table(&w, entry[i], NULL, "table")) || memcmp(p, "SRAT", 4))
			continue;
		if (mi->source)
			printk("acpi: a second SRAT at 0x%08llx: ignored\n", entry[i]);
		else if (!srat_parse(mi, p, entry[i]))
			return false;
		else
			printk("acpi: SRAT at 0x%08llx, entry %u of the %s at 0x%08llx (RSDP at "
			       "0x%08llx)\n", entry[i], i, x ? "XSDT" : "RSDT", root, rsdp);
	}
	if (!mi->source)
		printk("acpi: no SRAT: one node\n");
	return mi->source != NULL;
}
