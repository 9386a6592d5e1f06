/*
 * bench.c - instructions per allocator operation, counted by callgrind beside glibc malloc, and
 * the metadata each allocator keeps per MiB it manages. `make bench` builds and runs it
 * (tools/bench/bench.sh); the report is build/bench/report.md.
 *
 * What one operation is. Every row runs the same loop: take BATCH blocks, their sizes drawn
 * (fixed seed) from the row's list of sizes, then give all of them back in a shuffled order
 * (fixed seed too); repeat for ROUNDS batches. One operation is one allocation plus the free
 * that returns it. The loop runs once calling the row's allocator and once calling glibc's
 * malloc/free, on the same sizes in the same order, in the same process, under the same
 * callgrind run.
 *
 * What is counted. callgrind's Ir, instructions executed, with collection switched on only
 * around each batch: everything the loop executes, which is the allocator and every helper it
 * calls (its search loops, memmove, memset, ...), plus the loop's own bookkeeping. That
 * bookkeeping is the same in both columns and is measured once on its own (the loop calling
 * functions that do nothing) and shown under the table. Ir/op = Ir / (ROUNDS * BATCH); the
 * ratio is the allocator's Ir/op over malloc's on the same loop. The part of the Ir spent inside
 * the C library's mem*() functions is shown apart, because valgrind counts each step of a
 * `rep stos`/`rep movs` as one instruction, which makes zeroing a page look like 4096 of them.
 * Not counted: a row's set-up, what it does between batches (the sub-page bootmem row puts its
 * bitmap back), and a warm-up pass over all the batches per side (lazy binding, glibc's heap
 * growing, LMB doubling its arrays), so that what is counted is the steady state.
 *
 * Instructions are not time: a cache miss costs no more here than an add. But the counts are
 * exact and repeatable: the same build gives the same numbers on every run.
 *
 * The allocators come from build/host/libhandoff.a, the plain (not sanitized) objects that
 * `make host-test` builds, and this file is compiled with the library's own flags. Their
 * "physical memory" is a host arena standing for a 128 MiB PC: physical address x of the
 * machine is arena + x, and each allocator is set up over it as the boot sets it up.
 *
 *   bench run                        under valgrind --tool=callgrind --collect-atstart=no: one
 *                                    dump per row and side, named "bench:ROW:SIDE"
 *   bench report CALLGRIND-DIR FILE  the tables, from those dumps and from the library's
 *                                    structures, on stdout and as Markdown in FILE
 *
 * The bootmem interface, chain by chain (chapter 9). bench.sh builds this file a second time for
 * each chain of its `chains=` list, against that chain's host library (build/host-CHAIN/), with
 * -DBENCH_CHAIN='"CHAIN"' and, for a chain whose bootmem interface LMB serves (no-bootmem),
 * -DBENCH_INTERFACE_LMB, or kmalloc and the buddy (bootmem-over-kmalloc), -DBENCH_INTERFACE_KMALLOC.
 * Such a program runs the same rows but the buddy's and the slab's (they set up through bootmem's
 * bitmap, which those chains do not have): its bootmem rows call the same
 * alloc_bootmem()/free_bootmem() on the same machine, served by the chain's code. The
 * early-kmalloc chain keeps the full chain's bootmem, bitmap and all, and needs no flag: its
 * column shows what its library does to the same calls.
 *
 *   bench chains FILE full=DIR CHAIN=DIR...   append to FILE (and print) the bootmem rows of
 *                                             each chain's callgrind dumps, and each one's
 *                                             ratio to the full chain's, measured in the same
 *                                             make bench
 *
 * Adding an operation: one BENCH_LOOP line (what allocates, what frees), a set-up function if
 * the allocator needs a state, and one entry in rows[]. Adding an allocator's metadata: one
 * function in metadata[]. Each chapter's section is built only when its header is in the library
 * (__has_include), so that the benchmark builds over the chapters before it too, and says "not
 * built yet" in that chapter's rows.
 */
#include <dirent.h>
#include <errno.h>
#include <gnu/libc-version.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <valgrind/callgrind.h>

#include <asm/page.h>
#include <handoff/bootmem.h>
#include <handoff/compiler.h>
#include <handoff/console.h>
#include <handoff/lmb.h>
#include <handoff/pfn.h>
#include <handoff/printk.h>
#include <handoff/range.h>

#define BATCH	32		/* blocks live at once */
#define ROUNDS	400		/* batches counted: 12800 operations a row */
#define SEED	0x48616e646f6666ull

/* A chain without bootmem's bitmap (no-bootmem, bootmem-over-kmalloc): the buddy's and the
 * slab's rows, which set up through the bitmap, are not in its program. */
#if defined(BENCH_INTERFACE_LMB) || defined(BENCH_INTERFACE_KMALLOC)
#define BENCH_NO_BITMAP
#endif
#define MiB	(1ull << 20)

static __noreturn __printf(1, 2) void die(const char *fmt, ...);
static void meta_row(const char *allocator, const char *what, unsigned long bytes, double mib);

/* --- the machine ---------------------------------------------------------------------------- */

/*
 * LMB at the handoff to bootmem in a real boot: stage 6 under QEMU, -m 128M, -M pc (the lmb_dump
 * before "handoff: lmb -> bootmem" in make check STAGE=6's serial log). Ranges are [start, end),
 * in the library's struct range (include/handoff/range.h).
 */
static const struct range machine_memory[] = {
	{ 0x0, 0x9fc00 }, { 0x100000, 0x7fe0000 },
};
static const struct range machine_reserved[] = {
	{ 0x0, 0x1180 }, { 0x10000, 0x10044 }, { 0x10078, 0x10079 }, { 0x1007c, 0x10091 },
	{ 0x100a8, 0x10138 }, { 0x9f000, 0x183254 }, { 0x184000, 0x189000 },
};
#define MACHINE_END	0x7fe0000	/* the end of low memory: what bootmem covers */

static u8 *arena;		/* 4 MiB aligned; pages are touched only when an allocator writes */

static phys_addr_t phys(phys_addr_t x)
{
	return __pa(arena) + x;
}

static void arena_init(void)
{
	size_t len = MACHINE_END + 4 * MiB;
	u8 *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		     -1, 0);

	if (p == MAP_FAILED)
		die("cannot map a %zu MiB arena: %s", len >> 20, strerror(errno));
	arena = (u8 *)(((uintptr_t)p + 4 * MiB - 1) & ~(uintptr_t)(4 * MiB - 1));
}

/* The library leaves these to the program that links it (src/host/ has the test program's):
 * the console is standard error, and a panic ends the benchmark, loudly. */
void console_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stderr);
}

void panic(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "bench: panic: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	abort();
}

static void die(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "bench: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	exit(1);
}

/* --- the loop ------------------------------------------------------------------------------- */

/* The sizes of one row's batches and the order each batch is freed in: fixed by SEED. */
struct pattern {
	u32 size[ROUNDS][BATCH];
	u8 free_order[ROUNDS][BATCH];
};

static u64 rng_state;

static u64 rng(void)			/* xorshift64*: small, and the same everywhere */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static void make_pattern(struct pattern *pt, const u32 *sizes, size_t nsizes)
{
	rng_state = SEED;
	for (unsigned r = 0; r < ROUNDS; r++) {
		for (unsigned i = 0; i < BATCH; i++) {
			pt->size[r][i] = sizes[rng() % nsizes];
			pt->free_order[r][i] = (u8)i;
		}
		for (unsigned i = BATCH - 1; i > 0; i--) {	/* Fisher-Yates */
			unsigned j = (unsigned)(rng() % (i + 1));
			u8 t = pt->free_order[r][i];

			pt->free_order[r][i] = pt->free_order[r][j];
			pt->free_order[r][j] = t;
		}
	}
}

typedef void loop_fn(const struct pattern *pt, unsigned round);

/*
 * BENCH_LOOP(name, ALLOC, FREE) - the loop every row runs, for one allocator: ALLOC is an
 * expression (of `size`, if it wants it) giving the block, a pointer or a physical address;
 * FREE is a statement giving back the block `p` (a uintptr_t) of `size` bytes.
 */
#define BENCH_LOOP(name, ALLOC, FREE)						\
static __noinline void name(const struct pattern *pt, unsigned round)		\
{										\
	const u32 *sizes = pt->size[round];					\
	const u8 *order = pt->free_order[round];				\
	uintptr_t blk[BATCH];							\
										\
	for (unsigned i = 0; i < BATCH; i++) {					\
		size_t size = sizes[i];						\
		(void)size;							\
		blk[i] = (uintptr_t)(ALLOC);					\
	}									\
	for (unsigned k = 0; k < BATCH; k++) {					\
		size_t size = sizes[order[k]];					\
		uintptr_t p = blk[order[k]];					\
		(void)size;							\
		FREE;								\
	}									\
}

BENCH_LOOP(malloc_loop, malloc(size), free((void *)p))

/* The loop's own cost: the same calls, to functions that do nothing. */
static __noinline uintptr_t null_alloc(size_t size)
{
	__asm__ volatile("" : "+r"(size));
	return size;
}

static __noinline void null_free(uintptr_t p)
{
	__asm__ volatile("" : : "r"(p));
}

BENCH_LOOP(null_loop, null_alloc(size), null_free(p))

/* --- the sizes ------------------------------------------------------------------------------ */

static const u32 page_sizes[] = { 4096, 8192, 12288, 16384, 20480, 24576, 28672, 32768 };
static const u32 small_sizes[] = { 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 1024 };
static const u32 order0_sizes[] = { 4096 };
static const u32 order3_sizes[] = { 32768 };
static const u32 object64_sizes[] = { 64 };
/* kmalloc's mix: mostly small, as a kernel asks (sizes repeat to weigh them); every kmalloc
 * cache gets some, a few sizes fall between them; none is above KMALLOC_MAX_CACHE_SIZE (8192),
 * so none goes to the buddy. */
static const u32 kmalloc_sizes[] = { 8, 16, 16, 24, 32, 32, 40, 64, 64, 64, 96, 128, 128, 192,
				     256, 256, 300, 512, 1024, 2048, 4096, 8192 };

#define SIZES(a)	(a), ARRAY_SIZE(a)

/* --- chapter 4: LMB ------------------------------------------------------------------------- */

static phys_addr_t lmb_setup_reserved;		/* bytes reserved by the machine itself */

static void lmb_setup(void)
{
	lmb_reset();
	for (size_t i = 0; i < ARRAY_SIZE(machine_memory); i++)
		lmb_add(phys(machine_memory[i].start),
			machine_memory[i].end - machine_memory[i].start);
	for (size_t i = 0; i < ARRAY_SIZE(machine_reserved); i++)
		lmb_reserve(phys(machine_reserved[i].start),
			    machine_reserved[i].end - machine_reserved[i].start);
	lmb_setup_reserved = lmb.reserved.total_size;
}

/* Everything the loop took came back: what is reserved is the machine's, plus the arrays LMB
 * allocated from itself when a batch needed more regions than the static ones hold (whole
 * pages each: lmb_type_bytes). */
static void lmb_check(void)
{
	phys_addr_t own = 0;

	if (lmb.reserved.max > INIT_LMB_REGIONS)
		own += lmb_type_bytes(&lmb.reserved);
	if (lmb.memory.max > INIT_LMB_REGIONS)
		own += lmb_type_bytes(&lmb.memory);
	if (lmb.reserved.total_size != lmb_setup_reserved + own)
		die("lmb: %llu bytes reserved after the last batch; expected %llu",
		    lmb.reserved.total_size, lmb_setup_reserved + own);
}

BENCH_LOOP(lmb_page_loop, lmb_alloc(size, PAGE_SIZE), lmb_free(p, size))
BENCH_LOOP(lmb_small_loop, lmb_alloc(size, SMP_CACHE_BYTES), lmb_free(p, size))

/* LMB's metadata grows with the regions, not with memory. */
static void lmb_metadata(void)
{
	double mib;
	char what[160];

	lmb_setup();
	mib = (double)lmb.memory.total_size / MiB;
	snprintf(what, sizeof(what), "in use: %lu + %lu regions x sizeof(struct lmb_region) = %zu",
		 lmb.memory.cnt, lmb.reserved.cnt, sizeof(struct lmb_region));
	meta_row("LMB", what, (lmb.memory.cnt + lmb.reserved.cnt) * sizeof(struct lmb_region), mib);
	snprintf(what, sizeof(what), "held: arrays of %lu + %lu regions, + sizeof(struct lmb) = %zu",
		 lmb.memory.max, lmb.reserved.max, sizeof(struct lmb));
	meta_row("LMB", what, lmb_type_bytes(&lmb.memory) + lmb_type_bytes(&lmb.reserved) +
		 sizeof(struct lmb), mib);
}

/* --- chapter 6: bootmem --------------------------------------------------------------------- */

/* alloc_bootmem_pages(size) and alloc_bootmem(size), their goal MAX_DMA_ADDRESS of the machine */
BENCH_LOOP(bootmem_page_loop, __alloc_bootmem(size, PAGE_SIZE, phys(MAX_DMA_ADDRESS)),
	   free_bootmem(__pa(p), size))
BENCH_LOOP(bootmem_small_loop, __alloc_bootmem(size, SMP_CACHE_BYTES, phys(MAX_DMA_ADDRESS)),
	   free_bootmem(__pa(p), size))

#ifdef BENCH_INTERFACE_LMB
/* The no-bootmem chain: the bootmem interface is LMB's find-and-reserve, on the same machine;
 * the record bootmem is only its life, live (the boot retires it when the buddy takes over). */
static void bootmem_setup(void)
{
	lmb_setup();
	bootmem.life = (struct retirement){ 0 };
}

#define bootmem_restore	NULL		/* LMB frees exactly the bytes it gave: nothing to put back */
#define bootmem_check	lmb_check

static void bootmem_metadata(void)
{
	meta_row("bootmem", "none: LMB serves the bootmem interface (chain " BENCH_CHAIN ")", 0, 0);
}
#elif defined(BENCH_INTERFACE_KMALLOC)
/* The bootmem-over-kmalloc chain: the bootmem interface is a wrapper over kmalloc and the buddy,
 * so its set-up is the chain's takeover on the same machine (lmb_to_buddy_and_slab.c): mem_map
 * from LMB, LMB's free ranges to the buddy, the slab on the buddy, the record bootmem live. */
#include <handoff/bootmem_kmalloc.h>
#include <handoff/gfp.h>
#include <handoff/slab.h>
#include <handoff/string.h>

static void bootmem_setup(void)
{
	unsigned long start = (unsigned long)PFN_DOWN(phys(0));
	unsigned long end = start + (MACHINE_END >> PAGE_SHIFT), zone_end[MAX_NR_ZONES];
	size_t bytes = (end - start) * sizeof(struct page);
	const struct lmb_region *m;
	struct range_walk w;
	phys_addr_t s, e;
	struct page *map;

	if (slab_is_available())
		return;			/* once a program: the slab cannot be set up twice */
	lmb_setup();
	map = __va(lmb_alloc(bytes, PAGE_SIZE));
	memset(map, 0, bytes);
	zone_end[ZONE_DMA] = start + MAX_DMA_PFN;
	zone_end[ZONE_NORMAL] = end;
	free_area_init_node(NODE_DATA(0), map, start, zone_end);
	for_each_lmb(memory, m)
		memory_present(NODE_DATA(0), (unsigned long)PFN_UP(m->base),
			       (unsigned long)MIN(PFN_DOWN(m->base + m->size), (u64)end));
	lmb_for_each_free_range(w, &s, &e) {
		phys_addr_t lo = PFN_UP(s), hi = MIN(PFN_DOWN(e), (phys_addr_t)end);

		if (lo < hi)
			totalram_pages += buddy_free_reserved(NODE_DATA(0), (unsigned long)lo,
							      (unsigned long)hi, "bench");
	}
	kmem_cache_init(0);
	bootmem.life = (struct retirement){ 0 };
}

#define bootmem_restore	NULL		/* the wrapper frees whole allocations: nothing to put back */

static void bootmem_check(void)
{
	size_t bytes;
	unsigned long n = bootmem_wrapper_count(&bytes);

	if (n)
		die("bootmem-over-kmalloc: %lu blocks (%zu bytes) still given out after the last batch",
		    n, bytes);
}

static void bootmem_metadata(void)
{
	char what[160];

	snprintf(what, sizeof(what), "none per MiB: a struct bootmem_block (%zu bytes) per block "
		 "given out (chain " BENCH_CHAIN ")", sizeof(struct bootmem_block));
	meta_row("bootmem", what, 0, 0);
}
#else
static u8 *bootmem_bitmap_saved;
static struct bootmem bootmem_saved;		/* the bootmem and its one bitmap, after set-up */
static bootmem_data_t bitmap_saved;
static unsigned long bootmem_setup_free;

/* As the handoff from LMB does: a bitmap over low memory, allocated from LMB, all reserved;
 * LMB's memory freed in it, then LMB's reservations (the bitmap's among them) reserved again. */
static void bootmem_setup(void)
{
	unsigned long min = (unsigned long)PFN_DOWN(phys(0));
	unsigned long pages = MACHINE_END >> PAGE_SHIFT, reserved;
	size_t bytes = bootmem_bootmap_bytes(pages);
	const struct lmb_region *r;

	lmb_setup();
	bootmem = (struct bootmem){ 0 };	/* one bitmap, as chapter 6's init_bootmem links it */
	init_bootmem_core(&bootmem_node_data[0], __va(lmb_alloc(bytes, PAGE_SIZE)), min, min + pages);
	link_bootmem(&bootmem, &bootmem_node_data[0]);
	for_each_lmb(memory, r)
		free_bootmem(r->base, r->size);
	for_each_lmb(reserved, r)
		reserve_bootmem(r->base, r->size, BOOTMEM_DEFAULT);
	bootmem_count(&bootmem_node_data[0], &bootmem_setup_free, &reserved);
	if (!(bootmem_bitmap_saved = realloc(bootmem_bitmap_saved, bytes)))
		die("no memory for a copy of a %zu-byte bitmap", bytes);
	memcpy(bootmem_bitmap_saved, bootmem_node_data[0].node_bootmem_map, bytes);
	bootmem_saved = bootmem;
	bitmap_saved = bootmem_node_data[0];
}

/* Between batches of sub-page blocks: bootmem frees whole pages only, so the partial pages a
 * batch leaves reserved are put back free, with the hint, as they were after set-up. */
static void bootmem_restore(void)
{
	bootmem = bootmem_saved;
	bootmem_node_data[0] = bitmap_saved;
	memcpy(bootmem_node_data[0].node_bootmem_map, bootmem_bitmap_saved,
	       bootmem_bootmap_bytes(bootmem_node_data[0].node_low_pfn - bootmem_node_data[0].node_min_pfn));
}

static void bootmem_check(void)
{
	unsigned long free, reserved;

	bootmem_count(&bootmem_node_data[0], &free, &reserved);
	if (free != bootmem_setup_free)
		die("bootmem: %lu pages free after the last batch; %lu before the first",
		    free, bootmem_setup_free);
}


/* bootmem's metadata grows with memory: one bit a page. */
static void bootmem_metadata(void)
{
	unsigned long pages, pages_per_mib = MiB / PAGE_SIZE;
	char what[160];

	bootmem_setup();
	pages = bootmem_node_data[0].node_low_pfn - bootmem_node_data[0].node_min_pfn;
	snprintf(what, sizeof(what), "bootmem_bootmap_bytes(%lu pages) + sizeof(bootmem_data_t) = %zu",
		 pages, sizeof(bootmem_data_t));
	meta_row("bootmem", what, bootmem_bootmap_bytes(pages) + sizeof(bootmem_data_t),
		 (double)pages * PAGE_SIZE / MiB);
	snprintf(what, sizeof(what), "any size: bootmem_bootmap_bytes(%lu pages)", pages_per_mib);
	meta_row("bootmem", what, bootmem_bootmap_bytes(pages_per_mib), 1);
}
#endif

/* --- chapter 7: the buddy allocator ---------------------------------------------------------
 * Built when chapter 7's <handoff/gfp.h> is in the library, so that the benchmark still builds
 * over the chapters before it (an exercise's working copy, an older checkout).
 */
#if __has_include(<handoff/gfp.h>) && !defined(BENCH_NO_BITMAP)
#include <handoff/free_all_bootmem.h>
#include <handoff/gfp.h>

static unsigned long buddy_setup_free;

/* As the boot does: zones and mem_map from bootmem (zone_sizes_init), then every free page of
 * bootmem, and its bitmap, to the buddy (buddy_takes_over). */
static void buddy_setup(void)
{
	unsigned long start, end, zone_end[MAX_NR_ZONES];
	const struct lmb_region *m;
	struct page *map;

	bootmem_setup();
	start = bootmem_node_data[0].node_min_pfn;
	end = bootmem_node_data[0].node_low_pfn;
	zone_end[ZONE_DMA] = start + MAX_DMA_PFN;
	zone_end[ZONE_NORMAL] = end;
	map = __alloc_bootmem((end - start) * sizeof(struct page), SMP_CACHE_BYTES,
			      phys(MAX_DMA_ADDRESS));
	free_area_init_node(NODE_DATA(0), map, start, zone_end);
	for_each_lmb(memory, m)
		memory_present(NODE_DATA(0), (unsigned long)PFN_UP(m->base),
			       (unsigned long)MIN(PFN_DOWN(m->base + m->size), (u64)end));
	free_all_bootmem();
	buddy_setup_free = nr_free_pages();
}

static void buddy_check(void)
{
	if (nr_free_pages() != buddy_setup_free)
		die("buddy: %lu pages free after the last batch; %lu before the first",
		    nr_free_pages(), buddy_setup_free);
}

BENCH_LOOP(buddy_o0_loop, alloc_pages(GFP_KERNEL, 0), __free_pages((struct page *)p, 0))
BENCH_LOOP(buddy_o3_loop, alloc_pages(GFP_KERNEL, 3), __free_pages((struct page *)p, 3))

#define BUDDY_ROW(loop)	buddy_setup, NULL, loop, buddy_check, NULL

/* The buddy's metadata grows with memory: a struct page a page. */
static void buddy_metadata(void)
{
	unsigned long pages, pages_per_mib = MiB / PAGE_SIZE;
	char what[160];

	buddy_setup();
	pages = NODE_DATA(0)->node_spanned_pages;
	snprintf(what, sizeof(what), "mem_map: %lu x sizeof(struct page) = %zu, + sizeof(pg_data_t) = %zu",
		 pages, sizeof(struct page), sizeof(pg_data_t));
	meta_row("buddy", what, pages * sizeof(struct page) + sizeof(pg_data_t),
		 (double)pages * PAGE_SIZE / MiB);
	snprintf(what, sizeof(what), "any size: %lu x sizeof(struct page)", pages_per_mib);
	meta_row("buddy", what, pages_per_mib * sizeof(struct page), 1);
}
#else
#ifdef BENCH_NO_BITMAP
#define BUDDY_MISSING	"not in this chain's program: its set-up goes through bootmem's bitmap"
#else
#define BUDDY_MISSING	"not built yet (chapter 7)"
#endif
#define BUDDY_ROW(loop)	NULL, NULL, NULL, NULL, BUDDY_MISSING

static void buddy_metadata(void)
{
	meta_row("buddy", BUDDY_MISSING, 0, 0);
}
#endif

/* --- chapter 8: the slab allocator -----------------------------------------------------------
 * Built when chapter 8's <handoff/slab.h> is in the library (and chapter 7's buddy under it).
 */
#if __has_include(<handoff/slab.h>) && __has_include(<handoff/gfp.h>) && !defined(BENCH_NO_BITMAP)
#include <handoff/slab.h>

/* The bytes kmalloc really set aside for @p: its cache's buffer, from the slab page's own
 * back-pointer (mm/slab.h's kmalloc_cache_for is the slab's business, not a library user's). */
static size_t kmalloc_buffer(const void *p)
{
	const struct page *page = virt_to_page(p);

	if (PageSlab(page))
		return ((const struct slab *)page->slab)->cache->size;
	return (size_t)PAGE_SIZE << page->private;
}

static struct kmem_cache *bench_cache;		/* the cache64 row's: 64-byte objects */
static unsigned long slab_setup_free;

/*
 * As the boot does (slab_takes_over without slab_debug): the buddy (buddy_setup), then
 * kmem_cache_init(0) over it: the cache of caches and the kmalloc caches. The slab cannot be
 * taken down again, so that happens once a process; the rows after the first find it up. Then
 * the bench's cache: kmem_cache_create("bench-64", 64, 0, 0, NULL), as a subsystem makes one.
 */
static void slab_setup(void)
{
	if (!slab_is_available()) {
		buddy_setup();
		kmem_cache_init(0);
	}
	if (!bench_cache && !(bench_cache = kmem_cache_create("bench-64", 64, 0, 0, NULL)))
		die("slab: kmem_cache_create(\"bench-64\", 64, ...) gave NULL");
	kmem_cache_reap();
	slab_setup_free = nr_free_pages();
}

/* Everything the loop took came back: no cache but the cache of caches has an object out once
 * the free slabs are reaped, and the buddy has the pages it had after set-up. */
static void slab_check(void)
{
	const struct kmem_cache *c;

	kmem_cache_reap();
	list_for_each_entry(c, &cache_chain, next)
		if (c != &cache_cache && c->active_objs)
			die("slab: cache %s has %lu objects out after the last batch", c->name,
			    c->active_objs);
	if (nr_free_pages() != slab_setup_free)
		die("slab: the buddy has %lu pages free after the last batch and a reap; %lu "
		    "before the first", nr_free_pages(), slab_setup_free);
}

BENCH_LOOP(cache64_loop, kmem_cache_alloc(bench_cache, GFP_KERNEL),
	   kmem_cache_free(bench_cache, (void *)p))
BENCH_LOOP(kmalloc_loop, kmalloc(size, GFP_KERNEL), kfree((void *)p))

#define SLAB_ROW(loop)	slab_setup, NULL, loop, slab_check, NULL

/*
 * The slab's metadata grows with the objects it holds, so it is counted after a workload: a
 * row's ROUNDS batches of blocks, all held at once (the cache64 row's 64-byte objects; the
 * kmalloc row's sizes, drawn as that row draws them). Each byte of the slabs' pages is one of: a
 * descriptor on the slab; leftover (the colour before the first buffer and the tail after the
 * last); a free buffer; a buffer given out. The buffers given out hold the workload's blocks
 * (rounded up to the buffer size), the off-slab descriptors (objects of a kmalloc cache) and
 * the struct kmem_caches (objects of cache_cache). The metadata: the descriptors, on the slab
 * and off it, the leftover, and the struct kmem_caches. The slabs' struct pages are the buddy's.
 */
struct slab_account {
	unsigned long caches, slabs, on_slab, off_slab;
	bool cache_cache;			/* among the caches: its buffers are caches */
	unsigned long long slab_bytes;		/* the slabs' pages */
	unsigned long long on_desc, off_desc;	/* descriptors: on the slab; buffers off it */
	unsigned long long leftover;		/* colour + tail */
	unsigned long long free_bufs;		/* free buffers in the slabs */
	unsigned long long out_bufs;		/* buffers given out */
	unsigned long long cache_bytes;		/* the struct kmem_caches */
};

/* Add @c's slabs, walked on its three lists, and its struct kmem_cache to @a. */
static void slab_account_cache(struct slab_account *a, const struct kmem_cache *c)
{
	const struct list_head *lists[] = { &c->slabs_full, &c->slabs_partial, &c->slabs_free };
	size_t bytes = (size_t)PAGE_SIZE << c->gfporder;
	unsigned long slabs = 0, inuse = 0;

	a->caches++;
	if (c == &cache_cache) {
		a->cache_cache = true;
		a->cache_bytes += sizeof(cache_cache);	/* static */
	} else {
		a->cache_bytes += cache_cache.size;	/* a buffer of cache_cache */
	}
	for (size_t l = 0; l < ARRAY_SIZE(lists); l++) {
		const struct slab *s;

		list_for_each_entry(s, lists[l], list) {
			/* on the slab, the descriptor is what comes before the first buffer, less
			 * the colour: from s to s_mem */
			size_t desc = c->slabp_cache ? 0 : (size_t)((const u8 *)s->s_mem -
								     (const u8 *)s);

			slabs++;
			inuse += s->inuse;
			if (c->slabp_cache) {
				a->off_slab++;
				a->off_desc += c->slabp_cache->size;
			} else {
				a->on_slab++;
				a->on_desc += desc;
			}
			a->leftover += bytes - (size_t)c->num * c->size - desc;
			a->free_bufs += (unsigned long long)(c->num - s->inuse) * c->size;
		}
	}
	if (slabs != c->num_slabs || inuse != c->active_objs)
		die("slab: cache %s has %lu slabs and %lu objects on its lists; its counters say "
		    "%lu and %lu", c->name, slabs, inuse, c->num_slabs, c->active_objs);
	a->slabs += slabs;
	a->slab_bytes += (unsigned long long)slabs * bytes;
	a->out_bufs += (unsigned long long)c->active_objs * c->size;
}

/* The rows of workload @who, which holds @held bytes (what it asked for) in @bufs bytes of
 * buffers, from the account @a of the caches it used. */
static void slab_account_rows(const char *who, const struct slab_account *a,
			      unsigned long long held, unsigned long long bufs)
{
	unsigned long long caches_out = a->cache_cache ?
					cache_cache.active_objs * cache_cache.size : 0;
	unsigned long long meta = a->on_desc + a->off_desc + a->leftover + a->cache_bytes;
	double mib = (double)held / MiB;
	char what[200];

	/* Each byte counted once: the slabs' pages, and the buffers given out. */
	if (a->slab_bytes != a->on_desc + a->leftover + a->free_bufs + a->out_bufs)
		die("slab: %s: the slabs' %llu bytes are not descriptors %llu + leftover %llu + "
		    "free %llu + given out %llu", who, a->slab_bytes, a->on_desc, a->leftover,
		    a->free_bufs, a->out_bufs);
	if (a->out_bufs != bufs + a->off_desc + caches_out)
		die("slab: %s: %llu bytes of buffers given out, not the workload's %llu + "
		    "off-slab descriptors %llu + caches %llu", who, a->out_bufs, bufs, a->off_desc,
		    caches_out);
	snprintf(what, sizeof(what), "%s: %lu descriptors (struct slab %zu + bits), %lu on-slab, "
		 "%lu off", who, a->slabs, sizeof(struct slab), a->on_slab, a->off_slab);
	meta_row("slab", what, (unsigned long)(a->on_desc + a->off_desc), mib);
	snprintf(what, sizeof(what), "%s: leftover, in no buffer or descriptor (colour + tail)",
		 who);
	meta_row("slab", what, (unsigned long)a->leftover, mib);
	snprintf(what, sizeof(what), "%s: struct kmem_cache (%zu) x %lu: %lu in %zu-B buffers, %d "
		 "static", who, sizeof(struct kmem_cache), a->caches, a->caches - a->cache_cache,
		 cache_cache.size, a->cache_cache);
	meta_row("slab", what, (unsigned long)a->cache_bytes, mib);
	snprintf(what, sizeof(what), "%s: metadata, the three above", who);
	meta_row("slab", what, (unsigned long)meta, mib);
	snprintf(what, sizeof(what), "%s, not metadata: free buffers %llu + rounding up %llu", who,
		 a->free_bufs, bufs - held);
	meta_row("slab", what, (unsigned long)(a->free_bufs + bufs - held), mib);
}

static void slab_metadata(void)
{
	static struct pattern pt;
	static void *held[ROUNDS][BATCH];
	struct slab_account a;
	const struct kmem_cache *c;
	unsigned long long bytes = 0, bufs = 0;

	slab_setup();

	/* The cache64 row's objects, all held: bench-64's slabs and its struct kmem_cache. */
	for (unsigned r = 0; r < ROUNDS; r++)
		for (unsigned i = 0; i < BATCH; i++)
			if (!(held[r][i] = kmem_cache_alloc(bench_cache, GFP_KERNEL)))
				die("slab: kmem_cache_alloc(bench-64) gave NULL");
	memset(&a, 0, sizeof(a));
	slab_account_cache(&a, bench_cache);
	slab_account_rows("64 B cache", &a,
			  (unsigned long long)ROUNDS * BATCH * bench_cache->object_size,
			  (unsigned long long)ROUNDS * BATCH * bench_cache->size);
	for (unsigned r = 0; r < ROUNDS; r++)
		for (unsigned i = 0; i < BATCH; i++)
			kmem_cache_free(bench_cache, held[r][i]);
	kmem_cache_destroy(bench_cache);
	bench_cache = NULL;
	kmem_cache_reap();

	/* The kmalloc row's blocks, all held: every cache on the chain, cache_cache among them. */
	make_pattern(&pt, SIZES(kmalloc_sizes));
	for (unsigned r = 0; r < ROUNDS; r++) {
		for (unsigned i = 0; i < BATCH; i++) {
			u32 size = pt.size[r][i];

			if (!(held[r][i] = kmalloc(size, GFP_KERNEL)))
				die("slab: kmalloc(%u) gave NULL", size);
			bytes += size;
			bufs += kmalloc_buffer(held[r][i]);
		}
	}
	memset(&a, 0, sizeof(a));
	list_for_each_entry(c, &cache_chain, next)
		slab_account_cache(&a, c);
	slab_account_rows("kmalloc mix", &a, bytes, bufs);
}
#else
#if defined(BENCH_NO_BITMAP)
#define SLAB_MISSING	BUDDY_MISSING
#elif __has_include(<handoff/slab.h>)
#define SLAB_MISSING	"not built yet (chapter 8 without chapter 7's buddy)"
#else
#define SLAB_MISSING	"not built yet (chapter 8)"
#endif
#define SLAB_ROW(loop)	NULL, NULL, NULL, NULL, SLAB_MISSING

static void slab_metadata(void)
{
	meta_row("slab", SLAB_MISSING, 0, 0);
}
#endif

/* --- the rows ------------------------------------------------------------------------------- */

struct row {
	const char *id;			/* names its callgrind dumps: bench:ID:alloc, bench:ID:malloc */
	const char *op;			/* one operation */
	const char *sizes_text;		/* the sizes, for the reader */
	const u32 *sizes;
	size_t nsizes;
	void (*setup)(void);		/* not counted: the allocator's state before the first batch */
	void (*between)(void);		/* not counted: before each batch of the allocator (or NULL) */
	loop_fn *loop;			/* NULL: nothing to measure yet */
	void (*check)(void);		/* after the last batch: everything came back (or NULL) */
	const char *missing;		/* why loop is NULL */
	const char *note;		/* what the reader should know when comparing (or NULL) */
	bool list_sizes;		/* the note ends with the list the sizes are drawn from */
};

static const struct row rows[] = {
	{ "lmb-pages", "lmb_alloc(size, PAGE_SIZE) + lmb_free", "1-8 pages",
	  SIZES(page_sizes), lmb_setup, NULL, lmb_page_loop, lmb_check, NULL,
	  "LMB searches its region lists: its cost grows with the regions reserved", false },
	{ "lmb-small", "lmb_alloc(size, 64) + lmb_free", "16-1024 B",
	  SIZES(small_sizes), lmb_setup, NULL, lmb_small_loop, lmb_check, NULL, NULL, false },
	{ "bootmem-pages", "alloc_bootmem_pages(size) + free_bootmem", "1-8 pages",
	  SIZES(page_sizes), bootmem_setup, NULL, bootmem_page_loop, bootmem_check, NULL,
	  "__alloc_bootmem(size, PAGE_SIZE, MAX_DMA_ADDRESS); bootmem zeroes every block it gives "
	  "(malloc does not): that is its mem*() column", false },
	{ "bootmem-small", "alloc_bootmem(size) + free_bootmem", "16-1024 B",
	  SIZES(small_sizes), bootmem_setup, bootmem_restore, bootmem_small_loop, NULL, NULL,
	  "__alloc_bootmem(size, SMP_CACHE_BYTES, MAX_DMA_ADDRESS), zeroed too; bootmem's free "
	  "returns whole pages only, so the bitmap is put back between batches (not counted)",
	  false },
	{ "buddy-o0", "alloc_pages(order 0) + __free_pages", "4 KiB",
	  SIZES(order0_sizes), BUDDY_ROW(buddy_o0_loop), NULL, false },
	{ "buddy-o3", "alloc_pages(order 3) + __free_pages", "32 KiB",
	  SIZES(order3_sizes), BUDDY_ROW(buddy_o3_loop), NULL, false },
	{ "cache64", "kmem_cache_alloc + kmem_cache_free", "64 B",
	  SIZES(object64_sizes), SLAB_ROW(cache64_loop),
	  "a cache made for the bench, kmem_cache_create(\"bench-64\", 64, 0, 0, NULL), no "
	  "slab_debug; its slabs stay once made (nothing reaps them while it runs), so no batch "
	  "calls the buddy", false },
	{ "kmalloc", "kmalloc + kfree", "8-8192 B mix",
	  SIZES(kmalloc_sizes), SLAB_ROW(kmalloc_loop),
	  "kmalloc(size, GFP_KERNEL); every size is at most 8192 (KMALLOC_MAX_CACHE_SIZE), so "
	  "every block comes from a kmalloc cache, none from the buddy; each size drawn (fixed "
	  "seed) from", true },
};

static void (*const metadata[])(void) = {
	lmb_metadata, bootmem_metadata, buddy_metadata, slab_metadata,
};

/* --- bench run: under callgrind --------------------------------------------------------------- */

/* Every batch once, not counted: the allocator's arrays and glibc's heap reach the sizes these
 * batches need (LMB doubles its region arrays, for one), so that what is counted is the steady
 * state, and no message the growth prints. */
static void warm_up(loop_fn *loop, void (*between)(void), const struct pattern *pt)
{
	for (unsigned r = 0; r < ROUNDS; r++) {
		if (between)
			between();
		loop(pt, r);
	}
}

/* Count ROUNDS batches of @loop into the dump "bench:@id:@side". */
static void count(const char *id, const char *side, loop_fn *loop, void (*between)(void),
		  const struct pattern *pt)
{
	char name[128];

	snprintf(name, sizeof(name), "bench:%s:%s", id, side);
	CALLGRIND_ZERO_STATS;
	for (unsigned r = 0; r < ROUNDS; r++) {
		if (between)
			between();
		CALLGRIND_TOGGLE_COLLECT;
		loop(pt, r);
		CALLGRIND_TOGGLE_COLLECT;
	}
	CALLGRIND_DUMP_STATS_AT(name);
}

/* bench run counts (under callgrind); bench check runs the same loops and their checks
 * natively, in a fraction of a second, so that make test notices a check the library broke
 * (the metadata table's own checks run in bench report, that is in make bench only). */
static int run(bool counting)
{
	static struct pattern pt;

	if (counting && !RUNNING_ON_VALGRIND)
		die("run counts nothing unless it runs under valgrind --tool=callgrind "
		    "--collect-atstart=no (make bench does that)");
	make_pattern(&pt, SIZES(page_sizes));
	warm_up(null_loop, NULL, &pt);
	count("loop", "alloc", null_loop, NULL, &pt);
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct row *row = &rows[i];

		if (!row->loop)
			continue;
		make_pattern(&pt, row->sizes, row->nsizes);
		row->setup();
		warm_up(row->loop, row->between, &pt);
		count(row->id, "alloc", row->loop, row->between, &pt);
		if (row->check)
			row->check();
		warm_up(malloc_loop, NULL, &pt);
		count(row->id, "malloc", malloc_loop, NULL, &pt);
	}
	return 0;
}

/* --- bench report: reading callgrind's dumps -------------------------------------------------- */

struct dump {
	char name[128];			/* bench:ROW:SIDE */
	unsigned long long ir;		/* everything collected */
	unsigned long long mem_ir;	/* of it, inside the C library's mem*() functions */
};
static struct dump dumps[64];
static size_t ndumps;

/* memset, memmove, memcpy, and their variants (__memset_avx2_unaligned_erms, ...) */
static bool is_mem_function(const char *name)
{
	while (*name == '_')
		name++;
	return !strncmp(name, "mem", 3);
}

/*
 * One callgrind dump: what triggered it ("desc: Trigger: Client Request: NAME"), its total
 * ("totals: IR"; Ir is the only event), and the part of it spent in the mem*() functions:
 * their self cost, the cost lines under "fn=" lines that name them, except the line after a
 * "calls=" (that one is the cost of a call the function made). Names are compressed: the first
 * "fn=(ID) NAME" or "cfn=(ID) NAME" names ID, later ones say "fn=(ID)" only.
 */
static void read_dump(const char *path)
{
	static bool mem_ids[1 << 16];
	struct dump dump = { "", 0, 0 };
	bool has_total = false, in_mem = false, call_cost = false;
	char *line = NULL;
	size_t cap = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		die("cannot read %s: %s", path, strerror(errno));
	memset(mem_ids, 0, sizeof(mem_ids));
	while (getline(&line, &cap, f) > 0) {
		unsigned long long ir;
		unsigned id;
		int n = 0;

		if (sscanf(line, "desc: Trigger: Client Request: %127s", dump.name) == 1)
			continue;
		if (sscanf(line, "totals: %llu", &dump.ir) == 1) {
			has_total = true;
			continue;
		}
		if (sscanf(line, "fn=(%u)%n", &id, &n) == 1 || sscanf(line, "cfn=(%u)%n", &id, &n) == 1) {
			if (id >= ARRAY_SIZE(mem_ids))
				die("%s: function id %u is more than this parser expects", path, id);
			if (line[n] == ' ')
				mem_ids[id] = is_mem_function(line + n + 1);
			if (line[0] == 'f')
				in_mem = mem_ids[id];
			continue;
		}
		if (!strncmp(line, "calls=", 6)) {
			call_cost = true;
			continue;
		}
		if (strchr("0123456789+-*", line[0]) && sscanf(line, "%*s %llu", &ir) == 1) {
			if (in_mem && !call_cost)
				dump.mem_ir += ir;
			call_cost = false;
		}
	}
	free(line);
	fclose(f);
	if (!dump.name[0] || strncmp(dump.name, "bench:", 6))
		return;			/* the dump at the program's exit: nothing was collected */
	if (!has_total)
		die("%s has no totals line", path);
	if (ndumps == ARRAY_SIZE(dumps))
		die("more than %zu dumps", ARRAY_SIZE(dumps));
	dumps[ndumps++] = dump;
}

static void read_dumps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		die("cannot read %s: %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		char path[4096];

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		read_dump(path);
	}
	closedir(d);
}

/* Ir per operation of the dump bench:@id:@side, and (if @mem) the part in mem*() functions. */
static double ir_per_op(const char *id, const char *side, double *mem)
{
	char name[128];

	snprintf(name, sizeof(name), "bench:%s:%s", id, side);
	for (size_t i = 0; i < ndumps; i++) {
		if (strcmp(dumps[i].name, name))
			continue;
		if (mem)
			*mem = (double)dumps[i].mem_ir / (ROUNDS * BATCH);
		return (double)dumps[i].ir / (ROUNDS * BATCH);
	}
	die("no callgrind dump named %s: did `bench run` run under callgrind, to the end?", name);
}

/* --- bench report: the tables ----------------------------------------------------------------- */

/* Each table goes twice: aligned to the terminal, and as Markdown to the file. */
static FILE *md;

static __printf(2, 3) void out(FILE *f, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vfprintf(f, fmt, args);
	va_end(args);
}

static __printf(1, 2) void both(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
	va_start(args, fmt);
	vfprintf(md, fmt, args);
	va_end(args);
}

static void speed_table(void)
{
	double loop = ir_per_op("loop", "alloc", NULL);
	int notes = 0;

	both("## Instructions per operation\n\n");
	both("One operation = one allocation + the free that returns it. %d blocks live at once, "
	     "freed in a shuffled order; %d batches (%d operations) a row; the same loop, sizes "
	     "and order for the allocator and for glibc malloc/free. Ir/op = instructions "
	     "executed (callgrind) per operation, the allocator's and its helpers'; \"mem*()\" "
	     "is the part of them inside the C library's memset/memmove/memcpy.\n\n",
	     BATCH, ROUNDS, ROUNDS * BATCH);
	out(stdout, "%-46s %-12s %9s %9s %9s %7s %9s\n", "operation", "sizes", "Ir/op", "mem*()",
	    "malloc", "ratio", "w/o mem*");
	out(md, "| operation | sizes | Ir/op | of them in mem*() | malloc+free Ir/op | ratio "
	    "| ratio without mem*() |\n|---|---|--:|--:|--:|--:|--:|\n");
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct row *row = &rows[i];
		double a, a_mem, m, m_mem;
		char mark[16] = "", op[96];

		if (row->note)
			snprintf(mark, sizeof(mark), " [%d]", ++notes);
		snprintf(op, sizeof(op), "%s%s", row->op, mark);
		if (!row->loop) {
			out(stdout, "%-46s %-12s %s\n", op, row->sizes_text, row->missing);
			out(md, "| `%s`%s | %s | %s | | | | |\n", row->op, mark, row->sizes_text,
			    row->missing);
			continue;
		}
		a = ir_per_op(row->id, "alloc", &a_mem);
		m = ir_per_op(row->id, "malloc", &m_mem);
		out(stdout, "%-46s %-12s %9.1f %9.1f %9.1f %7.2f %9.2f\n", op, row->sizes_text, a,
		    a_mem, m, a / m, (a - a_mem) / (m - m_mem));
		out(md, "| `%s`%s | %s | %.1f | %.1f | %.1f | %.2f | %.2f |\n", row->op, mark,
		    row->sizes_text, a, a_mem, m, a / m, (a - a_mem) / (m - m_mem));
	}
	both("\n");
	notes = 0;
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		if (!rows[i].note)
			continue;
		both("[%d] %s", ++notes, rows[i].note);
		for (size_t k = 0; rows[i].list_sizes && k < rows[i].nsizes; k++)
			both("%s%u", k ? ", " : " ", rows[i].sizes[k]);
		both(".  \n");
	}
	both("Every column includes the loop's own work, %.1f Ir per operation (the same loop "
	     "calling functions that do nothing). Under valgrind each step of a `rep stos` or "
	     "`rep movs` counts as one instruction: that is what glibc's memset and memcpy run on "
	     "blocks of a few KiB, and why zeroing pages looks dear here.\n\n", loop);
}

/* One row of the metadata table: @what is the structure and the formula that sized it; @bytes
 * of it manage @mib MiB (0: nothing to show). */
static void meta_row(const char *allocator, const char *what, unsigned long bytes, double mib)
{
	if (!mib) {
		out(stdout, "%-9s %s\n", allocator, what);
		out(md, "| %s | %s | | | |\n", allocator, what);
		return;
	}
	out(stdout, "%-9s %-78s %7lu %8.2f %8.2f\n", allocator, what, bytes, mib, bytes / mib);
	out(md, "| %s | %s | %lu | %.2f | %.2f |\n", allocator, what, bytes, mib, bytes / mib);
}

static void metadata_table(void)
{
	both("## Metadata per MiB managed\n\n");
	both("Each allocator set up over the same machine; the sizes come from the library's "
	     "structures and functions, as the host compiles them (x86-64: pointers and longs are "
	     "8 bytes, twice the kernel's). LMB manages the memory of its regions; bootmem and the "
	     "buddy the page frames their bitmap or mem_map covers, holes included; the slab the "
	     "objects a workload holds, the bytes it asked for.\n\n");
	out(stdout, "%-9s %-78s %7s %8s %8s\n", "allocator", "what it keeps", "bytes", "MiB",
	    "B/MiB");
	out(md, "| allocator | what it keeps | bytes | MiB managed | bytes per MiB |\n"
		"|---|---|--:|--:|--:|\n");
	for (size_t i = 0; i < ARRAY_SIZE(metadata); i++)
		metadata[i]();
	both("\nLMB's metadata grows with the number of regions, not with memory, so per MiB it "
	     "depends on the machine's map; bootmem's and the buddy's grow with memory, a bit and "
	     "a struct page a page. The slab's grows with the objects held: it is counted from its "
	     "caches' lists, walking every slab, after a workload: the %d blocks of a row of the "
	     "table above, all held at once (64 B cache: bench-64's objects; kmalloc mix: the "
	     "kmalloc row's sizes, drawn as it draws them, with every cache on the chain, the "
	     "cache of caches too). Descriptors: on the slab, the bytes from the descriptor "
	     "to the first buffer (struct slab, its in-use bits, padding to the alignment); off "
	     "it, the buffer of the kmalloc cache that holds it. Leftover: the rest of a slab "
	     "that is in no buffer, the colour before the descriptor and the tail after the last "
	     "buffer. Not metadata but held all the same: the free buffers of the slabs, and the "
	     "bytes a buffer has beyond what was asked for. The slabs' struct pages are the "
	     "buddy's, above. Every byte of the slabs is counted once: the bench checks that the "
	     "parts add up to the pages.\n", ROUNDS * BATCH);
}

static const char *env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : "unknown";
}

static int report(const char *dir, const char *file)
{
	read_dumps(dir);
	arena_init();
	if (!(md = fopen(file, "w")))
		die("cannot write %s: %s", file, strerror(errno));
	out(md, "# Handoff: the allocators, counted\n\n");
	out(md, "Regenerate with `make bench` (tools/bench/bench.c says what is measured and how). "
	    "Commit %s; gcc %s, `%s`; glibc %s; %s.\n\n", env("BENCH_COMMIT"), __VERSION__,
	    env("BENCH_CFLAGS"), gnu_get_libc_version(), env("BENCH_VALGRIND"));
	both("The allocators run on the build machine over an arena that stands for a 128 MiB PC: "
	     "the memory and reservations LMB held at its handoff to bootmem in a QEMU boot of "
	     "stage 6.\n\n");
	speed_table();
	metadata_table();
	if (fclose(md))
		die("cannot write %s: %s", file, strerror(errno));
	return 0;
}

/*
 * bench chains FILE full=DIR CHAIN=DIR...: the bootmem rows, one column per chain, each read
 * from that chain's program's dumps; the ratio is the chain's Ir/op over the full chain's.
 */
static int chains(const char *file, int n, char **dirs)
{
	static const char *const ids[] = { "bootmem-pages", "bootmem-small" };
	double ir[16][ARRAY_SIZE(ids)];

	if (n > (int)ARRAY_SIZE(ir) || strncmp(dirs[0], "full=", 5))
		die("chains: give full=DIR first, then at most %zu CHAIN=DIR", ARRAY_SIZE(ir) - 1);
	for (int c = 0; c < n; c++) {
		const char *dir = strchr(dirs[c], '=');

		if (!dir)
			die("chains: %s is not CHAIN=DIR", dirs[c]);
		ndumps = 0;
		read_dumps(dir + 1);
		for (size_t i = 0; i < ARRAY_SIZE(ids); i++)
			ir[c][i] = ir_per_op(ids[i], "alloc", NULL);
	}
	if (!(md = fopen(file, "a")))
		die("cannot append to %s: %s", file, strerror(errno));
	both("## The bootmem interface, chain by chain\n\n");
	both("The bootmem rows above, run again by a program built against each chain's host "
	     "library (chapter 9), on the same machine, in the same make bench: Ir/op, and in "
	     "brackets the ratio to the full chain's.\n\n");
	out(stdout, "%-46s", "operation");
	out(md, "| operation |");
	for (int c = 0; c < n; c++) {
		int len = (int)(strchr(dirs[c], '=') - dirs[c]);

		out(stdout, " %18.*s", len, dirs[c]);
		out(md, " `%.*s` |", len, dirs[c]);
	}
	out(stdout, "\n");
	out(md, "\n|---|");
	for (int c = 0; c < n; c++)
		out(md, "--:|");
	out(md, "\n");
	for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
		const struct row *row = NULL;

		for (size_t k = 0; k < ARRAY_SIZE(rows); k++)
			if (!strcmp(rows[k].id, ids[i]))
				row = &rows[k];
		out(stdout, "%-46s", row->op);
		out(md, "| `%s` |", row->op);
		for (int c = 0; c < n; c++) {
			out(stdout, " %9.1f (%5.2f)", ir[c][i], ir[c][i] / ir[0][i]);
			out(md, " %.1f (%.2f) |", ir[c][i], ir[c][i] / ir[0][i]);
		}
		out(stdout, "\n");
		out(md, "\n");
	}
	both("\n");
	if (fclose(md))
		die("cannot write %s: %s", file, strerror(errno));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "run")) {
		arena_init();
		return run(true);
	}
	if (argc == 2 && !strcmp(argv[1], "check")) {
		arena_init();
		if (run(false))
			return 1;
		printf("bench: check: every row ran and passed its checks\n");
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "report"))
		return report(argv[2], argv[3]);
	if (argc >= 4 && !strcmp(argv[1], "chains"))
		return chains(argv[2], argc - 3, argv + 3);
	fprintf(stderr, "usage: %s run                       (under callgrind: see bench.sh)\n"
			"       %s check                     (the loops and checks, not counted)\n"
			"       %s report CALLGRIND-DIR OUT.md\n"
			"       %s chains OUT.md full=DIR CHAIN=DIR...\n", argv[0], argv[0], argv[0],
		argv[0]);
	return 2;
}
