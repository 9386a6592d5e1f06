#!/usr/bin/env bash
# deps.sh install|doctor -- make sure the tools Handoff needs are here.
#
#   install: install what is missing with apt-get (as root, or through sudo); otherwise print
#            the exact apt-get line and fail. Then the web book's npm packages (v86, the boot
#            panels' emulator; playwright-core, which drives Chromium in make test): `npm ci` in
#            book/web when book/web/node_modules is missing or does not match package-lock.json.
#   doctor:  print each tool, its package and its version, or "missing"; then the optional
#            tools (not installed by `install`, not needed by make test), each with what it is
#            for, and "optional, not installed" when missing. Fails only when a needed one is.
#   packages: print every package Handoff needs (what .ci/run installs on a bare machine); a node
#            or npm already on the PATH (NodeSource's, nvm's) is kept: nodejs and npm are then
#            left out.
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
chromium        chromium
node            nodejs
npm             npm
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

# The web book's npm packages (book/web/package.json, locked by package-lock.json).
web=$(cd "$(dirname "${BASH_SOURCE[0]}")/../book/web" && pwd)

# node_modules matches package-lock.json: every locked package there, at its locked version
# (npm ci writes node_modules/.package-lock.json, the list of what it installed)
npm_fresh() {
	command -v node >/dev/null 2>&1 || return 1
	node -e '
		const fs = require("fs"), d = process.argv[1];
		let lock, got;
		try {
			lock = JSON.parse(fs.readFileSync(d + "/package-lock.json"));
			got = JSON.parse(fs.readFileSync(d + "/node_modules/.package-lock.json"));
		} catch (e) { process.exit(1); }
		for (const [k, v] of Object.entries(lock.packages || {}))
			if (k && (!got.packages[k] || got.packages[k].version !== v.version ||
				  !fs.existsSync(d + "/" + k + "/package.json")))
				process.exit(1);' "$web"
}

npm_install() {
	npm_fresh && return 0
	command -v npm >/dev/null 2>&1 || { echo "deps: npm is missing (apt-get install npm)" >&2; return 1; }
	echo "deps: npm ci in book/web (v86, playwright-core)"
	(cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || {
		echo "deps: npm ci in book/web failed" >&2; return 1; }
	npm_fresh || { echo "deps: book/web/node_modules still does not match package-lock.json" >&2; return 1; }
}

case ${1:-} in
install)
	pkgs=$(missing_packages | sort -u | tr '\n' ' ')
	if [ -z "${pkgs// /}" ]; then
		npm_install
		exit
	fi
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
	npm_install
	;;
doctor)
	while read -r cmd pkg; do
		[ -n "$cmd" ] || continue
		if command -v "$cmd" >/dev/null 2>&1; then
			case $cmd in
			notangle) v="noweb $(dpkg-query -W -f '${Version}' noweb 2>/dev/null || echo '?')" ;;
			bochs) v="bochs $(dpkg-query -W -f '${Version}' bochs 2>/dev/null || echo '?')" ;;
			chromium) v=$(chromium --version 2>/dev/null | sed -n 1p) ;;
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
	mods=
	for m in v86 playwright-core; do
		v=$(node -p "require('$web/node_modules/$m/package.json').version" 2>/dev/null) || v=missing
		mods="$mods $m $v"
	done
	if npm_fresh; then s="ok:$mods"; else s="not installed or stale:$mods (make deps runs npm ci)"; fi
	printf '  %-18s %-16s %s\n' "book/web" "(npm ci)" "$s"
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
	{ awk 'NF == 2 { print $1, $2 }' <<<"$tools" | while read -r cmd pkg; do
		case $cmd in node|npm) ! command -v "$cmd" >/dev/null 2>&1 || continue ;; esac
		echo "$pkg"
	  done
	  awk 'NF == 2 { print $2 }' <<<"$files"; } | sort -u
	;;
*)
	echo "usage: $0 install|doctor|packages" >&2
	exit 2
	;;
esac
