#!/usr/bin/env python3
"""tangle.py OUTDIR CHAPTER.nw... -- the work of tools/tangle.sh (which runs it).

Every root chunk of the chapters is a file: <<kernel/main.c>>= becomes OUTDIR/kernel/main.c.
The output is noweb's own: the chapters go through noweb's front end (markup) once, and the
back end (nt, what notangle runs) once per kind of file, emitting every root of that kind in
one run; the roots are cut apart again at a separator chunk of our own between them. That is
notangle's output byte for byte (`notangle -L -R<root>` for C, assembler and linker scripts,
`-t8` for make fragments, plain for anything else) at a few processes per tangle instead of a
few per file, plus one addition: after each #line directive, on the same line (so no line
number moves), a comment naming the chunk whose code starts there:

    #line 214 "chapters/04-lmb.nw" /* <lmb: the region helpers> */

Errors are found before anything is written, each with the .nw file and line to open:
a use of an undefined chunk, a defined but never used chunk that is not a file name (almost
always a typo), an @<< escape that survived tangling. A file is rewritten only when its
contents change, so make rebuilds only what an edit touched; files in OUTDIR that no chapter
defines any more are removed.
"""

import os
import re
import subprocess
import sys

LIB = '/usr/lib/noweb'
SEP_FILE = 'tangle.py separator'
SEP_NAME = 'tangle.py: end of one root'
SEP_TEXT = '@@ tangle.py: end of one root @@'
FILE_NAME = re.compile(r'^[A-Za-z0-9_.+/-]+$')


def kind(root):
    """How a root is tangled: (markup options, nt options, annotate #line?)."""
    if root.endswith(('.c', '.h', '.S')):           # .lds.S too
        return 'line'
    if root in ('Kbuild', 'Makefile') or root.endswith('.mk'):
        return 'tabs'
    return 'plain'


MARKUP_OPTS = {'line': ['-t'], 'tabs': ['-t'], 'plain': []}
NT_OPTS = {'line': ['-t', '-L'], 'tabs': ['-t8'], 'plain': []}


def fail(msg):
    sys.stderr.write(msg if msg.endswith('\n') else msg + '\n')
    sys.exit(1)


def markup(opts, files):
    p = subprocess.run([LIB + '/markup'] + opts + files, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0 or p.stderr:
        fail('tangle: noweb could not read the chapters:\n' + p.stderr.decode('utf-8', 'replace'))
    return p.stdout


def parse(stream):
    """Definitions, uses and the chunk of every code line, from a markup stream.

    Line numbers follow nt's own count (so they are the ones its #line directives print):
    @file starts at 1, each @nl and `@index nl` is a line, @line N sets it."""
    defs = {}                   # name -> (file, line) of its first definition
    uses = []                   # (name, file, line, chunk it is used in)
    chunk_at = {}               # (file, line) -> name of the chunk whose code holds the line
    fname, line, chunk, quote = None, 1, None, False
    for raw in stream.decode('utf-8', 'surrogateescape').split('\n'):
        if raw.startswith('@nl') or raw.startswith('@index nl'):
            line += 1
        elif raw.startswith('@text ') or raw == '@text':
            if chunk is not None:
                chunk_at.setdefault((fname, line), chunk)
        elif raw.startswith('@use '):
            if chunk is not None and not quote:
                uses.append((raw[5:], fname, line, chunk))
                chunk_at.setdefault((fname, line), chunk)
        elif raw.startswith('@defn '):
            chunk = raw[6:]
            defs.setdefault(chunk, (fname, line))
        elif raw.startswith('@end code'):
            chunk = None
        elif raw == '@quote':
            quote = True
        elif raw == '@endquote':
            quote = False
        elif raw.startswith('@file '):
            fname, line = raw[6:], 1
        elif raw.startswith('@line '):
            line = int(raw[6:])
    return defs, uses, chunk_at


def separator():
    return ('@file %s\n@begin code 0\n@defn %s\n@nl\n@text %s\n@nl\n@end code 0\n'
            % (SEP_FILE, SEP_NAME, SEP_TEXT)).encode()


def run_nt(stream, opts, roots):
    """Every root of one kind in one nt run, cut apart at the separator chunk."""
    args = [LIB + '/nt'] + opts
    for r in roots:
        args += ['-R' + r, '-R' + SEP_NAME]
    p = subprocess.run(args, input=stream + separator(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0 or p.stderr:
        fail('tangle: noweb (nt) failed on %s:\n%s'
             % (', '.join(roots), p.stderr.decode('utf-8', 'replace')))
    sep = re.compile(r'(?:#line \d+ "%s"\n)?%s\n' % (re.escape(SEP_FILE), re.escape(SEP_TEXT)))
    parts = sep.split(p.stdout.decode('utf-8', 'surrogateescape'))
    if len(parts) != len(roots) + 1 or parts[-1] != '':
        fail('tangle: nt output could not be cut into %d files (%d parts)'
             % (len(roots), len(parts)))
    return dict(zip(roots, parts))


LINE_DIRECTIVE = re.compile(r'^#line (\d+) "([^"\n]*)"$', re.M)


def comment_name(name):
    # The name goes inside /* */: neither may end the comment early or open a nested one
    # (-Wcomment, an error with -Werror).
    return name.replace('*/', '*\\/').replace('/*', '/\\*')


def annotate(text, chunk_at):
    def add(m):
        name = chunk_at.get((m.group(2), int(m.group(1))))
        if name is None:
            return m.group(0)
        return '%s /* <%s> */' % (m.group(0), comment_name(name))
    return LINE_DIRECTIVE.sub(add, text)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write('usage: tangle.sh OUTDIR CHAPTER.nw...\n')
        return 2
    out, files = argv[0], argv[1:]
    for f in files:
        if not os.path.isfile(f):
            fail('tangle: no such chapter: %s' % f)

    stream_t = markup(['-t'], files)
    defs, uses, chunk_at = parse(stream_t)
    used = {u[0] for u in uses}
    errors = []
    for name, fname, line, chunk in uses:
        if name not in defs:
            errors.append((fname, line, '%s:%d: undefined chunk <<%s>> (used in <<%s>>)'
                           % (fname, line, name, chunk)))
    roots, bad_roots = [], []
    for name in sorted(defs):
        if name in used:
            continue
        if FILE_NAME.match(name) and ('/' in name or '.' in name or name == 'Kbuild'):
            roots.append(name)
        else:
            bad_roots.append(name)
    for name in bad_roots:
        errors.append(defs[name] + ('%s:%d: chunk <<%s>> is defined but never used (and is not'
                                    ' a file name; a typo in its name or in a use of it?)'
                                    % (defs[name] + (name,)),))
    if errors:      # in the order of the chapters
        order = {f: i for i, f in enumerate(files)}
        errors.sort(key=lambda e: (order.get(e[0], len(order)), e[0], e[1]))
        fail('\n'.join('tangle: ' + e[2] for e in errors))
    errors = []
    if not roots:
        fail('tangle: no root chunks in %s' % ' '.join(files))

    texts = {}
    for k in ('line', 'tabs', 'plain'):
        group = [r for r in roots if kind(r) == k]
        if not group:
            continue
        stream = stream_t if MARKUP_OPTS[k] == ['-t'] else markup(MARKUP_OPTS[k], files)
        texts.update(run_nt(stream, NT_OPTS[k], group))

    for root in roots:
        if kind(root) == 'line':
            texts[root] = annotate(texts[root], chunk_at)
        # noweb leaves the escape @<< alone on a line where an unescaped << came first.
        bad = [(i, l) for i, l in enumerate(texts[root].split('\n'), 1) if '@<<' in l]
        if bad:
            errors.append('%s: an @<< escape survived tangling (write << unescaped on a line'
                          ' without >>, or escape every << of the line):\n%s'
                          % (root, '\n'.join('  %s:%d: %s' % (root, i, l) for i, l in bad)))
    if errors:
        fail('\n'.join('tangle: ' + e for e in errors))

    os.makedirs(out, exist_ok=True)
    for root in roots:
        path = os.path.join(out, root)
        data = texts[root].encode('utf-8', 'surrogateescape')
        try:
            with open(path, 'rb') as f:
                if f.read() == data:
                    continue
        except OSError:
            pass
        os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)

    # Remove files that no chapter produces any more (a renamed chunk must not leave its old
    # file), then the directories that left empty.
    wanted = set(roots)
    for d, subdirs, names in os.walk(out):
        for n in names:
            p = os.path.join(d, n)
            if os.path.relpath(p, out) not in wanted:
                os.remove(p)
    for d, subdirs, names in os.walk(out, topdown=False):
        if d != out and not os.listdir(d):
            os.rmdir(d)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
