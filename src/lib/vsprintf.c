#line 897 "chapters/01-boot.nw" /* <lib/vsprintf.c> */
/* vsprintf.c - formatted output into a bounded buffer. */
#include <handoff/printk.h>

struct sink {
	char *buf;
	size_t size;
	size_t len;	/* bytes the output has so far, even those that did not fit */
};

static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

#line 936 "chapters/01-boot.nw" /* <vsprintf: write a number, padded to its width> */
struct spec {
	unsigned int width;
	bool zero;		/* pad with '0' instead of ' ' */
	bool upper;		/* %X */
};

static void put_number(struct sink *s, u64 v, unsigned int base, bool negative,
		       struct spec spec)
{
	const char *digits = spec.upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	unsigned int n = 0, len;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	len = n + negative;
	if (negative && spec.zero)
		put(s, '-');
	for (; len < spec.width; len++)
		put(s, spec.zero ? '0' : ' ');
	if (negative && !spec.zero)
		put(s, '-');
	while (n)
		put(s, tmp[--n]);
}
#line 966 "chapters/01-boot.nw" /* <vsprintf: write a string, padded to its width> */
static void put_string(struct sink *s, const char *str, struct spec spec)
{
	unsigned int len = 0;

	if (!str)
		str = "(null)";
	while (str[len])
		len++;
	for (; len < spec.width; len++)
		put(s, ' ');
	while (*str)
		put(s, *str++);
}
#line 987 "chapters/01-boot.nw" /* <vsprintf: copy the format, converting at each %> */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct sink s = { buf, size, 0 };

	for (; *fmt; fmt++) {
		const char *start = fmt;
		struct spec spec = { .width = 0 };
		int longs = 0;

		if (*fmt != '%') {
			put(&s, *fmt);
			continue;
		}
		fmt++;
		
#line 1011 "chapters/01-boot.nw" /* <vsprintf: read the flags, the width and the length> */
		if (*fmt == '0') {
			spec.zero = true;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			spec.width = spec.width * 10 + (unsigned int)(*fmt++ - '0');
		while (*fmt == 'l' && longs < 2) {
			longs++;
			fmt++;
		}
		if (*fmt == 'z' && !longs) {	/* size_t is as wide as long, here and on the host */
			longs = 1;
			fmt++;
		}
#line 1002 "chapters/01-boot.nw" /* <vsprintf: copy the format, converting at each %> */
		
#line 1028 "chapters/01-boot.nw" /* <vsprintf: convert one argument> */
		switch (*fmt) {
#line 1058 "chapters/01-boot.nw" /* <vsprintf: convert an integer of the length asked for> */
		case 'd':
		case 'i': {
			s64 v = longs == 2 ? va_arg(args, long long)
			      : longs == 1 ? va_arg(args, long)
			      : va_arg(args, int);
			put_number(&s, v < 0 ? -(u64)v : (u64)v, 10, v < 0, spec);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			u64 v = longs == 2 ? va_arg(args, unsigned long long)
			      : longs == 1 ? va_arg(args, unsigned long)
			      : va_arg(args, unsigned int);
			spec.upper = *fmt == 'X';
			put_number(&s, v, *fmt == 'u' ? 10 : 16, false, spec);
			break;
		}
#line 1030 "chapters/01-boot.nw" /* <vsprintf: convert one argument> */
		case 'p':
			put(&s, '0');
			put(&s, 'x');
			put_number(&s, (uintptr_t)va_arg(args, void *), 16, false,
				   (struct spec){ .width = 2 * sizeof(void *), .zero = true });
			break;
		case 's':
			put_string(&s, va_arg(args, const char *), spec);
			break;
		case 'c':
			put(&s, (char)va_arg(args, int));
			break;
		case '%':
			put(&s, '%');
			break;
		default:	/* unknown: copy it as it stands, so the mistake shows */
			for (; start <= fmt && *start; start++)
				put(&s, *start);
			if (!*fmt)
				fmt--;	/* a '%' at the very end: let the loop see the NUL */
			break;
		}
#line 1003 "chapters/01-boot.nw" /* <vsprintf: copy the format, converting at each %> */
	}
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return (int)s.len;
}

#line 917 "chapters/01-boot.nw" /* <lib/vsprintf.c> */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
