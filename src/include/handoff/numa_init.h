#line 904 "chapters/10-nodes.nw" /* <include/handoff/numa_init.h> */
#ifndef _HANDOFF_NUMA_INIT_H
#define _HANDOFF_NUMA_INIT_H
/** numa_init - fill numa_meminfo from fake_numa= or the SRAT, and print it (chapter 10). */
void numa_init(void);
#endif
