#!/usr/bin/env bash
# check.sh STAGE [CHAIN] - the boot tests of one stage (make check STAGE=n [CHAIN=NAME]):
# every line of tests/boot/matrix that applies to it, in QEMU and Bochs, two guests at a time.
# One line per boot, the failures again at the end, `N passed, N failed` last.
# Serial logs: build/logs/check-stageNN/.  Needs build/stageNN (make STAGE=n);
# BUILD=DIR takes the stage from DIR/stageNN and logs to DIR/logs instead.  CHAIN (chapter
# 9's variants; full by default) boots build/stageNN-CHAIN and logs to check-stageNN-CHAIN/.
set -euo pipefail

usage() {
    echo "usage: $0 STAGE [CHAIN]   (e.g. $0 1, $0 9 no-bootmem; needs build/stageNN[-CHAIN]" \
         "from make STAGE=n [CHAIN=NAME])" >&2
    exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then usage; fi
stage=$((10#$1))
chain=${2:-full}
[[ $chain =~ ^[a-z][a-z-]*$ ]] || usage

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD:-build}           # BUILD=DIR: stages built elsewhere
sdir=$(printf '%s/stage%02d' "$build" "$stage")
make="make STAGE=$stage"
if [ "$chain" != full ]; then sdir+=-$chain make+=" CHAIN=$chain"; fi
[ -f "$sdir/kernel.elf" ] || { echo "$0: no $sdir/kernel.elf (run: $make)" >&2; exit 1; }

cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
python3 tools/bootmatrix.py --build "$build" --chain "$chain" "$stage" > "$cases"
[ -s "$cases" ] || { echo "$0: tests/boot/matrix has no boot for stage $stage" >&2; exit 1; }
what="stage $stage"
[ "$chain" != full ] && what+=" (chain $chain)"
exec python3 tools/runcases.py -j 2 --title "boot tests of $what ($(grep -c . "$cases") boots, 2 at a time)" "$cases"
