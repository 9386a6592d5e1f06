#!/usr/bin/env python3
"""grade.py - the labs: list them, start them, grade them, and write their handouts.

usage: grade.py list                        (make labs)
       grade.py start N                     (make lab LAB=N: a working copy of each exercise)
       grade.py grade N [OPTIONS]           (make grade LAB=N)
       grade.py starters N [OPTIONS]        fresh starters must build, boot and score the
                                            lab's `starter` points (make test)
       grade.py solved N --solutions DIR [OPTIONS]
                                            fresh starters with DIR/chNN/M/solution.patch
                                            must score full marks, hidden tests included
       grade.py handouts                    the labs' handouts, as Markdown
       grade.py appendix                    the book's appendix, "Teaching with Handoff":
                                            labs/guide.md, the handouts, labs/mistakes.md
  OPTIONS: --root DIR (the tree whose exercises/, labs/ and tools/ grade; default this one),
           --work DIR (where the copies chNN-M/ are; default ROOT/work),
           --hidden DIR (the instructor's hidden tests; default ROOT/labs/hidden),
           --out DIR (the reports; default ROOT/build/grade), --timeout S (per exercise)

A lab is labs/labN.lab (labs/README.md has the format): its title, chapters, reading, the
hours it takes, a time limit per exercise, its exercises with their points, and optionally
hidden tests with theirs. An exercise's points are shared out among its tests (the KTEST
cases of its pristine exercises/chNN/M/test.nw), the remainder to the first ones; a hidden
test file's points (labs/hidden/chNN-M.nw) among its KTEST cases in the same way.

Grading checks each exercise's working copy, work/chNN-M/ (made by make exercise EX=chNN-M
or make lab LAB=N), with tools/exercise.sh check, which takes the tests from exercises/ (and
the hidden ones from labs/hidden/), never from the copy, so editing a test in the copy
changes nothing. An exercise with no copy, one that does not build, does not boot to a
verdict, or runs past the time limit scores 0 for each of its tests, with the reason. One
line per test, then the total as the last line, `Score: X/Y`; and build/grade/labN.json
and build/grade/labN.xml (JUnit), the shapes autograders read. Where the hidden tests are
not in the tree (the student edition), their points are named and left out of Y. The
solutions are read by `solved` only.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYS = {"title", "chapters", "reading", "hours", "timeout", "exercise", "hidden", "starter"}


class LabError(Exception):
    pass


def lab_numbers(root):
    return sorted(int(m.group(1)) for f in os.listdir(os.path.join(root, "labs"))
                  for m in [re.fullmatch(r"lab(\d+)\.lab", f)] if m)


def read_lab(root, n):
    """The lab's definition, labs/labN.lab, checked: LabError names the line that is wrong."""
    path = os.path.join(root, "labs", "lab{}.lab".format(n))
    if not os.path.exists(path):
        raise LabError("there is no lab {} (labs/lab{}.lab); the labs are {}".format(
            n, n, ", ".join(map(str, lab_numbers(root))) or "none"))
    lab = {"n": n, "title": "", "chapters": [], "reading": "", "hours": 0, "timeout": 240,
           "starter": 0, "exercises": [], "hidden": [], "guards": {}}
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key, _, rest = line.partition(" ")
            rest = rest.strip()
            where = "{}:{}".format(os.path.relpath(path, root), lineno)
            if key not in KEYS:
                raise LabError("{}: unknown key {!r} (known: {})".format(
                    where, key, ", ".join(sorted(KEYS))))
            if key in ("exercise", "hidden"):
                m = re.fullmatch(r"(ch\d\d-\d+)\s+(\d+)((?:\s+guard=\w+)*)", rest)
                if not m or (key == "hidden" and m.group(3)):
                    raise LabError("{}: {} wants chNN-M POINTS{}, not {!r}".format(
                        where, key, " [guard=TEST]..." if key == "exercise" else "", rest))
                ex, pts = m.group(1), int(m.group(2))
                test_nw = os.path.join(root, ex_dir(ex), "test.nw")
                if not os.path.exists(test_nw):
                    raise LabError("{}: no exercise {} ({}/test.nw)".format(where, ex, ex_dir(ex)))
                if pts == 0:
                    raise LabError("{}: {} is worth 0 points".format(where, ex))
                if key == "hidden":
                    lab["hidden"].append((ex, pts))
                    continue
                guards = re.findall(r"guard=(\w+)", m.group(3))
                tests = ktests(test_nw)
                for g in guards:
                    if g not in tests:
                        raise LabError("{}: guard {} is not a test of {} (its tests: {})".format(
                            where, g, ex, ", ".join(tests)))
                if not set(tests) - set(guards):
                    raise LabError("{}: every test of {} is a guard: nothing earns its points".format(
                        where, ex))
                lab["exercises"].append((ex, pts))
                lab["guards"][ex] = guards
            elif key in ("hours", "timeout", "starter"):
                if not rest.isdigit():
                    raise LabError("{}: {} wants a number, not {!r}".format(where, key, rest))
                lab[key] = int(rest)
            elif key == "chapters":
                lab["chapters"] = [int(c) for c in rest.split()]
            elif key == "reading":
                lab["reading"] = (lab["reading"] + " " + rest).strip()
            else:
                lab[key] = rest
    if not lab["exercises"]:
        raise LabError("{}: a lab needs at least one exercise".format(os.path.relpath(path, root)))
    names = [ex for ex, _ in lab["exercises"]]
    for ex, _ in lab["hidden"]:
        if ex not in names:
            raise LabError("{}: hidden tests of {}, which is not one of the lab's exercises".format(
                os.path.relpath(path, root), ex))
    return lab


def ex_dir(ex):
    chapter, m = ex.split("-")
    return os.path.join("exercises", chapter, m)


def ktests(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r"KTEST\((\w+)\)", f.read())


def shares(points, tests):
    """The points over the tests: equal shares, the remainder to the first."""
    if not tests:
        return []
    q, r = divmod(points, len(tests))
    return [q + (1 if i < r else 0) for i in range(len(tests))]


def session_members(sid):
    """The pids whose session is sid (from /proc: the sixth field of stat, after the name)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/{}/stat".format(name)) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue                      # gone meanwhile
        if len(fields) > 3 and int(fields[3]) == sid:
            found.append(int(name))
    return found


def kill_session(sid):
    """SIGKILL every process of session sid, until none is left. A process group is not
    enough: `timeout`, which boot.sh runs QEMU under, puts its command in a group of its
    own, and that QEMU outlived the grading, holding a guest slot and a core for its 60 s."""
    for _ in range(50):
        members = session_members(sid)
        if not members:
            return
        for pid in members:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.05)


def run_limited(cmd, cwd, timeout, env=None):
    """-> (returncode or None if it ran past timeout, output). The whole session goes on a
    timeout: exercise.sh's QEMU must not outlive it, holding a guest slot."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=env, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out
    except subprocess.TimeoutExpired:
        kill_session(p.pid)
        out, _ = p.communicate()
        return None, out


def check(root, copy, ex, timeout, hidden=None):
    """-> ({test: (passed, reason)}, general reason or None, seconds, log to open)."""
    rel = os.path.relpath(copy, os.getcwd())
    if not os.path.isdir(os.path.join(copy, "chapters")):
        return {}, "not started: no {}/ (make exercise EX={}, or make lab LAB=n)".format(rel, ex), 0.0, None
    env = dict(os.environ, HANDOFF_CWD=os.getcwd())
    env.pop("HIDDEN_TESTS", None)
    if hidden:
        env["HIDDEN_TESTS"] = hidden
    t0 = time.monotonic()
    rc, out = run_limited([os.path.join(root, "tools", "exercise.sh"), "check", ex, copy], root,
                          timeout, env)
    took = time.monotonic() - t0
    log = os.path.join(rel, "build", "boot.log")
    if rc is None:
        return {}, "ran past the time limit of {} s (log: {})".format(timeout, log), took, log
    results = {}
    for line in out.splitlines():
        m = re.match(r"^  (ok|FAILED)\s+(\w+)(.*)$", line)
        if m:
            results[m.group(2)] = (m.group(1) == "ok", m.group(3).strip(" ()") or None)
            continue
        m = re.match(r"^\s+# (\w+): (.*)$", line)
        if m and m.group(1) in results and not results[m.group(1)][1]:
            results[m.group(1)] = (False, m.group(2).strip())
    lines = [l.strip() for l in out.splitlines() if l.strip()]
    if "{}: does not build".format(ex) in out:
        first = next((l for l in lines if "error" in l), lines[-1] if lines else "")
        return {}, "does not build: {} (log: {})".format(
            first, os.path.join(rel, "build", "build.log")), took, None
    panic = next((l.lstrip("> ").strip() for l in lines if "panic:" in l), None)
    hang = next((l for l in lines if "kernel hung" in l or "triple-faulted" in l), None)
    why = panic or hang
    for t, (ok, reason) in results.items():
        if not ok and (not reason or reason.startswith("no result")) and why:
            results[t] = (False, why)
    if rc == 2 and not results:
        return {}, "does not boot to a verdict: {} (log: {})".format(
            why or (lines[-1] if lines else "no output"), log), took, log
    return results, None, took, log


def grade(root, n, work=None, hidden_dir=None, out=None, timeout=None, quiet=False):
    """Grade lab N; print a line per test and `Score: X/Y` last; write the reports.
    -> the report (a dict, as written to labN.json)."""
    lab = read_lab(root, n)
    work = work or os.path.join(root, "work")
    hidden_dir = hidden_dir or os.path.join(root, "labs", "hidden")
    timeout = timeout or lab["timeout"]
    say = (lambda *a: None) if quiet else print
    hidden = dict(lab["hidden"])
    rows, ungraded = [], []
    say("Lab {}: {} (chapters {})".format(n, lab["title"], ", ".join(map(str, lab["chapters"]))))
    for ex, pts in lab["exercises"]:
        guards = lab["guards"].get(ex, [])
        scored = [t for t in ktests(os.path.join(root, ex_dir(ex), "test.nw")) if t not in guards]
        groups = [(guards, 0, False), (scored, pts, False)]
        hfile = os.path.join(hidden_dir, ex + ".nw")
        if ex in hidden:
            if os.path.exists(hfile):
                groups.append((ktests(hfile), hidden[ex], True))
            else:
                ungraded.append((ex, hidden[ex]))
                hfile = None
        else:
            hfile = None
        results, why, took, log = check(root, os.path.join(work, ex), ex, timeout, hfile)
        if why:
            why = why.replace("LAB=n", "LAB={}".format(n))
        broken = [g for g in guards if not results.get(g, (False,))[0]]
        for tests, points, is_hidden in groups:
            for t, p in zip(tests, shares(points, tests)):
                ok, reason = results.get(t, (False, why or "no result: the kernel stopped before it"))
                if ok and broken and t not in guards:
                    ok, reason = False, "passes, but counts only when {} passes too (it checks what " \
                        "the starter already did)".format(", ".join(broken))
                if not ok and log and why is None and "(log:" not in (reason or ""):
                    reason = "{} (log: {})".format(reason or "failed", log)
                rows.append({"exercise": ex, "test": t, "hidden": is_hidden, "guard": t in guards,
                             "points": p if ok else 0,
                             "max": p, "passed": ok, "message": "" if ok else reason or "failed",
                             "seconds": round(took, 1)})
                r = rows[-1]
                say("  {}  {:<52} {:>3}/{:<3}{}".format(
                    "PASS" if ok else "FAIL", "{} {}{}".format(ex, t, " (hidden)" if is_hidden else " (guard)" if t in guards else ""),
                    r["points"], p, "" if ok else "  " + r["message"]))
    for ex, p in ungraded:
        say("  ....  {:<52} {:>3} points, graded by your instructor".format(
            "{} hidden tests".format(ex), p))
    report = write_reports(out or os.path.join(root, "build", "grade"), lab, rows, ungraded)
    say("Score: {}/{}".format(report["score"], report["max_score"]))
    return report


def write_reports(out, lab, rows, ungraded):
    os.makedirs(out, exist_ok=True)
    base = os.path.join(out, "lab{}".format(lab["n"]))
    got = sum(r["points"] for r in rows)
    total = sum(r["max"] for r in rows)
    # The shape of GitHub Classroom's runners (autograding-grading-reporter reads version,
    # status, max_score and tests[].name/status/message/score), with this lab's own fields.
    report = {"version": 1, "status": "pass" if got == total else "fail",
              "lab": lab["n"], "title": lab["title"], "score": got, "max_score": total,
              "hidden_not_graded": sum(p for _, p in ungraded),
              "tests": [{"name": "{} {}".format(r["exercise"], r["test"]), "exercise": r["exercise"],
                         "hidden": r["hidden"], "guard": r["guard"], "score": r["points"],
                         "max_score": r["max"], "status": "pass" if r["passed"] else "fail",
                         "message": r["message"], "output": r["message"], "seconds": r["seconds"]}
                        for r in rows]}
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    fails = sum(1 for r in rows if not r["passed"])
    xml = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<testsuites name={} tests="{}" failures="{}">'.format(
               quoteattr("Handoff lab {}".format(lab["n"])), len(rows), fails),
           '<testsuite name={} tests="{}" failures="{}">'.format(
               quoteattr("lab{}: {}".format(lab["n"], lab["title"])), len(rows), fails)]
    for r in rows:
        xml.append('  <testcase classname={} name={} time="{}">'.format(
            quoteattr(r["exercise"]), quoteattr("{}{} ({} of {} points)".format(
                r["test"], " (hidden)" if r["hidden"] else "", r["points"], r["max"])), r["seconds"]))
        if not r["passed"]:
            xml.append('    <failure message={}>{}</failure>'.format(quoteattr(r["message"]),
                                                                   escape(r["message"])))
        xml.append("  </testcase>")
    xml.append("</testsuite></testsuites>")
    with open(base + ".xml", "w", encoding="utf-8") as f:
        f.write("\n".join(xml) + "\n")
    return report


def start(root, ex, copy):
    rc, out = run_limited([os.path.join(root, "tools", "exercise.sh"), "start", ex, copy], root, 120)
    if rc != 0:
        raise LabError("{}: the starter could not be made: {}".format(ex, out.strip()))


def starters(root, n, **kw):
    """Fresh starters of lab N must build, boot, and score exactly the lab's `starter` points."""
    lab = read_lab(root, n)
    with tempfile.TemporaryDirectory(prefix="handoff-starters-") as work:
        for ex, _ in lab["exercises"]:
            start(root, ex, os.path.join(work, ex))
        report = grade(root, n, work=work, **kw)
    broken = [t for t in report["tests"] if t["output"].startswith(("does not", "ran past", "not started"))]
    bad = []
    if broken:
        bad.append("a starter does not build or boot to a verdict: " + "; ".join(
            "{}: {}".format(t["name"], t["output"]) for t in broken[:3]))
    if report["score"] != lab["starter"]:
        bad.append("the starters score {}, the lab says they score {} (labs/lab{}.lab's starter)".format(
            report["score"], lab["starter"], n))
    return outcome("starters", n, bad, "every starter builds and boots, and they score {}/{}".format(
        report["score"], report["max_score"]))


def solved(root, n, solutions, **kw):
    """Fresh starters with the reference solutions must score full marks, hidden tests too."""
    lab = read_lab(root, n)
    with tempfile.TemporaryDirectory(prefix="handoff-solved-") as work:
        for ex, _ in lab["exercises"]:
            copy = os.path.join(work, ex)
            start(root, ex, copy)
            patch = os.path.join(solutions, ex.split("-")[0], ex.split("-")[1], "solution.patch")
            rc, out = run_limited(["patch", "-s", "-p1", "--no-backup-if-mismatch", "-i", patch], copy, 60)
            if rc != 0:
                raise LabError("{}: {} does not apply to the starter: {}".format(ex, patch, out.strip()))
        report = grade(root, n, work=work, **kw)
    bad = []
    if report["score"] != report["max_score"]:
        bad.append("the solutions score {}/{}".format(report["score"], report["max_score"]))
    if report["hidden_not_graded"]:
        bad.append("{} points of hidden tests were not graded (no labs/hidden/ file)".format(
            report["hidden_not_graded"]))
    return outcome("solved", n, bad, "the solutions score full marks, {}/{}".format(
        report["score"], report["max_score"]))


def outcome(what, n, bad, good):
    """Say each problem of a check of lab N on stderr, or that it holds: -> the exit status."""
    for msg in bad:
        print("{}: lab {}: {}".format(what, n, msg), file=sys.stderr)
    if not bad:
        print("{}: lab {}: {}".format(what, n, good))
    return 1 if bad else 0


def list_labs(root):
    for n in lab_numbers(root):
        lab = read_lab(root, n)
        pts = sum(p for _, p in lab["exercises"])
        hid = sum(p for _, p in lab["hidden"])
        print("lab {}: {} (chapters {}; {} exercises, {} points{}, about {} hours)".format(
            n, lab["title"], ", ".join(map(str, lab["chapters"])), len(lab["exercises"]), pts,
            " + {} hidden".format(hid) if hid else "", lab["hours"]))
    return 0


def handout_title(root, ex):
    with open(os.path.join(root, ex_dir(ex), "README.md"), encoding="utf-8") as f:
        first = f.readline().strip().lstrip("#").strip()
    return first


def handouts(root):
    """Markdown: one section per lab, for the book's appendix."""
    out = []
    for n in lab_numbers(root):
        lab = read_lab(root, n)
        pts = sum(p for _, p in lab["exercises"])
        hid = sum(p for _, p in lab["hidden"])
        out.append("### Lab {}: {} {{#lab{}}}\n".format(n, lab["title"], n))
        out.append("*Chapters {}. About {} hours. {} points{}.*\n".format(
            ", ".join(map(str, lab["chapters"])), lab["hours"], pts,
            ", and {} of hidden tests that your instructor runs".format(hid) if hid else ""))
        out.append("**Read.** {}\n".format(lab["reading"]))
        out.append("**Build.** Start every exercise of the lab with `make lab LAB={}` (one working "
                   "copy each, `work/chNN-M/`), and do each as its handout says:\n".format(n))
        out.append("| exercise | points | tests |\n|---|--:|---|")
        for ex, p in lab["exercises"]:
            tests = ktests(os.path.join(root, ex_dir(ex), "test.nw"))
            ch, m = ex[2:].split("-")
            title = handout_title(root, ex)
            title = re.sub(r"^Exercise \d+\.\d+:\s*", "", title)
            out.append("| [{}.{}](#ch{}-exercises): {} | {} | {} |".format(
                int(ch), m, ch, title, p, ", ".join("`{}`{}".format(
                    t, " (guard)" if t in lab["guards"].get(ex, []) else "") for t in tests)))
        out.append("")
        out.append("**How it is graded.** `make grade LAB={}` checks each copy with the tests of "
                   "`exercises/`, never the copy's, boots it in QEMU with a limit of {} s per "
                   "exercise, and shares an exercise's points equally among its tests. It prints "
                   "a line per test, the reason of each failure (the failing expectation, the "
                   "panic, the hang, the log to open) and `Score: X/{}` last{}. A *guard* is a "
                   "test of what the starter already does: it earns nothing, but while it fails "
                   "the exercise's other tests earn nothing either.\n".format(
                       n, lab["timeout"], pts,
                       "; the hidden tests are not in your tree, and their points are left out "
                       "of the total" if hid else ""))
    return "\n".join(out)


def _cmdline(pid):
    try:
        with open("/proc/{}/cmdline".format(pid), "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def self_test():
    """Lab files that are wrong are refused, naming the line; points are shared as documented;
    the reports parse as JSON and JUnit XML and carry every test."""
    import xml.etree.ElementTree as ET
    bad = []
    cases = [("title  T\nexercise ch01-1 10\nfrobnicate 3\n", "lab9.lab:3: unknown key 'frobnicate'"),
             ("exercise ch01-1 ten\n", "lab9.lab:1: exercise wants chNN-M POINTS"),
             ("exercise ch99-9 10\n", "lab9.lab:1: no exercise ch99-9"),
             ("exercise ch01-1 0\n", "lab9.lab:1: ch01-1 is worth 0 points"),
             ("exercise ch01-1 10 guard=nope\n", "lab9.lab:1: guard nope is not a test of ch01-1"),
             ("exercise ch01-1 10\nhidden ch01-2 5\n", "hidden tests of ch01-2, which is not one"),
             ("title T\n", "a lab needs at least one exercise"),
             ("exercise ch01-1 10\ntimeout soon\n", "lab9.lab:2: timeout wants a number")]
    with tempfile.TemporaryDirectory() as t:
        os.makedirs(os.path.join(t, "labs"))
        os.symlink(os.path.join(ROOT, "exercises"), os.path.join(t, "exercises"))
        for text, want in cases:
            with open(os.path.join(t, "labs", "lab9.lab"), "w") as f:
                f.write(text)
            try:
                read_lab(t, 9)
                bad.append("accepted: {!r}".format(text))
            except LabError as e:
                if want not in str(e):
                    bad.append("{!r}: said {!r}, not {!r}".format(text, str(e), want))
        # a time limit kills what runs under `timeout` too, though it is in a group of its own
        t0 = time.monotonic()
        rc, _ = run_limited(["bash", "-c", "timeout 60 sleep 61 & timeout 60 sleep 62; wait"], t, 1)
        took = time.monotonic() - t0
        left = [pid for pid in os.listdir("/proc") if pid.isdigit() and
                _cmdline(pid) in ("sleep 61", "sleep 62", "timeout 60 sleep 61", "timeout 60 sleep 62")]
        if rc is not None or left or took > 10:
            bad.append("run_limited: rc {} after the limit of 1 s, {:.0f} s, left running: {}"
                       .format(rc, took, left))
        if shares(10, ["a", "b", "c"]) != [4, 3, 3] or shares(0, ["g"]) != [0] or shares(5, []) != []:
            bad.append("shares: {}".format(shares(10, ["a", "b", "c"])))
        lab = {"n": 9, "title": "T & <x>"}
        rows = [{"exercise": "ch01-1", "test": "a", "hidden": False, "guard": False, "points": 4,
                 "max": 4, "passed": True, "message": "", "seconds": 1.0},
                {"exercise": "ch01-1", "test": "b", "hidden": True, "guard": False, "points": 0,
                 "max": 3, "passed": False, "message": "panic: <here> & \"there\"", "seconds": 1.0}]
        report = write_reports(t, lab, rows, [("ch01-2", 5)])
        with open(os.path.join(t, "lab9.json")) as f:
            j = json.load(f)
        if (j["score"], j["max_score"], j["hidden_not_graded"], len(j["tests"])) != (4, 7, 5, 2) or \
                j["tests"][1]["status"] != "fail" or j["status"] != "fail" or j != report:
            bad.append("lab9.json: {}".format(j))
        x = ET.parse(os.path.join(t, "lab9.xml")).getroot()
        cases_ = x.findall(".//testcase")
        fails = x.findall(".//failure")
        if len(cases_) != 2 or len(fails) != 1 or fails[0].get("message") != 'panic: <here> & "there"':
            bad.append("lab9.xml: {} cases, {} failures".format(len(cases_), len(fails)))
    for b in bad:
        print("grade self-test: " + b, file=sys.stderr)
    if not bad:
        print("grade self-test: passed ({} malformed lab files refused by line, shares, JSON and "
              "JUnit reports)".format(len(cases)))
    return 1 if bad else 0


def labs_table(root):
    out = ["| lab | chapters | exercises | points | hidden | hours |", "|---|---|---|--:|--:|--:|"]
    for n in lab_numbers(root):
        lab = read_lab(root, n)
        out.append("| [{}: {}](#lab{}) | {} | {} | {} | {} | {} |".format(
            n, lab["title"], n, ", ".join(map(str, lab["chapters"])),
            ", ".join("{}.{}".format(int(ex[2:4]), ex.split("-")[1]) for ex, _ in lab["exercises"]),
            sum(p for _, p in lab["exercises"]), sum(p for _, p in lab["hidden"]), lab["hours"]))
    return "\n".join(out) + "\n"


def appendix(root):
    """The book's appendix: labs/guide.md with the labs' table, their handouts and the common
    mistakes (labs/mistakes.md) put in at its markers."""
    with open(os.path.join(root, "labs", "guide.md"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(root, "labs", "mistakes.md"), encoding="utf-8") as f:
        mistakes = f.read()
    for marker, body in (("<!-- labs-table -->", labs_table(root)), ("<!-- handouts -->", handouts(root)),
                         ("<!-- mistakes -->", mistakes)):
        if text.count(marker) != 1:
            raise LabError("labs/guide.md: the marker {} must be there once".format(marker))
        text = text.replace(marker, body.rstrip("\n"))
    return text


def main(argv):
    sys.stdout.reconfigure(line_buffering=True)
    opts = {}
    for key in ("--root", "--work", "--hidden", "--out", "--timeout", "--solutions"):
        if key in argv:
            i = argv.index(key)
            if i + 1 >= len(argv):
                print("grade: {} wants a value".format(key), file=sys.stderr)
                return 2
            opts[key[2:]] = argv[i + 1]
            argv = argv[:i] + argv[i + 2:]
    root = os.path.abspath(opts.pop("root", ROOT))
    kw = {"work": opts.get("work") and os.path.abspath(opts["work"]),
          "hidden_dir": opts.get("hidden") and os.path.abspath(opts["hidden"]),
          "out": opts.get("out") and os.path.abspath(opts["out"]),
          "timeout": int(opts["timeout"]) if opts.get("timeout", "").isdigit() else None}
    try:
        if argv == ["list"]:
            return list_labs(root)
        if argv == ["self-test"]:
            return self_test()
        if argv == ["numbers"]:	# for tools/test.sh
            print("\n".join(map(str, lab_numbers(root))))
            return 0
        if argv == ["exercises"]:	# every exercise of a lab, for tools/test.sh
            print("\n".join(ex for n in lab_numbers(root) for ex, _ in read_lab(root, n)["exercises"]))
            return 0
        if argv == ["handouts"]:
            print(handouts(root))
            return 0
        if argv == ["appendix"]:
            print(appendix(root))
            return 0
        if len(argv) == 2 and argv[1].isdigit():
            n = int(argv[1])
            if argv[0] == "grade":
                grade(root, n, **kw)	# a grade given is a success, whatever the score
                return 0
            if argv[0] == "start":
                lab = read_lab(root, n)
                for ex, _ in lab["exercises"]:
                    copy = os.path.join(kw["work"] or os.path.join(root, "work"), ex)
                    if os.path.exists(copy):
                        print("lab {}: {} is there already, kept".format(n, os.path.relpath(copy)))
                        continue
                    start(root, ex, copy)
                    print("lab {}: {} started in {}/ (its handout: README.md there)".format(
                        n, ex, os.path.relpath(copy)))
                return 0
            if argv[0] == "starters":
                kw.pop("work")
                return starters(root, n, **kw)
            if argv[0] == "solved" and "solutions" in opts:
                kw.pop("work")
                return solved(root, n, os.path.abspath(opts["solutions"]), **kw)
    except LabError as e:
        print("grade: {}".format(e), file=sys.stderr)
        return 2
    print(__doc__.split("\n\n")[0].split("\n", 1)[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
