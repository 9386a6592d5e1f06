#line 1125 "chapters/08-slab.nw" /* <arch/x86/handoff/buddy_to_slab.c> */
/* buddy_to_slab.c - the slab allocator comes up on the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/cmdline.h>
#include <handoff/handoff.h>
#include <handoff/printk.h>
#include <handoff/slab.h>

#line 1170 "chapters/08-slab.nw" /* <slab init: pages in slabs> */
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

#line 1135 "chapters/08-slab.nw" /* <arch/x86/handoff/buddy_to_slab.c> */
/**
 * slab_takes_over - kmem_cache_init on the buddy, the ledger line, and slabinfo; bootmem's late
 * callers are sent to kmalloc() from now on.
 */
void slab_takes_over(void)
{
	bool debug = cmdline_has(boot_command_line, "slab_debug");

	kmem_cache_init(debug ? SLAB_DEBUG : 0);
#line 2865 "chapters/09-shortcuts.nw" /* <slab_takes_over: once the slab is up> */
	measure_point("slab_up");
#line 1145 "chapters/08-slab.nw" /* <arch/x86/handoff/buddy_to_slab.c> */
	printk("slab: the cache of caches and the kmalloc caches are up%s\n",
	       debug ? ", poisoned and red-zoned (slab_debug)" : "");
	check_slab_pages();
	buddy_ledger("buddy", "slab");
	retirement_redirect(&bootmem.life, "kmalloc()");
	slabinfo();
}
