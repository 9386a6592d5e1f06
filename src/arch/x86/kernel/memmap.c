#line 426 "chapters/03-e820.nw" /* <arch/x86/kernel/memmap.c> */
/* memmap.c - the memmap= option, Linux's way of giving the kernel another memory map. */
#include <asm/e820.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#line 436 "chapters/03-e820.nw" /* <memmap: read a size> */
static int digit(char c, unsigned int base)
{
	int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return d < (int)base ? d : -1;
}

bool memparse(const char *s, const char **end, u64 *v)
{
	unsigned int base = 10, shift = 0;
	u64 n = 0;
	int d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit(s[2], 16) >= 0) {
		base = 16;
		s += 2;
	}
	if (digit(*s, base) < 0)
		return false;
	for (; (d = digit(*s, base)) >= 0; s++) {
		if (n > (~0ull - (u64)d) / base)
			return false;			/* would overflow */
		n = n * base + (u64)d;
	}
	switch (*s) {
	case 'G': case 'g': shift += 10;	/* fall through */
	case 'M': case 'm': shift += 10;	/* fall through */
	case 'K': case 'k': shift += 10; s++;
	}
	if (shift && n > (~0ull >> shift))
		return false;
	*v = n << shift;
	*end = s;
	return true;
}
#line 480 "chapters/03-e820.nw" /* <memmap: apply one option> */
int parse_memmap(struct e820map *m, const char *s, size_t len)
{
	char opt[64];
	const char *p;
	u64 size, start;
	u32 type;

	if (len >= sizeof(opt)) {
		printk("e820: a memmap= option of %zu characters ignored: too long\n", len);
		return -1;
	}
	memcpy(opt, s, len);
	opt[len] = '\0';
	if (!strcmp(opt, "exactmap")) {
		printk("e820: memmap=exactmap: the firmware's map is dropped\n");
		m->nr_map = 0;
		return 0;
	}
	if (!memparse(opt, &p, &size))
		goto bad;
	if (*p == '\0') {
		e820_clip(m, size, E820_RAM, "memmap= limits usable memory to that");
		return 0;
	}
	type = *p == '@' ? E820_RAM : *p == '$' ? E820_RESERVED : *p == '#' ? E820_ACPI : 0;
	if (!type || !memparse(p + 1, &p, &start) || *p != '\0')
		goto bad;
	printk("e820: memmap=%s: [mem 0x%016llx, size 0x%llx] %s\n", opt, start, size,
	       e820_type_name(type));
	return e820_add_region(m, start, size, type);
bad:
	printk("e820: memmap=%s ignored: expected exactmap, SIZE, or SIZE followed by @, $ or # "
	       "and an address (sizes like 64M or 0x1000)\n", opt);
	return -1;
}
