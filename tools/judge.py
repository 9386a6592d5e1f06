#!/usr/bin/env python3
"""judge.py - read what one boot of a stage kernel left behind and judge it.

usage: judge.py SERIAL.log [--emu qemu|bochs] [--status N] [--timed-out]
                [--timeout S] [--emu-log FILE] [--stage N] [--chain NAME] [--mem MEM]
                [--expect TOKEN]... [--label TEXT] [--seconds T]
       judge.py --self-test [DIR]

Prints ONE line, `PASS label (t s) log: SERIAL.log` or
`FAIL label (t s) KIND: detail; log: SERIAL.log`, and exits 0 only on a pass.

What a pass is (the serial contract in DESIGN.md):
  * the last verdict line is `stage N (NAME): PASS` (N = --stage if given;
    with --chain C, NAME must end in `chain C` or `bootmem C`: the variant of chapter 9
    or 10 asked for);
  * a KTAP v1 report is there, every result is `ok`, and the number of
    results equals its plan `1..N`;
  * no `panic:` line;
  * under QEMU the exit status is 33 (isa-debug-exit 0x10).

What else it recognises and names, as KIND:
  fail       verdict FAIL, `not ok` results (named), or QEMU status 35
  panic      a `panic: REASON` line (quoted)
  ktap       verdict PASS but the KTAP report is missing, truncated or off-plan
  status     verdict PASS but QEMU did not exit with 33
  triple     no verdict, and the emulator log shows a triple fault
  hang       no verdict before the timeout
  debugger   no verdict, and Bochs stopped in its debugger
  died       no verdict, emulator exited for another reason
  expect     the boot passed but an expectation (below) did not hold

Expectations (--expect, also the last column of tests/boot/matrix):
  mmap           the summary `mb-mmap: N entries, usable U KiB, above 4 GiB A KiB`
                 is there and MEM - 2 MiB <= U KiB <= MEM (the firmware keeps some)
  above4g        that summary has A > 0
  match=REGEX    some serial line matches REGEX (Python re.search)
  nomatch=REGEX  no serial line matches REGEX
  ledger         the `handoff: FROM -> TO total=T free=F reserved=R` lines are exactly
                 the chain tests/boot/handoffs gives for this stage (--stage) and
                 chain (--chain; the full chain if not given), each
                 with T = F + R, all with the same T
  outcome=KIND   the boot must end as KIND (fail, panic, triple, ...) instead of
                 pass; the case then passes when it does (and its matches hold)
"""

import argparse
import os
import re
import shlex
import sys

VERDICT_RE = re.compile(r'^stage (\d+) \(([^)]*)\): (PASS|FAIL)\s*$')
PANIC_RE = re.compile(r'^panic: ?(.*)$')
PLAN_RE = re.compile(r'^1\.\.(\d+)\s*$')
RESULT_RE = re.compile(r'^(not ok|ok) (\d+)(?: -)? ?([^#]*?)\s*(?:#\s*(.*))?$')
LEDGER_RE = re.compile(
    r'^handoff: (\S+) -> (\S+) total=(\d+) free=(\d+) reserved=(\d+)\s*$')
NODE_LEDGER_RE = re.compile(
    r'^handoff: (\S+) -> (\S+) node=(\d+) total=(\d+) free=(\d+) reserved=(\d+)\s*$')
NUMA_NODES_RE = re.compile(r'^numa: (\d+) nodes?\s*$')
MMAP_SUM_RE = re.compile(
    r'^mb-mmap: (\d+) entries, usable (\d+) KiB, above 4 GiB (\d+) KiB')

KINDS = ('pass', 'fail', 'panic', 'ktap', 'status', 'triple', 'hang',
         'debugger', 'died', 'expect')


def parse_mem(text):
    """'128M', '1G', '3584' (MiB), '512K' -> bytes."""
    m = re.fullmatch(r'(\d+)\s*([KMGT]?)(?:i?B)?', text.strip(), re.I)
    if not m:
        raise ValueError('bad memory size: %r' % text)
    n = int(m.group(1))
    unit = m.group(2).upper() or 'M'
    return n << {'K': 10, 'M': 20, 'G': 30, 'T': 40}[unit]


def read_lines(path):
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return []
    text = data.decode('utf-8', 'replace')
    return [l.rstrip('\r') for l in text.split('\n')]


def parse_ktap(lines):
    """Top-level KTAP v1 reports in LINES.

    Returns a list of dicts {plan, results: [(ok, num, name, directive)],
    version_line}.  Indented lines (diagnostics, nested subtests) belong to
    the enclosing report and are not counted in its plan."""
    reports = []
    cur = None
    for line in lines:
        if line.startswith('KTAP version ') or line.startswith('TAP version '):
            cur = {'plan': None, 'results': [], 'version': line.strip()}
            reports.append(cur)
            continue
        if cur is None or line[:1] in (' ', '\t'):
            continue
        m = PLAN_RE.match(line)
        if m and cur['plan'] is None:
            cur['plan'] = int(m.group(1))
            continue
        m = RESULT_RE.match(line)
        if m:
            directive = (m.group(4) or '').strip()
            cur['results'].append((m.group(1) == 'ok', int(m.group(2)),
                                   m.group(3).strip(), directive))
    return reports


def ktap_problems(reports):
    """(failed test descriptions, structural problems) of the reports."""
    failed, problems = [], []
    if not reports:
        return failed, ['no KTAP report']
    for rep in reports:
        res = rep['results']
        for ok, num, name, directive in res:
            todo = directive.upper().startswith('TODO')
            if not ok and not todo:
                failed.append('%d %s%s' % (num, name,
                                           ' (%s)' % directive if directive else ''))
        if rep['plan'] is None:
            problems.append('KTAP report has no plan line')
        elif len(res) != rep['plan']:
            problems.append('KTAP truncated: plan 1..%d, %d result%s'
                            % (rep['plan'], len(res), '' if len(res) == 1 else 's'))
        nums = [r[1] for r in res]
        if nums != list(range(1, len(nums) + 1)):
            problems.append('KTAP results out of order: %s'
                            % ' '.join(map(str, nums[:12])))
    return failed, problems


def last_nonempty(lines):
    for line in reversed(lines):
        if line.strip():
            return line.strip()
    return ''


def bochs_log_says(path):
    """'triple', 'debugger', 'panic:MESSAGE' or '' from a Bochs log or console.

    With `cpu: reset_on_triple_fault=0` and `panic: action=fatal` a triple fault
    ends Bochs with ">>PANIC<< exception(): 3rd (13) exception with no
    resolution".  The debugger prints "Next at t=N" each time it takes control:
    once at start-up (before the rc file's "c"), again if anything stops it
    (a magic breakpoint, a watchpoint), after which the rc file's "quit" ends it."""
    text = '\n'.join(read_lines(path)) if path else ''
    if re.search(r'3rd \(\d+\) exception with no resolution|triple fault', text, re.I):
        return 'triple'
    if len(re.findall(r'^Next at t=\d+', text, re.M)) >= 2:
        return 'debugger'
    m = re.search(r'>>PANIC<< (.*)', text)
    if m:
        return 'panic:' + m.group(1).strip()
    return ''


def judge(serial, emu='qemu', status=None, timed_out=False, timeout=None,
          emu_logs=(), stage=None, mem=None, expects=(), chain=None):
    """Return (ok, kind, detail)."""
    lines = read_lines(serial)
    expects = list(expects)
    want = 'pass'
    for e in expects:
        if e.startswith('outcome='):
            want = e.split('=', 1)[1]
            if want not in KINDS:
                return False, 'expect', 'unknown outcome %r' % want

    kind, detail = observe(lines, emu, status, timed_out, timeout, emu_logs, stage, chain)

    if want != 'pass':
        if kind != want:
            return False, kind if kind != 'pass' else 'expect', \
                'expected outcome %s, got %s%s' % (want, kind,
                                                  ': ' + detail if detail else '')
    elif kind != 'pass':
        return False, kind, detail

    bad = check_expectations(lines, expects, mem, stage, chain)
    if bad:
        return False, 'expect', '; '.join(bad)
    return True, 'pass', detail if want != 'pass' else ''


def observe(lines, emu, status, timed_out, timeout, emu_logs, stage, chain=None):
    """What happened, as (kind, detail)."""
    panics = [m.group(1).strip() for m in map(PANIC_RE.match, lines) if m]
    verdicts = [m for m in map(VERDICT_RE.match, lines) if m]
    reports = parse_ktap(lines)
    failed, problems = ktap_problems(reports)

    if panics:
        return 'panic', 'panic: ' + panics[0]
    if verdicts:
        v = verdicts[-1]
        if stage is not None and int(v.group(1)) != int(stage):
            return 'fail', 'verdict is from stage %s (%s), expected stage %s' % (
                v.group(1), v.group(2), stage)
        if chain is not None and not (v.group(2).endswith('chain ' + chain) or
                                      v.group(2).endswith('bootmem ' + chain)):
            return 'fail', 'verdict is from stage %s (%s), expected the variant %s' % (
                v.group(1), v.group(2), chain)
        if v.group(3) == 'FAIL':
            what = 'not ok ' + ', '.join(failed) if failed else 'no failing test named'
            return 'fail', 'verdict FAIL: %s' % what
        if failed:
            return 'fail', 'verdict PASS but not ok ' + ', '.join(failed)
        if problems:
            return 'ktap', 'verdict PASS but ' + '; '.join(problems)
        if emu == 'qemu' and status is not None and status != 33:
            return 'status', 'verdict PASS but QEMU exit status %s (expected 33)%s' % (
                status, ' after the %s s timeout' % timeout if timed_out else '')
        return 'pass', ''

    # No verdict line.
    last = last_nonempty(lines)
    tail = '; last line: %r' % last[:100] if last else '; serial log empty'
    if emu == 'qemu':
        qlog = '\n'.join(l for p in emu_logs for l in read_lines(p))
        if 'Triple fault' in qlog:
            return 'triple', 'triple fault (no verdict)' + tail
        if timed_out:
            return 'hang', 'hang: no verdict after %s s%s' % (timeout or '?', tail)
        if status == 35:
            return 'fail', 'QEMU exit status 35 (fail) without a verdict line' + tail
        if status == 33:
            return 'ktap', 'QEMU exit status 33 (pass) without a verdict line' + tail
        said = ''
        for p in emu_logs:
            if p.endswith('.out'):
                said = last_nonempty(read_lines(p))
        if said:
            tail += '; QEMU said: %r' % said[:160]
        return 'died', 'QEMU exited with status %s without a verdict%s' % (status, tail)
    else:
        says = ''
        for p in emu_logs:
            says = says or bochs_log_says(p)
        if says == 'triple':
            return 'triple', 'triple fault (no verdict)' + tail
        if timed_out:
            return 'hang', 'hang: no verdict after %s s%s' % (timeout or '?', tail)
        if says == 'debugger':
            return 'debugger', 'Bochs stopped in its debugger (no verdict)' + tail
        if says.startswith('panic:'):
            return 'died', 'Bochs quit: %s (no verdict)%s' % (says[6:], tail)
        return 'died', 'Bochs exited with status %s without a verdict%s' % (status, tail)


HANDOFFS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'boot',
                        'handoffs')


def expected_handoffs(stage, variant=None):
    """[(FROM, TO)] that a stage-STAGE kernel of chain VARIANT must print, from
    tests/boot/handoffs: its lines `N FROM TO` (the full chain) of stages <= STAGE, or, when
    the file has lines `N VARIANT FROM TO` of stages <= STAGE, those (a variant's whole chain)."""
    chain, own = [], []
    with open(HANDOFFS) as f:
        for line in f:
            words = line.split('#', 1)[0].split()
            if len(words) == 3 and int(words[0]) <= stage:
                chain.append((words[1], words[2]))
            elif len(words) == 4 and int(words[0]) <= stage and words[1] == variant:
                own.append((words[2], words[3]))
    return own or chain


def check_ledger(lines, chain):
    """The handoff lines, checked here on the host rather than trusted from the kernel."""
    rows = [LEDGER_RE.match(l) for l in lines]
    rows = [(m.group(1), m.group(2)) + tuple(int(x) for x in m.groups()[2:])
            for m in rows if m]
    bad = []
    got = [(r[0], r[1]) for r in rows]
    if got != chain:
        bad.append('handoffs %s, expected %s' % (
            ' '.join('%s->%s' % h for h in got) or 'none',
            ' '.join('%s->%s' % h for h in chain) or 'none'))
    for i, (frm, to, total, free, reserved) in enumerate(rows):
        if free + reserved != total:
            bad.append('handoff %s -> %s: free %d + reserved %d != total %d'
                       % (frm, to, free, reserved, total))
        if total != rows[0][2]:
            bad.append('handoff %s -> %s: total %d, but the first handoff had %d'
                       % (frm, to, total, rows[0][2]))
    return bad + check_node_ledger(lines)


def check_node_ledger(lines):
    """Chapter 10: once the kernel has printed `numa: K nodes` with K > 1, every handoff line
    is followed at once by K lines `handoff: FROM -> TO node=N ...`, N = 0..K-1, each balanced,
    adding up to the handoff's own counts; before that line, or with one node, there are none."""
    bad, nodes, i = [], 1, 0
    while i < len(lines):
        line = lines[i]
        m = NUMA_NODES_RE.match(line)
        if m:
            nodes = int(m.group(1))
        if NODE_LEDGER_RE.match(line):
            bad.append('node line without its handoff line: %s' % line.strip())
        m = LEDGER_RE.match(line)
        i += 1
        if not m or nodes == 1:
            continue
        frm, to = m.group(1), m.group(2)
        want = [int(x) for x in m.groups()[2:]]
        sums = [0, 0, 0]
        for n in range(nodes):
            k = NODE_LEDGER_RE.match(lines[i]) if i < len(lines) else None
            if not k or (k.group(1), k.group(2), int(k.group(3))) != (frm, to, n):
                bad.append('handoff %s -> %s: node %d of %d has no line of its own after it'
                           % (frm, to, n, nodes))
                break
            t, f, r = (int(x) for x in k.groups()[3:])
            if f + r != t:
                bad.append('handoff %s -> %s node=%d: free %d + reserved %d != total %d'
                           % (frm, to, n, f, r, t))
            sums = [sums[0] + t, sums[1] + f, sums[2] + r]
            i += 1
        else:
            if sums != want:
                bad.append('handoff %s -> %s: the nodes add up to total=%d free=%d reserved=%d, '
                           'not total=%d free=%d reserved=%d' % ((frm, to) + tuple(sums) +
                                                                  tuple(want)))
    return bad


def check_expectations(lines, expects, mem, stage=None, chain=None):
    bad = []
    summary = None
    for line in lines:
        m = MMAP_SUM_RE.match(line)
        if m:
            summary = tuple(int(x) for x in m.groups())
    for e in expects:
        if e == 'mmap':
            if summary is None:
                bad.append('no mb-mmap summary line')
            elif mem is None:
                bad.append('mmap check needs --mem')
            else:
                memb = parse_mem(mem)
                usable = summary[1] * 1024
                if not memb - (2 << 20) <= usable <= memb:
                    bad.append('mb-mmap usable %d KiB not within MEM %s - 2 MiB .. MEM'
                               ' (%d..%d KiB)' % (summary[1], mem,
                                                  (memb - (2 << 20)) >> 10, memb >> 10))
        elif e == 'above4g':
            if summary is None:
                bad.append('no mb-mmap summary line')
            elif summary[2] <= 0:
                bad.append('mb-mmap shows no usable memory above 4 GiB')
        elif e.startswith('match='):
            rx = re.compile(e[6:])
            if not any(rx.search(l) for l in lines):
                bad.append('no line matches %r' % e[6:])
        elif e.startswith('nomatch='):
            rx = re.compile(e[8:])
            hit = [l for l in lines if rx.search(l)]
            if hit:
                bad.append('line matches %r: %r' % (e[8:], hit[0][:100]))
        elif e == 'ledger':
            if stage is None:
                bad.append('ledger check needs --stage')
            else:
                bad.extend(check_ledger(lines, expected_handoffs(stage, chain)))
        elif e.startswith('outcome='):
            pass
        elif e in ('', '-'):
            pass
        else:
            bad.append('unknown expectation %r' % e)
    return bad


def verdict_line(ok, kind, detail, label, seconds, log):
    rel = os.path.relpath(log)
    if not rel.startswith('..'):
        log = rel
    t = ' (%.2f s)' % seconds if seconds is not None else ''
    if ok:
        extra = ' [%s]' % detail if detail else ''
        return 'PASS %s%s%s log: %s' % (label, t, extra, log)
    return 'FAIL %s%s %s; log: %s' % (label, t, detail, log)


def self_test(directory):
    """Judge each canned log listed in DIRECTORY/cases and compare the kind."""
    cases = os.path.join(directory, 'cases')
    n = bad = 0
    for raw in read_lines(cases):
        if not raw.strip() or raw.lstrip().startswith('#'):
            continue
        words = shlex.split(raw)
        want, args = words[0], words[1:]
        args = [os.path.join(directory, a) if os.path.exists(os.path.join(directory, a))
                else a for a in args]
        ns = build_parser().parse_args(args)
        ok, kind, detail = run(ns)
        n += 1
        good = kind == want and ok == (want == 'pass')
        bad += not good
        print('%s %-10s %-28s -> %s%s' % ('ok  ' if good else 'BAD ', want,
                                           words[1], kind, ': ' + detail if detail else ''))
    print('judge self-test: %d cases, %d wrong' % (n, bad))
    return 0 if n and not bad else 1


def build_parser():
    ap = argparse.ArgumentParser(prog='judge.py', add_help=True,
                                 usage='%(prog)s SERIAL.log [options] | --self-test [DIR]')
    ap.add_argument('serial', nargs='?')
    ap.add_argument('--emu', choices=('qemu', 'bochs'), default='qemu')
    ap.add_argument('--status', type=int)
    ap.add_argument('--timed-out', action='store_true')
    ap.add_argument('--timeout')
    ap.add_argument('--emu-log', action='append', default=[])
    ap.add_argument('--stage', type=int)
    ap.add_argument('--chain')
    ap.add_argument('--mem')
    ap.add_argument('--expect', action='append', default=[])
    ap.add_argument('--label', default='')
    ap.add_argument('--seconds', type=float)
    ap.add_argument('--self-test', nargs='?', const='', metavar='DIR')
    return ap


def run(ns):
    return judge(ns.serial, ns.emu, ns.status, ns.timed_out, ns.timeout,
                 ns.emu_log, ns.stage, ns.mem, ns.expect, ns.chain)


def main(argv):
    ap = build_parser()
    ns = ap.parse_args(argv)
    if ns.self_test is not None:
        d = ns.self_test or os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         '..', 'tests', 'boot', 'logs-for-judge')
        return self_test(d)
    if not ns.serial:
        ap.print_usage(sys.stderr)
        return 2
    ok, kind, detail = run(ns)
    print(verdict_line(ok, kind, detail, ns.label or ns.serial, ns.seconds, ns.serial))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
