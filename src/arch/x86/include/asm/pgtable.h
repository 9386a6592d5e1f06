#line 191 "chapters/02-brk.nw" /* <arch/x86/include/asm/pgtable.h> */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H
#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_ACCESSED	0x020		/* set by the CPU on use */
#define _PAGE_DIRTY	0x040		/* set by the CPU on a write (in a leaf entry) */
#define _PAGE_PSE	0x080		/* in a directory entry: a 4 MiB page (exercise 2.3) */
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define PGDIR_SHIFT	22		/* one directory entry maps 4 MiB */
#define PDE_IDENT_ATTR	0x003		/* present, writable */
#define PTE_IDENT_ATTR	0x003		/* present, writable */
#define X86_CR0_PG	0x80000000
#define X86_CR4_PSE	0x00000010	/* 4 MiB pages allowed (exercise 2.3) */

#line 243 "chapters/02-brk.nw" /* <pgtable.h: the early mapping> */
#define EARLY_MAP_SIZE		(16 << 20)	/* head.S maps physical [0, 16 MiB) */
#define EARLY_PAGETABLES_SIZE	((1 + (EARLY_MAP_SIZE >> PGDIR_SHIFT)) * PAGE_SIZE)
#line 207 "chapters/02-brk.nw" /* <arch/x86/include/asm/pgtable.h> */
#endif
