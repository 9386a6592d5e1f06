#!/usr/bin/env bash
# mkiso.sh KERNEL.elf OUT.iso [CMDLINE]
# Wrap a multiboot kernel in a GRUB ISO that boots it at once (no menu, no delay),
# passing CMDLINE.  Quiet on success; on failure prints grub-mkrescue's output.
set -euo pipefail

usage() { echo "usage: $0 KERNEL.elf OUT.iso [CMDLINE]" >&2; exit 2; }
if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
kernel=$1 out=$2 cmdline=${3-}
[ -f "$kernel" ] || { echo "$0: no such kernel: $kernel" >&2; exit 1; }
command -v grub-mkrescue >/dev/null || { echo "$0: grub-mkrescue not found (apt-get install grub-pc-bin grub-common xorriso mtools)" >&2; exit 1; }
command -v grub-file >/dev/null && ! grub-file --is-x86-multiboot "$kernel" &&
    { echo "$0: $kernel has no multiboot header" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkiso.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/iso/boot/grub"
cp "$kernel" "$tmp/iso/boot/kernel.elf"

# GRUB's shell expands $ and splits on spaces, and its multiboot loader re-quotes
# an argument that holds a space.  So each word of CMDLINE goes in single quotes
# of its own (a ' inside becomes '\'' as in sh); multiboot joins the words with
# single spaces.  (GRUB passes a ' or " inside a word on with a backslash.)
args=
read -r -a words <<< "$cmdline" || true
for w in "${words[@]}"; do
    args+=" '${w//\'/\'\\\'\'}'"
done
{
    echo "set timeout=0"
    echo "set timeout_style=hidden"
    echo "multiboot /boot/kernel.elf$args"
    echo "boot"
} > "$tmp/iso/boot/grub/grub.cfg"

# Same inputs give the same files; only grub-mkrescue's own volume date and
# UUID (taken from the clock) differ between two builds.
touch -h -d @0 "$tmp/iso/boot/kernel.elf" "$tmp/iso/boot/grub/grub.cfg"
mkdir -p "$(dirname "$out")"
if ! grub-mkrescue --locales= --fonts= --themes= --install-modules="multiboot normal" \
        -o "$out.tmp" "$tmp/iso" > "$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    rm -f "$out.tmp"
    echo "$0: grub-mkrescue failed for $kernel" >&2
    exit 1
fi
mv -f "$out.tmp" "$out"
