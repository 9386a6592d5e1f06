#line 575 "chapters/01-boot.nw" /* <include/handoff/string.h> */
#ifndef _HANDOFF_STRING_H
#define _HANDOFF_STRING_H
#include <handoff/types.h>
#ifdef HOST_BUILD
#include <string.h>
#else
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strstr(const char *haystack, const char *needle);
#endif
#endif
