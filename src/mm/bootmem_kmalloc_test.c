#line 1735 "chapters/09-shortcuts.nw" /* <mm/bootmem_kmalloc_test.c> */
/* bootmem_kmalloc_test.c - the bootmem interface served by kmalloc and the buddy. */
#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/bootmem_kmalloc.h>
#include <handoff/free_all_bootmem.h>
#include <handoff/ktest.h>
#include <handoff/string.h>
#include "bootmem_interface_test.h"
#include "slab_test.h"

#ifdef HOST_BUILD
#define LOW_MAY_FAIL	true	/* the host's buddy has no DMA zone: a low request may fail */
#else
#define LOW_MAY_FAIL	false
#endif

#line 1758 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc tests: all but 2 MiB of the buddy, taken out> */
#define ARENA_FREE_PAGES	512		/* what the test leaves the buddy: 2 MiB */
static struct { struct page *page; unsigned int order; } ballast[512];
static unsigned int nr_ballast;

static void take_all_but_the_arena(unsigned long reserve)
{
	for (int order = MAX_ORDER - 1; order >= 0; order--)
		while (nr_ballast < ARRAY_SIZE(ballast) &&
		       nr_free_pages() >= ARENA_FREE_PAGES + reserve + (1ul << order)) {
			struct page *page = alloc_pages(GFP_KERNEL, (unsigned int)order);

			if (!page)
				break;
			ballast[nr_ballast].page = page;
			ballast[nr_ballast++].order = (unsigned int)order;
		}
}

static void give_the_rest_back(void)
{
	while (nr_ballast) {
		nr_ballast--;
		__free_pages(ballast[nr_ballast].page, ballast[nr_ballast].order);
	}
}
#line 1786 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc tests: the arena> */
static struct retirement saved_life;
static LIST_HEAD(saved_blocks);

void bootmem_interface_test_begin(struct bootmem_interface_arena *a)
{
	const pg_data_t *pgdat = &contig_page_data;
	unsigned long free, reserve = 0;

	slab_test_setup();
	saved_life = bootmem.life;
	bootmem.life = (struct retirement){ 0 };
	while (!list_empty(&bootmem_blocks))
		list_move(bootmem_blocks.next, &saved_blocks);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		reserve = MAX(reserve, pgdat->node_zones[z].lowmem_reserve[MAX_NR_ZONES - 1]);
	take_all_but_the_arena(reserve);
	free = nr_free_pages();
	*a = (struct bootmem_interface_arena){
		.base = PFN_PHYS(pgdat->node_start_pfn),
		.size = PFN_PHYS(pgdat->node_spanned_pages),
		.kept = pgdat->node_spanned_pages - free + reserve +
			free / (PAGE_SIZE / sizeof(struct bootmem_block)) + 2,
		.limits_are_zones = true,
	};
}

void bootmem_interface_test_end(void)
{
	bootmem_wrapper_drop(__func__);
	give_the_rest_back();
	while (!list_empty(&saved_blocks))
		list_move(saved_blocks.next, &bootmem_blocks);
	bootmem.life = saved_life;
}
#line 1830 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc tests: what it serves> */
KTEST(bootmem_wrapper_serves_the_interface)
{
	struct bootmem_interface_arena a;
	u8 *p, *q, *low;

	bootmem_interface_test_begin(&a);
	p = alloc_bootmem(100);
	KASSERT_TRUE(t, p != NULL);
	KEXPECT_TRUE(t, !((uintptr_t)p & (SMP_CACHE_BYTES - 1)) && p[0] == 0 && p[99] == 0);
	KEXPECT_TRUE(t, PageSlab(virt_to_page(p)));
	memset(p, 0xAA, 100);
	free_bootmem(__pa(p), 100);
	q = alloc_bootmem_pages(3 * PAGE_SIZE);
	KEXPECT_TRUE(t, !((uintptr_t)q & (PAGE_SIZE - 1)) && !PageSlab(virt_to_page(q)));
	KEXPECT_TRUE(t, q[0] == 0 && q[3 * PAGE_SIZE - 1] == 0);
	memset(q, 0xAA, 3 * PAGE_SIZE);
	KEXPECT_EQ(t, free_bootmem_late(__pa(q), 3 * PAGE_SIZE), 4);	/* an order-2 block */
	p = alloc_bootmem(100);
	KEXPECT_TRUE(t, p[0] == 0 && p[99] == 0);
	low = ___alloc_bootmem_nopanic(&bootmem, 64, 64, 0, MAX_DMA_ADDRESS, __func__);
	KEXPECT_TRUE(t, low ? __pa(low) + 64 <= MAX_DMA_ADDRESS : LOW_MAY_FAIL);
	KEXPECT_TRUE(t, __alloc_bootmem_nopanic(a.size + PAGE_SIZE, 64, 0) == NULL);
	KEXPECT_PANIC(t, ___alloc_bootmem(&bootmem, 8 << 20, 64, 0, 0, "x"),
		      "x() asked for 8388608 bytes aligned to 64, but neither kmalloc() nor the buddy");
	bootmem_interface_test_end();
}
#line 1865 "chapters/09-shortcuts.nw" /* <bootmem-over-kmalloc tests: misuse> */
KTEST(bootmem_wrapper_refuses_misuse)
{
	struct bootmem_interface_arena a;
	u8 *p, *q, *k;

	bootmem_interface_test_begin(&a);
	p = alloc_bootmem(200);
	q = alloc_bootmem_pages(PAGE_SIZE);
	KEXPECT_PANIC(t, free_bootmem(__pa(p), 100), "free_bootmem: bootmem_wrapper_refuses_misuse() "
		      "gave back");
	KEXPECT_PANIC(t, free_bootmem(__pa(p) + 64, 64), "that kmalloc() served: this chain frees "
		      "whole allocations only; kfree() the whole of it");
	KEXPECT_PANIC(t, free_bootmem(__pa(q), 100), "free_pages() the whole of it");
	free_bootmem(__pa(p), 200);
	KEXPECT_PANIC(t, free_bootmem(__pa(p), 200), "which was freed already");
	KEXPECT_PANIC(t, free_bootmem(__pa(&saved_life), 16), "which the bootmem wrapper never "
		      "gave out");			/* the kernel's image */
	k = kmalloc(32, GFP_KERNEL);
	KEXPECT_PANIC(t, free_bootmem(__pa(k), 32), "which kmalloc() served, not the bootmem "
		      "wrapper: kfree() it");
	kfree(k);
	KEXPECT_EQ(t, reserve_bootmem(__pa(q), PAGE_SIZE, 0), 0);
	KEXPECT_EQ(t, reserve_bootmem(__pa(q), PAGE_SIZE, BOOTMEM_EXCLUSIVE), -1);
	free_bootmem(__pa(q), PAGE_SIZE);
	KEXPECT_PANIC(t, reserve_bootmem(__pa(q), 16, 0), "is free in the buddy, which gives out "
		      "pages by size, never by address");
	KEXPECT_PANIC(t, free_bootmem_late(~(phys_addr_t)0 - 100, 200), "runs past the top");
	bootmem_interface_test_end();
}
