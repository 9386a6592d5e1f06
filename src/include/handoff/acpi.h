#line 401 "chapters/10-nodes.nw" /* <include/handoff/acpi.h> */
#ifndef _HANDOFF_ACPI_H
#define _HANDOFF_ACPI_H
#include <handoff/numa.h>

#define ACPI_MAX_TABLE	(64 << 10)	/* a longer table is refused: more than the window */

/* How the parser reaches physical memory: the kernel maps a window, the host tests a buffer. */
struct acpi_access {
	/* @len bytes at physical @phys, readable until the next call; NULL if they cannot be. */
	const void *(*map)(void *ctx, u64 phys, u32 len);
	/* Does [@phys, @phys + @len) lie wholly in the memory map's reserved and ACPI ranges? */
	bool (*firmware)(void *ctx, u64 phys, u64 len);
	void *ctx;
};

/** acpi_find_rsdp - the RSDP's address: the EBDA's first KiB, then 0xE0000-0xFFFFF; 0: none. */
u64 acpi_find_rsdp(const struct acpi_access *a);

/**
 * acpi_numa_init - walk the RSDT or XSDT from the RSDP at @rsdp to the SRAT, and fill @mi from
 * its memory-affinity entries. Every table is checked first; returns true when @mi holds the
 * SRAT's nodes, false (and @mi reset, the reason printed) when there are none to trust.
 */
bool acpi_numa_init(struct numa_meminfo *mi, const struct acpi_access *a, u64 rsdp);

/* The tables the last acpi_numa_init() refused, each with its message: what the tests count. */
extern int acpi_refused;
#endif
