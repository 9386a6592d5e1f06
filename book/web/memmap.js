/* book/web/memmap.js: the figures of physical memory, drawn in the browser.
 *
 * The web book boots a stage kernel in the page (v86); from a boot with
 * `memdump` on the command line, this file redraws the chapter's figure of
 * physical memory from the `memmap: OWNER 0xSTART 0xEND STATE` lines that boot
 * printed.  It mirrors the drawing half of tools/memmap-figures line for line
 * (parse_memmap, select, lanes, render, text_label, how_made): the same lines
 * and options give, byte for byte, the SVG that
 *
 *     tools/memmap-figures --svg LOG [owners=a,b] [window=0-2M]
 *
 * prints, and the same error messages.  tools/memmap-js-selftest.sh proves it
 * on the book's cached boots and on synthetic logs; change both files or the
 * self-test fails.  Where Python and JavaScript differ, the small helpers
 * below do what Python does: addresses are BigInt (they go up to 2^64),
 * "{:.1f}" rounds half to even (toFixed rounds half up), error messages quote
 * as Python's ascii() does, \s is Python's whitespace, and the fallback style
 * of an unknown state comes from SHA-256, written out here (crypto.subtle is
 * asynchronous).  A plain script, no modules: it works from file:// and
 * defines window.HandoffMemmap; under node, module.exports is the same object.
 *
 *   HandoffMemmap.parse(text, where)       -> [{owner, start, end, state}] (start, end BigInt)
 *   HandoffMemmap.svg(ranges, {owners, window, id, where})  -> the SVG, as --svg prints it
 *   HandoffMemmap.describe(ranges, {owners, window, stage, mem, machine, cmdline, emulator, where})
 *        -> the line under a printed figure: how it was made (with stage) and the scale (Markdown)
 *   HandoffMemmap.parseWindow(text, where) -> [start, end] (BigInt) or null; throws if bad
 *   HandoffMemmap.splitOwners(text)        -> ["a", "b"] from "a b" or "a,b"
 *   HandoffMemmap.pyAscii(text)            -> Python's ascii(text), for messages
 *
 * owners: an array, or a string as in data-owners, or null ([], "" and null are
 * every owner, in printed order); window: a string such as "0-2M" or
 * "0x0-0x200000", or null ("" is an error, as window= is for --svg: pass
 * `figure.dataset.window || null`); id: the figure's id, which prefixes the
 * ids inside the SVG (default "fig", as --svg; give the figure's own id, e.g.
 * "fig-3-1", to redraw a figure of the book in place: same bytes as printed);
 * emulator: for describe (default "QEMU"); where: what error messages start
 * with (tools/memmap-figures puts the log's path there; default "serial log").
 * Errors are thrown as Error, with the message the Python prints after
 * "memmap-figures: ".
 */
(function () {
  "use strict";

  var DEFAULT_WHERE = "serial log";

  // ------------------------------------------------------------------------
  // What Python does and JavaScript does differently

  // Python's \s in a str pattern, and str.strip()'s set: the characters c
  // with c.isspace() (JavaScript's \s lacks U+001C-U+001F and U+0085, and has U+FEFF).
  var PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a" +
                 "\\u2028\\u2029\\u202f\\u205f\\u3000";
  var MEMMAP = new RegExp("^memmap: ([^" + PY_SPACE + "]+) 0x([0-9a-fA-F]+) 0x([0-9a-fA-F]+) ([^" +
                          PY_SPACE + "]+)[" + PY_SPACE + "]*$", "u");
  var OWNER_SEPARATORS = new RegExp("[" + PY_SPACE + ",]+", "u");
  var WORD_SEPARATORS = new RegExp("[" + PY_SPACE + "]+", "u");
  var STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "gu");
  var TWO_TO_64 = 1n << 64n;

  function pyStrip(s) {
    return s.replace(STRIP, "");
  }

  // Python's ascii(s): repr() with every non-ASCII character escaped.
  function pyAscii(s) {
    var quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
    var out = quote;
    for (var ch of s) {
      var c = ch.codePointAt(0);
      if (ch === quote || ch === "\\") out += "\\" + ch;
      else if (ch === "\t") out += "\\t";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0x100)) out += "\\x" + hexDigits(c, 2);
      else if (c >= 0x100 && c < 0x10000) out += "\\u" + hexDigits(c, 4);
      else if (c >= 0x10000) out += "\\U" + hexDigits(c, 8);
      else out += ch;
    }
    return out + quote;
  }

  function hexDigits(n, width) {
    return n.toString(16).padStart(width, "0");
  }

  // Python's html.escape(s) (quote=True).
  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
            .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  // Python's len(s): code points, not UTF-16 units.
  function pyLen(s) {
    var n = 0;
    for (var _ of s) n++;   // eslint-disable-line no-unused-vars
    return n;
  }

  function hex(n) {
    return "0x" + n.toString(16);
  }

  function compareBig(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  // A double as mantissa * 2^exponent, both exact (mantissa a BigInt).
  var scratch = new DataView(new ArrayBuffer(8));
  function exactParts(x) {
    scratch.setFloat64(0, x);
    var hi = scratch.getUint32(0), lo = scratch.getUint32(4);
    var biased = (hi >>> 20) & 0x7ff;
    var mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (biased === 0) return [mantissa, -1074];
    return [mantissa | (1n << 52n), biased - 1075];
  }

  // Python's math.frexp(x) for a normal x > 0: [m, e], x = m * 2^e, 0.5 <= m < 1.
  function frexp(x) {
    scratch.setFloat64(0, x);
    var hi = scratch.getUint32(0);
    var e = ((hi >>> 20) & 0x7ff) - 1022;
    scratch.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
    return [scratch.getFloat64(0), e];
  }

  // Python's "{:.Nf}".format(x): the exact value of x, rounded half to even.
  function fixed(x, digits) {
    var negative = x < 0 || Object.is(x, -0);
    var parts = exactParts(Math.abs(x));
    var scaled = parts[0] * 10n ** BigInt(digits);
    var q;
    if (parts[1] >= 0) {
      q = scaled << BigInt(parts[1]);
    } else {
      var den = 1n << BigInt(-parts[1]);
      q = scaled / den;
      var twice = (scaled % den) * 2n;
      if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
    }
    var s = q.toString().padStart(digits + 1, "0");
    if (digits) s = s.slice(0, s.length - digits) + "." + s.slice(s.length - digits);
    return (negative ? "-" : "") + s;
  }

  // SHA-256 of a string's UTF-8 bytes, as hex (for the style of an unknown state).
  var SHA_K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function sha256Hex(text) {
    var bytes = new TextEncoder().encode(text);
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    var bits = new DataView(padded.buffer);
    bits.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
    bits.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    var rotr = function (x, n) { return (x >>> n) | (x << (32 - n)); };
    for (var block = 0; block < padded.length; block += 64) {
      for (var i = 0; i < 64; i++) {
        if (i < 16) {
          w[i] = bits.getUint32(block + 4 * i);
        } else {
          var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
          var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
          w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
        }
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f_ = h[5], g = h[6], hh = h[7];
      for (var j = 0; j < 64; j++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f_) ^ (~e & g)) +
                  SHA_K[j] + w[j]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f_; f_ = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f_, h[6] + g, h[7] + hh]
        .map(function (x) { return x | 0; });
    }
    return h.map(function (x) { return hexDigits(x >>> 0, 8); }).join("");
  }

  // ------------------------------------------------------------------------
  // Reading: parse_memmap, parse_size, the window of Figure

  function parse(text, where) {
    where = where || DEFAULT_WHERE;
    var ranges = [];
    for (var line of text.split(/\r\n|\r|\n/)) {   // Python's universal newlines
      if (!line.startsWith("memmap:")) continue;
      var m = MEMMAP.exec(line);
      if (!m) {
        throw new Error(where + ": malformed memmap line " + pyAscii(line) +
                        " (want 'memmap: OWNER 0xSTART 0xEND STATE')");
      }
      var start = BigInt("0x" + m[2]), end = BigInt("0x" + m[3]);
      if (end <= start) throw new Error(where + ": memmap line with end <= start: " + pyAscii(line));
      if (end > TWO_TO_64) {
        throw new Error(where + ": memmap line beyond 64-bit addresses: " + pyAscii(line));
      }
      ranges.push({owner: m[1], start: start, end: end, state: m[4]});
    }
    return ranges;
  }

  function parseSize(s, where) {
    var m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([KMGkmg]?)$/.exec(pyStrip(s));
    if (!m) {
      throw new Error(where + ": bad address " + pyAscii(s) +
                      " (hex 0x..., or decimal with K, M or G)");
    }
    var n = BigInt(/^0[xX]/.test(m[1]) ? "0x" + m[1].slice(2) : m[1]);
    return n << {"": 0n, K: 10n, M: 20n, G: 30n}[m[2].toUpperCase()];
  }

  function parseWindow(text, where) {
    where = where || DEFAULT_WHERE;
    if (text === null || text === undefined) return null;
    var dash = text.indexOf("-");
    if (dash < 0) throw new Error(where + ": window=START-END, e.g. window=0-0x200000");
    var win = [parseSize(text.slice(0, dash), where), parseSize(text.slice(dash + 1), where)];
    if (win[0] >= win[1]) throw new Error(where + ": empty window " + text);
    return win;
  }

  function normMem(s, where) {
    if (!/^[0-9]+[KMGkmg]?$/.test(s)) {
      throw new Error(where + ": bad memory size mem=" + pyAscii(s) + " (e.g. 128M, 4G)");
    }
    return (/^[0-9]+$/.test(s) ? s + "M" : s).toUpperCase();
  }

  function memWords(mem) {
    return String(parseInt(mem.slice(0, -1), 10)) + " " + mem.slice(-1) + "iB";
  }

  // ------------------------------------------------------------------------
  // Drawing: the same tables and the same arithmetic, in the same order

  var STYLES = {
    usable:    ["#d3ecc9", null, "#2f6b22"],
    free:      ["#ffffff", "dots", "#2f6b22"],
    reserved:  ["#c9c9c9", "diag", "#303030"],
    allocated: ["#f5b48f", "cross", "#6e2a0b"],
    node0:     ["#c6dbef", "vlines", "#1d4270"],
    node1:     ["#fde4a6", "hlines", "#6b4d00"],
    node2:     ["#dcd6ec", "backdiag", "#3f2f70"],
    node3:     ["#f7c3cb", "bigdots", "#6f1f2c"]
  };
  var FALLBACK = [["#fde4a6", "hlines", "#6b4d00"], ["#c6dbef", "vlines", "#1d4270"],
                  ["#dcd6ec", "backdiag", "#3f2f70"], ["#f7c3cb", "bigdots", "#6f1f2c"],
                  ["#e0e0e0", "grid", "#303030"]];

  function styleOf(state) {
    if (Object.prototype.hasOwnProperty.call(STYLES, state)) return STYLES[state];
    return FALLBACK[Number(BigInt("0x" + sha256Hex(state)) % BigInt(FALLBACK.length))];
  }

  function patternDef(pid, kind, fill, ink) {
    var pat = function (size, body) {
      return '<pattern id="' + pid + '" patternUnits="userSpaceOnUse" width="' + size +
             '" height="' + size + '"><rect width="' + size + '" height="' + size + '" fill="' +
             fill + '"/>' + body + "</pattern>";
    };
    var line = function (d, width) {
      return '<path d="' + d + '" stroke="' + ink + '" stroke-width="' + width + '" fill="none"/>';
    };
    switch (kind) {
      case "dots": return pat(6, '<circle cx="3" cy="3" r="0.9" fill="' + ink + '"/>');
      case "bigdots": return pat(5, '<circle cx="2.5" cy="2.5" r="1.4" fill="' + ink + '"/>');
      case "diag": return pat(6, line("M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2", 1));
      case "backdiag": return pat(6, line("M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2", 1));
      case "cross": return pat(6, line("M0,6 l6,-6 M0,0 l6,6", 0.8));
      case "hlines": return pat(5, line("M0,2.5 h5", 1));
      case "vlines": return pat(5, line("M2.5,0 v5", 1));
      case "grid": return pat(6, line("M0,3 h6 M3,0 v6", 0.7));
    }
    throw new Error(kind);
  }

  var UNITS = [[60n, "EiB"], [50n, "PiB"], [40n, "TiB"], [30n, "GiB"], [20n, "MiB"], [10n, "KiB"]];

  // A size in binary units: exact, or three figures after "≈".
  function human(n) {
    for (var u of UNITS) {
      var one = 1n << u[0];
      if (n >= one) {
        if (n % one === 0n) return (n >> u[0]) + " " + u[1];
        var v = Number(n) / Number(one);   // = Python's n / (1 << shift): one is a power of 2
        var digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        return "≈" + fixed(v, digits) + " " + u[1];
      }
    }
    return n + " B";
  }

  // A DejaVu Sans text width estimate; generous, so labels never collide.
  function textW(s, size) {
    return pyLen(s) * size * 0.62;
  }

  // A coordinate: "{:.1f}" without trailing zeros, integers as integers.
  function f(x) {
    if (Number.isInteger(x)) return BigInt(x).toString();
    return fixed(x, 1).replace(/0+$/, "").replace(/\.+$/, "");
  }

  // log2 as tools/memmap-figures computes it, from frexp and + - * / alone.
  function log2(x) {
    var me = frexp(x), m = me[0], e = me[1];
    if (m < 0.7071067811865476) {
      m = m * 2;
      e = e - 1;
    }
    var s = (m - 1) / (m + 1);
    var z = s * s;
    var acc = 0.0;
    for (var k = 12; k >= 0; k--) acc = acc * z + 1.0 / (2 * k + 1);
    return e + 2 * s * acc / 0.6931471805599453;
  }

  function plainSum(xs) {
    var total = 0.0;
    for (var x of xs) total += x;
    return total;
  }

  function ownersInOrder(ranges) {
    var present = [];
    for (var r of ranges) if (present.indexOf(r.owner) < 0) present.push(r.owner);
    return present;
  }

  function select(ranges, owners, win, where) {
    var present = ownersInOrder(ranges);
    if (owners && owners.length) {
      var missing = owners.filter(function (o) { return present.indexOf(o) < 0; });
      if (missing.length) {
        throw new Error(where + ": the kernel printed no memmap lines for owner(s) " +
                        missing.join(", ") + " (it printed: " + present.join(", ") + ")");
      }
    } else {
      owners = present;
    }
    var out = [];
    for (var r of ranges) {
      if (owners.indexOf(r.owner) < 0) continue;
      var start = r.start, end = r.end;
      if (win) {
        start = start > win[0] ? start : win[0];
        end = end < win[1] ? end : win[1];
        if (start >= end) continue;
      }
      out.push({owner: r.owner, start: start, end: end, state: r.state});
    }
    if (!out.length) {
      throw new Error(where + ": nothing to draw: no range of " + owners.join(", ") +
                      " falls in the window");
    }
    return [owners, out];
  }

  // Overlapping ranges of one owner go on separate lanes: [lanes, [[lane, range]]].
  function lanes(rs) {
    var ends = [], out = [];
    var sorted = rs.slice().sort(function (a, b) {
      return compareBig(a.start, b.start) || compareBig(a.end, b.end);
    });
    for (var r of sorted) {
      var i = ends.findIndex(function (e) { return e <= r.start; });
      if (i >= 0) {
        ends[i] = r.end;
        out.push([i, r]);
      } else {
        ends.push(r.end);
        out.push([ends.length - 1, r]);
      }
    }
    return [Math.max(1, ends.length), out];
  }

  var LABEL_RANGES = 12;

  // The figure's text label (its <title>): owners, then ranges, states and sizes.
  function textLabel(owners, rs, win) {
    var n = rs.length;
    var s = "Map of physical memory: " + n + " range" + (n === 1 ? "" : "s") + " of " +
            owners.join(", ");
    if (win) s += " between " + hex(win[0]) + " and " + hex(win[1]);
    s += ".";
    var left = LABEL_RANGES;
    for (var owner of owners) {
      var told = rs.filter(function (r) { return r.owner === owner; }).slice(0, left);
      if (told.length) {
        left -= told.length;
        s += " " + owner + ": " + told.map(function (r) {
          return r.state + " " + hex(r.start) + "–" + hex(r.end) + " (" + human(r.end - r.start) + ")";
        }).join(", ") + ".";
      }
    }
    if (n > LABEL_RANGES) s += " " + (n - LABEL_RANGES) + " more not listed.";
    return s;
  }

  function uniqueSorted(values) {
    var sorted = values.slice().sort(compareBig);
    return sorted.filter(function (v, i) { return i === 0 || v !== sorted[i - 1]; });
  }

  // render() of tools/memmap-figures: {svg, note}.
  function render(ranges, owners, win, fid, where) {
    var chosen = select(ranges, owners, win, where);
    owners = chosen[0];
    var rs = chosen[1];
    var edges = [];
    for (var r of rs) edges.push(r.start, r.end);
    if (win) edges.push(win[0], win[1]);
    var bounds = uniqueSorted(edges);
    var spans = [];
    for (var i = 0; i + 1 < bounds.length; i++) spans.push([bounds[i], bounds[i + 1]]);
    var covered = spans.map(function (sp) {
      return rs.some(function (r) { return r.start < sp[1] && r.end > sp[0]; });
    });

    var W = 680.0, pad = 6.0;
    var label_w = Math.max(54.0, Math.max.apply(null, owners.map(function (o) {
      return textW(o, 10) * 1.12;
    })) + 12);
    var x0 = pad + label_w, x1 = W - pad - 4;
    var avail = x1 - x0;
    var n = spans.length;
    var smallest = spans.reduce(function (m, sp) {
      var size = sp[1] - sp[0];
      return m === null || size < m ? size : m;
    }, null);
    var logs = spans.map(function (sp) { return log2(Number(sp[1] - sp[0]) / Number(smallest)); });
    var minw = 16.0;
    var widths, scale;
    if (n * minw >= avail || plainSum(logs) === 0) {
      widths = spans.map(function () { return avail / n; });
      scale = "every interval between two boundaries is drawn the same width";
    } else {
      var step = (avail - n * minw) / plainSum(logs);
      widths = logs.map(function (l) { return minw + step * l; });
      scale = "the width of an interval between two boundaries grows with the logarithm of " +
              "its size (each doubling adds the same width)";
    }
    var xs = [x0];
    for (var w of widths) xs.push(xs[xs.length - 1] + w);
    var xat = new Map();
    bounds.forEach(function (b, k) { xat.set(b, xs[k]); });

    var states = [];
    for (var r2 of rs) if (states.indexOf(r2.state) < 0) states.push(r2.state);
    var pid = new Map();
    states.forEach(function (s, k) { pid.set(s, fid + "-p" + k); });

    var out = [];
    var y = pad;
    // sizes of the intervals, where they fit
    var size_h = 12.0;
    spans.forEach(function (sp, k) {
      var xa = xs[k], xb = xs[k + 1];
      var s = human(sp[1] - sp[0]);
      if (textW(s, 8) <= xb - xa - 2) {
        out.push('<text x="' + f((xa + xb) / 2) + '" y="' + f(y + 8) +
                 '" font-size="8" text-anchor="middle" fill="#444">' + s + "</text>");
      }
    });
    y += size_h;
    var band_top = y;
    var guides_at = out.length;   // boundary guides go behind the bands
    var lane_h = 20.0, gap = 6.0;
    for (var owner of owners) {
      var laid = lanes(rs.filter(function (q) { return q.owner === owner; }));
      var h = laid[0] * lane_h;
      out.push('<text x="' + f(x0 - 6) + '" y="' + f(y + h / 2 + 3.5) +
               '" font-size="10" text-anchor="end" font-weight="bold">' + escapeHtml(owner) + "</text>");
      out.push('<rect x="' + f(x0) + '" y="' + f(y) + '" width="' + f(avail) + '" height="' + f(h) +
               '" fill="none" stroke="#bbb" stroke-width="0.5" stroke-dasharray="2,2"/>');
      for (var placed of laid[1]) {
        var range = placed[1];
        var xa = xat.get(range.start), xb = xat.get(range.end);
        var ly = y + placed[0] * lane_h;
        var style = styleOf(range.state);
        var paint = style[1] ? "url(#" + pid.get(range.state) + ")" : style[0];
        out.push('<rect x="' + f(xa) + '" y="' + f(ly + 1) + '" width="' + f(xb - xa) + '" height="' +
                 f(lane_h - 2) + '" fill="' + paint + '" stroke="#222" stroke-width="0.8"/>');
        var tw = textW(range.state, 8);
        if (tw + 6 <= xb - xa) {
          var cx = (xa + xb) / 2;
          out.push('<rect x="' + f(cx - tw / 2 - 2) + '" y="' + f(ly + lane_h / 2 - 5.5) + '" width="' +
                   f(tw + 4) + '" height="11" fill="#fff" fill-opacity="0.9"/>');
          out.push('<text x="' + f(cx) + '" y="' + f(ly + lane_h / 2 + 3) +
                   '" font-size="8" text-anchor="middle">' + escapeHtml(range.state) + "</text>");
        }
      }
      y += h + gap;
    }
    y -= gap;
    // the axis: a tick and an address at each boundary, a break mark in holes
    y += 4;
    var axis_y = y;
    out.push('<line x1="' + f(x0) + '" y1="' + f(axis_y) + '" x2="' + f(x1) + '" y2="' + f(axis_y) +
             '" stroke="#222" stroke-width="1"/>');
    var guides = bounds.map(function (b) {
      var x = f(xat.get(b));
      return '<line x1="' + x + '" y1="' + f(band_top) + '" x2="' + x + '" y2="' + f(axis_y) +
             '" stroke="#999" stroke-width="0.5"/>';
    });
    out.splice.apply(out, [guides_at, 0].concat(guides));
    for (var b of bounds) {
      var bx = f(xat.get(b));
      out.push('<line x1="' + bx + '" y1="' + f(axis_y) + '" x2="' + bx + '" y2="' + f(axis_y + 4) +
               '" stroke="#222" stroke-width="0.8"/>');
    }
    var holes = false;
    spans.forEach(function (sp, k) {
      if (!covered[k]) {
        holes = true;
        var cx = (xs[k] + xs[k + 1]) / 2;
        out.push('<rect x="' + f(cx - 4) + '" y="' + f(axis_y - 4) + '" width="8" height="8" fill="#fff"/>');
        out.push('<path d="M' + f(cx - 5) + "," + f(axis_y + 4) + " l4,-8 M" + f(cx - 1) + "," +
                 f(axis_y + 4) + ' l4,-8" stroke="#222" stroke-width="1"/>');
      }
    });
    var longest = Math.max.apply(null, bounds.map(function (q) { return textW(hex(q), 8); }));
    for (var b2 of bounds) {
      var tx = f(xat.get(b2) + 3), ty = f(axis_y + 7);
      out.push('<text x="' + tx + '" y="' + ty + '" font-size="8" text-anchor="end" transform="rotate(-90 ' +
               tx + " " + ty + ')">' + hex(b2) + "</text>");
    }
    y = axis_y + 7 + longest + 10;
    // the legend
    var lx = x0;
    for (var st of states) {
      var sty = styleOf(st);
      var need = 18 + textW(st, 9) + 14;
      if (lx + need > x1 && lx > x0) {
        lx = x0;
        y = y + 16;
      }
      var legendPaint = sty[1] ? "url(#" + pid.get(st) + ")" : sty[0];
      out.push('<rect x="' + f(lx) + '" y="' + f(y) + '" width="14" height="10" fill="' + legendPaint +
               '" stroke="#222" stroke-width="0.8"/>');
      out.push('<text x="' + f(lx + 18) + '" y="' + f(y + 8.5) + '" font-size="9">' + escapeHtml(st) +
               "</text>");
      lx += need;
    }
    if (holes) {
      var holeNeed = 18 + textW("no range printed", 9);
      if (lx + holeNeed > x1 && lx > x0) {
        lx = x0;
        y = y + 16;
      }
      out.push('<line x1="' + f(lx) + '" y1="' + f(y + 5) + '" x2="' + f(lx + 14) + '" y2="' + f(y + 5) +
               '" stroke="#222"/>');
      out.push('<path d="M' + f(lx + 3) + "," + f(y + 9) + " l4,-8 M" + f(lx + 7) + "," + f(y + 9) +
               ' l4,-8" stroke="#222"/>');
      out.push('<text x="' + f(lx + 18) + '" y="' + f(y + 8.5) + '" font-size="9">no range printed</text>');
    }
    var height = y + 10 + pad;

    var defs = states.filter(function (s) { return styleOf(s)[1]; }).map(function (s) {
      var sty2 = styleOf(s);
      return patternDef(pid.get(s), sty2[1], sty2[0], sty2[2]);
    }).join("");
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" class="memmap-svg" viewBox="0 0 ' + f(W) + " " +
              f(height) + '" width="' + f(W) + '" height="' + f(height) +
              '" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-labelledby="' + fid +
              '-title">\n<title id="' + fid + '-title">' + escapeHtml(textLabel(owners, rs, win)) +
              "</title>\n<defs>" + defs + "</defs>\n" + out.join("\n") + "\n</svg>";
    var note = "Not to scale: " + scale + "; sizes are written above the bands where they fit.";
    if (holes) note += " A break mark on the axis is a hole no drawn range covers.";
    return {svg: svg, note: note};
  }

  // ------------------------------------------------------------------------
  // The API

  // owners: an array, or a string as in data-owners ("a b" or "a,b"), or null: [] is every owner.
  function ownersOption(owners) {
    return typeof owners === "string" ? splitOwners(owners) : owners || [];
  }

  function draw(ranges, options) {
    options = options || {};
    var where = options.where || DEFAULT_WHERE;
    var win = parseWindow(options.window, where);
    if (!ranges || !ranges.length) throw new Error(where + ": no memmap lines");
    return render(ranges, ownersOption(options.owners), win, options.id || "fig", where);
  }

  function svg(ranges, options) {
    return draw(ranges, options).svg;
  }

  // how_made() and the note on the scale, as under a printed figure (Markdown:
  // `...` is code); without options.stage, the note alone.
  function describe(ranges, options) {
    options = options || {};
    var note = draw(ranges, options).note;
    if (options.stage === undefined || options.stage === null) return note;
    var where = options.where || DEFAULT_WHERE;
    var machine = options.machine || "pc";
    if (machine !== "pc" && machine !== "q35") {
      throw new Error(where + ": machine must be pc or q35, not " + pyAscii(machine));
    }
    var words = (options.cmdline || "memdump").split(WORD_SEPARATORS).filter(Boolean);
    if (words.indexOf("memdump") < 0) words.push("memdump");
    var s = "Drawn from the `memmap:` lines stage " + options.stage + " printed when it booted in " +
            (options.emulator || "QEMU") + " (machine " + machine + ", " +
            memWords(normMem(options.mem || "128M", where)) + ", command line `" + words.join(" ") + "`).";
    var owners = ownersOption(options.owners);
    if (owners.length) s += " Owners shown: " + owners.map(function (o) { return "`" + o + "`"; }).join(", ") + ".";
    var win = parseWindow(options.window, where);
    if (win) s += " Only addresses " + hex(win[0]) + "–" + hex(win[1]) + "; ranges are cut at these edges.";
    return s + " " + note;
  }

  // An owners= value of the command line or of data-owners, as the Python splits it.
  function splitOwners(text) {
    return (text || "").split(OWNER_SEPARATORS).filter(Boolean);
  }

  var api = {parse: parse, parseWindow: parseWindow, svg: svg, describe: describe,
             splitOwners: splitOwners, pyAscii: pyAscii};
  if (typeof module === "object" && module.exports) module.exports = api;   // node
  else globalThis.HandoffMemmap = api;                                    // window.HandoffMemmap
})();
