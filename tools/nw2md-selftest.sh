#!/usr/bin/env bash
# nw2md-selftest.sh - the book's index rules, on two-chapter books made up for the purpose:
# an identifier defined in two unrelated files fails the weave; a header and its .c are one
# definition; one chunk used in two files is one definition; a test file's statics are its own;
# a mention in a comment or a string is no use.
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

[ $failed = 0 ] && echo "nw2md self-test: passed (5 cases)"
exit $failed
