#line 1992 "chapters/01-boot.nw" /* <include/handoff/ktest.h> */
#ifndef _HANDOFF_KTEST_H
#define _HANDOFF_KTEST_H
#include <stdarg.h>
#include <handoff/compiler.h>
#include <handoff/string.h>
#include <handoff/types.h>

struct ktest {
	const char *name;
	int failures;		/* failed expectations so far */
	const char *first_failure;	/* "file:line" of the first */
	const char *skip_reason;	/* set by ktest_skip */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
	bool unit;		/* a test both builds share (test-y): the same in every boot */
};

#line 2027 "chapters/01-boot.nw" /* <ktest.h: declaring a test> */
#ifndef KTEST_UNIT
#define KTEST_UNIT	0	/* tools/kernel.mk compiles test-y files with KTEST_UNIT=1 */
#endif

#define KTEST(fn)								\
	static void fn(struct ktest *t);					\
	static const struct ktest_case ktest_case_##fn				\
		__attribute__((section("ktest_cases"), used,			\
			       aligned(sizeof(void *)))) = { #fn, fn, KTEST_UNIT };	\
	static void fn(struct ktest *t)

/** ktest_skip - mark the running test skipped (KTAP "# SKIP reason"); the caller returns. */
void ktest_skip(struct ktest *t, const char *reason);

/**
 * ktest_skip_units - report every unit test (KTEST_UNIT) skipped, with @reason, instead of
 * running it: for a boot that checks only what depends on the memory map (ktest=boot).
 */
void ktest_skip_units(const char *reason);
#line 2052 "chapters/01-boot.nw" /* <ktest.h: expectations> */
#define __KTEST_AT	__FILE__ ":" __ktest_str(__LINE__)
#define __ktest_str(x)	__ktest_str2(x)
#define __ktest_str2(x)	#x

bool ktest_check(struct ktest *t, bool ok, const char *where, const char *fmt, ...)
	__printf(4, 5);

#define KEXPECT_TRUE(t, cond)							\
	ktest_check(t, (cond), __KTEST_AT, "expected %s", #cond)
#define KEXPECT_EQ(t, a, b) ({							\
	unsigned long long __a = (unsigned long long)(a);			\
	unsigned long long __b = (unsigned long long)(b);			\
	ktest_check(t, __a == __b, __KTEST_AT, "expected %s == %s, "		\
		    "got 0x%llx (%lld) and 0x%llx (%lld)", #a, #b,		\
		    __a, (long long)__a, __b, (long long)__b);			\
})
#define KEXPECT_STREQ(t, a, b) ({						\
	const char *__a = (a), *__b = (b);					\
	ktest_check(t, __a && __b && !strcmp(__a, __b), __KTEST_AT,		\
		    "expected %s == %s, got \"%s\" and \"%s\"", #a, #b, __a, __b);\
})
#define KASSERT_TRUE(t, cond)	do { if (!KEXPECT_TRUE(t, cond)) return; } while (0)
#define KASSERT_EQ(t, a, b)	do { if (!KEXPECT_EQ(t, a, b)) return; } while (0)
#line 2091 "chapters/01-boot.nw" /* <ktest.h: expectations> */
#ifdef HOST_BUILD
#include <setjmp.h>
typedef jmp_buf ktest_jmp_buf;
#define ktest_setjmp(b)		setjmp(b)
#define ktest_longjmp(b)	longjmp(b, 1)
#else
typedef void *ktest_jmp_buf[5];
#define ktest_setjmp(b)		__builtin_setjmp(b)
#define ktest_longjmp(b)	__builtin_longjmp(b, 1)
#endif

struct ktest_panic_catcher {
	ktest_jmp_buf env;
	char reason[256];
};

/** ktest_expect_panic - the next panic jumps to @c instead of stopping (NULL: no more). */
void ktest_expect_panic(struct ktest_panic_catcher *c);

/** ktest_catch_panic - called first by panic: if a test expects one, never returns. */
void ktest_catch_panic(const char *fmt, va_list args);

#define KEXPECT_PANIC(t, stmt, words) ({					\
	static struct ktest_panic_catcher __c;					\
	bool __ok;								\
	ktest_expect_panic(&__c);						\
	if (ktest_setjmp(__c.env) == 0) {					\
		__asm__ volatile("" : : : "memory");	/* the buffer is complete */	\
		stmt;								\
		ktest_expect_panic(NULL);					\
		__ok = ktest_check(t, false, __KTEST_AT,			\
				   "expected %s to panic", #stmt);		\
	} else {								\
		__ok = ktest_check(t, strstr(__c.reason, words) != NULL,	\
				   __KTEST_AT, "%s panicked with \"%s\", "	\
				   "expected \"%s\" in it", #stmt, __c.reason, words);\
	}									\
	__ok;									\
})

#line 2015 "chapters/01-boot.nw" /* <include/handoff/ktest.h> */
/**
 * ktest_rand - the next number of a xorshift32 sequence in *@state (never 0): randomized tests
 * use it so that they draw the same numbers on every machine and every run.
 */
u32 ktest_rand(u32 *state);

/** ktest_run_all - run every linked test, print the KTAP report; returns the failed count. */
int ktest_run_all(void);
#endif
