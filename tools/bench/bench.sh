#!/usr/bin/env bash
# bench.sh -- make bench: the allocators' instructions per operation, counted by
# valgrind's callgrind beside glibc malloc/free on the same loop, and the metadata each keeps
# per MiB it manages. Tables on the terminal and in build/bench/report.md.
#
# What is measured, and what one operation is, is written at the top of tools/bench/bench.c.
# The steps:
#   1. the host library, built by `make host-lib` before this script runs (make bench depends
#      on it): build/host/src, build/host/libhandoff.a (the plain objects: no sanitizers) and
#      build/host/include;
#   2. build/bench/bench from tools/bench/bench.c and that library, with the library's flags;
#   3. `bench run` under callgrind: one profile per row and side in build/bench/callgrind/;
#   4. `bench report`: reads them and prints the tables;
#   5. chapter 9: for each chain of `chains=` below, its host library (build/host-CHAIN/, tangled
#      and built here as make host-test does), the program again against it
#      (build/bench/bench-CHAIN), its run under callgrind (build/bench/callgrind-CHAIN/), and
#      `bench chains`: the bootmem rows of every chain beside the full chain's, with ratios.
# Callgrind's counts are exact and the inputs fixed, so a run repeats the numbers of the last.
# It fails only when something breaks (a build, the program, valgrind), saying which step and
# which log to read; it never judges the numbers.
set -euo pipefail

# --check stops after step 2 and runs `bench check`: the same loops and their checks, natively
# and uncounted, in a fraction of a second (make test checks so that the bench still builds and
# still holds against the library, which changes under it with every chapter).
check_only=no
case ${1:-} in
--check) check_only=yes; shift ;;
esac
if [ $# -ne 0 ]; then
	echo "usage: $0 [--check]   (run by make bench, after make host-lib)" >&2
	exit 2
fi
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
start=$SECONDS
out=build/bench
mkdir -p "$out"

fail() {
	echo "make bench: $1" >&2
	if [ -n "${2:-}" ] && [ -s "$2" ]; then
		echo "--- the last lines of $2:" >&2
		tail -n 25 "$2" >&2
	fi
	exit 1
}

command -v valgrind >/dev/null || fail "valgrind is not installed (make deps installs it)"
[ -f /usr/include/valgrind/callgrind.h ] ||
	fail "no /usr/include/valgrind/callgrind.h (Debian's valgrind package has it)"

# 1. The library, from make host-lib.
[ -f build/host/libhandoff.a ] || fail "no build/host/libhandoff.a: run make bench, which builds it"
kmk=(make -s --no-print-directory -f tools/kernel.mk SRC=build/host/src OUT=build/host)

# 2. The program, compiled as the library is (kernel.mk's PLAIN_HOST_CFLAGS, less the .d files):
# its -I give the same headers as build/host/include, and asm/page.h, which that lacks.
# shellcheck disable=SC2016  # $(...) is make's, not the shell's
cflags=$("${kmk[@]}" --eval 'bench-cflags: ; @echo $(PLAIN_HOST_CFLAGS)' bench-cflags)
cflags=$(echo "$cflags" | sed -e 's/ -MMD//' -e 's/ -MP//')
echo "bench: building $out/bench"
# shellcheck disable=SC2086  # the flags are words
gcc $cflags -o "$out/bench" tools/bench/bench.c build/host/libhandoff.a 2>"$out/build.log" ||
	fail "tools/bench/bench.c does not build" "$out/build.log"

# 2b. The same program for each chain of chapter 9 that bench.c can set up (a chain that keeps
# bootmem's bitmap, early-kmalloc, needs nothing more; one whose bootmem interface LMB serves is
# built with -DBENCH_INTERFACE_LMB, one whose interface kmalloc and the buddy serve with
# -DBENCH_INTERFACE_KMALLOC), against that chain's host library and headers.
chains=()
declare -A chain_file=([no-bootmem]=mm/nobootmem.c [early-kmalloc]=mm/early_kmalloc.c
	[bootmem-over-kmalloc]=mm/bootmem_kmalloc.c)
for c in no-bootmem early-kmalloc bootmem-over-kmalloc; do
	if [ -f "build/host/src/${chain_file[$c]}" ]; then
		chains+=("$c")
	fi
done
declare -A chain_flags=([no-bootmem]=-DBENCH_INTERFACE_LMB
	[bootmem-over-kmalloc]=-DBENCH_INTERFACE_KMALLOC)
# The chains are chapter 9's: stage 10 builds on the full chain only, so their libraries are
# tangled from chapters 1-9, and compiled without chapter 10's CONFIG_NUMA.
mapfile -t chapters < <(printf '%s\n' chapters/[0-9][0-9]-*.nw | head -n 9)
for c in "${chains[@]}"; do
	d=build/host-$c
	echo "bench: building $out/bench-$c (chain $c)"
	tools/tangle.sh "$d/src" "${chapters[@]}" >"$out/build-$c.log" 2>&1 &&
		make -s --no-print-directory -f tools/kernel.mk SRC="$d/src" OUT="$d" CHAIN="$c" \
			"$d/libhandoff.a" >>"$out/build-$c.log" 2>&1 ||
		fail "the host library of chain $c does not build" "$out/build-$c.log"
	ccflags=$(echo "$cflags" | sed -e "s! -Isrc/! -I$d/src/!g" -e 's/ -DCONFIG_NUMA//')
	# shellcheck disable=SC2086  # the flags are words
	gcc $ccflags "-DBENCH_CHAIN=\"$c\"" ${chain_flags[$c]:-} -o "$out/bench-$c" tools/bench/bench.c \
		"$d/libhandoff.a" 2>>"$out/build-$c.log" ||
		fail "tools/bench/bench.c does not build against chain $c's library" "$out/build-$c.log"
done

if [ $check_only = yes ]; then
	"$out/bench" check >"$out/check.log" 2>&1 ||
		fail "bench check failed: a loop or a check of tools/bench/bench.c" "$out/check.log"
	for c in "${chains[@]}"; do
		"$out/bench-$c" check >"$out/check-$c.log" 2>&1 ||
			fail "bench check failed for chain $c" "$out/check-$c.log"
	done
	echo "bench: $out/bench builds, and its loops pass their checks (uncounted)${chains[*]:+; so do those of chains ${chains[*]}}"
	exit 0
fi

# 3. Count, under callgrind. Collection is off except around the measured loops.
echo "bench: counting instructions under callgrind"
rm -rf "$out/callgrind" && mkdir -p "$out/callgrind"
valgrind --tool=callgrind --collect-atstart=no \
	--callgrind-out-file="$out/callgrind/callgrind.out" \
	"$out/bench" run >"$out/run.log" 2>&1 ||
	fail "the benchmark stopped (exit status $?) before it was done" "$out/run.log"

# 4. The report.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")
if [ -n "$(git status --porcelain -- chapters tools/bench 2>/dev/null)" ]; then
	commit="$commit, with changes to chapters/ or tools/bench/ not committed"
fi
echo
BENCH_COMMIT=$commit BENCH_CFLAGS=$cflags BENCH_VALGRIND=$(valgrind --version) \
	"$out/bench" report "$out/callgrind" "$out/report.md" ||
	fail "the report could not be made (above)"

# 5. The chains, counted in the same run.
if [ ${#chains[@]} -gt 0 ]; then
	dirs=("full=$out/callgrind")
	for c in "${chains[@]}"; do
		echo "bench: counting chain $c under callgrind"
		rm -rf "$out/callgrind-$c" && mkdir -p "$out/callgrind-$c"
		valgrind --tool=callgrind --collect-atstart=no \
			--callgrind-out-file="$out/callgrind-$c/callgrind.out" \
			"$out/bench-$c" run >"$out/run-$c.log" 2>&1 ||
			fail "the benchmark of chain $c stopped (exit status $?) before it was done" \
				"$out/run-$c.log"
		dirs+=("$c=$out/callgrind-$c")
	done
	echo
	"$out/bench" chains "$out/report.md" "${dirs[@]}" || fail "the chains' table could not be made (above)"
fi
echo
echo "bench: $out/report.md, in $((SECONDS - start)) s (callgrind's profiles: $out/callgrind/)"
