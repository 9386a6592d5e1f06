#line 2672 "chapters/01-boot.nw" /* <host/main.c> */
/* main.c (host) - run every linked test; the exit status says whether all passed. */
#include <handoff/ktest.h>

int main(void)
{
	return ktest_run_all() ? 1 : 0;
}
