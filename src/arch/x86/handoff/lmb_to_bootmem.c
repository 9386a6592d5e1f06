#line 795 "chapters/06-bootmem.nw" /* <arch/x86/handoff/lmb_to_bootmem.c> */
/* lmb_to_bootmem.c - LMB hands its memory to bootmem. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/printk.h>

#line 848 "chapters/06-bootmem.nw" /* <bootmem handoff: count and check> */
static void check_and_count(void)
{
	const struct lmb_region *m;
	unsigned long total, lmb_free, lmb_reserved, free, in_memory = 0;
	struct range_walk w;
	phys_addr_t s, e;

	lmb_page_counts(&total, &lmb_free, &lmb_reserved);
	lmb_for_each_free_range(w, &s, &e)		/* each free page: a clear bit */
		for (phys_addr_t pfn = PFN_UP(s); pfn < PFN_DOWN(e); pfn++)
			if (bootmem_pfn_reserved((unsigned long)pfn))
				panic("bootmem: page 0x%llx is free in LMB but reserved here", pfn);
	free = bootmem_free_pages(&bootmem);
	if (free != lmb_free)
		panic("bootmem: %lu pages free in the bitmap, but LMB had %lu", free, lmb_free);
	for_each_lmb(memory, m)				/* set bits inside memory */
		for (phys_addr_t pfn = PFN_UP(m->base); pfn < PFN_DOWN(m->base + m->size); pfn++)
			in_memory += bootmem_pfn_reserved((unsigned long)pfn);
	handoff_ledger("lmb", "bootmem", total, free, in_memory);
}
#line 890 "chapters/06-bootmem.nw" /* <bootmem handoff: dump the bitmap> */
/* The bitmap as runs: "memmap: bootmem START END free|reserved". */
static void bootmem_memdump(void)
{
	unsigned long run, n;

	bootmem_span(&bootmem, &run, &n);
	for (unsigned long i = run + 1; i <= n; i++) {
		bool prev = bootmem_pfn_reserved(i - 1);

		if (i < n && prev == bootmem_pfn_reserved(i))
			continue;
		printk("memmap: bootmem 0x%llx 0x%llx %s\n", PFN_PHYS(run), PFN_PHYS(i),
		       prev ? "reserved" : "free");
		run = i;
	}
}
#line 825 "chapters/06-bootmem.nw" /* <bootmem handoff: from LMB> */
static void bootmem_from_lmb(void)
{
	unsigned long bytes = bootmem_bootmap_bytes(max_low_pfn);
	phys_addr_t map = lmb_alloc(PFN_PHYS(PFN_UP(bytes)), PAGE_SIZE);
	struct range_walk w;
	phys_addr_t s, e;

	init_bootmem((unsigned long)PFN_DOWN(map), max_low_pfn);
	printk("bootmem: a bitmap of %lu bytes for %lu pages at [mem 0x%08llx-0x%08llx] "
	       "(32 KiB per GiB)\n", bytes, max_low_pfn, map, map + bytes - 1);
	lmb_for_each_free_range(w, &s, &e)	/* one walk: LMB is not changed under it */
		free_bootmem(s, e - s);
	check_and_count();
}

#line 808 "chapters/06-bootmem.nw" /* <arch/x86/handoff/lmb_to_bootmem.c> */
/**
 * bootmem_takes_over - a bitmap from LMB, LMB's free memory freed into it, LMB retired; the
 * ledger line, and the bitmap's runs when memdump is asked for.
 */
void bootmem_takes_over(void)
{
	bootmem_from_lmb();
	retire(&lmb.life, "LMB", "bootmem", "alloc_bootmem()");
	memdump(bootmem_memdump);
}
