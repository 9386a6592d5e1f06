#line 149 "chapters/03-e820.nw" /* <arch/x86/kernel/e820.c> */
/* e820.c - the firmware's memory map, made sorted, disjoint and trustworthy. */
#include <asm/e820.h>
#include <handoff/printk.h>
#include <handoff/string.h>

struct e820map e820;

int e820_precedence(u32 type)
{
	switch (type) {
	case E820_RAM:		return 1;
	case E820_ACPI:		return 2;
	case E820_NVS:		return 3;
	case E820_RESERVED:	return 4;
	case E820_UNUSABLE:	return 6;
	default:		return 5;	/* unknown: as reserved, below bad memory */
	}
}

const char *e820_type_name(u32 type)
{
	return boot_mem_type_name(type);
}

#line 184 "chapters/03-e820.nw" /* <e820: add and print> */
int e820_add_region(struct e820map *m, u64 start, u64 size, u32 type)
{
	if (m->nr_map == E820MAX) {
		printk("e820: the map is full (%d entries): [mem 0x%016llx, size 0x%llx] %s "
		       "ignored\n", E820MAX, start, size, e820_type_name(type));
		return -1;
	}
	m->map[m->nr_map++] = (struct e820entry){ start, size, type };
	return 0;
}

void e820_print_map(const struct e820map *m, const char *who)
{
	const struct e820entry *e;

	for_each_e820_entry(m, e) {
		if (e->size)
			printk("e820: %s [mem 0x%016llx-0x%016llx] %s\n", who, e->addr,
			       e->addr + e->size - 1, e820_type_name(e->type));
		else
			printk("e820: %s [mem 0x%016llx, 0 bytes] %s\n", who, e->addr,
			       e820_type_name(e->type));
	}
}
#line 238 "chapters/03-e820.nw" /* <e820: sanitize> */
struct change_point {
	u64 addr;
	int entry;		/* index into the input */
	bool is_end;
};

/* The input copy and the points: static, for a 4 KiB stack and no allocator. */
static struct e820entry sanitize_in[E820MAX];
static struct change_point points[2 * E820MAX];

#line 254 "chapters/03-e820.nw" /* <e820 sanitize: collect the change points> */
static int collect_points(const struct e820map *m, int *nr_in)
{
	int n = 0;

	*nr_in = 0;
	for (int i = 0; i < m->nr_map; i++) {
		const struct e820entry *e = &m->map[i];
		u64 end = e->addr + e->size;

		if (e->size == 0) {
			printk("e820: dropped [mem 0x%016llx, 0 bytes] %s: empty\n", e->addr,
			       e820_type_name(e->type));
			continue;
		}
		if (end == 0)
			end = ~0ull;		/* ends at 2^64: lose the last byte */
		else if (end < e->addr) {
			printk("e820: refused [mem 0x%016llx, size 0x%llx] %s: it wraps past "
			       "2^64\n", e->addr, e->size, e820_type_name(e->type));
			continue;
		}
		sanitize_in[*nr_in] = *e;
		points[n++] = (struct change_point){ e->addr, *nr_in, false };
		points[n++] = (struct change_point){ end, *nr_in, true };
		(*nr_in)++;
	}
	return n;
}
#line 288 "chapters/03-e820.nw" /* <e820 sanitize: sort them> */
static void sort_points(int n)
{
	for (int i = 1; i < n; i++) {
		struct change_point p = points[i];
		int j = i;

		for (; j > 0 && points[j - 1].addr > p.addr; j--)
			points[j] = points[j - 1];
		points[j] = p;
	}
}
#line 307 "chapters/03-e820.nw" /* <e820 sanitize: sweep> */
static u32 winning_type(const bool *active, int nr_in)
{
	u32 best = 0;

	for (int i = 0; i < nr_in; i++) {
		u32 type = sanitize_in[i].type;

		if (!active[i])
			continue;
		if (!best || e820_precedence(type) > e820_precedence(best) ||
		    (e820_precedence(type) == e820_precedence(best) && type > best))
			best = type;
	}
	return best;	/* 0: nothing covers it */
}
#line 330 "chapters/03-e820.nw" /* <e820 sanitize: sweep> */
int sanitize_e820_map(struct e820map *m)
{
	static bool active[E820MAX];
	int nr_in, n = collect_points(m, &nr_in), lost = 0;
	u32 current = 0;
	u64 start = 0;

	sort_points(n);
	memset(active, 0, sizeof(active));
	m->nr_map = 0;
	for (int i = 0; i < n; ) {
		u64 addr = points[i].addr;
		u32 now;

		for (; i < n && points[i].addr == addr; i++)
			active[points[i].entry] = !points[i].is_end;
		now = winning_type(active, nr_in);
		if (now == current)
			continue;
		if (current && (m->nr_map < E820MAX || (lost++, false)))
			m->map[m->nr_map++] = (struct e820entry){ start, addr - start, current };
		current = now;
		start = addr;
	}
	if (lost)
		printk("e820: %d ranges did not fit in %d entries after sanitizing; the lowest "
		       "were kept\n", lost, E820MAX);
	return m->nr_map;
}
#line 387 "chapters/03-e820.nw" /* <e820: clip> */
void e820_clip(struct e820map *m, u64 limit, u32 type, const char *why)
{
	u64 usable = 0;
	int n = 0, dropped = 0;

	for (int i = 0; i < m->nr_map; i++) {
		struct e820entry e = m->map[i];
		u64 last = e.addr + e.size - 1;		/* last bytes: an end may be 2^64 */

		if (e.size && last >= limit && (!type || e.type == type)) {
			u64 cut = e.addr >= limit ? e.size : last - limit + 1;

			if (e.type == E820_RAM)
				usable += cut;
			dropped++;
			e.size -= cut;
		}
		if (e.size)
			m->map[n++] = e;
	}
	m->nr_map = n;
	if (usable)
		printk("e820: %llu MiB (%llu KiB) of usable memory at or above 0x%llx ignored: %s\n",
		       usable >> 20, usable >> 10, limit, why);
	else if (dropped)
		printk("e820: %d reserved range%s at or above 0x%llx ignored: %s\n", dropped,
		       dropped == 1 ? "" : "s", limit, why);
}
#line 1008 "chapters/03-e820.nw" /* <arch/x86/kernel/e820.c> */
u32 bios_area_start(u16 base_kib, u16 ebda_segment)
{
	u32 start = (u32)base_kib << 10, ebda = (u32)ebda_segment << 4;

	if (ebda <= start && start - ebda <= 0x10000)
		start = ebda;			/* an EBDA that the count left out */
	if (!ebda && start >= BIOS_AREA_LATEST)
		start = BIOS_AREA_LATEST;	/* no EBDA: keep a page for old firmware anyway */
	if (!start || start >= 0x100000)
		start = BIOS_AREA_LATEST;	/* a count that cannot be true */
	return start;
}
