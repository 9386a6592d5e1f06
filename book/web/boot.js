/* boot.js: the "Boot stage N" panel of each chapter page of the web book.
 *
 * A page holds   <div class="boot-panel" data-stage="N" data-name="NAME"></div>
 * and loads memmap.js (window.HandoffMemmap) and then this file (defer).  For every such div
 * this builds a small console: the memory size, the kernel command line (with the options the
 * stage's kernel knows), a Boot, a Stop and a Reset button, the serial console and, when the
 * kernel exits, the verdict, judged as tools/judge.py judges a boot in QEMU.  The kernel is the
 * chapter's own build/stageNN/kernel.elf, run by v86 (copy.sh/v86) in the reader's browser:
 * nothing is loaded until the first Boot, then v86/libv86.js, v86/v86-wasm.js and
 * boot/stageNN.js are injected as <script>s (a page opened from file:// may not fetch), and
 * the latter two hand their gzip'd, base64'd bytes to HandoffBoot.addWasm/addKernel
 * (tools/book-boot-assets writes them).
 *
 * DOM contract (tools/web-test/boot.mjs relies on it):
 *   .boot-panel[data-stage][data-name]    the panel; data-state="idle|loading|running|done"
 *   select.boot-mem, input.boot-cmdline, select.boot-variant (stages 9 and 10)
 *   button.boot-start, .boot-stop, .boot-reset
 *   pre.boot-console                      the serial output, as it arrives
 *   .boot-verdict[data-verdict="pass|fail|none"][data-kind=KIND][data-seconds=S]
 *                                         KIND: pass fail panic ktap status triple hang died
 *                                         stopped (verdict none: the reader stopped it);
 *                                         S: seconds from pressing Boot to the verdict
 *   figure.boot-memmap                    with memdump: the chapter's memory-map figure drawn
 *                                         again from this boot's memmap: lines
 * Query parameters: ?boot=auto boots the first panel (or the one of &stage=N) at once and
 * scrolls to it; &mem=128M, &cmdline=... (URL-encoded), &variant=NAME, &timeout=SECONDS.
 */
(function () {
	"use strict";

	/* The variants a stage can be built as (the Makefile's CHAINS and BOOTMEMS; the first is
	 * the default; tools/book-boot-assets checks these two lines against the Makefile). */
	const CHAINS = ["full", "no-bootmem", "early-kmalloc", "bootmem-over-kmalloc"];
	const BOOTMEMS = ["per-node", "one-bitmap"];

	const MEMS = ["16M", "32M", "64M", "128M", "256M", "512M", "1G"];
	const DEFAULT_MEM = "128M";
	const DEFAULT_TIMEOUT = 120;           /* seconds of running before a boot is a hang */

	/* The command-line options, the stage that teaches each, and what it does. */
	const OPTIONS = [
		[1, "memdump", "print the memory map as memmap: lines at every handoff (the panel redraws the chapter's figure from them)"],
		[1, "ktest=boot", "skip the unit tests: run only the tests that depend on the memory map"],
		[3, "memmap=exactmap", "drop the firmware's memory map (give the ranges with memmap=SIZE@ADDR)"],
		[3, "memmap=64M", "use no memory above 64 MiB"],
		[3, "memmap=1M$8M", "mark 1 MiB at 8 MiB reserved ($ reserved, @ usable, # ACPI)"],
		[8, "slab_debug", "the slab allocator's debugging: red zones, poison, callers"],
		[9, "measure", "the measure: lines (time and metadata at three points of the boot)"],
		[9, "census", "every early allocation, counted by caller and allocator"],
		[9, "acpi_like=100", "100 small allocate/free pairs while bootmem rules"],
		[10, "fake_numa=0:0-64M,1:64M-128M", "two NUMA nodes made up on the command line"],
		[10, "node_allocs=100", "100 allocations on the nodes while bootmem rules"],
	];

	const script = document.currentScript;
	const BASE = new URL(".", script && script.src ? script.src : location.href);

	const HB = window.HandoffBoot = window.HandoffBoot || {};
	const packed = {};                     /* key -> base64 text, from the asset scripts */
	const waiting = {};                    /* key -> [resolve] */
	const scripts = {};                    /* url -> Promise */
	const unpacked = {};                   /* key -> Promise<ArrayBuffer> */

	function arrived(key, b64) {
		packed[key] = b64;
		(waiting[key] || []).forEach(r => r());
		delete waiting[key];
	}
	HB.addKernel = (key, b64) => arrived("kernel:" + key, b64);
	HB.addWasm = b64 => arrived("wasm", b64);

	function loadScript(rel) {
		const url = new URL(rel, BASE).href;
		if (!scripts[url]) {
			scripts[url] = new Promise((resolve, reject) => {
				const s = document.createElement("script");
				s.src = url;
				s.onload = () => resolve();
				s.onerror = () => {
					delete scripts[url];
					s.remove();
					reject(new Error("could not load " + rel + " (was the book built " +
						"with tools/book-boot-assets?)"));
				};
				document.head.appendChild(s);
			});
		}
		return scripts[url];
	}

	/* The bytes an asset script carries: load it, wait for its call, gunzip. */
	function bytesOf(key, rel) {
		if (!unpacked[key]) {
			unpacked[key] = loadScript(rel).then(() => {
				if (!(key in packed))
					return new Promise(r => (waiting[key] = waiting[key] || []).push(r));
			}).then(() => {
				const bin = atob(packed[key]);
				const gz = new Uint8Array(bin.length);
				for (let i = 0; i < bin.length; i++)
					gz[i] = bin.charCodeAt(i);
				const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
				return new Response(stream).arrayBuffer();
			});
			unpacked[key].catch(() => delete unpacked[key]);
		}
		return unpacked[key];
	}

	function loadV86() {
		return Promise.all([loadScript("v86/libv86.js"), bytesOf("wasm", "v86/v86-wasm.js")])
			.then(([, wasm]) => {
				if (typeof window.V86 !== "function")
					throw new Error("v86/libv86.js did not define V86");
				return wasm;
			});
	}

	function pad2(n) {
		return (n < 10 ? "0" : "") + n;
	}

	function memBytes(text) {
		const m = /^(\d+)\s*([KMG]?)$/i.exec(text.trim());
		if (!m)
			throw new Error("bad memory size " + JSON.stringify(text));
		return parseInt(m[1], 10) * { K: 1 << 10, M: 1 << 20, G: 1 << 30 }[(m[2] || "M").toUpperCase()];
	}

	/* ------------------------------------------------------------------------------------
	 * The verdict: tools/judge.py's observe(), for one boot under v86.
	 * end: {how: "exit"|"reset"|"crash"|"hang"|"stopped", value, error, timeout}
	 */
	const VERDICT_RE = /^stage (\d+) \(([^)]*)\): (PASS|FAIL)\s*$/;
	const PANIC_RE = /^panic: ?(.*)$/;
	const PLAN_RE = /^1\.\.(\d+)\s*$/;
	const RESULT_RE = /^(not ok|ok) (\d+)(?: -)? ?([^#]*?)\s*(?:#\s*(.*))?$/;

	function parseKtap(lines) {
		const reports = [];
		let cur = null;
		for (const line of lines) {
			if (line.startsWith("KTAP version ") || line.startsWith("TAP version ")) {
				cur = { plan: null, results: [] };
				reports.push(cur);
				continue;
			}
			if (cur === null || line[0] === " " || line[0] === "\t")
				continue;
			let m = PLAN_RE.exec(line);
			if (m && cur.plan === null) {
				cur.plan = parseInt(m[1], 10);
				continue;
			}
			m = RESULT_RE.exec(line);
			if (m)
				cur.results.push({ ok: m[1] === "ok", num: parseInt(m[2], 10),
					name: m[3].trim(), directive: (m[4] || "").trim() });
		}
		return reports;
	}

	function ktapProblems(reports) {
		const failed = [], problems = [];
		if (!reports.length)
			return { failed, problems: ["no KTAP report"] };
		for (const rep of reports) {
			const res = rep.results;
			for (const r of res)
				if (!r.ok && !r.directive.toUpperCase().startsWith("TODO"))
					failed.push(r.num + " " + r.name + (r.directive ? " (" + r.directive + ")" : ""));
			if (rep.plan === null)
				problems.push("KTAP report has no plan line");
			else if (res.length !== rep.plan)
				problems.push("KTAP truncated: plan 1.." + rep.plan + ", " + res.length +
					" result" + (res.length === 1 ? "" : "s"));
			if (res.some((r, i) => r.num !== i + 1))
				problems.push("KTAP results out of order: " + res.slice(0, 12).map(r => r.num).join(" "));
		}
		return { failed, problems };
	}

	function judge(text, stage, name, variant, end) {
		const lines = text.split("\n").map(l => l.replace(/\r$/, ""));
		const panics = lines.map(l => PANIC_RE.exec(l)).filter(Boolean).map(m => m[1].trim());
		const verdicts = lines.map(l => VERDICT_RE.exec(l)).filter(Boolean);
		const { failed, problems } = ktapProblems(parseKtap(lines));
		const hex = v => "0x" + v.toString(16);

		if (panics.length)
			return ["panic", "panic: " + panics[0]];
		if (verdicts.length) {
			const v = verdicts[verdicts.length - 1];
			if (parseInt(v[1], 10) !== stage || !(v[2] === name || v[2].startsWith(name + ", ")))
				return ["fail", "verdict is from stage " + v[1] + " (" + v[2] + "), expected stage " +
					stage + " (" + name + ")"];
			if (variant && !(v[2].endsWith("chain " + variant) || v[2].endsWith("bootmem " + variant)))
				return ["fail", "verdict is from stage " + v[1] + " (" + v[2] +
					"), expected the variant " + variant];
			if (v[3] === "FAIL")
				return ["fail", "verdict FAIL: " + (failed.length ? "not ok " + failed.join(", ") :
					"no failing test named")];
			if (failed.length)
				return ["fail", "verdict PASS but not ok " + failed.join(", ")];
			if (problems.length)
				return ["ktap", "verdict PASS but " + problems.join("; ")];
			if (end.how !== "exit")
				return ["status", "verdict PASS but the kernel did not write 0x10 to port 0xf4" +
					(end.how === "hang" ? " within the " + end.timeout + " s limit" :
						end.how === "stopped" ? " before you stopped it" : "")];
			if (end.value !== 0x10)
				return ["status", "verdict PASS but exit value " + hex(end.value) + " (expected 0x10)"];
			return ["pass", ""];
		}
		let last = "";
		for (let i = lines.length - 1; i >= 0 && !last; i--)
			last = lines[i].trim();
		const tail = last ? "; last line: " + JSON.stringify(last.slice(0, 100)) : "; no serial output";
		switch (end.how) {
		case "reset":
			return ["triple", "the machine reset (a triple fault), no verdict" + tail];
		case "crash":
			return ["triple", "v86 could not deliver an exception (" + end.error +
				"): a triple fault on a real machine; no verdict" + tail];
		case "hang":
			return ["hang", "hang: no verdict after " + end.timeout + " s" + tail];
		case "stopped":
			return ["stopped", "stopped before a verdict" + tail];
		case "exit":
			if (end.value === 0x11)
				return ["fail", "exit value 0x11 (fail) without a verdict line" + tail];
			if (end.value === 0x10)
				return ["ktap", "exit value 0x10 (pass) without a verdict line" + tail];
			return ["died", "exit value " + hex(end.value) + " without a verdict" + tail];
		}
		return ["died", (end.error || "the emulator stopped") + " without a verdict" + tail];
	}
	HB.judge = judge;

	/* ------------------------------------------------------------------------------------
	 * The panel.
	 */
	let uid = 0;

	function el(tag, attrs, ...kids) {
		const e = document.createElement(tag);
		for (const k in attrs || {}) {
			if (k === "text")
				e.textContent = attrs[k];
			else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false)
				e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
		}
		for (const kid of kids)
			if (kid)
				e.append(kid);
		return e;
	}

	/* The chapter's memory-map figure: the first figure.memmap numbered for this chapter
	 * (id fig-N-M); on a page with one panel, else the first that has data-owners. */
	function chapterFigure(stage) {
		const figs = Array.from(document.querySelectorAll("figure.memmap"))
			.filter(f => !f.classList.contains("chain-measures"));
		return figs.find(f => f.id && f.id.startsWith("fig-" + stage + "-")) ||
			(document.querySelectorAll(".boot-panel").length === 1 &&
			 figs.find(f => f.hasAttribute("data-owners"))) || null;
	}

	class Panel {
		constructor(root) {
			this.root = root;
			this.stage = parseInt(root.dataset.stage, 10);
			this.name = root.dataset.name || "";
			this.variants = this.stage === 9 ? CHAINS : this.stage >= 10 ? BOOTMEMS : null;
			this.emu = null;
			this.run = 0;
			this.build();
		}

		build() {
			const n = ++uid, stage = this.stage, id = what => "boot-" + what + "-" + n;
			const root = this.root;
			root.textContent = "";
			root.setAttribute("role", "region");
			root.setAttribute("aria-labelledby", id("title"));
			root.dataset.state = "idle";

			const kernel = "build/stage" + pad2(stage) + "/kernel.elf";
			const title = el("h2", { class: "boot-title", id: id("title"), text: "Boot stage " + stage });
			const intro = el("p", { class: "boot-intro" },
				"This chapter's own kernel, ", el("code", { text: kernel }),
				", booted in your browser by ", el("a", { href: "https://github.com/copy/v86", text: "v86" }),
				", a PC emulator: its serial port is the console below, its exit through port 0xf4 " +
				"ends the boot, and the verdict is judged as ", el("code", { text: "make check" }),
				" judges one in QEMU. Nothing is loaded until you press Boot.");

			this.mem = el("select", { class: "boot-mem", id: id("mem"), name: "mem" });
			for (const m of MEMS)
				this.mem.append(el("option", { value: m, text: m.replace(/M$/, " MiB").replace(/G$/, " GiB"),
					selected: m === DEFAULT_MEM }));
			const fields = el("div", { class: "boot-fields" },
				el("div", { class: "boot-field boot-field-mem" },
					el("label", { for: id("mem"), text: "Memory" }), this.mem));

			if (this.variants) {
				this.variant = el("select", { class: "boot-variant", id: id("variant"), name: "variant" });
				for (const v of this.variants)
					this.variant.append(el("option", { value: v,
						text: (stage === 9 ? "chain " : "bootmem ") + v + (v === this.variants[0] ? " (default)" : "") }));
				fields.append(el("div", { class: "boot-field boot-field-variant" },
					el("label", { for: id("variant"), text: stage === 9 ? "Chain" : "Bootmem" }), this.variant));
			}

			const known = OPTIONS.filter(o => o[0] <= stage);
			const list = el("datalist", { id: id("options") });
			for (const o of known)
				list.append(el("option", { value: o[1], label: o[2] }));
			this.cmdline = el("input", { class: "boot-cmdline", id: id("cmdline"), name: "cmdline",
				type: "text", value: "memdump", list: id("options"), spellcheck: "false",
				autocomplete: "off", autocapitalize: "off", "aria-describedby": id("hints") });
			const hints = el("p", { class: "boot-hints", id: id("hints") },
				"Options stage " + stage + " knows (press one to add it): ");
			for (const o of known) {
				const b = el("button", { type: "button", class: "boot-hint", title: o[2],
					"aria-label": "add " + o[1] + ": " + o[2], text: o[1] });
				b.addEventListener("click", () => this.addOption(o[1]));
				hints.append(b, " ");
			}
			/* A figure that says how it was booted (data-mem, data-cmdline) gets a hint of its own. */
			const fig = chapterFigure(stage);
			if (fig && (fig.dataset.cmdline || fig.dataset.mem)) {
				const label = (fig.querySelector("figcaption") || {}).textContent || "";
				const num = (/^\s*(Figure\s+\d+(?:\.\d+)*)/.exec(label) || [, "the figure"])[1];
				const b = el("button", { type: "button", class: "boot-hint boot-hint-figure",
					title: "boot as " + num + " was booted: " + (fig.dataset.mem || DEFAULT_MEM) +
						", " + JSON.stringify(fig.dataset.cmdline || ""), text: "as in " + num });
				b.addEventListener("click", () => {
					const m = fig.dataset.mem;
					if (m && !MEMS.includes(m) && !Array.from(this.mem.options).some(o => o.value === m))
						this.mem.append(el("option", { value: m, text: m }));
					if (m)
						this.mem.value = m;
					this.cmdline.value = fig.dataset.cmdline || "";
					if (!/(^|\s)memdump(\s|$)/.test(this.cmdline.value))
						this.addOption("memdump");
				});
				hints.append(b, " ");
			}
			fields.append(el("div", { class: "boot-field boot-field-cmdline" },
				el("label", { for: id("cmdline"), text: "Command line" }), this.cmdline, list));

			this.start = el("button", { type: "submit", class: "boot-start", text: "Boot" });
			this.stopb = el("button", { type: "button", class: "boot-stop", text: "Stop", disabled: true });
			this.reset = el("button", { type: "button", class: "boot-reset", text: "Reset", disabled: true });
			this.stopb.addEventListener("click", () => this.stop());
			this.reset.addEventListener("click", () => this.clear());
			const form = el("form", { class: "boot-form", "aria-label": "Boot stage " + stage },
				fields, hints, el("div", { class: "boot-buttons" }, this.start, this.stopb, this.reset));
			form.addEventListener("submit", ev => {
				ev.preventDefault();
				this.boot();
			});

			this.status = el("p", { class: "boot-status", role: "status", text: "Not booted yet." });
			this.console = el("pre", { class: "boot-console", id: id("console"), tabindex: "0",
				role: "log", "aria-live": "polite", "aria-label": "serial console of stage " + stage });
			this.verdict = el("p", { class: "boot-verdict", role: "status", "aria-live": "polite", hidden: true });
			this.drawing = el("div", { class: "boot-drawing" });
			root.append(title, intro, form, this.status, this.console, this.verdict, this.drawing);
		}

		addOption(word) {
			const key = word.split("=")[0] + (word.includes("=") ? "=" : "");
			let words = this.cmdline.value.split(/\s+/).filter(Boolean);
			/* memmap= options add up; another option with a value replaces its old value */
			if (key.endsWith("=") && key !== "memmap=")
				words = words.filter(w => !w.startsWith(key));
			if (!words.includes(word))
				words.push(word);
			this.cmdline.value = words.join(" ");
			this.cmdline.focus();
		}

		say(text) {
			this.status.textContent = text;
		}

		setRunning(running) {
			this.start.disabled = running;
			this.stopb.disabled = !running;
			this.reset.disabled = running;
			this.mem.disabled = this.cmdline.disabled = running;
			if (this.variant)
				this.variant.disabled = running;
		}

		/* Clear the console, the verdict and the drawing. */
		clear() {
			if (this.emu)
				this.stop();
			this.console.textContent = "";
			this.verdict.hidden = true;
			this.verdict.textContent = "";
			delete this.verdict.dataset.verdict;
			delete this.verdict.dataset.kind;
			delete this.verdict.dataset.seconds;
			this.drawing.textContent = "";
			this.root.dataset.state = "idle";
			this.reset.disabled = true;
			this.say("Not booted yet.");
		}

		async boot(opts) {
			opts = opts || {};
			if (this.emu || this.root.dataset.state === "loading")
				return;
			const pressed = opts.t0 || performance.now();
			const run = ++this.run;
			this.clear();
			if (opts.mem)
				this.mem.value = MEMS.includes(opts.mem) ? opts.mem :
					(this.mem.append(el("option", { value: opts.mem, text: opts.mem })), opts.mem);
			if (typeof opts.cmdline === "string")
				this.cmdline.value = opts.cmdline;
			if (opts.variant && this.variant)
				this.variant.value = opts.variant;
			const mem = this.mem.value, cmdline = this.cmdline.value.trim();
			const variant = this.variant && this.variant.value !== this.variants[0] ? this.variant.value : "";
			const timeout = opts.timeout || DEFAULT_TIMEOUT;
			const key = this.stage + (variant ? "-" + variant : "");
			const file = "boot/stage" + pad2(this.stage) + (variant ? "-" + variant : "") + ".js";

			this.setRunning(true);
			this.reset.disabled = true;
			this.root.dataset.state = "loading";
			this.say("Loading v86 and the kernel…");
			let wasm, kernel;
			try {
				[wasm, kernel] = await Promise.all([loadV86(), bytesOf("kernel:" + key, file)]);
				memBytes(mem);
			} catch (err) {
				if (run !== this.run)
					return;
				this.setRunning(false);
				this.root.dataset.state = "idle";
				this.say("Could not start: " + err.message);
				return;
			}
			if (run !== this.run || this.root.dataset.state !== "loading")
				return;           /* stopped or reset while loading */
			const loaded = performance.now();

			const boot = this.current = {
				run, mem, cmdline, variant, pressed, loaded, timeout, text: "", pending: "",
				decoder: new TextDecoder("utf-8"), end: null,
			};
			this.root.dataset.state = "running";
			this.console.setAttribute("aria-busy", "true");
			let emu;
			try {
				emu = this.emu = new window.V86({
					wasm_fn: async env => (await WebAssembly.instantiate(wasm, env)).instance.exports,
					memory_size: memBytes(mem),
					multiboot: { buffer: kernel.slice(0) },
					cmdline: cmdline,
					autostart: true,
					disable_keyboard: true,
					disable_mouse: true,
					disable_speaker: true,
					log_level: 0,
				});
			} catch (err) {
				this.finish(boot, { how: "crash", error: String(err) });
				return;
			}
			emu.add_listener("serial0-output-byte", b => {
				if (boot.end)
					return;
				boot.pending += boot.decoder.decode(new Uint8Array([b]), { stream: true });
				if (!boot.flush)
					boot.flush = setTimeout(() => this.flush(boot), 50);
			});
			emu.add_listener("emulator-loaded", () => {
				const cpu = emu.v86.cpu;
				cpu.io.register_write(0xF4, cpu, v => this.finish(boot, { how: "exit", value: v }),
					() => {}, () => {});
				/* A reset (the keyboard controller's 0xfe, port 0xcf9) ends the boot; v86 would
				 * restart a machine that has no BIOS, so it is not let through. */
				cpu.reboot_internal = () => {
					emu.v86.stopping = true;
					this.finish(boot, { how: "reset" });
				};
				const loop = cpu.main_loop;
				cpu.main_loop = (...a) => {
					try {
						return loop.apply(cpu, a);
					} catch (err) {
						emu.v86.stopping = true;
						this.finish(boot, { how: "crash", error: String(err) });
						return 0;
					}
				};
				boot.started = performance.now();
			});
			boot.ticker = setInterval(() => {
				if (boot.end)
					return;
				const s = (performance.now() - pressed) / 1000;
				if (s > timeout + (loaded - pressed) / 1000)
					this.finish(boot, { how: "hang", timeout });
				else
					this.say("Running: " + s.toFixed(1) + " s (stage " + this.stage + ", " + mem +
						(cmdline ? ", " + JSON.stringify(cmdline) : "") + ")");
			}, 200);
		}

		flush(boot) {
			clearTimeout(boot.flush);
			boot.flush = null;
			if (!boot.pending)
				return;
			const text = boot.pending.replace(/\r/g, "");
			boot.pending = "";
			boot.text += text;
			const c = this.console;
			const atEnd = c.scrollHeight - c.scrollTop - c.clientHeight < 40;
			c.append(document.createTextNode(text));
			if (atEnd)
				c.scrollTop = c.scrollHeight;
		}

		stop() {
			if (this.current && !this.current.end)
				this.finish(this.current, { how: "stopped" });
			else if (this.root.dataset.state === "loading") {
				this.run++;
				this.setRunning(false);
				this.root.dataset.state = "idle";
				this.say("Stopped while loading.");
			}
		}

		finish(boot, end) {
			if (boot.end)
				return;
			boot.end = end;
			const seconds = (performance.now() - boot.pressed) / 1000;
			clearInterval(boot.ticker);
			boot.pending += boot.decoder.decode();
			this.flush(boot);
			const emu = this.emu;
			this.emu = null;
			this.current = null;
			/* Stop and free the machine once the handler that ended it has returned. */
			setTimeout(() => {
				try {
					emu.v86.stopping = true;
				} catch (e) { /* not loaded yet */ }
				Promise.resolve().then(() => emu.destroy()).catch(() => {});
			}, 0);

			const [kind, detail] = judge(boot.text, this.stage, this.name, boot.variant, end);
			const pass = kind === "pass";
			const v = this.verdict;
			v.hidden = false;
			v.dataset.verdict = pass ? "pass" : "fail";
			v.dataset.kind = kind;
			v.dataset.seconds = seconds.toFixed(2);
			v.dataset.loadSeconds = ((boot.loaded - boot.pressed) / 1000).toFixed(2);
			v.textContent = "";
			/* stopping is the reader's doing: no verdict, not a failure */
			const word = pass ? "PASS" : kind === "stopped" ? "STOPPED" : "FAIL";
			if (kind === "stopped")
				v.dataset.verdict = "none";
			v.append(el("strong", { text: word }),
				" stage " + this.stage + " (" + this.name + (boot.variant ? ", " + boot.variant : "") + ")" +
				(pass || kind === "stopped" ? "" : " — " + kind) + " in " + seconds.toFixed(1) + " s" +
				(detail ? ": " : "."));
			if (detail)
				v.append(el("span", { class: "boot-detail", text: detail }));
			this.console.removeAttribute("aria-busy");
			this.root.dataset.state = "done";
			this.setRunning(false);
			this.say("Booted stage " + this.stage + " with " + boot.mem +
				(boot.cmdline ? " and " + JSON.stringify(boot.cmdline) : "") + ": " +
				(pass ? "it passed." : kind === "stopped" ? "you stopped it." : "it failed (" + kind + ")."));
			if (/(^|\s)memdump(\s|$)/.test(boot.cmdline))
				this.draw(boot, kind);
		}

		/* The chapter's figure again, from the memmap: lines of this boot. */
		draw(boot, kind) {
			const M = window.HandoffMemmap;
			const fig = chapterFigure(this.stage);
			const note = text => this.drawing.append(el("p", { class: "boot-drawing-note", text }));
			const early = kind === "panic" ? "The kernel panicked before it printed its memory map" :
				kind === "stopped" ? "You stopped the boot before the kernel printed its memory map" :
				kind !== "pass" ? "The boot ended (" + kind + ") before the kernel printed its memory map" : null;
			if (!/^memmap: /m.test(boot.text))
				return note((early || "No memmap: lines in this boot") + ", so there is no map to draw.");
			if (!M || typeof M.parse !== "function" || typeof M.svg !== "function")
				return note("memmap.js is not loaded: the map cannot be drawn.");
			const want = fig && fig.dataset.owners ? fig.dataset.owners.split(/[\s,]+/).filter(Boolean) : [];
			const win = fig && fig.dataset.window ? fig.dataset.window : null;
			let ranges, svg, owners, missing = [];
			try {
				ranges = M.parse(boot.text, "your boot");
				/* The figure's owners that this boot printed (another command line than the
				 * figure's may print fewer); none of them: every owner. */
				const present = ranges.map(r => r.owner).filter((o, i, a) => a.indexOf(o) === i);
				owners = want.filter(o => present.includes(o));
				missing = want.filter(o => !present.includes(o));
				if (!owners.length)
					owners = null;
				svg = M.svg(ranges, { owners, window: win, id: "boot-fig-" + this.stage + "-" + boot.run,
					where: "your boot" });
			} catch (err) {
				return note("The memory map could not be drawn: " + err.message);
			}
			const pic = el("div", { class: "boot-memmap-svg" });
			pic.innerHTML = svg;
			let num = null;
			if (fig) {
				const label = (fig.querySelector("figcaption") || {}).textContent || "";
				num = (/^\s*(Figure\s+\d+(?:\.\d+)*)/.exec(label) || [])[1] || "the figure";
			}
			const caption = el("figcaption", {},
				"Drawn from your boot in v86: stage " + this.stage + ", " + boot.mem +
				", command line " + JSON.stringify(boot.cmdline) +
				(owners ? "; owners " + owners.join(", ") : "; every owner") +
				(win ? "; window " + win : "") + ". ");
			if (kind !== "pass")
				caption.append("Drawn from a boot that did not finish (" + kind + "): the map may be " +
					"partial. ");
			if (missing.length && early)
				caption.append(early + " for " + missing.join(", ") + ". ");
			else if (missing.length)
				caption.append("This boot printed no lines for " + missing.join(", ") +
					(fig && fig.dataset.cmdline ? " (the figure's boot had " +
						JSON.stringify(fig.dataset.cmdline) + (fig.dataset.mem ? " and " + fig.dataset.mem : "") + ")" : "") +
					". ");
			if (fig)
				caption.append("The book's ", fig.id ? el("a", { href: "#" + fig.id, text: num }) : num,
					" was drawn from a boot in QEMU; v86 gives the kernel a memory map of its own.");
			this.drawing.append(el("figure", { class: "boot-memmap" }, pic, caption));
		}
	}

	function init() {
		const panels = Array.from(document.querySelectorAll(".boot-panel[data-stage]"))
			.filter(p => !p.handoffBoot).map(p => (p.handoffBoot = new Panel(p)));
		HB.panels = (HB.panels || []).concat(panels);
		const q = new URLSearchParams(location.search);
		if (q.get("boot") === "auto" && panels.length) {
			const want = q.get("stage");
			const p = panels.find(p => want === null || String(p.stage) === want) || panels[0];
			const t0 = performance.now();
			p.root.scrollIntoView({ block: "start" });
			p.boot({ t0, mem: q.get("mem") || undefined,
				cmdline: q.has("cmdline") ? q.get("cmdline") : undefined,
				variant: q.get("variant") || undefined,
				timeout: parseFloat(q.get("timeout")) || undefined });
		}
	}
	HB.init = init;

	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", init);
	else
		init();
})();
