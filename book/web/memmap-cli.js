#!/usr/bin/env node
/* book/web/memmap-cli.js: book/web/memmap.js on the command line.
 *
 *     node book/web/memmap-cli.js LOG [owners=a,b] [window=0-2M]
 *
 * prints what `tools/memmap-figures --svg LOG [owners=a,b] [window=0-2M]`
 * prints: the same SVG on stdout, or the same message on stderr and exit
 * status 1, checking in the same order (arguments, window, the log's lines,
 * owners).  It mirrors svg_main() of tools/memmap-figures, so that
 * tools/memmap-js-selftest.sh can compare the two byte for byte; required as
 * a module, it gives run(args) -> {status, stdout, stderr} for that.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const HandoffMemmap = require(path.join(__dirname, "memmap.js"));

// What Python's e.strerror says for the errors a read can give (glibc's words).
const STRERROR = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  ELOOP: "Too many levels of symbolic links",
  ENAMETOOLONG: "File name too long",
};

function readOptions(args) {
  const options = {};
  for (const a of args) {
    const eq = a.indexOf("=");
    const key = eq < 0 ? "" : a.slice(0, eq);
    if (key !== "owners" && key !== "window") {
      throw new Error("--svg takes owners=... and window=A-B, not " + HandoffMemmap.pyAscii(a));
    }
    options[key] = a.slice(eq + 1);   // given twice: the last wins, as in the Python
  }
  return options;
}

function readLog(file) {
  try {
    return fs.readFileSync(file).toString("utf8");   // bad UTF-8 -> U+FFFD, as errors="replace"
  } catch (e) {
    throw new Error(file + ": cannot read it (" + (STRERROR[e.code] || e.code) + ")");
  }
}

function svgOfLog(args) {
  if (!args.length) throw new Error("usage: memmap-figures --svg LOG [owners=...] [window=A-B]");
  const log = args[0];
  const given = readOptions(args.slice(1));
  const options = {
    where: log,
    owners: HandoffMemmap.splitOwners(given.owners),
    window: given.window === undefined ? null : given.window,
  };
  HandoffMemmap.parseWindow(options.window, log);   // the window is checked before the log is read
  const ranges = HandoffMemmap.parse(readLog(log), log);
  return HandoffMemmap.svg(ranges, options);
}

function run(args) {
  try {
    return {status: 0, stdout: svgOfLog(args) + "\n", stderr: ""};
  } catch (e) {
    return {status: 1, stdout: "", stderr: "memmap-figures: " + e.message + "\n"};
  }
}

if (require.main === module) {
  const result = run(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.status;
} else {
  module.exports = {run};
}
