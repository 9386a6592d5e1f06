#!/usr/bin/env node
// boot.mjs HTMLDIR [--variants] [--only N[,N...]] [--timeout S]: boot every chapter page's
// panel in headless Chromium.
//
// For each chapter page HTMLDIR/NN-*.html (its div.boot-panel, book/web/boot.js), opened from
// file:// with ?boot=auto, waits for the verdict (.boot-verdict[data-verdict]) and checks that
// the console shows `stage N (NAME): PASS` and the verdict is a pass (and, when the page has
// memmap.js, that the memdump boot drew its map: figure.boot-memmap); then one boot that must
// panic: chapter 3's page with `memmap=exactmap memmap=639K@0` (no usable memory under the
// kernel: e820 refuses it), whose `panic:` line must be in the console and whose verdict must be
// fail, kind panic.  --variants also boots chapter 9's chains and chapter 10's one-bitmap.
// At most two pages boot at once.  One line per boot:
//   PASS stage N (NAME) in X.X s (press to verdict)      FAIL stage N (NAME): why
// and last `boot: N passed, N failed`.  Exits 1 if any failed or no chapter page was found.
//
// Chromium: Debian's /usr/bin/chromium (CHROMIUM=path to use another), driven by playwright-core
// from book/web/node_modules (make deps installs it).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PW = path.join(ROOT, "book", "web", "node_modules", "playwright-core", "index.mjs");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const JOBS = 2;
const PANIC_CMDLINE = "memmap=exactmap memmap=639K@0";
const PANIC_RE = /^panic: e820: the kernel .* is not in usable memory/m;

function die(msg) {
	console.error("web-test/boot: " + msg);
	process.exit(2);
}

const args = process.argv.slice(2);
let htmldir = null, variants = false, only = null, timeout = 120;
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	if (a === "--variants") variants = true;
	else if (a === "--only") only = args[++i].split(",").map(Number);
	else if (a === "--timeout") timeout = parseFloat(args[++i]);
	else if (!a.startsWith("-") && htmldir === null) htmldir = a;
	else die("usage: node tools/web-test/boot.mjs HTMLDIR [--variants] [--only N,...] [--timeout S]");
}
if (!htmldir) die("usage: node tools/web-test/boot.mjs HTMLDIR [--variants] [--only N,...] [--timeout S]");
if (!fs.existsSync(PW)) die("no playwright-core in book/web/node_modules: run `make deps` (or `cd book/web && npm ci --no-audit --no-fund`)");
if (!fs.existsSync(CHROMIUM)) die("no " + CHROMIUM + ": apt-get install chromium (tools/deps.sh install)");
const { chromium } = await import(pathToFileURL(PW).href);

htmldir = path.resolve(htmldir);
const pages = fs.existsSync(htmldir) ? fs.readdirSync(htmldir).filter(f => /^\d\d-[a-z0-9-]+\.html$/.test(f)).sort() : [];
const jobs = [];
for (const f of pages) {
	const m = /^(\d\d)-(.*)\.html$/.exec(f);
	const stage = parseInt(m[1], 10), name = m[2];
	if (only && !only.includes(stage)) continue;
	jobs.push({ file: f, stage, name, label: `stage ${stage} (${name})`, query: "?boot=auto" });
	if (variants && stage === 9)
		for (const v of ["no-bootmem", "early-kmalloc", "bootmem-over-kmalloc"])
			jobs.push({ file: f, stage, name, variant: v, label: `stage 9 (${name}, chain ${v})`,
				query: "?boot=auto&variant=" + v });
	if (variants && stage === 10)
		jobs.push({ file: f, stage, name, variant: "one-bitmap", label: `stage 10 (${name}, bootmem one-bitmap)`,
			query: "?boot=auto&variant=one-bitmap" });
	if (stage === 3)
		jobs.push({ file: f, stage, name, panic: true, label: `stage 3 (${name}) panic boot "${PANIC_CMDLINE}"`,
			query: "?boot=auto&cmdline=" + encodeURIComponent(PANIC_CMDLINE) });
}
if (!pages.length) {
	console.log(`FAIL no chapter pages (NN-*.html) in ${htmldir}`);
	console.log("boot: 0 passed, 1 failed");
	process.exit(1);
}

const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const t0 = Date.now();
const browser = await chromium.launch({
	executablePath: CHROMIUM, headless: true,
	args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});

async function runJob(job) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const errors = [];
	page.on("pageerror", e => errors.push(String(e)));
	page.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
	const url = pathToFileURL(path.join(htmldir, job.file)).href + job.query + "&timeout=" + timeout;
	const began = Date.now();
	try {
		await page.goto(url, { waitUntil: "domcontentloaded" });
		const panel = page.locator(".boot-panel").first();
		if (!(await panel.count())) return [false, "the page has no .boot-panel"];
		await page.waitForSelector(".boot-panel .boot-verdict[data-verdict]", { timeout: (timeout + 30) * 1000 });
		const r = await page.evaluate(() => {
			const p = document.querySelector(".boot-panel");
			const v = p.querySelector(".boot-verdict");
			return {
				console: p.querySelector(".boot-console").textContent,
				verdict: v.dataset.verdict, kind: v.dataset.kind, seconds: parseFloat(v.dataset.seconds),
				load: parseFloat(v.dataset.loadSeconds), text: v.textContent,
				memmapJs: !!window.HandoffMemmap, drawn: !!p.querySelector("figure.boot-memmap svg"),
				note: (p.querySelector(".boot-drawing-note") || {}).textContent || "",
				cmdline: p.querySelector(".boot-cmdline").value,
			};
		});
		const wall = (Date.now() - began) / 1000;
		const timing = `in ${r.seconds.toFixed(1)} s (press to verdict; ${r.load.toFixed(1)} s of it loading; page ${wall.toFixed(1)} s)`;
		const last = r.console.trim().split("\n").pop() || "(empty console)";
		if (job.panic) {
			const m = PANIC_RE.exec(r.console);
			if (!m) return [false, `no line matching ${PANIC_RE} in the console; verdict ${r.kind}: ${r.text}`];
			if (r.verdict !== "fail" || r.kind !== "panic") return [false, `verdict ${r.verdict}/${r.kind}, expected fail/panic: ${r.text}`];
			if (!r.text.includes(m[0].slice(0, 40))) return [false, `the verdict does not show the panic line: ${r.text}`];
			return [true, `${timing}: ${m[0]}`];
		}
		const name = job.variant ? `${esc(job.name)}, (chain|bootmem) ${esc(job.variant)}` : `${esc(job.name)}(, [^)]*)?`;
		const want = new RegExp(`^stage ${job.stage} \\(${name}\\): PASS$`, "m");
		if (!want.test(r.console)) return [false, `no \`stage ${job.stage} (${job.name}...): PASS\` in the console; verdict ${r.kind}: ${r.text}; last line: ${last}`];
		if (r.verdict !== "pass") return [false, `verdict ${r.verdict} (${r.kind}): ${r.text}`];
		if (/(^|\s)memdump(\s|$)/.test(r.cmdline) && r.memmapJs && !r.drawn)
			return [false, `memdump boot but no map drawn: ${r.note || "no figure.boot-memmap"}`];
		if (errors.length) return [false, `page errors: ${errors.slice(0, 3).join(" | ")}`];
		return [true, timing + (r.drawn ? ", map drawn" : "")];
	} catch (e) {
		let state = "";
		try {
			state = await page.evaluate(() => {
				const p = document.querySelector(".boot-panel");
				return p ? `state ${p.dataset.state}; ${p.querySelector(".boot-status").textContent}; last line: ` +
					(p.querySelector(".boot-console").textContent.trim().split("\n").pop() || "(none)") : "no panel";
			});
		} catch (e2) { /* the page is gone */ }
		return [false, String(e.message || e).split("\n")[0] + (state ? "; " + state : "") +
			(errors.length ? "; page errors: " + errors.slice(0, 3).join(" | ") : "")];
	} finally {
		await context.close();
	}
}

let passed = 0, failed = 0, next = 0;
const results = new Array(jobs.length);
const printed = { n: 0 };
function report() {
	while (printed.n < jobs.length && results[printed.n]) {
		const [ok, why] = results[printed.n];
		const job = jobs[printed.n];
		console.log(ok ? `PASS ${job.label} ${why}` : `FAIL ${job.label}: ${why}`);
		ok ? passed++ : failed++;
		printed.n++;
	}
}
async function worker() {
	while (next < jobs.length) {
		const i = next++;
		results[i] = await runJob(jobs[i]);
		report();
	}
}
await Promise.all(Array.from({ length: Math.min(JOBS, jobs.length) }, worker));
await browser.close();
console.log(`boot: ${jobs.length} boots in ${((Date.now() - t0) / 1000).toFixed(1)} s, two at a time`);
console.log(`boot: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
