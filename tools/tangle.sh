#!/usr/bin/env bash
# tangle.sh OUTDIR CHAPTER.nw... -- write every root chunk of the chapters into OUTDIR.
#
# A root chunk is a file: <<kernel/main.c>>= becomes OUTDIR/kernel/main.c. C, assembler and
# linker-script files carry #line directives (notangle -L) so that compiler errors and gdb point
# into the .nw file; make fragments keep their tabs (-t8). A file is rewritten only when its
# contents change (cpif), so make rebuilds only what a chapter edit touched. Files in OUTDIR that
# no chapter defines any more are removed. Any noweb error fails the whole run: a half-tangled
# tree must never reach the compiler.
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 OUTDIR CHAPTER.nw..." >&2
	exit 2
fi
out=$1; shift
mkdir -p "$out"

# noroots prints <<name>> per root; a root that is not a file name is a chunk that is defined
# but never used -- almost always a typo in a chunk name, so it is an error, not a file.
roots=$(noroots "$@" | sed -e 's/^<<//' -e 's/>>$//')
[ -n "$roots" ] || { echo "tangle: no root chunks in $*" >&2; exit 1; }

status=0
declare -A wanted=()
while IFS= read -r root; do
	if ! [[ $root =~ ^[A-Za-z0-9_.+/-]+$ && ( $root == */* || $root == *.* || $root == Kbuild ) ]]; then
		echo "tangle: chunk <<$root>> is defined but never used (and is not a file name)" >&2
		status=1
		continue
	fi
	case $root in
	*.c|*.h|*.S|*.lds.S) opts=(-L) ;;
	Kbuild|*.mk|Makefile) opts=(-t8) ;;
	*) opts=() ;;
	esac
	mkdir -p "$out/$(dirname "$root")"
	tmp=$(mktemp)
	# notangle prints "undefined chunk name" and still writes partial output: check its status.
	if ! notangle "${opts[@]}" -R"$root" "$@" >"$tmp" 2>"$tmp.err" || [ -s "$tmp.err" ]; then
		echo "tangle: $root:" >&2
		cat "$tmp.err" >&2
		rm -f "$tmp" "$tmp.err"
		exit 1		# one error is reported once, not once per file
	elif grep -n '@<<' "$tmp" >"$tmp.err"; then
		# noweb leaves the escape @<< alone on a line where an unescaped << came first.
		echo "tangle: $root: an @<< escape survived tangling (write << unescaped on a line" \
			"without >>, or escape every << of the line):" >&2
		echo "tangle: $root:" >&2
		cat "$tmp.err" >&2
		rm -f "$tmp" "$tmp.err"
		exit 1		# one error is reported once, not once per file
	else
		cmp -s "$tmp" "$out/$root" 2>/dev/null || cp "$tmp" "$out/$root"
	fi
	rm -f "$tmp" "$tmp.err"
	wanted[$root]=1
done <<<"$roots"

# Remove files that no chapter produces any more (a renamed chunk must not leave its old file).
while IFS= read -r f; do
	rel=${f#"$out"/}
	[ -n "${wanted[$rel]:-}" ] || rm -f "$f"
done < <(find "$out" -type f)
find "$out" -mindepth 1 -type d -empty -delete

exit $status
