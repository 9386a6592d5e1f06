#!/usr/bin/env python3
"""grade.py - the labs: list them, and grade one in a student's working tree.

usage: grade.py list                   (make labs)
       grade.py grade N [--root DIR]   (make grade LAB=N)

A lab is labs/labN.lab (labs/README.md has the format): its title, chapters, reading, the
hours it takes, a time limit per exercise, and its exercises with their points. An
exercise's points are shared out among its tests (the KTEST cases of its pristine
exercises/chNN/M/test.nw), the remainder to the first ones.

Grading checks each exercise's working copy, work/chNN-M/ (made by make exercise
EX=chNN-M), with tools/exercise.sh check, which takes the tests from exercises/, never
from the copy, so editing a test in the copy changes nothing. An exercise with no copy,
one that does not build, does not boot to a verdict, or runs past the lab's time limit
scores 0 for each of its tests, with the reason. One line per test, then the total as the
last line, `Score: X/Y`; and build/grade/labN.json and build/grade/labN.xml (JUnit), the
shapes autograders read. The solutions are never read.
"""

import json
import os
import re
import subprocess
import sys
import time
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYS = {"title", "chapters", "reading", "hours", "timeout", "exercise"}


class LabError(Exception):
    pass


def read_lab(root, n):
    path = os.path.join(root, "labs", "lab{}.lab".format(n))
    if not os.path.exists(path):
        have = sorted(int(m.group(1)) for f in os.listdir(os.path.join(root, "labs"))
                      for m in [re.fullmatch(r"lab(\d+)\.lab", f)] if m)
        raise LabError("there is no lab {} (labs/lab{}.lab); the labs are {}".format(
            n, n, ", ".join(map(str, have)) or "none"))
    lab = {"n": n, "title": "", "chapters": [], "reading": "", "hours": 0, "timeout": 240,
           "exercises": []}
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
            if not line:
                continue
            key, _, rest = line.partition(" ")
            rest = rest.strip()
            where = "{}:{}".format(os.path.relpath(path, root), lineno)
            if key not in KEYS:
                raise LabError("{}: unknown key {!r} (known: {})".format(
                    where, key, ", ".join(sorted(KEYS))))
            if key == "exercise":
                m = re.fullmatch(r"(ch\d\d-\d+)\s+(\d+)", rest)
                if not m:
                    raise LabError("{}: exercise wants chNN-M POINTS, not {!r}".format(where, rest))
                ex, pts = m.group(1), int(m.group(2))
                if not os.path.exists(os.path.join(root, ex_dir(ex), "test.nw")):
                    raise LabError("{}: no exercise {} ({}/test.nw)".format(where, ex, ex_dir(ex)))
                lab["exercises"].append((ex, pts))
            elif key in ("hours", "timeout"):
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
    return lab


def ex_dir(ex):
    chapter, m = ex.split("-")
    return os.path.join("exercises", chapter, m)


def tests_of(root, ex):
    with open(os.path.join(root, ex_dir(ex), "test.nw"), encoding="utf-8") as f:
        return re.findall(r"KTEST\((\w+)\)", f.read())


def shares(points, tests):
    """The exercise's points over its tests: equal shares, the remainder to the first."""
    q, r = divmod(points, len(tests))
    return [q + (1 if i < r else 0) for i in range(len(tests))]


def check(root, ex, timeout):
    """-> ({test: (passed, reason)}, general reason or None, seconds)."""
    copy = os.path.join(root, "work", ex)
    if not os.path.isdir(copy):
        return {}, "no work/{} (start it: make exercise EX={})".format(ex, ex), 0.0
    t0 = time.monotonic()
    try:
        p = subprocess.run([os.path.join(root, "tools", "exercise.sh"), "check", ex, copy],
                           cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           timeout=timeout, env=dict(os.environ, HANDOFF_CWD=root))
    except subprocess.TimeoutExpired:
        return {}, "ran past the lab's time limit of {} s".format(timeout), time.monotonic() - t0
    took = time.monotonic() - t0
    results, current = {}, None
    for line in p.stdout.splitlines():
        m = re.match(r"^  (ok|FAILED)\s+(\w+)(.*)$", line)
        if m:
            current = m.group(2)
            results[current] = (m.group(1) == "ok", m.group(3).strip(" ()") or None)
            continue
        m = re.match(r"^\s+# (\w+): (.*)$", line)
        if m and m.group(1) in results and not results[m.group(1)][1]:
            results[m.group(1)] = (False, m.group(2))
    if p.returncode == 2 or (p.returncode != 0 and not results):
        tail = [l.strip() for l in p.stdout.splitlines() if l.strip()][-3:]
        return {}, "does not build or boot to a verdict: " + " | ".join(tail), took
    panic = [l.strip() for l in p.stdout.splitlines() if "panic:" in l]
    for t, (ok, why) in results.items():
        if not ok and not why and panic:
            results[t] = (False, panic[0])
    return results, None, took


def grade(root, n):
    lab = read_lab(root, n)
    rows, got, total = [], 0, 0
    print("Lab {}: {} (chapters {})".format(n, lab["title"], ", ".join(map(str, lab["chapters"]))))
    for ex, pts in lab["exercises"]:
        tests = tests_of(root, ex)
        results, why, took = check(root, ex, lab["timeout"])
        for t, p in zip(tests, shares(pts, tests)):
            ok, reason = results.get(t, (False, why or "no result: the kernel stopped before it"))
            score = p if ok else 0
            got += score
            total += p
            rows.append({"exercise": ex, "test": t, "points": score, "max": p, "passed": ok,
                         "message": "" if ok else reason or "failed", "seconds": round(took, 1)})
            print("  {}  {:<44} {:>3}/{:<3}{}".format("PASS" if ok else "FAIL", "{} {}".format(ex, t),
                                                     score, p, "" if ok else "  " + (reason or "failed")))
    write_reports(root, lab, rows, got, total)
    print("Score: {}/{}".format(got, total))
    return 0


def write_reports(root, lab, rows, got, total):
    out = os.path.join(root, "build", "grade")
    os.makedirs(out, exist_ok=True)
    base = os.path.join(out, "lab{}".format(lab["n"]))
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump({"lab": lab["n"], "title": lab["title"], "score": got, "max_score": total,
                   "tests": [{"name": "{} {}".format(r["exercise"], r["test"]), "score": r["points"],
                              "max_score": r["max"], "status": "passed" if r["passed"] else "failed",
                              "output": r["message"]} for r in rows]}, f, indent=2)
        f.write("\n")
    fails = sum(1 for r in rows if not r["passed"])
    xml = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<testsuites><testsuite name={} tests="{}" failures="{}">'.format(
               quoteattr("lab{}: {}".format(lab["n"], lab["title"])), len(rows), fails)]
    for r in rows:
        xml.append('  <testcase classname={} name={} time="{}">'.format(
            quoteattr(r["exercise"]), quoteattr("{} ({} of {} points)".format(
                r["test"], r["points"], r["max"])), r["seconds"]))
        if not r["passed"]:
            xml.append('    <failure message={}>{}</failure>'.format(quoteattr(r["message"]),
                                                                   escape(r["message"])))
        xml.append("  </testcase>")
    xml.append("</testsuite></testsuites>")
    with open(base + ".xml", "w", encoding="utf-8") as f:
        f.write("\n".join(xml) + "\n")


def list_labs(root):
    labs = sorted(int(m.group(1)) for f in os.listdir(os.path.join(root, "labs"))
                  for m in [re.fullmatch(r"lab(\d+)\.lab", f)] if m)
    for n in labs:
        lab = read_lab(root, n)
        pts = sum(p for _, p in lab["exercises"])
        print("lab {}: {} (chapters {}; {} exercises, {} points, about {} hours)".format(
            n, lab["title"], ", ".join(map(str, lab["chapters"])), len(lab["exercises"]), pts,
            lab["hours"]))
    return 0


def main(argv):
    root = ROOT
    if "--root" in argv:
        i = argv.index("--root")
        root = os.path.abspath(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    try:
        if argv == ["list"]:
            return list_labs(root)
        if len(argv) == 2 and argv[0] == "grade" and argv[1].isdigit():
            return grade(root, int(argv[1]))
    except LabError as e:
        print("grade: {}".format(e), file=sys.stderr)
        return 2
    print(__doc__.split("\n\n")[0].split("\n", 1)[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
