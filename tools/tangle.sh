#!/usr/bin/env bash
# tangle.sh OUTDIR CHAPTER.nw... -- write every root chunk of the chapters into OUTDIR.
#
# A root chunk is a file: <<kernel/main.c>>= becomes OUTDIR/kernel/main.c. C, assembler and
# linker-script files carry #line directives (notangle -L) so that compiler errors and gdb point
# into the .nw file, each followed on its line by a comment naming the chunk (/* <name> */);
# make fragments keep their tabs (-t8). A file is rewritten only when its contents change, so
# make rebuilds only what a chapter edit touched. Files in OUTDIR that no chapter defines any
# more are removed. Any error (an undefined chunk, named with the .nw file and line of its use;
# a chunk defined but never used that is not a file name) fails the whole run before anything
# is written: a half-tangled tree must never reach the compiler.
#
# The work is done by tools/tangle.py: noweb's markup once and its back end nt once per kind of
# file (not notangle once per file, which cost two seconds a tangle); its output is notangle's.
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 OUTDIR CHAPTER.nw..." >&2
	exit 2
fi
exec python3 "$(dirname "${BASH_SOURCE[0]}")/tangle.py" "$@"
