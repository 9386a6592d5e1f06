#line 1704 "chapters/09-shortcuts.nw" /* <arch/x86/kernel/bootmem_over_kmalloc_skips.c> */
/* bootmem_over_kmalloc_skips.c - the tests this chain does not compile, reported skipped. */
#include <handoff/ktest.h>

#define NO_BITMAP	"chain bootmem-over-kmalloc: bootmem's bitmap is never set up"
#define BUDDY_VIA_BITMAP "chain bootmem-over-kmalloc: builds its buddy through a bootmem " \
			 "bitmap (runs in the full chain and in make host-test)"
#define NEVER_RETIRED	"chain bootmem-over-kmalloc: bootmem is a live wrapper, never retired " \
			 "(bootmem_over_kmalloc_took_over checks this chain's handover)"
#define LMB_TO_BUDDY	"chain bootmem-over-kmalloc: LMB hands its memory to the buddy"
#define SKIPPED(fn, why)	KTEST(fn) { ktest_skip(t, why); }

#line 423 "chapters/09-shortcuts.nw" /* <skips: bootmem's bitmap, and a buddy built through one> */
SKIPPED(bootmem_starts_reserved_and_rounds, NO_BITMAP)
SKIPPED(bootmem_refuses_misuse, NO_BITMAP)
SKIPPED(bootmem_first_fit_goal_and_hint, NO_BITMAP)
SKIPPED(bootmem_goal_is_a_preference, NO_BITMAP)
SKIPPED(bootmem_edges, NO_BITMAP)
SKIPPED(bootmem_small_allocations_share_a_page, NO_BITMAP)
SKIPPED(bootmem_walks_its_bitmaps, NO_BITMAP)
SKIPPED(bootmem_matches_model, NO_BITMAP)
SKIPPED(bootmem_took_over_from_lmb, LMB_TO_BUDDY)
SKIPPED(bootmem_live_allocations, NO_BITMAP)
SKIPPED(buddy_splits_and_merges, BUDDY_VIA_BITMAP)
SKIPPED(buddy_merges_only_with_its_buddy, BUDDY_VIA_BITMAP)
SKIPPED(buddy_zones_and_fallback, BUDDY_VIA_BITMAP)
SKIPPED(buddy_keeps_a_reserve_in_dma, BUDDY_VIA_BITMAP)
SKIPPED(buddy_refuses_misuse, BUDDY_VIA_BITMAP)
SKIPPED(buddy_catches_a_written_free_page, BUDDY_VIA_BITMAP)
SKIPPED(free_all_bootmem_hands_everything_over, BUDDY_VIA_BITMAP)
SKIPPED(free_all_bootmem_refuses_a_shared_bitmap_page, BUDDY_VIA_BITMAP)
SKIPPED(buddy_matches_model, BUDDY_VIA_BITMAP)
#line 1716 "chapters/09-shortcuts.nw" /* <arch/x86/kernel/bootmem_over_kmalloc_skips.c> */
SKIPPED(buddy_took_over_from_bootmem, NEVER_RETIRED)
SKIPPED(slab_took_over_from_buddy, NEVER_RETIRED)
