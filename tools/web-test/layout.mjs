// layout.mjs HTMLDIR [SHOTDIR]: the web book as a reader sees it, in Debian's Chromium.
//
// For every page of HTMLDIR (tools/book-web's), opened from file://, at 1280 px and at 400 px:
//   - at 1280 px, no code chunk (.chunk pre) and no other block of code needs a horizontal
//     scroll (its scrollWidth exceeds its width by more than a pixel);
//   - at 400 px, the page itself is no wider than the window, the rows of "What stage N adds"
//     do not overlap (a file's name and its line count side by side or stacked, never on top
//     of each other), and every figure of memory keeps its drawing's width and scrolls sideways
//     in its .memmap-scroll box instead of shrinking;
//   - at both, every figure's SVG has a text label (role="img" and aria-label or <title>).
// Then what a reader does: a chunk use expands in place (on chapter 4's page one defined there,
// on chapter 1's one defined on a later chapter's page), and the search box finds an
// identifier, a chunk and a word of prose; and at 400 px stage 1 boots in its panel, whose
// redrawn map scrolls sideways too (its screenshot: boot-panel-400.png).  Screenshots of chapter 4's page at both widths go to SHOTDIR (default
// HTMLDIR/../screenshots): chapter-1280.png, chapter-400.png (the first 2400 px).
//
// One line per failure, then "layout: N pages at 1280 and 400 px, N code blocks, N overflowing
// at 1280; N checks failed"; exit status 1 when any check failed.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../book/web/package.json"));
const { chromium } = require("playwright-core");

const [htmlDir, shotArg] = process.argv.slice(2);
if (!htmlDir) {
  console.error("usage: node tools/web-test/layout.mjs HTMLDIR [SHOTDIR]");
  process.exit(2);
}
const root = path.resolve(htmlDir);
const shots = path.resolve(shotArg || path.join(root, "..", "screenshots"));
const pages = fs.readdirSync(root).filter(f => f.endsWith(".html") && f !== "book.html").sort();
if (!pages.some(f => /^\d\d-/.test(f))) {
  console.error(`layout: no chapter pages (NN-*.html) in ${root}: build the web book first (make book-html)`);
  process.exit(1);
}
fs.mkdirSync(shots, { recursive: true });

const failures = [];
const fail = (page, what) => failures.push(`${page}: ${what}`);

// In the page: the blocks of code that scroll sideways, the figures' labels and widths, and
// the overlaps in the stage box.
function measure() {
  const px = el => el.getBoundingClientRect();
  const out = { code: 0, chunkOverflow: [], preOverflow: [], figures: [], overlaps: [], pageWidth: 0 };
  for (const pre of document.querySelectorAll("main pre")) {
    if (pre.closest(".expansion") || pre.closest(".boot-panel")) continue;
    out.code++;
    if (pre.scrollWidth > pre.clientWidth + 1) {
      const chunk = pre.closest(".chunk");
      const where = chunk ? chunk.id : (pre.previousElementSibling ? pre.previousElementSibling.textContent.slice(0, 40) : "");
      (chunk ? out.chunkOverflow : out.preOverflow).push(`${where} (${pre.scrollWidth} > ${pre.clientWidth} px)`);
    }
  }
  for (const fig of document.querySelectorAll("figure.memmap")) {
    const svg = fig.querySelector("svg");
    if (!svg) continue;
    const box = fig.querySelector(".memmap-scroll");
    const label = svg.getAttribute("role") === "img" &&
      ((svg.getAttribute("aria-label") || "").trim() || (svg.querySelector("title") || {}).textContent);
    out.figures.push({
      id: fig.id, label: !!label, svgWidth: px(svg).width,
      natural: parseFloat(svg.getAttribute("width")) || 0,
      scrolls: box ? box.scrollWidth > box.clientWidth + 1 : false, boxed: !!box,
      boxWidth: box ? box.clientWidth : 0,
    });
  }
  for (const li of document.querySelectorAll(".stage-adds li")) {
    const lines = li.querySelector(".lines"), name = li.querySelector("a");
    if (!lines || !name) continue;
    const a = px(lines), b = px(name.querySelector("code") || name);
    const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    if (overlap) out.overlaps.push(li.textContent.trim().slice(0, 60));
  }
  out.pageWidth = document.documentElement.scrollWidth;
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let code = 0, overflowing = 0;
try {
  for (const width of [1280, 400]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", e => fail(`${page.url().split("/").pop()} at ${width} px`, `script error: ${e.message}`));
    for (const file of pages) {
      await page.goto(pathToFileURL(path.join(root, file)).href, { waitUntil: "load" });
      const m = await page.evaluate(measure);
      const at = `${file} at ${width} px`;
      if (width === 1280) {
        code += m.code;
        overflowing += m.chunkOverflow.length + m.preOverflow.length;
        for (const c of m.chunkOverflow) fail(at, `code chunk scrolls sideways: ${c}`);
        for (const c of m.preOverflow) fail(at, `block of code or output scrolls sideways: ${c}`);
      } else {
        if (m.pageWidth > width + 1) fail(at, `the page is ${m.pageWidth} px wide, wider than the window`);
        for (const o of m.overlaps) fail(at, `"What stage N adds" row overlaps: ${o}`);
        for (const f of m.figures) {
          if (!f.boxed) fail(at, `figure ${f.id} has no .memmap-scroll box`);
          else if (!f.scrolls) fail(at, `figure ${f.id} does not scroll sideways (${f.svgWidth} px in ${f.boxWidth} px)`);
        }
      }
      for (const f of m.figures) if (!f.label) fail(at, `figure ${f.id}'s SVG has no text label (role="img" with aria-label or <title>)`);
      if (file === "04-lmb.html") {
        await page.screenshot({ path: path.join(shots, `chapter-${width}.png`), clip: { x: 0, y: 0, width, height: 2400 }, fullPage: true });
      }
    }
    await context.close();
  }

  // What a reader does: expand a chunk use defined on the page (chapter 4's), and one defined
  // on another page (chapter 1's <<boot steps>>, which later chapters continue).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const [file, kind] of [["04-lmb.html", "local"], ["01-boot.html", "away"]]) {
    await page.goto(pathToFileURL(path.join(root, file)).href, { waitUntil: "load" });
    const e = await page.evaluate(kind => {
      for (const button of document.querySelectorAll("pre button.expand")) {
        const link = button.previousElementSibling;
        const tpl = document.querySelector(`template.chunk-code[data-first="${link.getAttribute("href").split("#")[1]}"]`);
        const away = tpl && tpl.content.querySelector(".expanded-def");
        if ((kind === "away") !== !!away) continue;
        button.click();
        const box = button.nextElementSibling;
        const ok = box && box.classList.contains("expansion");
        return { name: link.textContent, labels: ok ? box.querySelectorAll(".expansion-label").length : 0,
                 lines: ok ? box.querySelectorAll(":scope > span").length : 0 };
      }
      return null;
    }, kind);
    const where = kind === "local" ? "on the page" : "on another page";
    if (!e) fail(file, `no chunk use defined ${where} to expand`);
    else if (!e.lines || !e.labels) fail(file, `expanding ${e.name} (defined ${where}) showed no code`);
  }
  // The boot panel on a phone: stage 1 booted with memdump, its map redrawn from the boot,
  // which scrolls sideways as the book's figures do; the panel's screenshot beside the others.
  const phone = await browser.newContext({ viewport: { width: 400, height: 900 } });
  const small = await phone.newPage();
  await small.goto(pathToFileURL(path.join(root, "01-boot.html")).href + "?boot=auto&cmdline=memdump",
                   { waitUntil: "load" });
  const drawn = await small.waitForSelector(".boot-verdict[data-verdict]", { timeout: 120000 })
    .then(() => small.evaluate(() => {
      const box = document.querySelector(".boot-panel .boot-memmap-svg");
      const svg = box && box.querySelector("svg");
      return { verdict: document.querySelector(".boot-verdict").dataset.verdict, drawn: !!svg,
               scrolls: !!box && box.scrollWidth > box.clientWidth + 1,
               label: !!svg && svg.getAttribute("role") === "img" && !!svg.querySelector("title"),
               width: document.documentElement.scrollWidth };
    })).catch(e => ({ error: e.message }));
  if (drawn.error) fail("01-boot.html at 400 px", `the boot panel gave no verdict: ${drawn.error}`);
  else {
    if (drawn.verdict !== "pass") fail("01-boot.html at 400 px", `stage 1 booted in the panel: ${drawn.verdict}`);
    if (!drawn.drawn) fail("01-boot.html at 400 px", "a memdump boot drew no map in the panel");
    else if (!drawn.scrolls) fail("01-boot.html at 400 px", "the panel's map shrinks instead of scrolling sideways");
    if (drawn.drawn && !drawn.label) fail("01-boot.html at 400 px", "the panel's map has no text label");
    if (drawn.width > 401) fail("01-boot.html at 400 px", `after the boot the page is ${drawn.width} px wide`);
    const panel = await small.$(".boot-panel");
    await panel.screenshot({ path: path.join(shots, "boot-panel-400.png") });
  }
  await phone.close();
  await page.goto(pathToFileURL(path.join(root, "04-lmb.html")).href, { waitUntil: "load" });
  for (const [query, kind, want] of [["lmb_add", "identifier", "lmb_add"], ["e820 to lmb", "chunk", "⟨"],
                                      ["top down", "section", ""]]) {
    await page.fill("#search-box", query);
    await page.waitForSelector(".search-results:not([hidden]) a.hit", { timeout: 10000 }).catch(() => null);
    const hits = await page.$$eval(".search-results a.hit", as => as.map(a => a.textContent));
    if (!hits.some(h => h.toLowerCase().includes(kind) && h.includes(want)))
      fail("04-lmb.html", `searching "${query}" found no ${kind} (${hits.length} hits: ${hits.slice(0, 3).join(" | ").slice(0, 160)})`);
  }
  await context.close();
} finally {
  await browser.close();
}
for (const f of failures.slice(0, 60)) console.log("FAIL " + f);
if (failures.length > 60) console.log(`... and ${failures.length - 60} more`);
console.log(`layout: ${pages.length} pages at 1280 and 400 px, ${code} code blocks, ${overflowing} overflowing at 1280; ` +
            `${failures.length} checks failed; screenshots in ${path.relative(process.cwd(), shots) || "."}`);
process.exit(failures.length ? 1 : 0);
