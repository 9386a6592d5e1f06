#!/usr/bin/env bash
# nw2md-selftest.sh - the book's index rules, on two-chapter books made up for the purpose:
# an identifier defined in two unrelated files fails the weave; a header and its .c are one
# definition; one chunk used in two files is one definition; a test file's statics are its own;
# a mention in a comment or a string is no use; a chunk says where its code goes (its file, and
# the function it is in) and links its previous and next definitions.
set -euo pipefail

[ $# -eq 0 ] || { echo "usage: $0   (no arguments)" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# chapter FILE TITLE ROOT CODE DEFS: a one-chunk chapter
chapter() {
	printf '# %s {#ch%s}\n\nText.\n\n<<%s>>=\n%s\n@ %%def %s\n' "$2" "${1:0:2}" "$3" "$4" "$5" \
		>"$tmp/$1"
}
weave() { noweave -n -index -t -backend "$root/tools/nw2md" "$tmp"/0[12]-*.nw >"$tmp/out.md" 2>"$tmp/err"; }
expect() {	# expect pass|fail WHAT [WORDS]
	local want=$1 what=$2 words=${3:-} got=pass
	weave || got=fail
	if [ "$got" != "$want" ] || { [ -n "$words" ] && ! grep -qF -- "$words" "$tmp/err"; }; then
		echo "nw2md self-test: FAILED: $what (the weave should $want)" >&2
		cat "$tmp/err" >&2
		failed=1
	fi
	rm -f "$tmp"/0[12]-*.nw
}

chapter 01-a.nw A a.c 'int foo(void) { return 1; }' foo
chapter 02-b.nw B b.c 'int foo(void) { return 2; }' foo
expect fail "foo defined in a.c and in b.c" "identifier foo is defined in two unrelated files"

chapter 01-a.nw A include/a.h 'int foo(void);' foo
chapter 02-b.nw B a.c 'int foo(void) { return 2; }' foo
expect pass "foo declared in a.h and defined in a.c"

printf '# A {#ch01}\n\nText.\n\n<<shared>>=\nint foo(void) { return 1; }\n@ %%def foo\n\n<<a.c>>=\n<<shared>>\n@\n' >"$tmp/01-a.nw"
printf '# B {#ch02}\n\nText.\n\n<<b.c>>=\n<<shared>>\nint bar;\n@ %%def bar\n' >"$tmp/02-b.nw"
expect pass "one chunk defining foo, used in a.c and in b.c"

chapter 01-a.nw A x_test.c 'static int page(void) { return 1; }' page
chapter 02-b.nw B y_test.c 'static int page(void) { return 2; }' page
expect pass "a static of the same name in two test files"

chapter 01-a.nw A a.c 'int foo(void) { return 1; }' foo
chapter 02-b.nw B b.c '/* foo */ const char *s = "foo"; int bar;' bar
if weave && grep -q 'Defines <code class="ident-def">foo</code> (used in' "$tmp/out.md"; then
	echo "nw2md self-test: FAILED: a mention in a comment or a string counted as a use of foo" >&2
	failed=1
fi

# Where a chunk's code goes: in f() through a chunk at the top of a.c; the `if (y) {` and the
# comment's brace do not count; a chunk at the top of a.c is in a.c alone.
cat >"$tmp/01-a.nw" <<'EOF'
# A {#ch01}

Text.

<<a.c>>=
/* { not a brace */
static int x = 1;
<<top of a.c>>
int f(int y)
{
	if (y) {
		<<inside f>>
	}
	return 0;
}
@

<<inside f>>=
y++;
@
EOF
printf '# B {#ch02}\n\nText.\n\n<<top of a.c>>=\nint g;\n@\n\n<<inside f>>=\ny--;\n@\n' >"$tmp/02-b.nw"
# where NAME: what the header of NAME's first definition says after the arrow, tags dropped
where() {
	grep -F ">$1 " "$tmp/out.md" | grep -o 'chunk-where">→ .*</span></div>' | head -1 |
		sed 's/^chunk-where">→ //; s/<\/span><\/div>$//; s/<[^>]*>//g'
}
if ! weave; then
	echo "nw2md self-test: FAILED: the weave of a chunk inside a function failed" >&2
	cat "$tmp/err" >&2
	failed=1
else
	got=$(where "inside f")
	[ "$got" = "a.c, in f()" ] ||
		{ echo "nw2md self-test: FAILED: <<inside f>> says '$got', not 'a.c, in f()'" >&2; failed=1; }
	got=$(where "top of a.c")
	[ "$got" = "a.c" ] ||
		{ echo "nw2md self-test: FAILED: <<top of a.c>> says '$got', not 'a.c'" >&2; failed=1; }
	grep -q 'class="chunk-next" href="#chunk-2-2"' "$tmp/out.md" ||
		{ echo "nw2md self-test: FAILED: <<inside f>> 1.2 does not link its next definition" >&2; failed=1; }
	grep -q 'class="chunk-prev" href="#chunk-1-2"' "$tmp/out.md" ||
		{ echo "nw2md self-test: FAILED: <<inside f>> 2.2 does not link its previous one" >&2; failed=1; }
fi
rm -f "$tmp"/0[12]-*.nw

[ $failed = 0 ] && echo "nw2md self-test: passed (6 cases)"
exit $failed
