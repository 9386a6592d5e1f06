#line 1204 "chapters/08-slab.nw" /* <kernel/chain.c> */
/* chain.c - the whole chain of allocators, summed up from the ledger and their structures. */
#include <handoff/bootmem.h>
#include <handoff/brk.h>
#include <handoff/early_res.h>
#include <handoff/gfp.h>
#include <handoff/handoff.h>
#include <handoff/lmb.h>
#include <handoff/mm.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>

#line 1230 "chapters/08-slab.nw" /* <chain table: what an allocator gave out> */
static unsigned long reserved_growth(const char *who)
{
	const struct handoff_line *in = NULL, *out = NULL;
	unsigned long freed = 0;

	for (unsigned int i = 0; i < nr_handoff_lines; i++) {
		if (!in && !strcmp(handoff_lines[i].to, who))
			in = &handoff_lines[i];
		else if (in && !strcmp(handoff_lines[i].from, who))
			out = &handoff_lines[i];	/* the last line that hands over from it */
	}
	if (!out)
		return 0;
	for (const struct handoff_line *l = in + 1; l <= out; l++)
		freed += l->freed;
	if (out->reserved + freed < in->reserved)
		panic("chain: %s's reserved pages went from %lu to %lu, more than the %lu it freed: "
		      "a free the ledger did not see", who, in->reserved, out->reserved, freed);
	return out->reserved + freed - in->reserved;
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
#line 1280 "chapters/08-slab.nw" /* <chain table: what bootmem and the buddy hold> */
static unsigned long bitmaps_given_back(void)
{
	const bootmem_data_t *b;
	unsigned long pages = 0;

	for_each_bdata(&bootmem, b)
		pages += (unsigned long)PFN_UP(bootmem_bootmap_bytes(b->node_low_pfn - b->node_min_pfn));
	return pages;
}
#line 1292 "chapters/08-slab.nw" /* <chain table: the rows> */
void chain_summary(void)
{
	unsigned long objs, caches, slab_bytes = slab_metadata(&objs, &caches);

	printk("chain: allocator  gave out                           metadata\n");
	printk("chain: brk        %6zu bytes                       %zu bytes (struct brk_area)\n",
	       brk_used(&kernel_brk), sizeof(struct brk_area));
	printk("chain: e820       %6lu pages                       %zu bytes (early_res table)\n",
	       reserved_growth("e820"), sizeof(early_res));
	printk("chain: lmb        %6lu pages                       %llu bytes (region arrays)\n",
	       reserved_growth("lmb"), lmb_type_bytes(&lmb.memory) + lmb_type_bytes(&lmb.reserved));
	printk("chain: bootmem    %6lu pages (and its bitmap back) %lu bytes (bitmap)\n",
	       reserved_growth("bootmem") + bitmaps_given_back(), bootmem_bitmaps_bytes(&bootmem));
	printk("chain: buddy      %6lu pages in use now            %lu bytes (mem_map)\n",
	       totalram_pages - nr_free_pages(), mem_map_bytes());
	printk("chain: slab       %6lu objects in %lu caches        %lu bytes (descriptors, caches)\n",
	       objs, caches, slab_bytes);
}
