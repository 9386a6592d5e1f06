#!/usr/bin/env bash
# boot.sh - boot one stage kernel once, in QEMU or Bochs, and judge the boot.
#
#   tools/boot.sh [options] STAGEDIR          (STAGEDIR = build/stageNN, or
#                                              build/stageNN-CHAIN: a variant of chapter 9)
#
#   -e, --emu qemu|bochs       emulator (qemu)
#   -m, --mem MEM              guest memory, e.g. 16M, 1G, 3584M (128M)
#   -M, --machine pc|q35       QEMU machine (pc); Bochs is always its own PC
#   -c, --cmdline TEXT         kernel command line (none)
#   -k, --media kernel|iso     QEMU: -kernel ELF, or the GRUB ISO (kernel);
#                              Bochs always boots the ISO.  An ISO with another
#                              command line than STAGEDIR/handoff.iso is built
#                              next to the log.
#   -t, --timeout S            seconds before the boot counts as a hang
#                              (60 for QEMU, 120 for Bochs)
#   -l, --log FILE             serial log (STAGEDIR/../logs/stageNN-EMU-MACHINE-MEM-MEDIA.log);
#                              FILE.qemu / FILE.bochs / FILE.out hold the emulator's own logs
#   -x, --expect TOKEN         an expectation for tools/judge.py (repeatable):
#                              mmap, above4g, match=RE, nomatch=RE, outcome=KIND
#   -n, --name TEXT            label for the verdict line
#   -i, --interactive          serial on the terminal, no timeout (make qemu / make bochs)
#   -g, --gdb                  QEMU waits for gdb on tcp::$(( $(id -u) % 5000 + 25000 ))
#                              and STAGEDIR/.gdbinit is written (make qemu-gdb); run
#                              `gdb -x STAGEDIR/.gdbinit` (gdb's auto-load safe-path keeps
#                              a plain `gdb` from reading a .gdbinit it finds)
#   -s, --source-dir DIR       where gdb finds chapters/NN-name.nw (the repository;
#                              an exercise's working copy for make qemu-gdb EX=chNN-M)
#   -N, --numa SIZES           QEMU: NUMA nodes in the firmware's SRAT, one size per node,
#                              comma-separated (256M,256M: nodes 0 and 1); a size of 0 makes a
#                              node without memory (and with a CPU of its own, as every node
#                              gets: -smp is the node count); the sizes must add up to -m
#   -I, --icount SHIFT         QEMU: -icount shift=SHIFT, the guest's clock (and its time
#                              stamp counter) advancing 2^SHIFT ns per instruction: with 0,
#                              rdtsc counts guest instructions, the same in every boot
#                              (tools/chain-measures, chapter 9)
#
# Prints one verdict line (see tools/judge.py) and exits 0 only on a pass.
set -euo pipefail

usage() {
    echo "usage: $0 [-e qemu|bochs] [-m MEM] [-M pc|q35] [-c CMDLINE] [-k kernel|iso]" \
         "[-t SECONDS] [-I SHIFT] [-N SIZES] [-l LOG] [-x EXPECT]... [-n NAME] [-s SRCDIR] [-i|-g] STAGEDIR" >&2
    exit 2
}

tools=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$tools/.." && pwd)

emu=qemu mem=128M machine=pc cmdline='' media='' timeout='' log='' name='' mode=batch srcdir=$root
icount='' numa=''
expects=()
while [ $# -gt 0 ]; do
    case $1 in
        -e|--emu)       [ $# -ge 2 ] || usage; emu=$2; shift 2 ;;
        -m|--mem)       [ $# -ge 2 ] || usage; mem=$2; shift 2 ;;
        -M|--machine)   [ $# -ge 2 ] || usage; machine=$2; shift 2 ;;
        -c|--cmdline)   [ $# -ge 2 ] || usage; cmdline=$2; shift 2 ;;
        -k|--media)     [ $# -ge 2 ] || usage; media=$2; shift 2 ;;
        -t|--timeout)   [ $# -ge 2 ] || usage; timeout=$2; shift 2 ;;
        -l|--log)       [ $# -ge 2 ] || usage; log=$2; shift 2 ;;
        -x|--expect)    [ $# -ge 2 ] || usage; expects+=("$2"); shift 2 ;;
        -n|--name)      [ $# -ge 2 ] || usage; name=$2; shift 2 ;;
        -s|--source-dir) [ $# -ge 2 ] || usage; srcdir=$(cd "$2" && pwd); shift 2 ;;
        -I|--icount)    [ $# -ge 2 ] || usage; icount=$2; shift 2 ;;
        -N|--numa)      [ $# -ge 2 ] || usage; numa=$2; shift 2 ;;
        -i|--interactive) mode=interactive; shift ;;
        -g|--gdb)       mode=gdb; shift ;;
        --emu=*|--mem=*|--machine=*|--cmdline=*|--media=*|--timeout=*|--log=*|--expect=*|--name=*|--source-dir=*|--icount=*|--numa=*)
                        opt=${1%%=*}; val=${1#*=}; shift; set -- "$opt" "$val" "$@" ;;
        -h|--help)      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*)             usage ;;
        *)              break ;;
    esac
done
[ $# -eq 1 ] || usage
stagedir=${1%/}

case $emu in qemu|bochs) ;; *) echo "$0: emulator must be qemu or bochs, not '$emu'" >&2; exit 2 ;; esac
case $machine in pc|q35|-) ;; *) echo "$0: machine must be pc or q35, not '$machine'" >&2; exit 2 ;; esac
case $icount in ''|[0-9]|10) ;; *) echo "$0: --icount takes a shift of 0 to 10, not '$icount'" >&2; exit 2 ;; esac
if [ -n "$numa" ] && { [ "$emu" != qemu ] || ! [[ $numa =~ ^[0-9]+[KMG]?(,[0-9]+[KMG]?)*$ ]]; }; then
    echo "$0: --numa takes QEMU node sizes, e.g. 256M,256M (Bochs has no NUMA: fake_numa=)" >&2
    exit 2
fi
if [ -n "$icount" ] && [ "$emu" != qemu ]; then
    echo "$0: --icount is QEMU's (Bochs has no such clock)" >&2
    exit 2
fi
[ "$machine" = - ] && machine=pc
if [ "$emu" = bochs ]; then
    [ "$machine" = pc ] || { echo "$0: Bochs has no machine '$machine' (only pc)" >&2; exit 2; }
    [ "${media:-iso}" = iso ] || { echo "$0: Bochs boots only the ISO" >&2; exit 2; }
    [ "$mode" = gdb ] && { echo "$0: --gdb is for QEMU (Bochs has its own debugger: make bochs)" >&2; exit 2; }
    media=iso
fi
media=${media:-kernel}
case $media in kernel|iso) ;; *) echo "$0: media must be kernel or iso, not '$media'" >&2; exit 2 ;; esac
[ "$cmdline" = - ] && cmdline=
[[ $mem =~ ^[0-9]+[KMGkmg]?$ ]] || { echo "$0: bad memory size '$mem' (e.g. 128M, 1G)" >&2; exit 2; }
[[ $mem =~ ^[0-9]+$ ]] && mem=${mem}M
mem=${mem^^}
if [ -z "$timeout" ]; then
    if [ "$emu" = qemu ]; then timeout=60; else timeout=120; fi
fi

kernel=$stagedir/kernel.elf
[ -f "$kernel" ] || { echo "$0: no $kernel (build it: make STAGE=n)" >&2; exit 1; }
stagebase=$(basename "$stagedir")
stage= chain=
if [[ $stagebase =~ ^stage0*([0-9]+)(-([a-z][a-z-]*))?$ ]]; then
    stage=${BASH_REMATCH[1]} chain=${BASH_REMATCH[3]}
fi

# Names: stage01-qemu-pc-128M-kernel[-CMDHASH]
tag="$stagebase-$emu"
[ "$emu" = qemu ] && tag+="-$machine"
tag+="-$mem-$media"
[ -n "$cmdline" ] && tag+="-$(printf '%s' "$cmdline" | cksum | cut -c1-8)"
[ -n "$log" ] || log=$(dirname "$stagedir")/logs/$tag.log
logdir=$(dirname "$log")
mkdir -p "$logdir"
label="$stagebase $emu"
[ "$emu" = qemu ] && label+=" $machine"
label+=" $mem $media"
[ -n "$name" ] && label=$name
[ -n "$cmdline" ] && [ -z "$name" ] && label+=" '$cmdline'"
rm -f "$log" "$log.qemu" "$log.bochs" "$log.out" "$log.bochsrc" "$log.rc"

# The ISO: the stage's own when its command line is ours and it is not older
# than the kernel; otherwise one built for this run next to the log.
iso=
if [ "$media" = iso ]; then
    iso=$stagedir/handoff.iso
    want_cfg=$(mktemp); have_cfg=$(mktemp)
    trap 'rm -f "$want_cfg" "$have_cfg"' EXIT
    fresh=no
    if [ -f "$iso" ] && [ ! "$iso" -ot "$kernel" ] &&
       xorriso -osirrox on -indev "$iso" -extract /boot/grub/grub.cfg "$have_cfg" >/dev/null 2>&1; then
        # What mkiso.sh would write for this command line:
        words=() args=
        read -r -a words <<< "$cmdline" || true
        for w in ${words[@]+"${words[@]}"}; do args+=" '${w//\'/\'\\\'\'}'"; done
        if grep -qxF "multiboot /boot/kernel.elf$args" "$have_cfg"; then fresh=yes; fi
    fi
    if [ $fresh = no ]; then
        iso=${log%.log}.iso
        "$tools/mkiso.sh" "$kernel" "$iso" "$cmdline"
    fi
fi

# At most two guests on this machine at once, whoever starts them (make check,
# make test, exercise proofs, two terminals): a batch boot first takes one of
# two lock slots, held until it exits.  BOOT_SLOTS=n changes the number.
take_slot() {
    local dir i
    dir=${TMPDIR:-/tmp}/handoff-boot-slots-$(id -u)
    mkdir -p "$dir"
    while :; do
        for ((i = 0; i < ${BOOT_SLOTS:-2}; i++)); do
            exec {slot_fd}>"$dir/slot$i"
            if flock -n "$slot_fd"; then return 0; fi
            exec {slot_fd}>&-
        done
        sleep 0.1
    done
}

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

judge() {   # judge STATUS TIMED_OUT SECONDS
    local j=(--emu "$emu" --status "$1" --timeout "$timeout" --mem "$mem"
             --label "$label" --seconds "$3")
    [ "$2" = yes ] && j+=(--timed-out)
    [ -n "$stage" ] && j+=(--stage "$stage")
    [ -n "$chain" ] && j+=(--chain "$chain")
    for f in "$log.qemu" "$log.bochs" "$log.out"; do [ -f "$f" ] && j+=(--emu-log "$f"); done
    for x in ${expects[@]+"${expects[@]}"}; do j+=(--expect "$x"); done
    python3 "$tools/judge.py" "$log" "${j[@]}"
}

status=0
timed_out=no
if [ "$emu" = qemu ]; then
    # shellcheck disable=SC2054  # commas belong to -device
    q=(qemu-system-i386 -M "$machine" -m "$mem" -display none -nic none
       -device isa-debug-exit,iobase=0xf4,iosize=0x04 -no-reboot
       -d cpu_reset -D "$log.qemu")
    [ -z "$icount" ] || q+=(-icount "shift=$icount,sleep=off")
    if [ -n "$numa" ]; then
        IFS=, read -r -a sizes <<<"$numa"
        q+=(-smp "${#sizes[@]}")
        for i in "${!sizes[@]}"; do
            if [ "${sizes[$i]}" = 0 ]; then
                q+=(-numa "node,nodeid=$i,cpus=$i")
            else
                q+=(-object "memory-backend-ram,id=m$i,size=${sizes[$i]}"
                    -numa "node,nodeid=$i,cpus=$i,memdev=m$i")
            fi
        done
    fi
    if [ "$media" = kernel ]; then
        q+=(-kernel "$kernel")
        [ -n "$cmdline" ] && q+=(-append "$cmdline")
    else
        q+=(-cdrom "$iso" -boot d)
    fi
    if [ "$mode" = batch ]; then
        take_slot
        start=$(date +%s.%N)
        timeout -k 5 "$timeout" "${q[@]}" -serial "file:$log" </dev/null >"$log.out" 2>&1 || status=$?
        secs=$(elapsed "$start")
        [ $status = 124 ] || [ $status = 137 ] && timed_out=yes
        judge "$status" "$timed_out" "$secs"
        exit $?
    fi
    # Interactive and gdb: serial (and the QEMU monitor, Ctrl-A c) on the terminal,
    # also copied to the log so the boot can be judged when QEMU exits.
    q+=(-chardev "stdio,id=con,mux=on,signal=on,logfile=$log" -serial chardev:con -mon chardev=con)
    if [ "$mode" = gdb ]; then
        port=$(( $(id -u) % 5000 + 25000 ))
        absk=$(cd "$(dirname "$kernel")" && pwd)/kernel.elf
        gdbinit=$stagedir/.gdbinit
        shown=$(realpath -m --relative-to=. "$gdbinit")
        case $shown in ..*) shown=$(realpath -m "$gdbinit") ;; esac
        gdbdir=$(cd "$stagedir" && pwd)
        {
            cat <<EOF
# written by tools/boot.sh --gdb: symbols of this kernel, sources from $srcdir
# (the #line directives name chapters/NN-name.nw), QEMU's gdb stub.
#
# Start gdb with this file:   gdb -x $shown
# A plain 'gdb' in this directory does not read it: gdb's auto-load safe-path refuses a
# .gdbinit it finds. To allow it here, put in ~/.config/gdb/gdbinit:
#   add-auto-load-safe-path $gdbdir
# (or "set auto-load safe-path /" to allow every directory).
set architecture i386
file $absk
directory $srcdir
target remote localhost:$port
EOF
            # The interface names are macros that pass the caller's name (__func__) to a
            # function, so "break lmb_alloc" finds nothing: list the functions to break on.
            if [ -d "$stagedir/src/include" ]; then
                nm "$absk" 2>/dev/null | python3 -c '
import re, sys, glob
funcs = {l.split()[2] for l in sys.stdin if len(l.split()) == 3 and l.split()[1] in "Tt"}
macros = {}
for h in sorted(glob.glob(sys.argv[1] + "/**/*.h", recursive=True)):
    text = open(h, errors="replace").read().replace("\\\n", " ")
    for m in re.finditer(r"^#define ([A-Za-z_]\w*)\(([^)]*)\)(.*)$", text, re.M):
        macros.setdefault(m.group(1), m.group(3))
def target(name, depth=0):
    """The function a macro ends in, and whether __func__ is passed on the way."""
    body = macros[name]
    for c in re.findall(r"([A-Za-z_]\w*)\s*\(", body):
        if c in funcs:
            return c, "__func__" in body
        if c in macros and c != name and depth < 4:
            f, caller = target(c, depth + 1)
            if f:
                return f, caller or "__func__" in body
    return None, False
by = {}
for name in macros:
    f, caller = target(name)
    if f and caller:
        by.setdefault(f, []).append(name)
if by:
    print("#")
    print("# The allocators\x27 interface names are macros over functions that take the caller\x27s")
    print("# name (__func__), so \x27break lmb_alloc\x27 finds nothing. Break on the function:")
    for f in sorted(by):
        print("#   break %-24s # %s" % (f, ", ".join(sorted(by[f]))))
    print("# (\x27info functions lmb\x27 lists the functions whose names hold lmb.)")
' "$stagedir/src/include" || true
            fi
        } > "$gdbinit"
        q+=(-S -gdb "tcp::$port")
        echo "boot.sh: QEMU waits for gdb on localhost:$port; in another terminal:" >&2
        echo "    gdb -x $shown      (Ctrl-A x quits QEMU)" >&2
        echo "  (plain 'gdb' does not read that .gdbinit: auto-load safe-path; the file says how to allow it)" >&2
    else
        echo "boot.sh: $label (Ctrl-A x quits, Ctrl-A c the QEMU monitor)" >&2
    fi
    start=$(date +%s.%N)
    "${q[@]}" || status=$?
    judge "$status" no "$(elapsed "$start")" || exit $?
    exit 0
fi

# Bochs: a bochsrc per run from the template, the debugger told to continue
# (and, headless, to quit if anything ever drops into it).
n=${mem%[KMG]}
case $mem in *K) megs=$((n / 1024)) ;; *G) megs=$((n * 1024)) ;; *) megs=$n ;; esac
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
sed -e "s|@MEGS@|$megs|" -e "s|@ISO@|$(abs "$iso")|" -e "s|@SERIAL@|$(abs "$log")|" \
    -e "s|@LOG@|$(abs "$log").bochs|" -e "s|@MAGIC@|$([ $mode = batch ] && echo 0 || echo 1)|" \
    "$tools/bochsrc.in" > "$log.bochsrc"
: > "$log"
if [ "$mode" = batch ]; then
    printf 'c\nquit\n' > "$log.rc"
    take_slot
    start=$(date +%s.%N)
    timeout -k 5 "$timeout" bochs -q -f "$log.bochsrc" -rc "$log.rc" </dev/null >"$log.out" 2>&1 || status=$?
    secs=$(elapsed "$start")
    [ $status = 124 ] || [ $status = 137 ] && timed_out=yes
    judge "$status" "$timed_out" "$secs"
    exit $?
fi
# Interactive: the kernel's port 0xE9 copy of the serial output comes out on
# Bochs' console; Ctrl-C drops into the Bochs debugger ("c" goes on, "q" quits).
printf 'c\n' > "$log.rc"
echo "boot.sh: $label (Ctrl-C: Bochs debugger; VGA over VNC on localhost:5900)" >&2
start=$(date +%s.%N)
bochs -q -f "$log.bochsrc" -rc "$log.rc" || status=$?
judge "$status" no "$(elapsed "$start")" || exit $?
