#line 1708 "chapters/09-shortcuts.nw" /* <kernel/chain_bootmem_over_kmalloc.c> */
/* chain_bootmem_over_kmalloc.c - chapter 8's chain table for the bootmem-over-kmalloc chain. */
#include <handoff/bootmem_kmalloc.h>
#include <handoff/brk.h>
#include <handoff/early_res.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>

static unsigned long reserved_growth(const char *who)
{
	for (unsigned int i = 0; i + 1 < nr_handoff_lines; i++) {
		const struct handoff_line *in = &handoff_lines[i], *out = in + 1;

		if (strcmp(in->to, who))
			continue;
		if (out->reserved + out->freed < in->reserved)
			panic("chain: %s's reserved pages went from %lu to %lu, more than the %lu it "
			      "freed: a free the ledger did not see", who, in->reserved,
			      out->reserved, out->freed);
		return out->reserved + out->freed - in->reserved;
	}
	return 0;
}

#line 1740 "chapters/09-shortcuts.nw" /* <chain bootmem-over-kmalloc: the table> */
void chain_summary(void)
{
	const struct kmem_cache *c;
	unsigned long objs = 0, caches = 0, descriptors = 0, blocks;
	size_t bytes;

	list_for_each_entry(c, &cache_chain, next) {
		objs += c->active_objs;
		caches++;
		descriptors += c->num_slabs * (c->slabp_cache ? c->slabp_cache->size : c->slab_size);
	}
	blocks = bootmem_wrapper_count(&bytes);
	printk("chain: allocator  gave out                           metadata\n");
	printk("chain: brk        %6zu bytes                       %zu bytes (struct brk_area)\n",
	       brk_used(&kernel_brk), sizeof(struct brk_area));
	printk("chain: e820       %6lu pages                       %zu bytes (early_res table)\n",
	       reserved_growth("e820"), sizeof(early_res));
	printk("chain: lmb        %6lu pages (mem_map among them)  %llu bytes (region arrays)\n",
	       reserved_growth("lmb"), lmb_type_bytes(&lmb.memory) + lmb_type_bytes(&lmb.reserved));
	printk("chain: bootmem    %6lu blocks held, %zu bytes      %zu bytes each (records)\n",
	       blocks, bytes, sizeof(struct bootmem_block));
	printk("chain: buddy      %6lu pages in use now            %lu bytes (mem_map)\n",
	       totalram_pages - nr_free_pages(), (unsigned long)(max_low_pfn * sizeof(struct page)));
	printk("chain: slab       %6lu objects in %lu caches        %lu bytes (descriptors, caches)\n",
	       objs, caches, descriptors + caches * sizeof(struct kmem_cache));
}
