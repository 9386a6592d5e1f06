#line 2821 "chapters/09-shortcuts.nw" /* <kernel/measure.c> */
/* measure.c - chapter 9's measurements: the counter, the metadata, an ACPI-like early user. */
#include <asm/e820.h>
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/brk.h>
#include <handoff/cmdline.h>
#include <handoff/early_res.h>
#include <handoff/gfp.h>
#include <handoff/lmb.h>
#include <handoff/measure.h>
#include <handoff/mm.h>
#include <handoff/printk.h>
#include <handoff/slab.h>

#line 2584 "chapters/09-shortcuts.nw" /* <measure: the time stamp counter> */
static u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

static u64 entry_tsc;		/* read before the command line is */
static bool entry_printed;

void measure_entry(void)
{
	entry_tsc = rdtsc();
}

u64 measure_counter(void)
{
	return rdtsc();
}

void measure_tsc(const char *where)
{
	if (!cmdline_has(boot_command_line, "measure"))
		return;
	if (!entry_printed) {
		entry_printed = true;
		printk("measure: tsc entry %llu\n", entry_tsc);
	}
	printk("measure: tsc %s %llu\n", where, rdtsc());
}
#line 1257 "chapters/08-slab.nw" /* <chain table: what the slab holds> */
static unsigned long slab_metadata(unsigned long *objs, unsigned long *caches)
{
	const struct kmem_cache *c;
	unsigned long descriptors = 0;

	*objs = *caches = 0;
	list_for_each_entry(c, &cache_chain, next) {
		*objs += c->active_objs;
		(*caches)++;
		descriptors += c->num_slabs * (c->slabp_cache ? c->slabp_cache->size : c->slab_size);
	}
	return descriptors + *caches * sizeof(struct kmem_cache);
}
#line 2625 "chapters/09-shortcuts.nw" /* <measure: the metadata held now> */
static unsigned long bootmem_bitmap_held(void)
{
	const bootmem_data_t *b;
	unsigned long bytes = 0;

	if (bootmem.life.by)
		return 0;
	for_each_bdata(&bootmem, b)	/* none in a chain without a bitmap */
		bytes += (b->node_low_pfn - b->node_min_pfn + 7) / 8;	/* one bit per page */
	return bytes;
}

/* mem_map's bytes, once the buddy has them (chapter 8's count). */
static unsigned long mem_map_held(void)
{
	return NODE_DATA(0)->node_mem_map ? mem_map_bytes() : 0;
}

static unsigned long slab_held(void)
{
	unsigned long objs, caches;

	return slab_is_available() ? slab_metadata(&objs, &caches) : 0;
}

void measure_point(const char *where)
{
	if (!cmdline_has(boot_command_line, "measure"))
		return;
	measure_tsc(where);
	printk("measure: meta %s brk=%zu e820=%zu lmb=%llu bootmem=%lu buddy=%lu slab=%lu\n",
	       where, sizeof(struct brk_area), sizeof(early_res),
	       lmb_type_bytes(&lmb.memory) + lmb_type_bytes(&lmb.reserved), bootmem_bitmap_held(),
	       mem_map_held(), slab_held());
}
#line 2674 "chapters/09-shortcuts.nw" /* <measure: an early user that allocates the way ACPI had to> */
static void *early_allocate(size_t size)
{
	return slab_is_available() ? kmalloc(size, GFP_KERNEL) : alloc_bootmem(size);
}

static void early_free(void *p, size_t size)
{
	if (slab_is_available())
		kfree(p);
	else
		free_bootmem(__pa(p), size);
}
#line 2694 "chapters/09-shortcuts.nw" /* <measure: free memory of the allocator in charge> */
static u64 free_bytes_in_charge(const char **where)
{
	unsigned long pages = 0;

	if (totalram_pages) {
		*where = "buddy";
		return (u64)nr_free_pages() << PAGE_SHIFT;
	}
	if (bootmem_bitmap_held()) {
		const bootmem_data_t *b;

		*where = "bootmem";
		for_each_bdata(&bootmem, b)
			for (unsigned long i = 0; i < b->node_low_pfn - b->node_min_pfn; i++)
				pages += !(b->node_bootmem_map[i >> 3] & (1u << (i & 7)));
		return (u64)pages << PAGE_SHIFT;
	}
	*where = "lmb";
	return lmb.memory.total_size - lmb.reserved.total_size;
}
#line 2720 "chapters/09-shortcuts.nw" /* <measure: the ACPI-like user> */
void acpi_like_user(const char *caller)
{
	const char *arg, *end, *where;
	size_t len, bytes = 0;
	u64 n, before, after;

	if (!(arg = cmdline_get(boot_command_line, "acpi_like", NULL, &len)))
		return;
	if (!memparse(arg, &end, &n) || end != arg + len)
		panic("acpi_like: %s() was given acpi_like= that is not a count of pairs", caller);
	measure_tsc("acpi_like_begin");
	before = free_bytes_in_charge(&where);
	for (u64 i = 0; i < n; i++) {
		size_t size = (size_t)16 << (i % 5);	/* 16, 32, 64, 128, 256 */

		early_free(early_allocate(size), size);
		bytes += size;
	}
	after = free_bytes_in_charge(&where);
	measure_tsc("acpi_like_end");
	printk("acpi_like: %llu pairs (%zu bytes) through %s, counted in %s: %lld bytes lost\n",
	       n, bytes, slab_is_available() ? "kmalloc" : "alloc_bootmem", where,
	       (long long)(before - after));
}
#line 2758 "chapters/09-shortcuts.nw" /* <measure: the reserved pages and their owners> */
/* Does the page at @addr hold a part of some node's mem_map? */
static bool in_mem_map(phys_addr_t addr)
{
	int nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);
		phys_addr_t lo = __pa(pgdat->node_mem_map);
		phys_addr_t hi = lo + pgdat->node_spanned_pages * sizeof(struct page);

		if (pgdat->node_mem_map && addr < hi && lo < addr + PAGE_SIZE)
			return true;
	}
	return false;
}

#line 2779 "chapters/09-shortcuts.nw" /* <measure: the reserved pages and their owners> */
static bool in_lmb_reserved(phys_addr_t addr)
{
	const struct lmb_region *r;

	for_each_lmb(reserved, r)
		if (r->base < addr + PAGE_SIZE && addr < r->base + r->size)
			return true;
	return false;
}

void measure_reserved(const char *where)
{
	unsigned long total = 0, slab = 0, map = 0, early = 0, other = 0;
	const struct lmb_region *m;

	if (!cmdline_has(boot_command_line, "measure") || !totalram_pages)
		return;
	for_each_lmb(memory, m)
		for (u64 pfn = PFN_UP(m->base); pfn < MIN(PFN_DOWN(m->base + m->size),
							 (u64)max_low_pfn); pfn++) {
			phys_addr_t a = PFN_PHYS(pfn);

			if (buddy_page_is_free(NODE_DATA(pfn_to_nid(pfn)), (unsigned long)pfn))
				continue;
			total++;
			if (PageSlab(pfn_to_page((unsigned long)pfn)))
				slab++;
			else if (in_mem_map(a))
				map++;
			else if (in_lmb_reserved(a))
				early++;
			else
				other++;
		}
	printk("measure: reserved %s total=%lu lmb=%lu mem_map=%lu slab=%lu other=%lu\n", where,
	       total, early, map, slab, other);
}
