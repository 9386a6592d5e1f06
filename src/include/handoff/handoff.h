#line 391 "chapters/02-brk.nw" /* <include/handoff/handoff.h> */
#ifndef _HANDOFF_HANDOFF_H
#define _HANDOFF_HANDOFF_H
#include <handoff/types.h>

#line 401 "chapters/02-brk.nw" /* <handoff.h: the retirement record> */
/* Whether an allocator of the chain still runs; all zeros while it does. */
struct retirement {
	const char *allocator;	/* its name in messages: "brk", "LMB", ...; set by retire() */
	const char *by;		/* the function that retired it; NULL while it is live */
	const char *successor;	/* who has its memory now */
	const char *instead;	/* what its callers must call now, e.g. "alloc_bootmem()" */
};

/**
 * retire - @r's allocator, called @allocator in messages, has handed its memory to @successor;
 * from now on check_live() panics and tells its callers to use @instead. The caller of retire()
 * is recorded as the function that retired it. Retiring a record twice panics, naming both.
 */
#define retire(r, allocator, successor, instead) \
	__retire((r), (allocator), (successor), (instead), __func__)
void __retire(struct retirement *r, const char *allocator, const char *successor,
	      const char *instead, const char *by);

/**
 * retirement_redirect - what @r's callers should use now has changed (bootmem's are sent to
 * kmalloc() once the slab allocator runs). Panics if @r is live: only a retired allocator's
 * callers can be redirected.
 */
#define retirement_redirect(r, instead)	__retirement_redirect((r), (instead), __func__)
void __retirement_redirect(struct retirement *r, const char *instead, const char *caller);

/**
 * check_live - every entry point @fn of an allocator calls this first, with its @caller: if @r is
 * retired it panics with "FN: CALLER() called after ALLOCATOR handed memory to SUCCESSOR in BY();
 * use INSTEAD instead".
 */
void check_live(const struct retirement *r, const char *fn, const char *caller);

/** is_retired - true once retire() has run on @r. */
static inline bool is_retired(const struct retirement *r)
{
	return r->by != NULL;
}

/** brk_takes_over - the kernel's brk area, from head.S (chapter 2). */
void brk_takes_over(void);
#line 1134 "chapters/03-e820.nw" /* <handoff.h: what later chapters add> */
/**
 * handoff_ledger - print "handoff: @from -> @to total=T free=F reserved=R" (in pages) and check
 * it: T = F + R, and T equal to the total of the first handoff of this boot. Panics otherwise.
 */
void handoff_ledger(const char *from, const char *to, unsigned long total, unsigned long free,
		    unsigned long reserved);

/**
 * ledger_note_freed - the allocator in charge gave @pages reserved pages back (a free, not a
 * handoff): the next line records them, so that what it gave out can be told from what it took
 * back of its predecessors' (chapter 8's table).
 */
void ledger_note_freed(unsigned long pages);

/* The lines printed so far, in order: chapter 8 sums up the chain from them. */
struct handoff_line {
	const char *from, *to;
	unsigned long total, free, reserved;
	unsigned long freed;	/* pages freed back while @from was in charge */
};
#define MAX_HANDOFF_LINES	8
extern struct handoff_line handoff_lines[MAX_HANDOFF_LINES];
extern unsigned int nr_handoff_lines;

#line 1379 "chapters/03-e820.nw" /* <handoff.h: what later chapters add> */
/** e820_takes_over - the early reservations take brk's memory over (chapter 3). */
void e820_takes_over(u32 mbi_phys);

#line 1108 "chapters/04-lmb.nw" /* <handoff.h: what later chapters add> */
/** lmb_takes_over - LMB takes e820's memory and the early reservations over (chapter 4). */
void lmb_takes_over(void);

#line 843 "chapters/06-bootmem.nw" /* <handoff.h: what later chapters add> */
/** bootmem_takes_over - bootmem takes LMB's memory over (chapter 6). */
void bootmem_takes_over(void);

#line 1196 "chapters/07-buddy.nw" /* <handoff.h: what later chapters add> */
/** zone_sizes_init - the zones, and mem_map from bootmem, before the buddy takes over. */
void zone_sizes_init(void);

/** buddy_takes_over - the buddy allocator takes bootmem's memory over (chapter 7). */
void buddy_takes_over(void);

/** buddy_ledger - the handoff line FROM -> TO, counted in the buddy's structures. */
void buddy_ledger(const char *from, const char *to);

#line 1162 "chapters/08-slab.nw" /* <handoff.h: what later chapters add> */
/** slab_takes_over - the slab allocator comes up on the buddy (chapter 8). */
void slab_takes_over(void);

/** chain_summary - what each allocator of the chain gave out, and what it cost (chapter 8). */
void chain_summary(void);

#line 1961 "chapters/09-shortcuts.nw" /* <handoff.h: what later chapters add> */
#define CENSUS_LINES	48

/* The early allocations, one line per caller, allocator and phase (chapter 9). */
struct census_line {
	const char *allocator, *caller;
	bool after_paging;
	unsigned long count;
	u64 bytes;
};
struct census {
	struct census_line lines[CENSUS_LINES];
	unsigned int nr;
	bool after_paging;		/* the kernel's page tables are loaded */
	unsigned long lost;		/* notes that found no free line */
};
extern struct census boot_census;

/** census_note_in - @caller got @bytes from @allocator: count it in @c's line for them. */
void census_note_in(struct census *c, const char *allocator, const char *caller, u64 bytes);
#define census_note(allocator, caller, bytes)	census_note_in(&boot_census, (allocator), (caller), (bytes))

/** census_print - @c as "census:" lines: one per line of the table, then the totals. */
void census_print(const struct census *c);

/** census_report - census_print of the boot's census, if the command line says census. */
void census_report(void);
#line 2861 "chapters/09-shortcuts.nw" /* <handoff.h: what later chapters add> */
#include <handoff/measure.h>
#line 3735 "chapters/10-nodes.nw" /* <handoff.h: what later chapters add> */
/**
 * handoff_ledger_nodes - on a machine with more than one node, "handoff: @from -> @to node=N
 * total=T free=F reserved=R" for every node, counted page by page in @to's structures; panics
 * if they do not add up to the handoff's own @total, @free and @reserved (chapter 10).
 */
void handoff_ledger_nodes(const char *from, const char *to, unsigned long total,
			  unsigned long free, unsigned long reserved);
#line 397 "chapters/02-brk.nw" /* <include/handoff/handoff.h> */
#endif
