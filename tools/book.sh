#!/usr/bin/env bash
# book.sh [--html] OUTDIR: weave chapters/*.nw into the HTML book, OUTDIR/html/ (a home page
# index.html, a page per chapter NN-name.html, the back matter's pages, search and the boot
# panels), and (without --html) OUTDIR/handoff.pdf.
#
#   noweave (markup | finduses | noidx) | tools/nw2md   -> OUTDIR/woven.md (Pandoc Markdown)
#   tools/memmap-figures (builds and boots stages)      -> OUTDIR/figures.md (figures drawn)
#   tools/chain-measures (builds and boots chains)      -> OUTDIR/book.md  (chapter 9's measures)
#   pandoc + book/chunks.lua + book/template.html       -> OUTDIR/html/book.html (one page)
#   tools/book-web (pages, navigation, search index)    -> OUTDIR/html/index.html, NN-*.html, ...
#   tools/book-boot-assets (v86, each stage's kernel)   -> OUTDIR/html/v86/, OUTDIR/html/boot/
#   tools/book-print (what only paper needs)            -> OUTDIR/print.html
#   weasyprint (print rules of book/handoff.css)        -> OUTDIR/handoff.pdf
#
# Each step prints a line saying what it did and how long it took.  The PDF is
# printed again only when the page or its stylesheet changed (the SHA-256 of
# both is kept in OUTDIR/handoff.pdf.source); otherwise the last PDF is kept.
#
# The output depends only on the sources: no dates, no absolute paths.
# Any error, or any warning from noweb or Pandoc, fails the build.
#
# CHAPTERS_DIR=DIR weaves DIR/*.nw instead of chapters/*.nw (to try a chapter
# out); the stages that figures boot are still built from chapters/ by make.
set -euo pipefail

usage() {
    echo "usage: tools/book.sh [--html] OUTDIR    (writes OUTDIR/html/index.html and, without --html, OUTDIR/handoff.pdf)" >&2
    exit 2
}

# end the progress line of a step that failed, before its messages
break_line() {
    [ -z "${t0-}" ] || echo
    t0=
}
die() {
    break_line
    echo "book.sh: $*" >&2
    exit 1
}

pdf=yes
if [ "${1-}" = --html ]; then
    pdf=no
    shift
fi
[ $# -eq 1 ] && [ -n "$1" ] || usage
case $1 in -*) usage ;; esac

tools=(noweave pandoc python3)
[ $pdf = no ] || tools+=(weasyprint)
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

mkdir -p "$1/html"
out=$(cd "$1" && pwd)
# A failed build must not leave the previous book looking current.  The last
# PDF waits aside as handoff.pdf.last, to be kept if the page did not change.
rm -f "$out/html/index.html" "$out/html/book.html" "$out/book.md" "$out/figures.md"
[ ! -e "$out/handoff.pdf" ] || mv "$out/handoff.pdf" "$out/handoff.pdf.last"
root=$(cd "$(dirname "$0")/.." && pwd)
# Relative paths from the repository root keep absolute paths out of the book.
cd "$root"

export LC_ALL=C   # chapter order and any sorting must not depend on the locale
chapters_dir=${CHAPTERS_DIR:-chapters}
chapters=("${chapters_dir%/}"/*.nw)
[ -e "${chapters[0]}" ] || die "no $chapters_dir/*.nw to weave"

# step WHAT: say what starts; done: say how long it took.
# EPOCHREALTIME (bash 5) is seconds.microseconds.
step() {
    printf 'book: %-62s' "$*"
    t0=${EPOCHREALTIME/./}
}
done_step() {
    local tenths=$(( (${EPOCHREALTIME/./} - t0) / 100000 ))
    printf ' %4d.%d s%s\n' $((tenths / 10)) $((tenths % 10)) "${1:+ ($1)}"
    t0=
}

# 1. noweb's stream through our back end.  noweave is a plain sh pipeline that
#    reports only the back end's status, so anything markup, finduses or noidx
#    print on stderr counts as a failure too.  -t keeps tabs (Makefile recipes).
step "weave ${#chapters[@]} chapters (noweave | nw2md) -> woven.md"
if ! noweave -n -index -t -backend tools/nw2md "${chapters[@]}" \
        >"$out/woven.md" 2>"$out/noweave.log"; then
    break_line
    cat "$out/noweave.log" >&2
    die "noweave failed (log: $out/noweave.log)"
fi
if [ -s "$out/noweave.log" ]; then
    break_line
    cat "$out/noweave.log" >&2
    die "noweb reported problems (log: $out/noweave.log)"
fi
done_step

# 2. Figures of physical memory: each ```{.memmap stage=N ...} block becomes an
#    SVG drawn from the memmap: lines the stage printed when booted in QEMU
#    (make -s STAGE=N first; boots cached in OUTDIR/figures).
step "memory figures (make -s STAGE=n, boots cached) -> figures.md"
figs=$(python3 tools/memmap-figures "$out/woven.md" "$out/figures.md" "$out/figures") ||
    die "memory figures failed"
done_step "${figs#book: }"

# 2b. Chapter 9's measurements: each ```{.chain-measures ...} block becomes a
#     table and a figure, each ```{.bootlines ...} block the matching lines of a
#     boot, from boots of the chains in QEMU under -icount (cached in OUTDIR/measures).
step "chain measures (STAGE=9 CHAIN=..., boots cached) -> book.md"
meas=$(python3 tools/chain-measures "$out/figures.md" "$out/book.md" "$out/measures") ||
    die "chain measures failed"
done_step "${meas#book: }"

# 2c. The appendix for instructors, "Teaching with Handoff": labs/guide.md with the labs'
#     table, handouts and common mistakes (tools/grade.py appendix), before the references.
step "labs appendix (labs/, tools/grade.py appendix) -> book.md"
python3 tools/grade.py appendix >"$out/appendix.md" || die "the labs appendix failed"
python3 - "$out/book.md" "$out/appendix.md" <<'PY' || die "the labs appendix could not be put in"
import sys
path = sys.argv[1]
book = open(path, encoding="utf-8").read()
mark = "\n# References {#references"
if book.count(mark) != 1:
    sys.exit("book.sh: book.md has no one '# References' heading to put the appendix before")
app = open(sys.argv[2], encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(book.replace(mark, "\n" + app.rstrip("\n") + "\n" + mark))
PY
done_step

# 3. Markdown to one HTML page; the filter highlights and links the code, and
#    citeproc turns each [@id] into a citation of book/references.yaml and
#    writes the reference list where nw2md left its place (a div #refs).
#    Code keeps its tabs, as tangled: nw2md writes them as U+E000 and the
#    filter restores them (Pandoc's --preserve-tabs is quadratic in tabs).
step "pandoc + book/chunks.lua -> html/book.html"
pandoc "$out/book.md" \
    --from markdown --to html5 --standalone \
    --template book/template.html \
    --metadata-file book/metadata.yaml \
    --metadata exercises-dir=exercises \
    --lua-filter book/chunks.lua \
    --citeproc --bibliography book/references.yaml --csl book/handoff.csl --metadata link-citations=true \
    --toc --toc-depth 2 \
    --css handoff.css \
    --fail-if-warnings \
    --output "$out/html/book.html.tmp" || die "pandoc failed"
cp book/handoff.css "$out/html/handoff.css"
mv "$out/html/book.html.tmp" "$out/html/book.html"
done_step

# 3b. The web book: book.html cut into a page per chapter and one per part of the back
#     matter, with navigation, the search index, links in the prose and chunks that expand.
step "tools/book-web html/book.html -> html/index.html, NN-*.html"
web=$(python3 tools/book-web "$out/html/book.html" "$out/html") || die "the web book failed"
done_step "${web#book: }"

# 3c. The boot panels: v86 and every stage's kernel.elf (make -s STAGE=n), packed so that
#     a page opened from file:// can boot them.
step "tools/book-boot-assets (make -s STAGE=n) -> html/v86/, html/boot/"
assets=$(python3 tools/book-boot-assets "$out/html") || die "the boot panels' files failed"
done_step "${assets#book: }"
if [ $pdf = no ]; then
    echo "book: $out/html/index.html"
    exit 0
fi

# 4. The same page, printed.  tools/book-print (its self-test first) makes what only paper
#    needs: tabs as spaces, long code lines cut with a mark, a "Uses" line under each chunk,
#    page numbers after the references (book/README.md, "The PDF").  weasyprint logs unsupported CSS as warnings;
#    errors (a missing stylesheet, a broken file) make it exit non-zero.
#    It takes minutes and over a GB of memory, so an unchanged page is not
#    printed again.
# weasyprint's own Python (the interpreter of its script) runs book-print's self-test, whose
# last part prints two pages, and the printing (tools/book-print --pdf).
read -r -a wpy <<<"$(sed -n '1s/^#! *//p' "$(command -v weasyprint)")"
step "tools/book-print html/book.html -> print.html"
"${wpy[@]}" tools/book-print --self-test >"$out/book-print.log" 2>&1 ||
    { break_line; cat "$out/book-print.log" >&2; die "tools/book-print --self-test failed"; }
python3 tools/book-print "$out/html/book.html" "$out/print.html" || die "the page for print failed"
done_step
source=$(cat "$out/print.html" "$out/html/handoff.css" | sha256sum | cut -d' ' -f1)
if [ -e "$out/handoff.pdf.last" ] && [ -e "$out/handoff.pdf.source" ] &&
        [ "$(cat "$out/handoff.pdf.source")" = "$source" ]; then
    step "PDF: the page did not change, the last handoff.pdf is kept"
    mv "$out/handoff.pdf.last" "$out/handoff.pdf"
    done_step
else
    rm -f "$out/handoff.pdf.last" "$out/handoff.pdf.source"
    # Page numbers are text written into the laid-out page (weasyprint's target-counter() is
    # quadratic, see tools/book-print): one layout, then the PDF.
    step "weasyprint print.html -> handoff.pdf (minutes)"
    "${wpy[@]}" tools/book-print --pdf "$out/print.html" "$out/handoff.pdf.tmp" \
            >"$out/weasyprint.log" 2>&1 || { break_line; cat "$out/weasyprint.log" >&2; die "weasyprint failed"; }
    mv "$out/handoff.pdf.tmp" "$out/handoff.pdf"
    echo "$source" >"$out/handoff.pdf.source"
    done_step "$(tail -n 1 "$out/weasyprint.log")"
fi

# The web book's pages link the PDF beside them.
ln -f "$out/handoff.pdf" "$out/html/handoff.pdf" 2>/dev/null || cp "$out/handoff.pdf" "$out/html/handoff.pdf"
echo "book: $out/html/index.html $out/handoff.pdf"
