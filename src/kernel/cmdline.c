#line 1445 "chapters/01-boot.nw"
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

bool cmdline_has(const char *cmdline, const char *word)
{
	size_t n = strlen(word);
	const char *p = cmdline;

	while (*p) {
		size_t len = 0;

		while (*p == ' ')
			p++;
		while (p[len] && p[len] != ' ')
			len++;
		if (len == n && n && !strncmp(p, word, n))
			return true;
		p += len;
	}
	return false;
}
