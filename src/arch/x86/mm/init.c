#line 318 "chapters/05-paging.nw" /* <arch/x86/mm/init.c> */
/* init.c - the kernel's page tables: low memory mapped at PAGE_OFFSET. */
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/brk.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/printk.h>

unsigned long max_low_pfn;
u32 *swapper_pg_dir;		/* Linux's name for the kernel's page directory */

#line 336 "chapters/05-paging.nw" /* <paging: where low memory ends> */
static u64 usable_above(u64 limit)	/* in the firmware's map, sound ranges only */
{
	const struct boot_mem_range *r;
	u64 n = 0;

	for_each_boot_mem_range(&boot_mem_map, r)
		if (r->type == BOOT_MEM_USABLE && boot_mem_range_sound(r) &&
		    boot_mem_range_last(r) >= limit)
			n += boot_mem_range_last(r) - MAX(r->addr, limit) + 1;
	return n;
}

static void find_low_pfn_range(void)
{
	const struct lmb_region *last;

	if (!lmb.memory.cnt)
		panic("paging: LMB knows no memory to map");
	last = &lmb.memory.regions[lmb.memory.cnt - 1];
	max_low_pfn = (unsigned long)PFN_DOWN(MIN(last->base + last->size, MAXMEM));
	printk("paging: low memory is [mem 0x00000000-0x%08llx], %lu MiB; %llu MiB of usable "
	       "memory above it stay unmapped (this kernel has no highmem)\n",
	       PFN_PHYS(max_low_pfn) - 1, max_low_pfn >> (20 - PAGE_SHIFT),
	       usable_above(PFN_PHYS(max_low_pfn)) >> 20);
}
#line 409 "chapters/05-paging.nw" /* <paging: leave the holes out> */
static void unmap_frames(u32 *pgd, unsigned long from, unsigned long to)
{
	for (unsigned long pfn = from; pfn < to; pfn++) {
		u32 pde = pgd[(PAGE_OFFSET >> PGDIR_SHIFT) + pfn / PTRS_PER_PTE];

		if (pde & _PAGE_PSE)
			panic("paging: page frame 0x%lx is a hole inside a 4 MiB page; a block with a "
			      "hole needs a page table", pfn);
		((u32 *)__va(pde & ~0xfffu))[pfn % PTRS_PER_PTE] = 0;
	}
}

static void leave_holes_out(u32 *pgd)
{
	unsigned long from = PFN_DOWN(ISA_END_ADDRESS), holes = 0, pages = 0;

	for (unsigned long i = 0; i <= lmb.memory.cnt && from < max_low_pfn; i++) {
		const struct lmb_region *r = &lmb.memory.regions[i];
		unsigned long to = i < lmb.memory.cnt ? (unsigned long)PFN_DOWN(r->base) : max_low_pfn;

		to = MIN(to, max_low_pfn);
		if (from < to) {
			unmap_frames(pgd, from, to);
			holes++;
			pages += to - from;
		}
		if (i < lmb.memory.cnt)
			from = MAX(from, (unsigned long)PFN_UP(r->base + r->size));
	}
	if (holes)
		printk("paging: %lu hole%s in low memory above 1 MiB, %lu pages, left out of the "
		       "direct map\n", holes, holes == 1 ? "" : "s", pages);
}
#line 364 "chapters/05-paging.nw" /* <paging: build, switch, and drop the old tables> */
void init_memory_mapping(void)
{
	unsigned long nr;
	phys_addr_t pgd, ptes;

	find_low_pfn_range();
	nr = (max_low_pfn + PTRS_PER_PTE - 1) / PTRS_PER_PTE;
	pgd = lmb_alloc(PAGE_SIZE, PAGE_SIZE);
	ptes = lmb_alloc((phys_addr_t)nr * PAGE_SIZE, PAGE_SIZE);
	build_direct_map(__va(pgd), __va(ptes), max_low_pfn);
	printk("paging: %lu MiB in 4 KiB pages: a directory and %lu page tables, %lu KiB "
	       "(4 MiB pages would need the directory alone, 4 KiB)\n",
	       max_low_pfn >> (20 - PAGE_SHIFT), nr, (nr + 1) * 4);
	leave_holes_out(__va(pgd));		/* before CR3: no hole is ever mapped live */
	__asm__ volatile("mov %0, %%cr3" : : "r"((u32)pgd) : "memory");
#line 2081 "chapters/09-shortcuts.nw" /* <paging: what later chapters note once the page tables are loaded> */
	boot_census.after_paging = true;
#line 380 "chapters/05-paging.nw" /* <paging: build, switch, and drop the old tables> */
	swapper_pg_dir = __va(pgd);
	early_pagetables_in_use = false;
	max_pfn_mapped = max_low_pfn;
	lmb.current_limit = PFN_PHYS(max_low_pfn);
	lmb_free(__pa(kernel_brk.base), EARLY_PAGETABLES_SIZE);
	printk("paging: switched to the direct map; head.S's tables (%d KiB) freed; the identity "
	       "map and page 0 are gone\n", EARLY_PAGETABLES_SIZE >> 10);
}
