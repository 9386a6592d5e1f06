#line 986 "chapters/07-buddy.nw" /* <mm/free_all_bootmem.c> */
/* free_all_bootmem.c - bootmem hands every free page, and its bitmap, to the buddy. */
#include <asm/page.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>

#line 1073 "chapters/07-buddy.nw" /* <free_all_bootmem: which buddy a page goes to> */
/* The buddy page frame @pfn goes to: @pgdat, or with none given, that of its node. */
static pg_data_t *buddy_of(pg_data_t *pgdat, unsigned long pfn)
{
	int nid = pfn_to_nid(pfn);

	if (pgdat)
		return pgdat;
	if (nid < 0)
		panic("free_all_bootmem: page frame 0x%lx is on no node", pfn);
	return NODE_DATA(nid);
}

/* The reserved page frames [@s, @e) to their buddies, cut where the buddy changes. */
static unsigned long free_run(pg_data_t *pgdat, unsigned long s, unsigned long e,
			      const char *by)
{
	unsigned long count = 0;

	while (s < e) {
		pg_data_t *to = buddy_of(pgdat, s);
		unsigned long run = s + 1;

		while (run < e && buddy_of(pgdat, run) == to)
			run++;
		count += buddy_free_reserved(to, s, run, by);
		s = run;
	}
	return count;
}
#line 1105 "chapters/07-buddy.nw" /* <free_all_bootmem: check the transfer> */
static void check_transfer(const struct bootmem *bm, pg_data_t *pgdat, unsigned long count)
{
	unsigned long free = bootmem_free_pages(bm), buddy = 0, min, low;

	if (count != free)
		panic("free_all_bootmem: handed over %lu pages, but bootmem had %lu free", count,
		      free);
	bootmem_span(bm, &min, &low);
	for (unsigned long pfn = min; pfn < low; pfn++) {
		bool in_buddy = buddy_page_is_free(buddy_of(pgdat, pfn), pfn);

		if (in_buddy == __bootmem_pfn_reserved(bm, pfn))
			panic("free_all_bootmem: page 0x%lx is %s in bootmem but %s in the buddy", pfn,
			      in_buddy ? "reserved" : "free", in_buddy ? "free" : "not free");
		buddy += in_buddy;
	}
	if (buddy != count)
		panic("free_all_bootmem: %lu pages free in the buddy, %lu handed over", buddy, count);
}

#line 996 "chapters/07-buddy.nw" /* <mm/free_all_bootmem.c> */
unsigned long free_all_bootmem_core(bootmem_data_t *b, pg_data_t *pgdat, const char *by)
{
	unsigned long pfn = b->node_min_pfn, end = b->node_low_pfn, count = 0;

	while (pfn < end) {
		unsigned long run = pfn;

		while (run < end && !bootmem_page_reserved(b, run))
			run++;
		count += free_run(pgdat, pfn, run, by);
		while (run < end && bootmem_page_reserved(b, run))
			run++;
		pfn = run;
	}
	return count;
}

#line 1059 "chapters/07-buddy.nw" /* <free_all_bootmem: the bitmaps' own pages> */
static unsigned long bitmap_pages(const bootmem_data_t *b, const char *by)
{
	if (__pa(b->node_bootmem_map) & (PAGE_SIZE - 1))
		panic("free_all_bootmem: %s(): the bitmap at %p does not start a page of its own",
		      by, (void *)b->node_bootmem_map);
	return (unsigned long)PFN_UP(bootmem_bootmap_bytes(b->node_low_pfn - b->node_min_pfn));
}
#line 1018 "chapters/07-buddy.nw" /* <free_all_bootmem: every bitmap, checked, then the bitmaps> */
unsigned long __free_all_bootmem(struct bootmem *bm, pg_data_t *pgdat, const char *by)
{
	unsigned long count = 0;
	bootmem_data_t *b;

	check_live(&bm->life, "free_all_bootmem", by);
	for_each_bdata(bm, b)
		bitmap_pages(b, by);		/* each one refused before anything moves */
	for_each_bdata(bm, b)
		count += free_all_bootmem_core(b, pgdat, by);
	check_transfer(bm, pgdat, count);
	__retire(&bm->life, "bootmem", "the buddy allocator", "alloc_pages()", by);
	for_each_bdata(bm, b) {
		unsigned long map_pfn = virt_to_pfn(b->node_bootmem_map);

		count += free_run(pgdat, map_pfn, map_pfn + bitmap_pages(b, by), by);
	}
	return count;
}
#line 1048 "chapters/07-buddy.nw" /* <free_bootmem_late: whole pages to the buddy> */
unsigned long __free_bootmem_late(phys_addr_t addr, size_t size, const char *caller)
{
	if (size > ~(phys_addr_t)0 - addr)
		panic("free_bootmem_late: %s() freed 0x%llx bytes at 0x%llx, which runs past the "
		      "top of the address space", caller, (u64)size, addr);
	return free_run(NULL, (unsigned long)PFN_UP(addr), (unsigned long)PFN_DOWN(addr + size),
			caller);
}
