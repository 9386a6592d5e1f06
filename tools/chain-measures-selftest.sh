#!/usr/bin/env bash
# chain-measures-selftest.sh - tools/chain-measures refuses what it cannot measure honestly:
# malformed blocks (an unknown attribute, no match=, a chain not written, a chain or a bootmem
# at a stage without it, bad NUMA sizes, a bad count, a block never closed, a bad regular
# expression) stop it, and so does a boot whose log lacks a line the
# table needs or has one malformed; a complete log gives the numbers it holds. With --boot, the
# determinism the table relies on: the stage-9 kernel booted twice under -icount prints the same
# time stamp counter readings, from the kernel's entry on, at every point of measure, in order
# (two QEMU boots, about 2 s).
set -euo pipefail

boot=no
case ${1-} in
--boot) boot=yes; shift ;;
esac
[ $# -eq 0 ] || { echo "usage: $0 [--boot]" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
say_failed() { echo "chain-measures self-test: FAILED: $*" >&2; failed=1; }

# refuse WORDS BLOCK...: the document made of the BLOCK lines must fail, saying WORDS.
refuse() {
	local words=$1
	shift
	printf '%s\n' "# t" "" "$@" "" >"$tmp/in.md"
	if python3 tools/chain-measures "$tmp/in.md" "$tmp/out.md" "$tmp/cache" >"$tmp/out" 2>&1; then
		say_failed "accepted: $*"
	elif ! grep -qF -- "$words" "$tmp/out"; then
		say_failed "refused without saying '$words': $*"
		cat "$tmp/out" >&2
	fi
}
refuse "unknown chain-measures attribute(s) colour" '```{.chain-measures mem=128M colour=red}' '```'
refuse "wants a count of pairs" '```{.chain-measures mem=128M acpi_like=0}' '```'
refuse "bad memory size" '```{.chain-measures mem=128M,lots}' '```'
refuse "is empty" '```{.chain-measures mem=128M}' 'a body' '```'
refuse "needs match=REGEX" '```{.bootlines stage=9 chain=full}' '```'
refuse "is not written" '```{.bootlines stage=9 chain=no-such-chain match="^x"}' '```'
refuse "chain= is for stage 9" '```{.bootlines stage=8 chain=no-bootmem match="^x"}' '```'
refuse "chain= is for stage 9" '```{.bootlines stage=10 chain=no-bootmem match="^x"}' '```'
refuse "bootmem= is one of" '```{.bootlines stage=9 bootmem=one-bitmap match="^x"}' '```'
refuse "bootmem= is one of" '```{.bootlines stage=10 bootmem=two-bitmaps match="^x"}' '```'
refuse "numa= takes QEMU node sizes" '```{.bootlines stage=10 numa=lots match="^x"}' '```'
refuse "allocs=N wants a count" '```{.node-measures allocs=0}' '```'
refuse "unknown node-measures attribute(s) chain" '```{.node-measures chain=full}' '```'
refuse "numa= takes QEMU node sizes" '```{.node-measures numa=256M,,256M}' '```'
refuse "is not a regular expression" '```{.bootlines stage=9 match="(("}' '```'
refuse "block never closed" '```{.bootlines stage=9 match="^x"}' 'text'

# A boot's log, checked by the tool's own reader (no boot).
python3 - "$tmp" <<'EOF' || failed=1
import importlib.machinery, sys
cm = importlib.machinery.SourceFileLoader("cm", "tools/chain-measures").load_module()
tmp, bad = sys.argv[1], []
good = """handoff: brk -> e820 total=10 free=8 reserved=2
measure: tsc entry 400
measure: tsc bootmem_rules 1000
measure: meta bootmem_rules brk=28 e820=1044 lmb=4288 bootmem=4092 buddy=0 slab=0
measure: tsc acpi_like_begin 1100
measure: tsc acpi_like_end 1600
acpi_like: 5 pairs (496 bytes) through alloc_bootmem, counted in bootmem: 4096 bytes lost
measure: tsc slab_up 2600
measure: meta slab_up brk=28 e820=1044 lmb=4288 bootmem=0 buddy=40 slab=8
handoff: buddy -> slab total=10 free=7 reserved=3
measure: tsc end 9000
measure: meta end brk=28 e820=1044 lmb=4288 bootmem=0 buddy=40 slab=8
measure: reserved end total=3 lmb=1 mem_map=1 slab=0 other=1
"""
def log(text):
    with open(tmp + "/boot.log", "w") as f:
        f.write(text)
    return tmp + "/boot.log"
b = cm.Boot(log(good), "good", 5)
if (b.instructions(), b.acpi[4], b.reserved["other"], b.meta["bootmem_rules"]["bootmem"],
        b.instructions("slab_up"), b.instructions("bootmem_rules")) != (8100, 4096, 1, 4092,
                                                                        1700, 600):
    bad.append("a complete log read wrong: {} {} {}".format(b.instructions(), b.acpi, b.ledger))
cases = [
    ("measure: tsc end 9000\n", "", "measure: tsc end"),
    ("measure: tsc entry 400\n", "", "measure: tsc entry"),
    ("measure: reserved end total=3 lmb=1 mem_map=1 slab=0 other=1\n", "", "measure: reserved end"),
    ("total=3 lmb=1", "total=4 lmb=1", "do not add up"),
    ("total=3 lmb=1", "total=3 lmb=x", "malformed line"),
    ("measure: tsc slab_up 2600\n", "", "measure: tsc slab_up"),
    ("acpi_like: 5 pairs", "acpi_like: 6 pairs", "with 5 pairs"),
    ("acpi_like: 5 pairs (496 bytes) through alloc_bootmem, counted in bootmem: 4096 bytes lost\n", "", "acpi_like:"),
    (" slab=8", "", "measure: meta end with"),
    ("handoff: brk -> e820 total=10 free=8 reserved=2\n", "", None),
    ("measure: tsc bootmem_rules 1000", "measure: tsc bootmem_rules 1e3", "malformed line"),
    ("bytes lost\n", "bytes gone\n", "malformed line"),
]
for old, new, words in cases:
    text = good.replace(old, new)
    if words is None:       # both ledger lines gone: no ledger at all
        text = "\n".join(l for l in text.split("\n") if not l.startswith("handoff:"))
        words = "handoff: ledger lines"
    try:
        cm.Boot(log(text), "case", 5)
        bad.append("a log without {!r} was accepted".format(old.strip()))
    except cm.Fatal as e:
        if words not in str(e):
            bad.append("a log without {!r} was refused without saying {!r}: {}".format(old.strip(), words, e))
for b in bad:
    print("chain-measures self-test: FAILED: " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF

if [ $boot = yes ]; then
	make -s STAGE=9 >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log" >&2; exit 1; }
	for i in 1 2; do
		tools/boot.sh -I 0 -c "measure acpi_like=100" -l "$tmp/boot$i.log" \
			-n "chain-measures self-test boot $i" build/stage09 >"$tmp/verdict$i" 2>&1 ||
			{ cat "$tmp/verdict$i" >&2; say_failed "boot $i under -icount failed"; }
		grep -a '^measure: tsc ' "$tmp/boot$i.log" >"$tmp/tsc$i" || true
	done
	points="entry bootmem_rules acpi_like_begin acpi_like_end slab_up end"
	if [ "$(awk '{printf "%s%s", (NR > 1 ? " " : ""), $3}' "$tmp/tsc1")" != "$points" ]; then
		say_failed "the boot printed 'measure: tsc' at $(awk '{print $3}' "$tmp/tsc1" | tr '\n' ' ')not at: $points"
	elif ! cmp -s "$tmp/tsc1" "$tmp/tsc2"; then
		say_failed "two boots of one kernel under -icount read different counters:"
		diff "$tmp/tsc1" "$tmp/tsc2" >&2 || true
	fi
fi

[ $failed = 0 ] || exit 1
[ $boot = no ] || extra=" (and two boots under -icount read the same counters)"
echo "chain-measures self-test: passed${extra-}"
