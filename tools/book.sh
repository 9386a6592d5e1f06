#!/usr/bin/env bash
# book.sh OUTDIR: weave chapters/*.nw into OUTDIR/html/index.html and OUTDIR/handoff.pdf.
#
#   noweave (markup | finduses | noidx) | tools/nw2md   -> OUTDIR/woven.md (Pandoc Markdown)
#   tools/memmap-figures (builds and boots stages)      -> OUTDIR/book.md  (figures drawn)
#   pandoc + book/chunks.lua + book/template.html       -> OUTDIR/html/index.html
#   weasyprint (print rules of book/handoff.css)        -> OUTDIR/handoff.pdf
#
# The output depends only on the sources: no dates, no absolute paths.
# Any error, or any warning from noweb or Pandoc, fails the build.
#
# CHAPTERS_DIR=DIR weaves DIR/*.nw instead of chapters/*.nw (to try a chapter
# out); the stages that figures boot are still built from chapters/ by make.
set -euo pipefail

usage() {
    echo "usage: tools/book.sh OUTDIR    (writes OUTDIR/html/index.html and OUTDIR/handoff.pdf)" >&2
    exit 2
}

die() {
    echo "book.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] && [ -n "$1" ] || usage
case $1 in -*) usage ;; esac

for tool in noweave pandoc weasyprint python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

mkdir -p "$1/html"
out=$(cd "$1" && pwd)
# A failed build must not leave the previous book looking current.
rm -f "$out/html/index.html" "$out/handoff.pdf" "$out/book.md"
root=$(cd "$(dirname "$0")/.." && pwd)
# Relative paths from the repository root keep absolute paths out of the book.
cd "$root"

export LC_ALL=C   # chapter order and any sorting must not depend on the locale
chapters_dir=${CHAPTERS_DIR:-chapters}
chapters=("${chapters_dir%/}"/*.nw)
[ -e "${chapters[0]}" ] || die "no $chapters_dir/*.nw to weave"

# 1. noweb's stream through our back end.  noweave is a plain sh pipeline that
#    reports only the back end's status, so anything markup, finduses or noidx
#    print on stderr counts as a failure too.  -t keeps tabs (Makefile recipes).
if ! noweave -n -index -t -backend tools/nw2md "${chapters[@]}" \
        >"$out/woven.md" 2>"$out/noweave.log"; then
    cat "$out/noweave.log" >&2
    die "noweave failed (log: $out/noweave.log)"
fi
if [ -s "$out/noweave.log" ]; then
    cat "$out/noweave.log" >&2
    die "noweb reported problems (log: $out/noweave.log)"
fi

# 2. Figures of physical memory: each ```{.memmap stage=N ...} block becomes an
#    SVG drawn from the memmap: lines the stage printed when booted in QEMU
#    (make -s STAGE=N first; boots cached in OUTDIR/figures).
python3 tools/memmap-figures "$out/woven.md" "$out/book.md" "$out/figures" ||
    die "memory figures failed"

# 3. Markdown to one HTML page; the filter highlights and links the code.
#    Code keeps its tabs, as tangled: nw2md writes them as U+E000 and the
#    filter restores them (Pandoc's --preserve-tabs is quadratic in tabs).
pandoc "$out/book.md" \
    --from markdown --to html5 --standalone \
    --template book/template.html \
    --metadata-file book/metadata.yaml \
    --metadata exercises-dir=exercises \
    --lua-filter book/chunks.lua \
    --toc --toc-depth 2 \
    --css handoff.css \
    --fail-if-warnings \
    --output "$out/html/index.html.tmp"
cp book/handoff.css "$out/html/handoff.css"
mv "$out/html/index.html.tmp" "$out/html/index.html"

# 4. The same page, printed.  weasyprint logs unsupported CSS as warnings;
#    errors (a missing stylesheet, a broken file) make it exit non-zero.
weasyprint --quiet "$out/html/index.html" "$out/handoff.pdf.tmp"
mv "$out/handoff.pdf.tmp" "$out/handoff.pdf"

echo "book: $out/html/index.html $out/handoff.pdf"
