#!/usr/bin/env bash
# check.sh STAGE [VARIANT] - the boot tests of one stage (make check STAGE=n [CHAIN=|BOOTMEM=NAME]):
# every line of tests/boot/matrix that applies to it, in QEMU and Bochs, two guests at a time.
# One line per boot, the failures again at the end, `N passed, N failed` last.
# Serial logs: build/logs/check-stageNN/.  Needs build/stageNN (make STAGE=n);
# BUILD=DIR takes the stage from DIR/stageNN and logs to DIR/logs instead.  VARIANT, one of
# chapter 9's chains or chapter 10's one-bitmap bootmem (full by default: the stage's own
# default), boots build/stageNN-VARIANT and logs to check-stageNN-VARIANT/.
set -euo pipefail

usage() {
    echo "usage: $0 STAGE [VARIANT]   (e.g. $0 1, $0 9 no-bootmem, $0 10 one-bitmap; needs" \
         "build/stageNN[-VARIANT] from make STAGE=n [CHAIN=NAME | BOOTMEM=NAME])" >&2
    exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then usage; fi
stage=$((10#$1))
variant=${2:-full}
[[ $variant =~ ^[a-z][a-z-]*$ ]] || usage
# Chapter 10's bootmems are the one variant that is not a chain.
chain=$variant bootmem=per-node
case $variant in per-node|one-bitmap) chain=full bootmem=$variant ;; esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD:-build}           # BUILD=DIR: stages built elsewhere
sdir=$(printf '%s/stage%02d' "$build" "$stage")
make="make STAGE=$stage"
if [ "$chain" != full ]; then sdir+=-$chain make+=" CHAIN=$chain"; fi
if [ "$bootmem" != per-node ]; then sdir+=-$bootmem make+=" BOOTMEM=$bootmem"; fi
[ -f "$sdir/kernel.elf" ] || { echo "$0: no $sdir/kernel.elf (run: $make)" >&2; exit 1; }

cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
python3 tools/bootmatrix.py --build "$build" --chain "$chain" --bootmem "$bootmem" "$stage" > "$cases"
[ -s "$cases" ] || { echo "$0: tests/boot/matrix has no boot for stage $stage" >&2; exit 1; }
what="stage $stage"
[ "$chain" != full ] && what+=" (chain $chain)"
[ "$bootmem" != per-node ] && what+=" (bootmem $bootmem)"
exec python3 tools/runcases.py -j 2 --title "boot tests of $what ($(grep -c . "$cases") boots, 2 at a time)" "$cases"
