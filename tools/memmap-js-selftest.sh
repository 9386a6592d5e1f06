# tools/memmap-js-selftest.sh: book/web/memmap.js draws what tools/memmap-figures draws.
#
#     tools/memmap-js-selftest.sh
#
# The web book redraws a figure of physical memory from the reader's own boot
# with book/web/memmap.js, a mirror of the drawing in tools/memmap-figures.
# For each case this compares, byte for byte, the stdout, stderr and exit
# status of
#
#     tools/memmap-figures --svg LOG [ARGS]     and     node book/web/memmap-cli.js LOG [ARGS]
#
# for every cached boot of the book (build/book/figures/*.memmap), with no
# options and with the owners= and window= the chapters' ```{.memmap ...}
# blocks give for its stage; then for synthetic logs written below (overlaps,
# tiny and huge ranges, addresses above 4 GiB and up to 2^64, unknown states,
# rounding ties, window cuts, malformed lines and other errors); then the line
# under a figure (how_made() and the note on the scale) against
# HandoffMemmap.describe.  One line per case, a summary, status 1 on any
# difference.
#
# Two processes per case would take a minute on a busy machine, so the cases
# are listed first and run inside one python3 (the tool's main()) and one node
# (memmap-cli.js's run()); two cases also run both commands for real, which
# covers what is left: stdout, stderr and the exit status of the processes.
set -u
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
started=$(date +%s.%N)
: >"$tmp/cases"

# check EXPECT NAME LOG [ARGS...]: a case for --svg; both sides must agree and end as
# EXPECT (svg: status 0, error: status 1).
check() {
    local IFS=$'\t'
    echo "svg	$*" >>"$tmp/cases"
}

# describe NAME LOG STAGE MEM MACHINE CMDLINE OWNERS WINDOW: how_made() + note = describe().
describe() {
    local IFS=$'\t'
    echo "describe	svg	$*" >>"$tmp/cases"
}

# log NAME: stdin -> $tmp/NAME.log (a here-doc, or printf for bytes a here-doc should not hold).
log() {
    cat >"$tmp/$1.log"
}

# --------------------------------------------------------------------------
# 1. The book's cached boots, with the chapters' options for their stage

shopt -s nullglob
cached=(build/book/figures/*.memmap)
[ ${#cached[@]} != 0 ] || check svg "the book's cached boots: there are none in build/book/figures/*.memmap (build the book once: tools/book.sh)" /nonexistent

# stage<TAB>owners<TAB>window for every ```{.memmap} block, read by the tool's own parser.
python3 - chapters/*.nw >"$tmp/blocks" <<'PY'
import importlib.machinery, re, sys
tool = importlib.machinery.SourceFileLoader("memmap_figures", "tools/memmap-figures").load_module()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for first, last, fig, chapter in tool.find_figures(lines, path):
        print("{}\t{}\t{}".format(fig.stage, ",".join(fig.owners), fig.window_text))
PY

for memmap in "${cached[@]}"; do
    stage=$(basename "$memmap" | sed -E 's/^stage0*([0-9]+)-.*/\1/')
    check svg "$(basename "$memmap") (no options)" "$memmap"
    while IFS=$'\t' read -r s owners window; do
        [ "$s" = "$stage" ] || continue
        args=()
        [ -z "$owners" ] || args+=("owners=$owners")
        [ -z "$window" ] || args+=("window=$window")
        check svg "$(basename "$memmap") ${args[*]}" "$memmap" "${args[@]}"
    done < <(sort -u "$tmp/blocks")
done

# --------------------------------------------------------------------------
# 2. Synthetic logs

log overlap <<'EOF'
Handoff stage 99 (a made-up boot; lines that are not memmap: lines are ignored)
memmap: lmb.reserved 0x1000 0x9000 reserved
memmap: lmb.reserved 0x2000 0x3000 allocated
memmap: lmb.reserved 0x2800 0x8000 reserved
memmap: lmb.reserved 0x2900 0x2a00 free
memmap: lmb.reserved 0x9000 0xa000 reserved
memmap: lmb.memory 0x0 0x100000 usable
  memmap: indented 0x0 0x1 usable
EOF
check svg "overlapping ranges of one owner: four lanes" "$tmp/overlap.log"
check svg "overlap, owners in another order" "$tmp/overlap.log" "owners=lmb.memory lmb.reserved"
check svg "overlap, one owner" "$tmp/overlap.log" owners=lmb.reserved

log huge <<'EOF'
memmap: firmware 0x0 0x1 reserved
memmap: firmware 0x1 0x9fc00 usable
memmap: firmware 0x100000 0xbffe0000 usable
memmap: firmware 0x100000000 0x4000000000 usable
memmap: firmware 0xfd00000000 0x10000000000 reserved
memmap: firmware 0x7fffffffffff0000 0x8000000000000000 usable
memmap: firmware 0xfffffffffffff000 0xffffffffffffffff reserved
memmap: firmware 0xffffffffffffffff 0x10000000000000000 reserved
memmap: numa 0x0 0x8000000000000000 node0
memmap: numa 0x8000000000000000 0xfffffffffffffff1 node1
memmap: numa 0xfffffffffffffff1 0x10000000000000000 node2
EOF
check svg "tiny and huge ranges, above 4 GiB, up to 2^64" "$tmp/huge.log"
check svg "near 2^64, windowed" "$tmp/huge.log" "window=0xffffffffffff0000-0x10000000000000000"
check svg "above 4 GiB, window in G" "$tmp/huge.log" owners=firmware window=4G-1024G

log states <<'EOF'
memmap: weird 0x0 0x1000 pinned
memmap: weird 0x1000 0x2000 hotplug
memmap: weird 0x2000 0x3000 persistent
memmap: weird 0x3000 0x4000 acpi-nvs
memmap: weird 0x4000 0x5000 unusable
memmap: weird 0x5000 0x6000 x<y&z'"
memmap: weird 0x6000 0x7000 node3
memmap: weird 0x7000 0x8000 node2
memmap: weird 0x8000 0x9000 bad-ram
memmap: weird 0x9000 0xa000 réservé
memmap: weird 0xa000 0xb000 ✓kept
memmap: weird 0xb000 0xc000 🙂
memmap: <owner&"quoted"> 0x0 0xc000 usable
EOF
check svg "unknown states: every fallback, escaping, non-ASCII" "$tmp/states.log"

# Sizes whose "≈" figures are ties: 1.125 KiB, 10.25 KiB, 100.5 KiB, 2.5 MiB + 1.5 KiB...
log ties <<'EOF'
memmap: ties 0x0 0x480 usable
memmap: ties 0x480 0x2c80 reserved
memmap: ties 0x2c80 0x1c080 free
memmap: ties 0x1c080 0x2a0680 allocated
memmap: ties 0x2a0680 0x2a0681 reserved
memmap: ties 0x300000 0x300020 reserved
EOF
check svg "sizes rounded half to even (1.125 KiB -> 1.12)" "$tmp/ties.log"

log equal <<'EOF'
memmap: even 0x0 0x1000 usable
memmap: even 0x1000 0x2000 reserved
memmap: even 0x2000 0x3000 usable
EOF
check svg "equal intervals: all drawn the same width" "$tmp/equal.log"

for i in $(seq 0 49); do
    printf 'memmap: many 0x%x 0x%x %s\n' $((i * 4096)) $((i * 4096 + 4096 - (i % 3) * 1024)) \
        "$( [ $((i % 2)) = 0 ] && echo usable || echo reserved )"
done >"$tmp/many.log"
check svg "many intervals: too many for 16 units each" "$tmp/many.log"

{
    for i in $(seq 0 12); do
        printf 'memmap: owner-with-a-rather-long-name-%d 0x%x 0x%x state%d\n' \
            "$i" $((i << 20)) $(((i + 1) << 20)) "$i"
    done
} >"$tmp/legend.log"
check svg "long owner names, a legend on several lines, a label cut at 12" "$tmp/legend.log"

log window <<'EOF'
memmap: e820 0x0 0x9fc00 usable
memmap: e820 0x9fc00 0xa0000 reserved
memmap: e820 0xf0000 0x100000 reserved
memmap: e820 0x100000 0x7fe0000 usable
memmap: early_res 0x9f000 0x100000 reserved
memmap: early_res 0x100000 0x125334 reserved
EOF
check svg "window cuts ranges at both edges" "$tmp/window.log" window=0x9f800-0x100800
check svg "window in K and M, wider than the ranges" "$tmp/window.log" window=512K-256M
check svg "window with spaces" "$tmp/window.log" "window= 0x1000 - 0x2000 "
check svg "window in decimal with a leading zero" "$tmp/window.log" window=0640K-01M
check svg "window and owners" "$tmp/window.log" owners=early_res window=1M-2M
check svg "owners=, with commas and spaces" "$tmp/window.log" "owners=early_res, e820"
check svg "owners= empty: every owner" "$tmp/window.log" owners=
check svg "given twice: the last wins" "$tmp/window.log" window=0-1 window=0-1M
check error "window with no range in it" "$tmp/window.log" window=0x8000000-0x9000000
check error "window without a dash" "$tmp/window.log" window=0x1000
check error "window empty" "$tmp/window.log" window=
check error "window backwards" "$tmp/window.log" window=2M-1M
check error "window with a bad address" "$tmp/window.log" window=0x-2M
check error "window with a unit Python does not know" "$tmp/window.log" window=0-1T
check error "window in other digits" "$tmp/window.log" window=٠-1M
check error "window with quotes" "$tmp/window.log" "window=it's-\"2M\""
check error "an owner not printed" "$tmp/window.log" owners=e820,nosuch,other
check error "an option --svg does not take" "$tmp/window.log" color=red
check error "an option without =" "$tmp/window.log" owners

log endings <<'EOF'
memmap: crlf 0x0 0x1000 usable
EOF
printf 'memmap: crlf 0x1000 0x2000 reserved\r\nmemmap: cr 0x0 0x10 usable\rmemmap: cr 0x10 0x20 free\r' \
    >>"$tmp/endings.log"
printf 'memmap: space 0x0 0x10 usable \t \nmemmap: space 0x10 0x20 reserved\x1c\x1d\xc2\xa0\n' \
    >>"$tmp/endings.log"
printf 'memmap: bom 0x0 0x10 usable\xef\xbb\xbf\nmemmap: bad\xff\xfeutf8 0x0 0x10 us\xe2\x82able' \
    >>"$tmp/endings.log"
check svg "CRLF, CR, Python's whitespace, a BOM, bad UTF-8, no last newline" "$tmp/endings.log"

bad=0
malformed() {   # malformed NAME LINE (printf format): after a good line, one that is not
    bad=$((bad + 1))
    { echo "memmap: fine 0x0 0x1000 usable"; printf "$2"; echo; } >"$tmp/bad$bad.log"
    check error "malformed: $1" "$tmp/bad$bad.log"
}
malformed "no state" 'memmap: a 0x0 0x10'
malformed "no 0x" 'memmap: a 0 10 usable'
malformed "two spaces" 'memmap: a  0x0 0x10 usable'
malformed "a word too many" 'memmap: a 0x0 0x10 usable extra'
malformed "not hex" 'memmap: a 0x0 0x1g usable'
malformed "no space after the colon" 'memmap:a 0x0 0x10 usable'
malformed "end before start" 'memmap: a 0x10 0x0 usable'
malformed "empty range" 'memmap: a 0x10 0x10 usable'
malformed "beyond 2^64" 'memmap: a 0x0 0x10000000000000001 usable'
malformed "quotes and a tab" "memmap: it's \"odd\"\\t0x0"
malformed "only a single quote" "memmap: it's"
malformed "a backslash, DEL, a control" 'memmap: a\\b\x7f\x01 0x0'
malformed "non-ASCII and bad UTF-8" 'memmap: r\xc3\xa9serv\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x99\x82 \xff 0x'
malformed "a BOM instead of a space" 'memmap: a\xef\xbb\xbf0x0 0x10 usable'

log nolines <<'EOF'
Handoff stage 1 (boot)
no map here
EOF
check error "no memmap lines" "$tmp/nolines.log"
check error "no memmap lines, an empty file" /dev/null
check error "a log that is not there" "$tmp/missing.log"
check error "a log that is a directory" "$tmp"
check error "a bad window comes before a missing log" "$tmp/missing.log" window=2-1

# --------------------------------------------------------------------------
# 3. The line under a figure: how_made() + the note, against HandoffMemmap.describe

describe "describe: no options" "$tmp/window.log" 3 128M pc memdump "" ""
describe "describe: owners and a window" "$tmp/window.log" 3 4g q35 "quiet" "e820 early_res" 0-2M
describe "describe: equal widths" "$tmp/equal.log" 10 512 pc "memdump fake_numa=0:0-128M" "" ""

# --------------------------------------------------------------------------
# Run every case on both sides, then compare

python3 - "$tmp/cases" "$tmp/python.json" <<'PY'
import importlib.machinery, io, json, sys
tool = importlib.machinery.SourceFileLoader("memmap_figures", "tools/memmap-figures").load_module()

def describe(log, stage, mem, machine, cmdline, owners, window):
    attrs = {"stage": stage, "mem": mem, "machine": machine, "cmdline": cmdline, "owners": owners}
    if window:
        attrs["window"] = window
    try:
        fig = tool.Figure(attrs, None, "", log)
        svg, note = tool.render(tool.read_memmap(log, log), fig.owners, fig.window, "fig", log)
    except tool.Fatal as e:
        sys.stderr.write("memmap-figures: {}\n".format(e))
        return 1
    print(tool.how_made(fig) + " " + note)
    return 0

with open(sys.argv[1], encoding="utf-8") as cases, open(sys.argv[2], "w") as results:
    for case in cases:
        kind, expect, name, *args = case.rstrip("\n").split("\t")
        saved, sys.stdout, sys.stderr = (sys.stdout, sys.stderr), io.StringIO(), io.StringIO()
        try:
            status = tool.main(["memmap-figures", "--svg"] + args) if kind == "svg" else describe(*args)
        except Exception as e:          # a traceback from the tool itself
            status = "traceback: {!a}".format(e)
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()
        sys.stdout, sys.stderr = saved
        results.write(json.dumps({"status": status, "stdout": out, "stderr": err}) + "\n")
PY

node - "$tmp/cases" "$tmp/node.json" <<'JS'
const fs = require("fs");
const cli = require(process.cwd() + "/book/web/memmap-cli.js");
const M = require(process.cwd() + "/book/web/memmap.js");

function describe(log, stage, mem, machine, cmdline, owners, win) {
  try {
    const ranges = M.parse(fs.readFileSync(log).toString("utf8"), log);
    const line = M.describe(ranges, {stage: Number(stage), mem, machine, cmdline, where: log,
                                     owners: M.splitOwners(owners), window: win || null});
    return {status: 0, stdout: line + "\n", stderr: ""};
  } catch (e) {
    return {status: 1, stdout: "", stderr: "memmap-figures: " + e.message + "\n"};
  }
}

const results = [];
for (const c of fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)) {
  const [kind, expect, name, ...args] = c.split("\t");
  let r;
  try {
    r = kind === "svg" ? cli.run(args) : describe(...args);
  } catch (e) {
    r = {status: "exception: " + e.stack, stdout: "", stderr: ""};
  }
  results.push(JSON.stringify(r) + "\n");
}
fs.writeFileSync(process.argv[3], results.join(""));
JS

# Two cases as real processes: the same bytes on stdout and stderr, the same status.
processes() {   # processes NAME LOG [ARGS...]
    local name=$1
    shift
    python3 tools/memmap-figures --svg "$@" >"$tmp/p.out" 2>"$tmp/p.err"
    echo $? >"$tmp/p.status"
    node book/web/memmap-cli.js "$@" >"$tmp/n.out" 2>"$tmp/n.err"
    echo $? >"$tmp/n.status"
    for part in out err status; do
        if ! cmp -s "$tmp/p.$part" "$tmp/n.$part"; then
            echo "FAIL $name: the processes' $part differ" >>"$tmp/processes"
            return
        fi
    done
    echo "ok   $name ($(wc -c <"$tmp/p.out") bytes, status $(cat "$tmp/p.status"))" >>"$tmp/processes"
}
: >"$tmp/processes"
first=${cached[0]:-$tmp/overlap.log}
processes "as processes: $(basename "$first")" "$first"
processes "as processes: a malformed line" "$tmp/bad1.log"

python3 - "$tmp/cases" "$tmp/python.json" "$tmp/node.json" "$started" "$tmp/processes" <<'PY'
import json, sys, time
cases = [c.rstrip("\n").split("\t") for c in open(sys.argv[1], encoding="utf-8")]
py = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
js = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
failed = 0
for (kind, expect, name, *args), p, n in zip(cases, py, js):
    problem = None
    if p["stdout"] != n["stdout"]:
        a, b = p["stdout"].split("\n"), n["stdout"].split("\n")
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        problem = "stdout differs at line {}: python {!a} node {!a}".format(
            k + 1, (a[k:k + 1] or [""])[0][:200], (b[k:k + 1] or [""])[0][:200])
    elif p["stderr"] != n["stderr"]:
        problem = "stderr differs: python {!a} node {!a}".format(p["stderr"][:300], n["stderr"][:300])
    elif p["status"] != n["status"]:
        problem = "status differs: python {} node {}".format(p["status"], n["status"])
    elif expect == "svg" and p["status"] != 0:
        problem = "expected an SVG, both failed: {}".format(p["stderr"].strip()[:200])
    elif expect == "error" and p["status"] == 0:
        problem = "expected an error, both drew"
    if problem:
        failed += 1
        print("FAIL {}: {}".format(name, problem))
    elif p["status"] == 0:
        print("ok   {} ({} bytes)".format(name, len(p["stdout"].encode())))
    else:
        print("ok   {} (status {}: {})".format(name, p["status"], p["stderr"].strip()[:110]))
for line in open(sys.argv[5], encoding="utf-8"):
    print(line, end="")
    failed += line.startswith("FAIL")
total = len(cases) + 2
print("memmap-js-selftest: {} passed, {} failed, {} cases in {:.1f} s".format(
    total - failed, failed, total, time.time() - float(sys.argv[4])))
sys.exit(1 if failed or len(py) != len(cases) or len(js) != len(cases) else 0)
PY
