#line 119 "chapters/02-brk.nw" /* <mm/brk.c> */
/* brk.c - a bump allocator: hand out memory from a fixed area, never take it back. */
#include <handoff/brk.h>
#include <handoff/printk.h>
#include <handoff/string.h>

void *brk_alloc(struct brk_area *brk, size_t size, size_t align, const char *caller)
{
	uintptr_t end = (uintptr_t)brk->end, limit = (uintptr_t)brk->limit, start;

	check_live(&brk->life, "extend_brk", caller);
	if (!brk->end)
		panic("extend_brk: %s() asked for %zu bytes before the area was set up (the "
		      "kernel's is taken over from head.S by brk_takes_over())", caller, size);
	if (align == 0 || (align & (align - 1)))
		panic("extend_brk: %s() asked for alignment %zu, which is not a power of two",
		      caller, align);
	start = (end + align - 1) & ~(uintptr_t)(align - 1);
	if (start < end || start > limit || size > limit - start)
		panic("extend_brk: %s() asked for %zu bytes aligned to %zu, but only %zu of "
		      "the %zu bytes of brk are left", caller, size, align,
		      (size_t)(limit - end), (size_t)(limit - (uintptr_t)brk->base));
#line 2069 "chapters/09-shortcuts.nw" /* <brk: what later chapters note about an allocation> */
	census_note("brk", caller, size);
#line 141 "chapters/02-brk.nw" /* <mm/brk.c> */
	brk->end = (char *)start + size;
	return memset((void *)start, 0, size);
}
