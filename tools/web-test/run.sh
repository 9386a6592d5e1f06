#!/usr/bin/env bash
# run.sh [HTMLDIR]: check the web book as a reader meets it (make book-check; a part of make
# test's "book" case). HTMLDIR defaults to build/book/html (make book-html builds it).
#
#   tools/memmap-js-selftest.sh       the page's drawing of a memory map (book/web/memmap.js) is
#                                     the book's (tools/memmap-figures), byte for byte, on the
#                                     book's own boots (build/book/figures) and made-up maps
#   tools/book-links HTMLDIR          zero broken internal links, every old anchor still arrives
#   node tools/web-test/layout.mjs    in Chromium at 1280 and 400 px: no code chunk scrolls
#                                     sideways at 1280, nothing collides or shrinks at 400,
#                                     chunks expand, search finds; screenshots of chapter 4
#   node tools/web-test/boot.mjs      every stage booted in its chapter's page (v86), the
#                                     verdict read from the pane; a refused command line panics
#
# The boots hold both guest slots of tools/boot.sh while they run (v86 is a guest too, and
# takes the two cores), so that make test never has more than two guests at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
html=${1:-build/book/html}
[ -e "$html/index.html" ] || { echo "run.sh: no $html/index.html: make book-html first" >&2; exit 1; }
[ -d book/web/node_modules/playwright-core ] ||
    { echo "run.sh: book/web/node_modules has no playwright-core: run make deps" >&2; exit 1; }
status=0
tools/memmap-js-selftest.sh || status=1
python3 tools/book-links "$html" || status=1
node tools/web-test/layout.mjs "$html" || status=1
slots=${TMPDIR:-/tmp}/handoff-boot-slots-$(id -u)
mkdir -p "$slots"
flock "$slots/slot0" flock "$slots/slot1" node tools/web-test/boot.mjs "$html" || status=1
exit $status
