#!/usr/bin/env bash
# deps.sh install|doctor -- make sure the tools Handoff needs are here.
#
#   install: install what is missing with apt-get (as root, or through sudo); otherwise print
#            the exact apt-get line and fail.
#   doctor:  print each tool, its package and its version, or "missing"; then the optional
#            tools (not installed by `install`, not needed by make test), each with what it is
#            for, and "optional, not installed" when missing. Fails only when a needed one is.
#   packages: print every package Handoff needs (what .ci/run installs on a bare machine).
set -euo pipefail

# command  package  (one line each; the first word of `command --version` output is shown)
tools='
gcc             gcc-multilib
ld              binutils
make            make
notangle        noweb
qemu-system-i386 qemu-system-x86
bochs           bochs
grub-mkrescue   grub-common
xorriso         xorriso
mformat         mtools
pandoc          pandoc
weasyprint      weasyprint
python3         python3
valgrind        valgrind
patch           patch
'
# Optional: command  package  what for (make doctor shows them; nothing needs them)
optional='
gdb             gdb             make qemu-gdb: debugging a stage or an exercise copy
ccache          ccache          faster rebuilds of unchanged files (the exercise proofs; CI installs it)
'
# Files that a command alone does not prove: 32-bit libc and sanitizer runtimes, BIOS images.
files='
/usr/lib/gcc/x86_64-linux-gnu/12/32/libasan.so  gcc-multilib
/usr/lib32/libc.so.6                           gcc-multilib
/usr/lib/grub/i386-pc/cdboot.img               grub-pc-bin
/usr/share/bochs/BIOS-bochs-latest             bochsbios
/usr/share/vgabios/vgabios.bin                 vgabios
/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf            fonts-dejavu-core
/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf    fonts-dejavu-extra
'

missing_packages() {
	local cmd pkg
	while read -r cmd pkg; do
		[ -n "$cmd" ] || continue
		command -v "$cmd" >/dev/null 2>&1 || echo "$pkg"
	done <<<"$tools"
	while read -r f pkg; do
		[ -n "$f" ] || continue
		[ -e "$f" ] || echo "$pkg"
	done <<<"$files"
}

case ${1:-} in
install)
	pkgs=$(missing_packages | sort -u | tr '\n' ' ')
	[ -n "${pkgs// /}" ] || exit 0
	line="apt-get install -y --no-install-recommends $pkgs"
	echo "deps: missing packages: $pkgs"
	if [ "$(id -u)" = 0 ]; then
		apt-get update -q && DEBIAN_FRONTEND=noninteractive $line
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive $line
	else
		echo "deps: not root and no sudo; please run as root:" >&2
		echo "  apt-get update && $line" >&2
		exit 1
	fi
	left=$(missing_packages | sort -u | tr '\n' ' ')
	[ -z "${left// /}" ] || { echo "deps: still missing after install: $left" >&2; exit 1; }
	;;
doctor)
	while read -r cmd pkg; do
		[ -n "$cmd" ] || continue
		if command -v "$cmd" >/dev/null 2>&1; then
			case $cmd in
			notangle) v="noweb $(dpkg-query -W -f '${Version}' noweb 2>/dev/null || echo '?')" ;;
			bochs) v="bochs $(dpkg-query -W -f '${Version}' bochs 2>/dev/null || echo '?')" ;;
			*) v=$("$cmd" --version 2>&1 | sed -n 1p) ;;
			esac
			printf '  %-18s %-16s %s\n' "$cmd" "($pkg)" "$v"
		else
			printf '  %-18s %-16s MISSING\n' "$cmd" "($pkg)"
		fi
	done <<<"$tools"
	while read -r f pkg; do
		[ -n "$f" ] || continue
		if [ -e "$f" ]; then s=ok; else s=MISSING; fi
		printf '  %-46s %-16s %s\n' "$f" "($pkg)" "$s"
	done <<<"$files"
	echo "  optional:"
	while read -r cmd pkg why; do
		[ -n "$cmd" ] || continue
		if command -v "$cmd" >/dev/null 2>&1; then
			v=$("$cmd" --version 2>&1 | sed -n 1p)
		else
			v="optional, not installed (apt-get install $pkg)"
		fi
		printf '  %-18s %-16s %s\n' "$cmd" "($pkg)" "$v"
		printf '  %-18s %-16s %s\n' "" "" "for $why"
	done <<<"$optional"
	[ -z "$(missing_packages)" ]
	;;
packages)
	{ awk 'NF == 2 { print $2 }' <<<"$tools"; awk 'NF == 2 { print $2 }' <<<"$files"; } | sort -u
	;;
*)
	echo "usage: $0 install|doctor|packages" >&2
	exit 2
	;;
esac
