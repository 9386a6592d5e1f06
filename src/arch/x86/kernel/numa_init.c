#line 777 "chapters/10-nodes.nw" /* <arch/x86/kernel/numa_init.c> */
/* numa_init.c - the nodes: from fake_numa=, or from the SRAT read through a window. */
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <handoff/acpi.h>
#include <handoff/cmdline.h>
#include <handoff/multiboot.h>
#include <handoff/numa_init.h>
#include <handoff/printk.h>
#include <handoff/string.h>

#define WINDOW_VA	0xffc00000ul			/* the last directory entry's 4 MiB */
#define WINDOW_PAGES	(ACPI_MAX_TABLE / PAGE_SIZE + 1)

static u32 window_pt[PTRS_PER_PTE] __attribute__((aligned(PAGE_SIZE)));

static u32 *current_pgd(void)
{
	u32 cr3;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	return __va(cr3 & ~0xfffu);
}

#line 807 "chapters/10-nodes.nw" /* <numa_init.c: open, move and close the window> */
static void window_open(void)
{
	u32 *pgd = current_pgd();

	if (pgd[PTRS_PER_PGD - 1])
		panic("numa: the last 4 MiB of the address space are in use: no room for a window");
	pgd[PTRS_PER_PGD - 1] = (u32)__pa(window_pt) | PDE_IDENT_ATTR;
}

static const void *window_map(void *ctx, u64 phys, u32 len)
{
	u64 first = phys & ~(u64)(PAGE_SIZE - 1);
	u32 n = (u32)((phys + len - first + PAGE_SIZE - 1) / PAGE_SIZE);

	(void)ctx;
	if (!len || phys + len > 1ull << 32 || n > WINDOW_PAGES)
		return NULL;				/* no PAE: nothing above 4 GiB */
	for (u32 i = 0; i < WINDOW_PAGES; i++) {
		window_pt[i] = i < n ? (u32)(first + i * PAGE_SIZE) | _PAGE_PRESENT : 0;
		__asm__ volatile("invlpg (%0)" : : "r"(WINDOW_VA + i * PAGE_SIZE) : "memory");
	}
	return (const void *)(WINDOW_VA + (unsigned long)(phys - first));
}

static void window_close(void)
{
	current_pgd()[PTRS_PER_PGD - 1] = 0;
	memset(window_pt, 0, sizeof(window_pt));
	__asm__ volatile("mov %%cr3, %%eax; mov %%eax, %%cr3" : : : "eax", "memory");
}
#line 844 "chapters/10-nodes.nw" /* <numa_init.c: the firmware's ranges> */
static bool firmware_range(void *ctx, u64 phys, u64 len)
{
	const struct boot_mem_range *r;
	u64 at = phys, end = phys + len;
	bool moved = true;

	(void)ctx;
	while (at < end && moved) {
		moved = false;
		for_each_boot_mem_range(&boot_mem_map, r)
			if ((r->type == 2 || r->type == 3 || r->type == 4) && r->addr <= at &&
			    at - r->addr < r->size) {
				at = r->addr + r->size;
				moved = true;
			}
	}
	return at >= end;
}
#line 869 "chapters/10-nodes.nw" /* <numa_init.c: the boot step> */
/* With memdump: "memmap: numa START END nodeN", a line per block (the book's figures). */
static void numa_memdump(void)
{
	const struct numa_memblk *b;

	for_each_numa_memblk(&numa_meminfo, b)
		printk("memmap: numa 0x%llx 0x%llx node%d\n", b->start, b->end, b->nid);
}

/** numa_init - fill numa_meminfo from fake_numa= or the SRAT, and print it (chapter 10). */
void numa_init(void)
{
	static const struct acpi_access window = { window_map, firmware_range, NULL };
	size_t len;
	const char *v = cmdline_get(boot_command_line, "fake_numa", NULL, &len);
	u64 rsdp;

	numa_reset(&numa_meminfo);
	if (v) {
		numa_parse_fake(&numa_meminfo, v, len);
	} else {
		window_open();
		if ((rsdp = acpi_find_rsdp(&window)))
			acpi_numa_init(&numa_meminfo, &window, rsdp);
		else
			printk("acpi: no RSDP: one node\n");
		window_close();
	}
	numa_check_ram(&numa_meminfo, &e820);
	numa_print(&numa_meminfo);
	memdump(numa_memdump);
}
