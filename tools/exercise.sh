#!/usr/bin/env bash
# exercise.sh start|check|prove chNN-M [DIR]
#
#   start chNN-M [DIR]  make a working copy for the student (default work/chNN-M): chapters 01..NN
#                       with the exercise's starter.patch applied, and the handout. Never
#                       overwrites an existing copy.
#   check chNN-M [DIR]  tangle the copy's chapters plus the exercise's tests (always taken fresh
#                       from exercises/, so a student cannot weaken them), build, boot in QEMU and
#                       say which of the exercise's tests fail. Exit 0 pass, 1 the tests fail,
#                       2 the copy does not build or boot to a verdict.
#   prove chNN-M        what `make test` runs: a fresh starter must build, boot and fail its
#                       tests (exit 1, not 2), and starter + solutions/chNN/M/solution.patch must
#                       pass them.
#
# An exercise lives in exercises/chNN/M/: README.md (the handout, also printed in the book),
# test.nw (KTEST cases appended after the chapters, with a Kbuild line), starter.patch
# (optional; against chapters/). Its solution: solutions/chNN/M/solution.patch, against the
# starter. Optional exercises/chNN/M/boot: extra tools/boot.sh options (e.g. -m 512M).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() { echo "usage: $0 start|check|prove chNN-M [DIR]" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1 ex=$2 dir=${3:-}
[[ $ex =~ ^ch([0-9][0-9])-([0-9]+)$ ]] || { echo "exercise: '$ex' is not of the form chNN-M (e.g. ch01-1)" >&2; exit 2; }
ch=${BASH_REMATCH[1]} num=${BASH_REMATCH[2]}
exdir=$root/exercises/ch$ch/$num
soldir=$root/solutions/ch$ch/$num
[ -d "$exdir" ] || { echo "exercise: no exercise $ex (no $exdir)" >&2; exit 2; }

start() {	# start DIR: the starter working copy
	local d=$1 c n
	if [ -e "$d" ]; then
		echo "exercise: $d already exists; it may hold your work. Remove it to start over." >&2
		exit 2
	fi
	mkdir -p "$d/chapters"
	for c in "$root"/chapters/[0-9][0-9]-*.nw; do
		n=$(basename "$c")
		[ "$((10#${n:0:2}))" -le "$((10#$ch))" ] || continue	# chapters 01..NN only
		cp "$c" "$d/chapters/"
	done
	if [ -f "$exdir/starter.patch" ]; then
		patch -s -d "$d" -p1 --no-backup-if-mismatch <"$exdir/starter.patch" ||
			{ echo "exercise: starter.patch of $ex does not apply to chapters/" >&2; exit 2; }
	fi
	cp "$exdir/README.md" "$d/README.md"
}

# The names of the exercise's own tests: every KTEST(name) in its test.nw.
exercise_tests() { grep -oE 'KTEST\([A-Za-z0-9_]+\)' "$exdir/test.nw" | sed 's/KTEST(\(.*\))/\1/'; }

check() {	# check DIR
	local d=$1 b=$1/build log opts=() t bad=0
	[ -d "$d/chapters" ] || { echo "exercise: no working copy in $d (make exercise EX=$ex)" >&2; exit 2; }
	mkdir -p "$b"
	cp "$exdir/test.nw" "$b/exercise-test.nw"
	if ! (cd "$d" && "$root/tools/tangle.sh" build/src chapters/*.nw build/exercise-test.nw &&
	      make -s -f "$root/tools/kernel.mk" SRC=build/src OUT=build kernel) >"$b/build.log" 2>&1; then
		cat "$b/build.log" >&2
		echo "$ex: does not build (log: $b/build.log)" >&2
		return 2
	fi
	[ -f "$exdir/boot" ] && read -r -a opts <"$exdir/boot"
	log=$b/boot.log
	"$root/tools/boot.sh" -e qemu -k kernel -n "$ex" -l "$log" "${opts[@]}" "$b" >"$b/verdict" 2>&1 || true
	if ! grep -qE '^stage [0-9]+ \([a-z0-9-]+\): (PASS|FAIL)' <(tr -d '\r' <"$log"); then
		cat "$b/verdict" >&2
		echo "$ex: the kernel did not boot to a verdict (log: $log)" >&2
		return 2
	fi
	for t in $(exercise_tests); do
		if tr -d '\r' <"$log" | grep -qE "^ok [0-9]+ $t( |\$)"; then
			echo "  ok      $t"
		else
			echo "  FAILED  $t"
			tr -d '\r' <"$log" | grep -E "^# $t: " | sed 's/^/          /' || true
			bad=1
		fi
	done
	others=$(tr -d '\r' <"$log" | grep -E '^not ok ' | grep -vwFf <(exercise_tests) || true)
	if [ -n "$others" ]; then
		echo "  and tests of the chapters fail now:"
		printf '%s\n' "$others" | sed 's/^/          /'
		bad=1
	fi
	if [ $bad = 0 ]; then echo "$ex: PASS"; return 0; fi
	echo "$ex: FAIL (boot log: $log)"
	return 1
}

case $cmd in
start)
	d=${dir:-$root/work/$ex}
	start "$d"
	echo "Exercise $ex is ready in ${d#"$root"/}/: the handout is README.md there."
	echo "Edit ${d#"$root"/}/chapters/*.nw, then run: make check-exercise EX=$ex"
	;;
check)
	d=${dir:-$root/work/$ex}
	check "$d"
	;;
prove)
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/prove-$ex.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	start "$tmp/starter" >/dev/null
	set +e; check "$tmp/starter"; s=$?; set -e
	case $s in
	0) echo "prove $ex: the starter already passes its own tests" >&2; exit 1 ;;
	2) echo "prove $ex: the starter does not build or boot" >&2; exit 1 ;;
	esac
	[ -f "$soldir/solution.patch" ] || { echo "prove $ex: no $soldir/solution.patch" >&2; exit 1; }
	patch -s -d "$tmp/starter" -p1 --no-backup-if-mismatch <"$soldir/solution.patch" ||
		{ echo "prove $ex: solution.patch does not apply to the starter" >&2; exit 1; }
	rm -rf "$tmp/starter/build"
	check "$tmp/starter" || { echo "prove $ex: the solution fails its tests" >&2; exit 1; }
	echo "prove $ex: starter fails, solution passes"
	;;
diff)
	[ $# -eq 5 ] || usage
	a=$3 b=$4 out=$5
	: >"$out.tmp"
	for f in "$b"/chapters/*.nw; do
		n=chapters/$(basename "$f")
		diff -u --label "a/$n" --label "b/$n" "$a/$n" "$f" >>"$out.tmp" || true
	done
	mv "$out.tmp" "$out"
	;;
*) usage ;;
esac
