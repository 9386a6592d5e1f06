#!/usr/bin/env python3
"""bootmatrix.py - turn tests/boot/matrix into cases for tools/runcases.py.

usage: bootmatrix.py [--matrix FILE] [--logdir DIR] [--build DIR] [--chain NAME]
                     [--bootmem NAME] [--since N] STAGE...

For each STAGE, every matrix line whose first stage is <= STAGE becomes one
case (a tab-separated line: name, parallel slots, log, log to show, command)
that runs tools/boot.sh on BUILD/stageNN with the line's settings (BUILD is
--build, $BUILD or build); its serial log goes to DIR (BUILD/logs/check-stageNN
by default).  With --chain NAME other than full (chapter 9's variants), the
kernel is BUILD/stageNN-NAME, the names and logs say stageNN-NAME, and a line
whose expectations say `chain=A,B` applies only to the chains A and B (without
it, to every chain; `chain=full` lines only to the full one).  A line whose
expectations say `numa=SIZES` boots QEMU with those NUMA nodes (tools/boot.sh -N).
With --bootmem NAME other than per-node (chapter 10's one-bitmap), the kernel is
BUILD/stageNN-NAME, and a line that says `bootmem=A,B` applies only to those.
With --since N, only the lines whose first stage is N or later, and the lines
that say `units`, become cases (make test boots a variant's own stage so); with
--bochs-since N, the same for the Bochs lines only (make test's stages before
the last: QEMU boots every line at every stage, Bochs each line at its own
stage and at the last).

A boot runs the unit tests (test-y: the same in every boot) only when its line
says `units`; every other boot gets `ktest=boot` at the start of its command line,
and its kernel reports them `# SKIP` (chapter 1).  The case's name shows the
line's own command line.
"""

import argparse
import os
import re
import shlex
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


class MatrixError(Exception):
    pass


def parse_matrix(path):
    """[(first_stage, emu, machine, mem, media, cmdline, expects, timeout, lineno)]"""
    rows = []
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip() or raw.lstrip().startswith('#'):
                continue
            where = '%s:%d' % (path, lineno)
            try:
                w = shlex.split(raw)
            except ValueError as e:
                raise MatrixError('%s: %s' % (where, e))
            if len(w) < 6:
                raise MatrixError('%s: need STAGE EMU MACH MEM MEDIA CMDLINE [EXPECT...]' % where)
            first, emu, mach, mem, media, cmdline = w[:6]
            if not first.isdigit():
                raise MatrixError('%s: stage must be a number, not %r' % (where, first))
            if emu not in ('qemu', 'bochs'):
                raise MatrixError('%s: emulator must be qemu or bochs, not %r' % (where, emu))
            if emu == 'qemu' and mach not in ('pc', 'q35'):
                raise MatrixError('%s: QEMU machine must be pc or q35, not %r' % (where, mach))
            if emu == 'bochs' and mach not in ('-', 'pc'):
                raise MatrixError('%s: Bochs machine must be -, not %r' % (where, mach))
            if not re.fullmatch(r'\d+[KMG]?', mem, re.I):
                raise MatrixError('%s: bad memory size %r' % (where, mem))
            if media not in ('kernel', 'iso') or (emu == 'bochs' and media != 'iso'):
                raise MatrixError('%s: media must be kernel or iso (Bochs: iso), not %r'
                                  % (where, media))
            expects, timeout, chains, units, numa = [], None, None, False, None
            bootmems = None
            for e in w[6:]:
                if e == 'units':
                    units = True
                elif e.startswith('numa='):
                    numa = e.split('=', 1)[1]
                    if emu != 'qemu' or not re.fullmatch(r'[0-9]+[KMG]?(,[0-9]+[KMG]?)*', numa):
                        raise MatrixError('%s: numa= takes QEMU node sizes (256M,256M), not %r'
                                          % (where, e))
                elif e.startswith('timeout='):
                    timeout = e.split('=', 1)[1]
                elif e.startswith('chain='):
                    chains = e.split('=', 1)[1].split(',')
                elif e.startswith('bootmem='):
                    bootmems = e.split('=', 1)[1].split(',')
                elif e in ('mmap', 'above4g', 'ledger', '-') or re.match(r'(no)?match=|outcome=', e):
                    if e != '-':
                        expects.append(e)
                else:
                    raise MatrixError('%s: unknown expectation %r' % (where, e))
            rows.append((int(first), emu, 'pc' if mach == '-' else mach, mem.upper(),
                         media, '' if cmdline == '-' else cmdline, expects, timeout, lineno,
                         chains, units, numa, bootmems))
    return rows


def short(cmdline, width=72):
    """A command line as a case name shows it: whole when short, else its start, its
    word count and its length (the matrix line has the rest)."""
    if len(cmdline) <= width:
        return cmdline
    return '%s... (%d words, %d bytes)' % (cmdline[:width - 30].rstrip(),
                                           len(cmdline.split()), len(cmdline))


def stage_name(stage, chain='full', bootmem='per-node'):
    """stageNN, or stageNN-CHAIN for a variant of chapter 9, or stageNN-BOOTMEM for chapter
    10's one-bitmap: its directory under build/."""
    variant = chain if chain != 'full' else '' if bootmem == 'per-node' else bootmem
    return 'stage%02d' % stage + ('-' + variant if variant else '')


def cases(stage, rows, logdir, build='build', chain='full', bootmem='per-node', since=0,
          bochs_since=0):
    sname = stage_name(stage, chain, bootmem)
    sdir = os.path.join(build, sname)
    out = []
    seen = set()
    for (first, emu, mach, mem, media, cmdline, expects, timeout, lineno, chains, units, numa,
         bootmems) in rows:
        if first > stage or (chains is not None and chain not in chains):
            continue
        if bootmems is not None and bootmem not in bootmems:
            continue
        if first < (since if emu == 'qemu' else max(since, bochs_since)) and not units:
            continue
        name = '%s %s%s %s %s' % (sname, emu, ' ' + mach if emu == 'qemu' else '',
                                  mem, media)
        if numa:
            name += ' numa=' + numa
        if cmdline:
            name += " '%s'" % short(cmdline)
        slug = re.sub(r'[^A-Za-z0-9.]+', '-', '%s-%s-%s-%s-%s' % (
            sname, emu, mach if emu == 'qemu' else 'pc', mem, media)).strip('-')
        if numa:
            slug += '-numa-' + numa.replace(',', '-')
        if cmdline:
            slug += '-%08x' % (zlib.crc32(cmdline.encode()) & 0xffffffff)
        base, n = slug, 1
        while slug in seen:             # two lines that differ only in EXPECT
            n += 1
            slug = '%s-%d' % (base, n)
        seen.add(slug)
        serial = os.path.join(logdir, slug + '.serial')
        cmd = ['tools/boot.sh', '-e', emu, '-m', mem, '-k', media, '-l', serial,
               '-n', name]
        if emu == 'qemu':
            cmd += ['-M', mach]
        booted = cmdline if units else ('ktest=boot ' + cmdline).rstrip()
        if booted:
            cmd += ['-c', booted]
        if timeout:
            cmd += ['-t', timeout]
        if numa:
            cmd += ['-N', numa]
        for e in expects:
            cmd += ['-x', e]
        cmd.append(sdir)
        out.append((name, '2', os.path.join(logdir, slug + '.log'), serial,
                    ' '.join(shlex.quote(c) for c in cmd)))
    return out


def main(argv):
    ap = argparse.ArgumentParser(prog='bootmatrix.py',
                                 usage='%(prog)s [--matrix FILE] [--logdir DIR] [--build DIR]'
                                       ' [--chain NAME] [--bootmem NAME] [--since N] STAGE...')
    ap.add_argument('--matrix', default=os.path.join('tests', 'boot', 'matrix'))
    ap.add_argument('--logdir')
    ap.add_argument('--build', default=os.environ.get('BUILD', 'build'),
                    help='where the stageNN directories are (build, or $BUILD)')
    ap.add_argument('--chain', default='full',
                    help='a variant of chapter 9: boot BUILD/stageNN-CHAIN (default: full)')
    ap.add_argument('--bootmem', default='per-node',
                    help='a bootmem of chapter 10: one-bitmap boots BUILD/stageNN-one-bitmap')
    ap.add_argument('--since', type=int, default=0,
                    help='only the lines of stage N on, and the units lines')
    ap.add_argument('--bochs-since', type=int, default=0,
                    help='only the Bochs lines of stage N on, and the units lines')
    ap.add_argument('stages', nargs='+', type=int)
    ns = ap.parse_args(argv)
    try:
        rows = parse_matrix(ns.matrix)
    except (OSError, MatrixError) as e:
        print('bootmatrix.py: %s' % e, file=sys.stderr)
        return 1
    for s in ns.stages:
        logdir = ns.logdir or os.path.join(ns.build, 'logs',
                                           'check-' + stage_name(s, ns.chain, ns.bootmem))
        for c in cases(s, rows, logdir, ns.build, ns.chain, ns.bootmem, ns.since,
                       ns.bochs_since):
            print('\t'.join(c))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
