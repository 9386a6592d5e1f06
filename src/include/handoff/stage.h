#line 1263 "chapters/01-boot.nw" /* <include/handoff/stage.h> */
#ifndef _HANDOFF_STAGE_H
#define _HANDOFF_STAGE_H
#include <handoff/types.h>

struct stage {
	int number;
	const char *name;
};

/** current_stage - the stage this kernel was built as: the last chapter tangled. */
const struct stage *current_stage(void);

/** stage_verdict - print the line the tools wait for: "stage N (NAME): PASS" or FAIL. */
void stage_verdict(bool pass);
#endif
