#line 1893 "chapters/01-boot.nw" /* <kernel/cmdline.c> */
/* cmdline.c - the kernel command line. */
#include <handoff/cmdline.h>
#include <handoff/printk.h>
#include <handoff/string.h>

char boot_command_line[COMMAND_LINE_SIZE];

void cmdline_save(const char *s)
{
	size_t len = strlen(s);

	if (len >= COMMAND_LINE_SIZE) {
		printk("cmdline: %u bytes, longer than %d: cut\n", (unsigned int)len,
		       COMMAND_LINE_SIZE - 1);
		len = COMMAND_LINE_SIZE - 1;
	}
	memcpy(boot_command_line, s, len);
	boot_command_line[len] = '\0';
}

#line 1919 "chapters/01-boot.nw" /* <kernel/cmdline.c> */
/* The next word at or after @p, and its length; NULL at the end of the line. */
static const char *next_word(const char *p, size_t *len)
{
	while (*p == ' ')
		p++;
	if (!*p)
		return NULL;
	for (*len = 0; p[*len] && p[*len] != ' '; (*len)++)
		;
	return p;
}

bool cmdline_has(const char *cmdline, const char *word)
{
	size_t n = strlen(word), len;

	for (const char *w = cmdline; (w = next_word(w, &len)); w += len)
		if (len == n && n && !strncmp(w, word, n))
			return true;
	return false;
}

#line 1948 "chapters/01-boot.nw" /* <kernel/cmdline.c> */
const char *cmdline_get(const char *cmdline, const char *name, const char *from, size_t *len)
{
	size_t n = strlen(name), wlen;
	const char *w = from ? from : cmdline;

	if (from)	/* skip the rest of the word that holds @from */
		while (*w && *w != ' ')
			w++;
	for (; (w = next_word(w, &wlen)); w += wlen) {
		if (wlen > n && !strncmp(w, name, n) && w[n] == '=') {
			*len = wlen - n - 1;
			return w + n + 1;
		}
	}
	return NULL;
}

void memdump(void (*dump)(void))
{
	if (cmdline_has(boot_command_line, "memdump"))
		dump();
}
