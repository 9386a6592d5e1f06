#line 1316 "chapters/09-shortcuts.nw" /* <mm/bootmem_kmalloc.c> */
/* bootmem_kmalloc.c - the bootmem interface as a thin wrapper over kmalloc and the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/bootmem_kmalloc.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>
#include <handoff/printk.h>
#include <handoff/slab.h>
#include <handoff/string.h>

struct bootmem bootmem;			/* only its life, which nothing retires in this chain */

#line 1369 "chapters/09-shortcuts.nw" /* <bootmem wrapper: what it gave out> */
LIST_HEAD(bootmem_blocks);
static struct kmem_cache *block_cache;

static struct bootmem_block *new_block(const char *caller)
{
	if (!block_cache)
		block_cache = kmem_cache_create_caller("bootmem_block", sizeof(struct bootmem_block),
						       0, SLAB_PANIC, NULL, caller);
	return kmem_cache_alloc_caller(block_cache, GFP_KERNEL | __GFP_ZERO, caller);
}

static void forget(struct bootmem_block *b, const char *caller)
{
	list_del(&b->list);
	kmem_cache_free_caller(block_cache, b, caller);
}

static void forget_freed(phys_addr_t addr, size_t size, const char *caller)
{
	for (struct list_head *e = bootmem_blocks.next, *next; e != &bootmem_blocks; e = next) {
		struct bootmem_block *b = list_entry(e, struct bootmem_block, list);

		next = e->next;
		if (b->freed && b->addr < addr + size && addr < b->addr + b->size)
			forget(b, caller);
	}
}
#line 1403 "chapters/09-shortcuts.nw" /* <bootmem wrapper: from kmalloc or from the buddy> */
static void *from_kmalloc(struct bootmem_block *b, size_t size, size_t align, const char *caller)
{
	u8 *p = __kmalloc(size, GFP_KERNEL | __GFP_ZERO, caller);

	if (p && ((uintptr_t)p & (align - 1))) {
		__kfree(p, caller);
		p = __kmalloc(size + align - KMALLOC_MIN_ALIGN, GFP_KERNEL | __GFP_ZERO, caller);
	}
	b->base = p;
	b->order = -1;
	return p ? (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1)) : NULL;
}

static void *from_buddy(struct bootmem_block *b, size_t size, size_t align, phys_addr_t limit,
			const char *caller)
{
	gfp_t gfp = GFP_KERNEL | __GFP_ZERO | (limit && limit <= MAX_DMA_ADDRESS ? __GFP_DMA : 0);
	unsigned int order = 0;
	struct page *page;

	while (order < MAX_ORDER && ((size_t)PAGE_SIZE << order) < MAX(size, align))
		order++;
	if (order == MAX_ORDER || !(page = alloc_pages(gfp, order)))
		return NULL;
	if (limit && PFN_PHYS(page_to_pfn(page)) + size > limit) {
		buddy_free(&contig_page_data, page, order, caller);
		if (gfp & __GFP_DMA)
			return NULL;
		page = alloc_pages(gfp | __GFP_DMA, order);	/* ZONE_DMA ends below the limit */
		if (!page)
			return NULL;
	}
	b->base = page_address(page);
	b->order = (int)order;
	return b->base;
}
#line 1446 "chapters/09-shortcuts.nw" /* <bootmem wrapper: who may call, and which limits bind> */
static void check_slab_up(const char *fn, const char *caller)
{
	if (!slab_is_available())
		panic("%s: %s() called before the slab allocator is up (chain bootmem-over-kmalloc: "
		      "it starts in bootmem_takes_over()); use lmb_alloc() this early", fn, caller);
}

static bool limit_binds(phys_addr_t limit)
{
	const pg_data_t *pgdat = &contig_page_data;

	return limit && PFN_DOWN(limit) < pgdat->node_start_pfn + pgdat->node_spanned_pages;
}
#line 1464 "chapters/09-shortcuts.nw" /* <bootmem wrapper: allocate> */
void *___alloc_bootmem_nopanic(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
			       phys_addr_t limit, const char *caller)
{
	struct bootmem_block *b;
	void *p;

	check_live(&bm->life, "alloc_bootmem", caller);
	check_slab_up("alloc_bootmem", caller);
	if (!size || !align || (align & (align - 1)))
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu", caller, size, align);
	(void)goal;			/* a preference that neither kmalloc nor the buddy takes */
	if (!(b = new_block(caller)))
		return NULL;
	if (size < PAGE_SIZE && align < PAGE_SIZE && size + align <= KMALLOC_MAX_CACHE_SIZE &&
	    !limit_binds(limit))
		p = from_kmalloc(b, size, align, caller);
	else
		p = from_buddy(b, size, align, limit, caller);
	if (!p) {
		kmem_cache_free_caller(block_cache, b, caller);
		return NULL;
	}
	b->addr = __pa(p);
	b->size = size;
	forget_freed(b->addr, size, caller);
	list_add(&b->list, &bootmem_blocks);
#line 2092 "chapters/09-shortcuts.nw" /* <bootmem wrapper: what the census notes> */
	census_note(b->order < 0 ? "bootmem/kmalloc" : "bootmem/buddy", caller, size);
#line 1491 "chapters/09-shortcuts.nw" /* <bootmem wrapper: allocate> */
	return p;
}
#line 1496 "chapters/09-shortcuts.nw" /* <bootmem wrapper: allocate> */
void *___alloc_bootmem(struct bootmem *bm, size_t size, size_t align, phys_addr_t goal,
		       phys_addr_t limit, const char *caller)
{
	void *p = ___alloc_bootmem_nopanic(bm, size, align, goal, limit, caller);

	if (!p)
		panic("alloc_bootmem: %s() asked for %zu bytes aligned to %zu%s, but neither kmalloc() "
		      "nor the buddy has them (chain bootmem-over-kmalloc)", caller, size, align,
		      limit ? ", below a limit" : "");
	return p;
}
#line 1516 "chapters/09-shortcuts.nw" /* <bootmem wrapper: the block a free names> */
static void check_range(const char *fn, phys_addr_t addr, size_t size, const char *caller)
{
	if (size > ~(phys_addr_t)0 - addr)
		panic("%s: %s() passed 0x%llx bytes at 0x%llx, which runs past the top of the address "
		      "space", fn, caller, (u64)size, addr);
}

static struct bootmem_block *block_named(phys_addr_t addr, size_t size, const char *fn,
					 const char *caller, bool late)
{
	struct bootmem_block *b, *freed = NULL;

	list_for_each_entry(b, &bootmem_blocks, list) {
		if (b->addr >= addr + size || addr >= b->addr + b->size)
			continue;
		if (b->freed) {
			freed = b->addr == addr ? b : freed;
			continue;
		}
		if (b->addr == addr && b->size == size)
			return b;
		panic("%s: %s() gave back [mem 0x%08llx-0x%08llx], part of the %zu bytes at 0x%08llx "
		      "that %s served: this chain frees whole allocations only; %s the whole of it",
		      fn, caller, addr, addr + size - 1, b->size, b->addr,
		      b->order < 0 ? "kmalloc()" : "the buddy", b->order < 0 ? "kfree()" : "free_pages()");
	}
	if (freed)
		panic("%s: %s() gave back [mem 0x%08llx-0x%08llx], which was freed already", fn, caller,
		      addr, addr + size - 1);
	if (!late && node_has_pfn(&contig_page_data, (unsigned long)PFN_DOWN(addr)) &&
	    (PageSlab(pfn_to_page(PFN_DOWN(addr))) || PageKmalloc(pfn_to_page(PFN_DOWN(addr)))))
		panic("%s: %s() gave back [mem 0x%08llx-0x%08llx], which kmalloc() served, not the "
		      "bootmem wrapper: kfree() it", fn, caller, addr, addr + size - 1);
	if (!late)
		panic("%s: %s() gave back [mem 0x%08llx-0x%08llx], which the bootmem wrapper never gave "
		      "out; memory reserved before the buddy goes to it with free_bootmem_late()", fn,
		      caller, addr, addr + size - 1);
	return NULL;
}
#line 1558 "chapters/09-shortcuts.nw" /* <bootmem wrapper: free> */
static unsigned long give_back(struct bootmem_block *b, const char *caller)
{
	b->freed = true;
	if (b->order < 0) {
		__kfree(b->base, caller);
		return 0;
	}
	buddy_free(&contig_page_data, virt_to_page(b->base), (unsigned int)b->order, caller);
	return 1ul << b->order;
}

void __free_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, const char *caller)
{
	check_live(&bm->life, "free_bootmem", caller);
	check_slab_up("free_bootmem", caller);
	check_range("free_bootmem", addr, size, caller);
	give_back(block_named(addr, size, "free_bootmem", caller, false), caller);
}

unsigned long __free_bootmem_late(phys_addr_t addr, size_t size, const char *caller)
{
	struct bootmem_block *b;

	check_range("free_bootmem_late", addr, size, caller);
	if ((b = block_named(addr, size, "free_bootmem_late", caller, true)))
		return give_back(b, caller);
	return buddy_free_reserved(&contig_page_data, (unsigned long)PFN_UP(addr),
				   (unsigned long)PFN_DOWN(addr + size), caller);
}
#line 1590 "chapters/09-shortcuts.nw" /* <bootmem wrapper: free> */
unsigned long bootmem_wrapper_count(size_t *bytes)
{
	const struct bootmem_block *b;
	unsigned long n = 0;

	*bytes = 0;
	list_for_each_entry(b, &bootmem_blocks, list)
		if (!b->freed) {
			n++;
			*bytes += b->size;
		}
	return n;
}

void bootmem_wrapper_drop(const char *caller)
{
	while (!list_empty(&bootmem_blocks)) {
		struct bootmem_block *b = list_first_entry(&bootmem_blocks, struct bootmem_block, list);

		if (!b->freed)
			give_back(b, caller);
		forget(b, caller);
	}
}
#line 1628 "chapters/09-shortcuts.nw" /* <bootmem wrapper: reserve> */
int __reserve_bootmem(struct bootmem *bm, phys_addr_t addr, size_t size, int flags,
		      const char *caller)
{
	check_live(&bm->life, "reserve_bootmem", caller);
	check_slab_up("reserve_bootmem", caller);
	check_range("reserve_bootmem", addr, size, caller);
	for (phys_addr_t pfn = PFN_DOWN(addr); pfn < PFN_UP(addr + size); pfn++)
		if (node_has_pfn(&contig_page_data, (unsigned long)pfn) &&
		    buddy_page_is_free(&contig_page_data, (unsigned long)pfn))
			panic("reserve_bootmem: %s() asked for [mem 0x%08llx-0x%08llx], but page 0x%llx "
			      "is free in the buddy, which gives out pages by size, never by address; "
			      "reserve it with lmb_reserve() before bootmem_takes_over()", caller, addr,
			      addr + size - 1, pfn);
	return flags & BOOTMEM_EXCLUSIVE ? -1 : 0;
}
