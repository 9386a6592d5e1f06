#line 944 "chapters/08-slab.nw" /* <arch/x86/mm/slab_init.c> */
/* slab_init.c - the slab allocator comes up on the buddy; the chain, summed up. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/brk.h>
#include <handoff/cmdline.h>
#include <handoff/early_res.h>
#include <handoff/ledger.h>
#include <handoff/lmb.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>

void buddy_ledger(const char *from, const char *to);

#line 976 "chapters/08-slab.nw" /* <slab init: pages in slabs> */
static unsigned long pages_in_slabs(void)
{
	const struct kmem_cache *c;
	unsigned long pages = 0;

	list_for_each_entry(c, &cache_chain, next)
		pages += c->num_slabs << c->gfporder;
	return pages;
}

static void check_slab_pages(void)
{
	unsigned long marked = 0;

	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++)
		marked += PageSlab(pfn_to_page(pfn));
	if (marked != pages_in_slabs())
		panic("slab: %lu pages are marked PG_slab, but the caches' slabs have %lu", marked,
		      pages_in_slabs());
}

#line 960 "chapters/08-slab.nw" /* <arch/x86/mm/slab_init.c> */
/** slab_takes_over - kmem_cache_init, the ledger line, and slabinfo. */
void slab_takes_over(void)
{
	bool debug = cmdline_has(boot_command_line, "slab_debug");

	kmem_cache_init(debug ? SLAB_DEBUG : 0);
	printk("slab: the cache of caches and the kmalloc caches are up%s\n",
	       debug ? ", poisoned and red-zoned (slab_debug)" : "");
	check_slab_pages();
	buddy_ledger("buddy", "slab");
	bootmem.instead = "kmalloc()";
	slabinfo();
}
#line 1005 "chapters/08-slab.nw" /* <arch/x86/mm/slab_init.c> */
static long reserved_growth(const char *who)
{
	for (unsigned int i = 0; i + 1 < nr_handoff_lines; i++)
		if (!strcmp(handoff_lines[i].to, who))
			return (long)handoff_lines[i + 1].reserved - (long)handoff_lines[i].reserved;
	return 0;
}

/** chain_summary - what each allocator of the chain gave out, and what it cost. */
void chain_summary(void)
{
	const struct kmem_cache *c;
	unsigned long objs = 0, caches = 0, descriptors = 0;

	list_for_each_entry(c, &cache_chain, next) {
		objs += c->active_objs;
		caches++;
		descriptors += c->num_slabs * (c->slabp_cache ? c->slabp_cache->size : c->slab_size);
	}
	printk("chain: allocator  gave out                           metadata\n");
	printk("chain: brk        %6zu bytes                       %zu bytes (struct brk_area)\n",
	       brk_used(&kernel_brk), sizeof(struct brk_area));
	printk("chain: e820       %6ld pages                       %zu bytes (early_res table)\n",
	       reserved_growth("e820"), sizeof(early_res));
	printk("chain: lmb        %6ld pages                       %zu bytes (region arrays)\n",
	       reserved_growth("lmb"), (size_t)(lmb.memory.max + lmb.reserved.max) *
	       sizeof(struct lmb_region));
	printk("chain: bootmem    %6ld pages (and its bitmap back) %lu bytes (bitmap)\n",
	       reserved_growth("bootmem") + (long)PFN_UP(bootmem_bootmap_bytes(max_low_pfn)),
	       bootmem_bootmap_bytes(max_low_pfn));
	printk("chain: buddy      %6lu pages in use now            %lu bytes (mem_map)\n",
	       totalram_pages - nr_free_pages(), (unsigned long)(max_low_pfn * sizeof(struct page)));
	printk("chain: slab       %6lu objects in %lu caches        %lu bytes (descriptors, caches)\n",
	       objs, caches, descriptors + caches * sizeof(struct kmem_cache));
}
