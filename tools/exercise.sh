#!/usr/bin/env bash
# exercise.sh start|check|prove chNN-M [DIR]
# exercise.sh qemu|qemu-gdb|bochs chNN-M [tools/boot.sh options]
# exercise.sh diff chNN-M OLD NEW PATCH
#
#   start chNN-M [DIR]  make a working copy for the student (default work/chNN-M): chapters 01..NN
#                       with the exercise's starter.patch applied, and the handout. Never
#                       overwrites an existing copy.
#   check chNN-M [DIR]  tangle the copy's chapters plus the exercise's tests (always taken fresh
#                       from exercises/, so a student cannot weaken them), build, boot in QEMU and
#                       say which of the exercise's tests fail. Exit 0 pass, 1 the tests fail,
#                       2 the copy does not build or boot to a verdict.
#   qemu|qemu-gdb|bochs chNN-M [OPTS]   build work/chNN-M as check does and boot it
#                       interactively (make qemu EX=chNN-M): QEMU, QEMU waiting for gdb (with
#                       work/chNN-M/build/.gdbinit, whose sources are the copy's chapters), Bochs.
#                       OPTS (e.g. -m 256M -c memdump) come after exercises/chNN/M/boot.
#   diff chNN-M OLD NEW PATCH   write PATCH: the chapters of tree NEW against those of OLD
#                       (diff -u, labels a/chapters/NN-x.nw b/chapters/NN-x.nw; how the
#                       starter and solution patches are made; tools/refresh-exercises uses it).
#   prove chNN-M        what `make test` runs: a fresh starter must build, boot and fail its
#                       tests (exit 1, not 2), and starter + solutions/chNN/M/solution.patch must
#                       pass them.
#
# An exercise lives in exercises/chNN/M/: README.md (the handout, also printed in the book),
# test.nw (KTEST cases appended after the chapters, with a Kbuild line), starter.patch
# (optional; against chapters/). Its solution: solutions/chNN/M/solution.patch, against the
# starter. Optional exercises/chNN/M/boot: extra tools/boot.sh options (e.g. -m 512M).
# Optional exercises/chNN/M/chain: the chain of chapter 9 the exercise builds (make CHAIN=;
# full when absent).
#
# HIDDEN_TESTS=FILE (check and prove): more KTEST cases, in test.nw's format, tangled after
# test.nw and reported with its tests: an instructor's hidden tests (labs/hidden/chNN-M.nw,
# which tools/grade.py passes; the student edition leaves them out).
#
# Paths in what it prints (compiler errors, test diagnostics, logs) are relative to
# $HANDOFF_CWD (make sets it to the directory make runs in), else to the current directory.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() {
	echo "usage: $0 start|check|prove chNN-M [DIR]" >&2
	echo "       $0 qemu|qemu-gdb|bochs chNN-M [tools/boot.sh options]" >&2
	echo "       $0 diff chNN-M OLD NEW PATCH" >&2
	echo "       $0 self-test" >&2
	exit 2
}
# test_result SERIAL NAME: "ok", "not ok" or "none", the KTAP result of test NAME in the text
# SERIAL. The text is searched as a string, never through a pipe: `tr <log | grep -q` under
# pipefail fails when grep quits at its match before tr has written the rest (SIGPIPE), which a
# log longer than the pipe's buffer made happen under load (the ch03-3 flake).
test_result() {
	if grep -qE "^ok [0-9]+ $2( |\$)" <<<"$1"; then echo ok
	elif grep -qE "^not ok [0-9]+ $2( |\$)" <<<"$1"; then echo "not ok"
	else echo none
	fi
}

# self_test: test_result on a log far longer than a pipe's buffer, with the result early in it.
self_test() {
	local log i
	log=$(printf 'KTAP version 1\n1..2\nok 1 early_test\n'; for ((i = 0; i < 20000; i++)); do
		printf '# filler line %d of a long boot log\n' "$i"; done; printf 'not ok 2 late_test # 1 failed\n')
	[ "$(test_result "$log" early_test)" = ok ] || { echo "self-test: early_test not found ok" >&2; return 1; }
	[ "$(test_result "$log" late_test)" = "not ok" ] || { echo "self-test: late_test not found failing" >&2; return 1; }
	[ "$(test_result "$log" absent_test)" = none ] || { echo "self-test: absent_test found" >&2; return 1; }
	[ "$(test_result "$log" early)" = none ] || { echo "self-test: a prefix of a name matched" >&2; return 1; }
	echo "exercise.sh self-test: passed (a ${#log}-byte log)"
}

if [ "${1:-}" = self-test ] && [ $# -eq 1 ]; then self_test; exit; fi
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
exercise_tests() {
	grep -ohE 'KTEST\([A-Za-z0-9_]+\)' "$exdir/test.nw" ${HIDDEN_TESTS:+"$HIDDEN_TESTS"} |
		sed 's/KTEST(\(.*\))/\1/'
}
if [ -n "${HIDDEN_TESTS:-}" ]; then [ -f "$HIDDEN_TESTS" ] && HIDDEN_TESTS=$(realpath "$HIDDEN_TESTS") || {
	echo "exercise: HIDDEN_TESTS=$HIDDEN_TESTS: no such file" >&2; exit 2; }
fi

# Paths as the student types them: relative to the directory make was started in (make passes
# HANDOFF_CWD=$(CURDIR)), or this script's own; absolute when outside it.
here=${HANDOFF_CWD:-$PWD}
rel() {
	local p r
	p=$(realpath -m "$1")
	r=$(realpath -m --relative-to="$here" "$p")
	case $r in ..*) echo "$p" ;; *) echo "$r" ;; esac
}

# fixpaths DIR: rewrite what the compiler, tangle and the tests say about files of the copy
# DIR (chapters/NN-x.nw:LINE, build/...: relative to DIR, where they ran) and of the repository
# (absolute) so that each opens the right file from $here.
fixpaths() {
	local c r q
	c=$(rel "$1"); [ "$c" = . ] && c= || c=$c/
	r=$(rel "$root"); [ "$r" = . ] && r= || r=$r/
	q=$(printf '%s' "$root/" | sed 's/[][\.*^$|]/\\&/g')
	sed -E -e "s|(^\|[^[:alnum:]_./-])(chapters/[0-9][0-9]-[[:alnum:]_-]+\.nw)|\1$c\2|g" \
	       -e "s|(^\|[^[:alnum:]_./-])(build/)|\1$c\2|g" \
	       -e "s|$q|$r|g"
}

# build DIR [TARGETS]: tangle the copy's chapters and the exercise's tests, make TARGETS
# (kernel). The last build's kernel and log go first.
build() {
	local d=$1 b=$1/build
	shift
	[ -d "$d/chapters" ] || { echo "exercise: no working copy in $(rel "$d") (make exercise EX=$ex)" >&2; exit 2; }
	mkdir -p "$b"
	rm -f "$b/build.log" "$b/kernel.elf" "$b/handoff.iso"
	cp "$exdir/test.nw" "$b/exercise-test.nw"
	rm -f "$b/exercise-hidden.nw"
	[ -z "${HIDDEN_TESTS:-}" ] || cp "$HIDDEN_TESTS" "$b/exercise-hidden.nw"
	local chain=full
	[ ! -f "$exdir/chain" ] || read -r chain <"$exdir/chain"
	if ! (cd "$d" && "$root/tools/tangle.sh" build/src chapters/*.nw build/exercise-test.nw \
		${HIDDEN_TESTS:+build/exercise-hidden.nw} &&
	      make -s -f "$root/tools/kernel.mk" SRC=build/src OUT=build CHAIN="$chain" \
		   "${@:-kernel}") >"$b/build.log" 2>&1; then
		fixpaths "$d" <"$b/build.log" >&2
		echo "$ex: does not build (log: $(rel "$b/build.log"))" >&2
		return 2
	fi
}

# why LOG VERDICT: one paragraph on why tests have no result, from the serial log (a panic)
# or the verdict line (a hang, a triple fault, an emulator that died).
why() {
	local log=$1 verdict=$2 kernel panics n addr where
	kernel=$(dirname "$log")/kernel.elf
	panics=$(tr -d '\r' <"$log" | grep -nE '^panic: ' || true)
	if [ -n "$panics" ]; then
		n=${panics%%:*}
		echo "  The kernel panicked at line $n of $(rel "$log"), so the tests that had not reported never ran."
		tr -d '\r' <"$log" | sed -n "$(( n > 4 ? n - 4 : 1 )),$(( n - 1 ))p" |
			grep -vE "^# ($(exercise_tests | paste -sd'|' -)): " | sed 's/^/          /' || true
		printf '%s\n' "$panics" | cut -d: -f2- | sed 's/^/      >   /'
		# "called from" is the address of the call (chapter 1's panic); its chapter line.
		addr=$(printf '%s\n' "$panics" | grep -oE 'called from 0x[0-9a-f]+' | sed -n 1p | cut -d' ' -f3)
		if [ -n "$addr" ] && [ -f "$kernel" ]; then
			where=
			if command -v gdb >/dev/null; then
				where=$(gdb -nx -batch -ex "info line *$addr" "$kernel" 2>/dev/null |
					sed -nE 's/^Line ([0-9]+) of "([^"]+)".*<([^+>]+).*/\2:\1, in \3()/p' | sed -n 1p)
			elif command -v addr2line >/dev/null; then
				where=$(addr2line -f -e "$kernel" "$addr" | paste -sd' ' -)
			fi
			[ -z "$where" ] || echo "      >   the call: $(fixpaths "$(dirname "$log")/.." <<<"$where")"
		fi
	elif grep -q ' hang: ' <<<"$verdict"; then
		echo "  The kernel hung: no verdict line before tools/boot.sh's timeout. The last line it printed:"
		echo "          $(tr -d '\r' <"$log" | grep -v '^[[:space:]]*$' | tail -n 1)"
	elif grep -q 'triple fault' <<<"$verdict"; then
		echo "  The CPU triple-faulted (an exception while handling an exception: a bad pointer"
		echo "  or stack, before panic could say anything); QEMU reset and stopped. The last line:"
		echo "          $(tr -d '\r' <"$log" | grep -v '^[[:space:]]*$' | tail -n 1)"
		echo "  QEMU's own log, with the registers at the fault: $(rel "$log.qemu")"
	else
		echo "  The boot ended without a result for them:"
		printf '%s\n' "$verdict" | sed 's/^/          /'
	fi
}

check() {	# check DIR
	local d=$1 b=$1/build log opts=() t bad=0 verdict v=yes missing=0 serial
	log=$b/boot.log
	# What the last check left goes first: a copy that no longer builds must not show an old verdict.
	rm -f "$b/verdict" "$log" "$log".*
	build "$d" kernel || return 2
	[ -f "$exdir/boot" ] && read -r -a opts <"$exdir/boot"
	"$root/tools/boot.sh" -e qemu -k kernel -n "$ex" -l "$log" "${opts[@]}" "$b" >"$b/verdict" 2>&1 || true
	verdict=$(fixpaths "$d" <"$b/verdict")
	serial=$(tr -d '\r' <"$log")
	grep -qE '^stage [0-9]+ \([^)]+\): (PASS|FAIL)' <<<"$serial" || v=no
	for t in $(exercise_tests); do
		case $(test_result "$serial" "$t") in
		ok)	echo "  ok      $t"; continue ;;
		"not ok") echo "  FAILED  $t" ;;
		*)
			echo "  FAILED  $t   (no result: the kernel stopped before it reported)"
			missing=1 ;;
		esac
		grep -E "^# $t: " <<<"$serial" | sed 's/^/          /' | fixpaths "$d" || true
		bad=1
	done
	others=$(grep -E '^not ok ' <<<"$serial" | grep -vwFf <(exercise_tests) || true)
	if [ -n "$others" ]; then
		echo "  and tests of the chapters fail now:"
		while read -r _ _ _ t _; do
			echo "  FAILED  $t"
			grep -E "^# $t: " <<<"$serial" | sed 's/^/          /' | fixpaths "$d" || true
		done <<<"$others"
		bad=1
	fi
	if [ $missing = 1 ] || [ $v = no ]; then why "$log" "$verdict"; fi
	if [ $v = no ]; then
		echo "$ex: the kernel did not boot to a verdict (serial log: $(rel "$log"))" >&2
		return 2
	fi
	if [ $bad = 0 ]; then echo "$ex: PASS"; return 0; fi
	echo "$ex: FAIL (serial log: $(rel "$log"))"
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
qemu|qemu-gdb|bochs)
	d=$root/work/$ex
	shift 2
	opts=()
	[ -f "$exdir/boot" ] && read -r -a opts <"$exdir/boot"
	build "$d" kernel || exit 2
	case $cmd in
	qemu) mode=(-i -e qemu) ;;
	qemu-gdb) mode=(-g -e qemu -s "$d") ;;
	bochs) mode=(-i -e bochs) ;;
	esac
	cd "$here"	# the paths below and in boot.sh's messages are relative to it
	exec "$root/tools/boot.sh" "${mode[@]}" -n "$ex" -l "$d/build/$cmd.log" ${opts[@]+"${opts[@]}"} "$@" "$(rel "$d/build")"
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
