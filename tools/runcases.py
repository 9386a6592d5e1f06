#!/usr/bin/env python3
"""runcases.py - run a list of test cases, one line per case, count last.

usage: runcases.py [-j N] [-k PATTERN] [--title TEXT] CASEFILE|-

A case is one tab-separated line:

    NAME <tab> SLOTS <tab> LOG <tab> SHOW <tab> COMMAND

COMMAND runs under `bash -c` from the current directory with its stdout and
stderr in LOG.  SLOTS is how many cases of this kind may run at once: 1 runs
alone; a run of consecutive cases with SLOTS > 1 runs that many at a time (at
most -j).  SHOW is the file to open when the case fails (- = LOG).  A line
`#NOTE text` is printed as it stands (e.g. a skipped part).  A line
`#GROUP label <tab> REGEX` names a group of cases for the time summary: a case
belongs to the first group whose REGEX matches its name.  A line `#WAIT`
ends a run: every case before it finishes before any case after it starts
(e.g. the boots wait for the builds).  Other # lines and blank lines are
ignored.

While running it prints `PASS name (t s)` or `FAIL name (t s) — log: SHOW`
(with the line of LOG that best says why under it), repeats the failures at the end, and
prints `N passed, N failed` as its very last line.  Before the failures it
prints the time of each group (with no #GROUP line, of all cases as one): its
wall-clock time (while at least one of its cases ran) and the sum of its cases'
own times (more than the wall clock where cases ran side by side), then the
whole run's.  Exit status 1 if any failed.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time

running = {}        # Popen -> case


def read_cases(path):
    f = sys.stdin if path == '-' else open(path)
    items = []
    for raw in f:
        raw = raw.rstrip('\n')
        if raw.startswith('#NOTE'):
            items.append(('note', raw[5:].strip()))
            continue
        if raw.strip() == '#WAIT':
            items.append(('wait', None))
            continue
        if raw.startswith('#GROUP '):
            label, sep, rx = raw[7:].partition('\t')
            if not sep or not label.strip():
                raise SystemExit('runcases.py: bad group line (need #GROUP label<tab>REGEX): %r'
                                 % raw[:120])
            items.append(('group', (label.strip(), re.compile(rx))))
            continue
        if not raw.strip() or raw.startswith('#'):
            continue
        parts = raw.split('\t', 4)
        if len(parts) != 5:
            raise SystemExit('runcases.py: bad case line (need 5 tab-separated fields): %r'
                             % raw[:120])
        name, slots, log, show, cmd = parts
        items.append(('case', dict(name=name, slots=max(1, int(slots)), log=log,
                                   show=log if show in ('', '-') else show, cmd=cmd)))
    return items


MAKE_NOISE = re.compile(r'^make(\[\d+\])?: \*\*\*')
TELLING = re.compile(r'\b(error|errors|fail|failed|fails|FAIL|stale|not ok|panic|undefined)\b', re.I)


def why_line(path):
    """The line of a failed case's log most likely to say why: the first line
    that names an error or failure (make's own "*** Error" lines aside), else
    the last line."""
    try:
        with open(path, 'rb') as f:
            lines = f.read().decode('utf-8', 'replace').splitlines()
    except OSError:
        return ''
    lines = [l.strip() for l in lines if l.strip()]
    useful = [l for l in lines if not MAKE_NOISE.match(l)] or lines
    for l in useful:
        if TELLING.search(l):
            return l
    return useful[-1] if useful else ''


def start(case):
    d = os.path.dirname(case['log'])
    if d:
        os.makedirs(d, exist_ok=True)
    out = open(case['log'], 'wb')
    case['t0'] = time.time()
    p = subprocess.Popen(['bash', '-c', case['cmd']], stdout=out, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    out.close()
    running[p] = case
    return p


def finish(p, case, results):
    del running[p]
    case['t1'] = time.time()
    t = case['t1'] - case['t0']
    ok = p.returncode == 0
    case['ok'], case['secs'] = ok, t
    results.append(case)
    if ok:
        print('PASS %s (%.1f s)' % (case['name'], t), flush=True)
    else:
        print('FAIL %s (%.1f s) — log: %s' % (case['name'], t, case['show']), flush=True)
        why = re.sub(r';? log: \S+$', '', why_line(case['log']))
        if why:
            case['why'] = why
            print('     %s' % why[:300], flush=True)


def run_group(group, jobs, results):
    pending = list(group)
    while pending or running:
        while pending and len(running) < jobs:
            start(pending.pop(0))
        done = None
        while done is None:
            for p in list(running):
                if p.poll() is not None:
                    done = p
                    break
            else:
                time.sleep(0.05)
        finish(done, running[done], results)


def wall(cases):
    """Seconds during which at least one of the cases ran."""
    total, end = 0.0, None
    for c in sorted(cases, key=lambda c: c['t0']):
        if end is None or c['t0'] > end:
            total += c['t1'] - c['t0']
            end = c['t1']
        elif c['t1'] > end:
            total += c['t1'] - end
            end = c['t1']
    return total


def group_times(groups, results, t_start):
    """Lines: each group's wall-clock time and summed case time, then the whole run's."""
    named = [(label, []) for label, rx in groups]
    other = []
    for c in results:
        for (label, rx), (_, members) in zip(groups, named):
            if rx.search(c['name']):
                members.append(c)
                break
        else:
            other.append(c)
    if other and groups:
        named.append(('other', other))
    width = max([len(label) for label, _ in named] + [5])
    lines = ['time per group (wall clock: while one of its cases ran; summed: the cases\' own'
             ' times):']
    for label, members in named:
        if not members:
            continue
        lines.append('  %-*s %4d case%s %8.1f s wall %8.1f s summed'
                     % (width, label, len(members), ' ' if len(members) == 1 else 's',
                        wall(members), sum(c['secs'] for c in members)))
    lines.append('  %-*s %4d case%s %8.1f s wall'
                 % (width, 'total', len(results), ' ' if len(results) == 1 else 's',
                    time.time() - t_start))
    return lines


def kill_all(*_):
    for p in list(running):
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except OSError:
            pass
    print('\ninterrupted', flush=True)
    sys.exit(130)


def main(argv):
    ap = argparse.ArgumentParser(prog='runcases.py',
                                 usage='%(prog)s [-j N] [-k PATTERN] CASEFILE|-')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('-k', '--keep', help='run only cases whose name matches this regex')
    ap.add_argument('--title')
    ap.add_argument('casefile')
    ns = ap.parse_args(argv)
    items = read_cases(ns.casefile)
    if ns.keep:
        rx = re.compile(ns.keep)
        items = [it for it in items if it[0] != 'case' or rx.search(it[1]['name'])]
    signal.signal(signal.SIGINT, kill_all)
    signal.signal(signal.SIGTERM, kill_all)
    if ns.title:
        print(ns.title, flush=True)

    results = []
    group = []
    groups = [it for kind, it in items if kind == 'group']
    t_start = time.time()
    for kind, it in items + [('end', None)]:
        if kind == 'group':
            continue
        if kind == 'case' and it['slots'] > 1 and (not group or group[0]['slots'] > 1):
            group.append(it)
            continue
        if group:
            run_group(group, min(ns.jobs, group[0]['slots']), results)
            group = []
        if kind == 'note':
            print('NOTE %s' % it, flush=True)
        elif kind == 'wait':
            pass            # the run before it has just been run to its end
        elif kind == 'case':
            if it['slots'] > 1:
                group.append(it)
            else:
                run_group([it], 1, results)

    failed = [c for c in results if not c['ok']]
    if results:
        print('\n' + '\n'.join(group_times(groups, results, t_start)))
    if failed:
        print('\n%d failed:' % len(failed))
        for c in failed:
            print('  FAIL %s — log: %s' % (c['name'], c['show']))
            if c.get('why'):
                print('       %s' % c['why'][:300])
    print('%d passed, %d failed' % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
