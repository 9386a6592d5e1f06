#!/usr/bin/env bash
# test.sh - everything CI needs (make test), one line per case while it runs,
# the failures again at the end with their logs, `N passed, N failed` last.
#
#   tools/test.sh [-k REGEX] [-l]
#     -k REGEX   run only the cases whose name matches REGEX (e.g. -k 'boot stage01')
#     -l         list the cases and their commands, run nothing
#
# Cases, in order: tangle check; build of every stage (one per chapters/NN-*.nw), host tests
# and the self-tests of judge.py, exercise.sh and nw2md, the sources check (tools/check-sources), two at a time; then, two at a time, the book, the boot matrix
# (tests/boot/matrix) of every stage, a check that make bench still builds and runs its checks, and the proof of
# every exercise (exercises/chNN/M/: tools/exercise.sh prove chNN-M), those of the labs through
# the labs' cases: the student edition built and checked, its own make test's starters, each
# lab solved, grade-all on five synthetic submissions. The summary gives the time of each group of cases.
# Logs: build/test-logs/ (the boots' serial logs in build/test-logs/boot/).
set -euo pipefail

usage() { echo "usage: $0 [-k REGEX] [-l]" >&2; exit 2; }
keep='' list=no
while getopts k:lh opt; do
    case $opt in
        k) keep=$OPTARG ;;
        l) list=yes ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

cd "$(dirname "${BASH_SOURCE[0]}")/.."
logs=build/test-logs
rm -rf "$logs"
mkdir -p "$logs"
cases=$logs/cases.tsv
: > "$cases"

# case NAME SLOTS COMMAND  (log: build/test-logs/NAME-as-a-file-name.log)
n=0
case_() {
    local name=$1 slots=$2 cmd=$3
    n=$((n + 1))
    local slug
    slug=$(printf '%02d-%s' "$n" "$name" | tr -cs 'A-Za-z0-9.-' '-' | sed 's/-$//')
    printf '%s\t%s\t%s\t-\t%s\n' "$name" "$slots" "$logs/$slug.log" "$cmd" >> "$cases"
}
note() { printf '#NOTE %s\n' "$*" >> "$cases"; }
# group LABEL REGEX: the cases whose name matches REGEX are timed together in the summary.
group() { printf '#GROUP %s\t%s\n' "$1" "$2" >> "$cases"; }

group tangle '^tangle check$'
group builds '^build stage '
group host '^(host tests|judge self-test|exercise.sh self-test|nw2md self-test|book-web self-test|sources check|bench check)$'
group 'boots qemu' '^boot stage[0-9]+(-[a-z-]+)? qemu '
group 'boots bochs' '^boot stage[0-9]+(-[a-z-]+)? bochs '
group proofs '^exercise ch[0-9]+-[0-9]+ proof$'
group labs '^(student edition.*|lab [0-9]+ (starters|solved)|grade-all self-test|grade self-test)$'
group book '^book$'

case_ "tangle check" 1 "make -s tangle-check"

# Two at a time from here on (the machine has two cores): first what boots nothing -- the
# stage builds, the host tests --, then, once every stage is built (#WAIT), the book (the
# longest case, so it starts first and runs beside the rest), the boot matrix and the exercise
# proofs. Every guest, a boot's or a proof's or the book's figures', takes one of the two
# global guest slots of tools/boot.sh.
stages=$(find chapters -maxdepth 1 -name '[0-9][0-9]-*.nw' 2>/dev/null | wc -l)
[ "$stages" -gt 0 ] || note "no chapters/NN-*.nw yet: no stage to build or boot"
# The variants: chapter 9's chains (make STAGE=9 CHAIN=NAME), built and booted at stage 9 only
# (stage 10 builds on the full chain), and chapter 10's one-bitmap bootmem (make STAGE=10
# BOOTMEM=one-bitmap), built at every stage from 10 on. A variant boots the whole matrix at its
# own first stage; at later stages (and make test's one-bitmap at 10 too) only the lines of
# stage 10 on and the units lines: the older lines test the chain before the nodes, the same
# code in both bootmems (make check STAGE=10 BOOTMEM=one-bitmap boots every line).
variants="no-bootmem early-kmalloc bootmem-over-kmalloc"
# variants_of STAGE: "NAME:MAKE-VARIABLE:SINCE" for each variant of that stage, the default first
variants_of() {
    echo "full:CHAIN:0"
    if [ "$1" -eq 9 ]; then for c in $variants; do echo "$c:CHAIN:0"; done; fi
    if [ "$1" -ge 10 ]; then echo "one-bitmap:BOOTMEM:10"; fi
}
for s in $(seq 1 "$stages"); do
    case_ "build stage $s" 2 "make -s STAGE=$s"
    for v in $(variants_of "$s"); do
        IFS=: read -r name var _ <<< "$v"
        [ "$name" = full ] || case_ "build stage $s ${var,,} $name" 2 "make -s STAGE=$s $var=$name"
    done
done
case_ "host tests" 2 "make -s host-test"
case_ "judge self-test" 2 "python3 tools/judge.py --self-test"
case_ "exercise.sh self-test" 2 "tools/exercise.sh self-test"
case_ "nw2md self-test" 2 "tools/nw2md-selftest.sh"
case_ "book-web self-test" 2 "python3 tools/book-web --self-test"
case_ "sources check" 1 "tools/check-sources --self-test && tools/check-sources"
# The labs (labs/labN.lab). With solutions/ (the book's repository): the student edition is
# built and checked (no hunk of a solution in it) before the #WAIT, for the cases after it.
labs=$(python3 tools/grade.py numbers)
case_ "grade self-test" 2 "python3 tools/grade.py self-test"
if [ -d solutions ]; then
    case_ "student edition" 2 "tools/student-edition self-test && tools/student-edition build && tools/student-edition check"
fi
printf '#WAIT\n' >> "$cases"

# The book, then the web book in Chromium (links, layout, every stage booted in its page).
case_ "book" 2 "make -s book && make -s book-check"
# After the #WAIT: host-lib again is a no-op once the host tests built it, and nothing else
# writes build/host/ from here on.
case_ "bench check" 2 "make -s host-lib && tools/bench/bench.sh --check"
# After the #WAIT too: it builds stage 9 (a no-op by now) and boots it twice under -icount.
case_ "chain-measures self-test" 2 "tools/chain-measures-selftest.sh --boot"

# Bochs, four to ten times slower than QEMU here, boots a line at the line's own stage and at the
# last stage (and the units lines everywhere); QEMU boots every line at every stage. `make check
# STAGE=n` boots every line in both.
for s in $(seq 1 "$stages"); do
  bochs_since=$s
  [ "$s" -eq "$stages" ] && bochs_since=0
  for v in $(variants_of "$s"); do
    IFS=: read -r name var since <<< "$v"
    if [ "$var" = BOOTMEM ]; then sel=(--bootmem "$name" --since "$since"); else sel=(--chain "$name"); fi
    sel+=(--bochs-since "$bochs_since")
    python3 tools/bootmatrix.py --logdir "$logs/boot" "${sel[@]}" "$s" |
    while IFS=$'\t' read -r name slots log show cmd; do
        printf 'boot %s\t%s\t%s\t%s\t%s\n' "$name" "$slots" "$log" "$show" "$cmd"
    done >> "$cases"
  done
done

# The proofs run two at a time, like the boots (each proof works in a directory of its own);
# one at a time they were a third of make test. Two at once once made the solution of ch03-3
# "fail" ex33_update_in_a_full_map with no diagnostic: the test passed, but exercise.sh read the
# serial log through `tr | grep -q` under pipefail, and grep quitting at its match killed tr
# with SIGPIPE when the log outgrew the pipe's buffer and the load let grep catch up. The log is
# now searched as a string (exercise.sh's test_result), and "exercise.sh self-test" above
# checks that on a log far longer than a pipe holds.
#
# An exercise of a lab is proved by its lab's cases: its starter fails (lab N starters, which
# the student edition's own make test runs), and with its solution it passes, the hidden tests
# too (lab N solved, graded in the student edition). The others are proved one by one.
# Without solutions/ (the student edition), only the starters are checked.
in_labs=$(python3 tools/grade.py exercises)
if [ -d solutions ]; then
    # The student edition's own make test, as a student runs it, limited to the cases its
    # tree's difference from this one can change (the rest are this tree's files, byte for
    # byte, which tools/student-edition check has compared): its tangle check, its starters.
    case_ "student edition make test" 1 "cd build/student-edition && tools/test.sh -k '^(tangle check|lab [0-9]+ starters)\$'"
    for n in $labs; do
        case_ "lab $n solved" 2 "python3 tools/grade.py solved $n --root build/student-edition --solutions solutions --hidden labs/hidden --out $logs/grade-solved"
    done
    case_ "grade-all self-test" 2 "tools/grade-all --self-test"
    for d in $(find exercises -mindepth 2 -maxdepth 2 -type d -path 'exercises/ch[0-9]*/*' | sort); do
        ch=$(basename "$(dirname "$d")") m=$(basename "$d")
        grep -qxF "$ch-$m" <<< "$in_labs" ||
            case_ "exercise $ch-$m proof" 2 "tools/exercise.sh prove $ch-$m"
    done
else
    note "no solutions/ here (the student edition): each lab's starters are checked, the exercises are not proved"
    for n in $labs; do
        case_ "lab $n starters" 2 "python3 tools/grade.py starters $n --out $logs/grade-starters"
    done
fi

if [ $list = yes ]; then
    awk -F'\t' '/^#(GROUP|WAIT)/ { next } /^#NOTE/ { print; next } { printf "%-40s %s\n", $1, $5 }' "$cases"
    exit 0
fi
exec python3 tools/runcases.py -j 2 ${keep:+-k "$keep"} "$cases"
