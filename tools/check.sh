#!/usr/bin/env bash
# check.sh STAGE - the boot tests of one stage (make check STAGE=n): every line of
# tests/boot/matrix that applies to it, in QEMU and Bochs, two guests at a time.
# One line per boot, the failures again at the end, `N passed, N failed` last.
# Serial logs: build/logs/check-stageNN/.  Needs build/stageNN (make STAGE=n);
# BUILD=DIR takes the stage from DIR/stageNN and logs to DIR/logs instead.
set -euo pipefail

usage() { echo "usage: $0 STAGE   (e.g. $0 1; needs build/stageNN from make STAGE=n)" >&2; exit 2; }
if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then usage; fi
stage=$((10#$1))

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD:-build}           # BUILD=DIR: stages built elsewhere
sdir=$(printf '%s/stage%02d' "$build" "$stage")
[ -f "$sdir/kernel.elf" ] || { echo "$0: no $sdir/kernel.elf (run: make STAGE=$stage)" >&2; exit 1; }

cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
python3 tools/bootmatrix.py --build "$build" "$stage" > "$cases"
[ -s "$cases" ] || { echo "$0: tests/boot/matrix has no boot for stage $stage" >&2; exit 1; }
exec python3 tools/runcases.py -j 2 --title "boot tests of stage $stage ($(grep -c . "$cases") boots, 2 at a time)" "$cases"
