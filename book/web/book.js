/* book.js: what the web book's pages do (tools/book-web writes the pages).
 *
 *  - The contents button opens and closes the sidebar on a narrow screen.
 *  - index.html sends an old link into the one-page book (index.html#some-id) on to the page
 *    that now holds some-id (ids.js, written by tools/book-web).
 *  - Every chunk use in code gets a button that shows the used chunk's code in place: every
 *    definition of it, in book order, each labelled and linked; uses inside the shown code
 *    expand in turn.  The code comes from the page itself or from the <template>s that
 *    tools/book-web put at its end for chunks defined on other pages, so it works from file://.
 *  - The search box searches the prose, the chunk names and the identifiers (search-index.js,
 *    loaded when the box is first used); search.html?q=... lists every hit.
 *
 * Plain script, no modules and no network: the book is read from file:// too.
 */
(function () {
  "use strict";

  /* -- the sidebar ------------------------------------------------------------------------ */

  function setupSidebar() {
    var button = document.querySelector(".toc-toggle");
    if (!button) return;
    button.addEventListener("click", function () {
      var open = document.body.classList.toggle("toc-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    function close() {
      document.body.classList.remove("toc-open");
      button.setAttribute("aria-expanded", "false");
    }
    document.addEventListener("click", function (e) {
      if (!document.body.classList.contains("toc-open")) return;
      /* a link in the sidebar closes it too: the reader has chosen where to go */
      if (e.target.closest(".sidebar a") || !(e.target.closest(".sidebar") || e.target.closest(".toc-toggle")))
        close();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && document.body.classList.contains("toc-open")) close();
    });
    /* the page's own entry in view, when it is not */
    var here = document.querySelector(".toc-pages li.here");
    var sidebar = document.getElementById("sidebar");
    if (here && sidebar && here.offsetTop + 40 > sidebar.clientHeight)
      sidebar.scrollTop = Math.max(0, here.offsetTop - 80);
  }

  /* -- old links into the one-page book ----------------------------------------------------- */

  function pageOfId(id) {
    var map = window.HandoffIds;
    if (!map) return null;
    var m = /^(?:chunk|code)-(\d+)-/.exec(id);
    if (m && map.pages[m[1]]) return map.pages[m[1]];
    return map.ids[id] || null;
  }

  function followOldLink() {
    if (!document.body.classList.contains("home") || !location.hash) return;
    var id = decodeURIComponent(location.hash.slice(1));
    if (document.getElementById(id)) return;
    var page = pageOfId(id);
    if (page) location.replace(page + location.hash);
  }

  /* -- chunks that expand in place ---------------------------------------------------------- */

  function templateFor(first) {
    return document.querySelector('template.chunk-code[data-first="' + first + '"]');
  }

  function firstAnchor(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    return hash < 0 ? null : href.slice(hash + 1);
  }

  /* The code of one definition, as a fragment of line spans, its ids dropped. */
  function definitionCode(def, tpl) {
    var source = null, page = null;
    var here = document.getElementById(def);
    if (here) {
      source = here.querySelector("pre code");
    } else if (tpl) {
      var part = tpl.content.querySelector('.expanded-def[data-def="' + def + '"]');
      if (part) {
        source = part.querySelector("pre code");
        page = part.getAttribute("data-page");
      }
    }
    if (!source) return null;
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    copy.querySelectorAll("button.expand, .expansion").forEach(function (el) { el.remove(); });
    return { code: copy, page: page, label: labelOf(def, tpl) };
  }

  function labelOf(def, tpl) {
    var here = document.getElementById(def);
    if (here) {
      var tag = here.querySelector(".chunk-tag");
      if (tag) return tag.textContent;
    }
    if (tpl) {
      var part = tpl.content.querySelector('.expanded-def[data-def="' + def + '"]');
      if (part) return part.getAttribute("data-label");
    }
    return def.replace(/^chunk-(\d+)-(\d+)$/, "$1.$2");
  }

  /* The chapter this page is (04-lmb.html: 4), or null */
  function pageChapter() {
    var m = /(?:^|\/)(\d+)-[^\/]*\.html$/.exec(location.pathname);
    return m ? parseInt(m[1], 10) : null;
  }

  function buildExpansion(link, tpl) {
    var box = document.createElement("span");
    box.className = "expansion";
    var defs = (tpl.getAttribute("data-defs") || "").split(" ").filter(Boolean);
    var name = link.textContent.replace(/^⟨|\s+[\d.]+⟩$/g, "");
    var chapter = pageChapter();
    defs.forEach(function (def, i) {
      var got = definitionCode(def, tpl);
      if (!got) return;
      var label = document.createElement("a");
      label.className = "expansion-label";
      label.href = (got.page || "") + "#" + def;
      var from = parseInt(got.label, 10);
      label.textContent = "⟨" + name + " " + got.label + "⟩" + (defs.length > 1 ? " (" +
        (i + 1) + " of " + defs.length + ")" : "") +
        (chapter && from && from !== chapter ? (from > chapter ? " — added in chapter " : " — from chapter ") + from : "");
      box.appendChild(label);
      while (got.code.firstChild) box.appendChild(got.code.firstChild);
      if (i + 1 < defs.length) box.appendChild(document.createTextNode("\n"));
    });
    addExpandButtons(box);
    return box;
  }

  function addExpandButton(link) {
    if (link.nextElementSibling && link.nextElementSibling.classList.contains("expand")) return;
    var first = firstAnchor(link);
    var tpl = first && templateFor(first);
    if (!tpl) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "expand";
    button.textContent = "+";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", "show the code of " + link.textContent + " here");
    button.title = "Show this chunk's code here";
    button.addEventListener("click", function () {
      var shown = button.nextElementSibling;
      if (shown && shown.classList.contains("expansion")) {
        shown.remove();
        button.textContent = "+";
        button.setAttribute("aria-expanded", "false");
        return;
      }
      button.after(buildExpansion(link, tpl));
      button.textContent = "−";
      button.setAttribute("aria-expanded", "true");
    });
    link.after(button);
  }

  function addExpandButtons(root) {
    root.querySelectorAll("pre a.chunkref, .expansion a.chunkref").forEach(addExpandButton);
  }

  /* -- search ---------------------------------------------------------------------------- */

  var KINDS = { s: "section", c: "chunk", i: "identifier" };
  var loading = null;

  function loadIndex(then) {
    if (window.HandoffSearchIndex) return then(window.HandoffSearchIndex);
    if (!loading) {
      loading = [];
      var script = document.createElement("script");
      script.src = "search-index.js";
      script.onload = function () {
        loading.forEach(function (f) { f(window.HandoffSearchIndex || []); });
      };
      script.onerror = function () {
        loading.forEach(function (f) { f(null); });
      };
      document.head.appendChild(script);
    }
    loading.push(then);
  }

  function terms(query) {
    return query.toLowerCase().split(/[^a-z0-9_.\/-]+/).filter(function (t) { return t.length; });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0 && n < 50) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  /* Every term must be in the title or the text; titles weigh most, exact names more. */
  function search(index, query, limit) {
    var words = terms(query);
    if (!words.length) return [];
    var whole = query.trim().toLowerCase();
    var snake = whole.replace(/\s+/g, "_");     /* "e820 to lmb" finds e820_to_lmb */
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var doc = index[i];
      var title = doc[2].toLowerCase(), text = doc[3].toLowerCase();
      var score = 0, ok = true;
      for (var w = 0; w < words.length; w++) {
        var inTitle = count(title, words[w]), inText = count(text, words[w]);
        if (!inTitle && !inText) { ok = false; break; }
        score += 10 * inTitle + Math.min(inText, 20);
      }
      if (!ok) continue;
      var name = title.replace(/^⟨|\s+[\d.]+⟩$/g, "");
      if (name === whole || name === snake) score += 200;
      else if (title.indexOf(whole) >= 0 || title.indexOf(snake) >= 0) score += 30;
      if (words.length > 1 && text.indexOf(whole) >= 0) score += 25 + Math.min(count(text, whole), 10) * 5;
      if (doc[0] === "i" && name === whole) score += 100;
      hits.push({ doc: doc, score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.doc[1] < b.doc[1] ? -1 : 1); });
    return hits.slice(0, limit);
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* s with every query word of two characters or more marked, escaped for HTML: the text is
     cut at the matches first and each piece escaped, so no mark lands inside a tag or entity */
  function marked(s, words) {
    var long = words.filter(function (w) { return w.length > 1; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); });
    if (!long.length) return escapeHtml(s);
    var re = new RegExp("(" + long.join("|") + ")", "gi");
    return s.split(re).map(function (piece, i) {
      return i % 2 ? "<mark>" + escapeHtml(piece) + "</mark>" : escapeHtml(piece);
    }).join("");
  }

  function snippet(text, words) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    if (at < 0) at = 0;
    var start = Math.max(0, at - 60);
    var cut = text.slice(start, start + 180);
    return (start > 0 ? "…" : "") + cut + (start + 180 < text.length ? "…" : "");
  }

  function pageName(href) {
    var file = href.split("#")[0];
    var m = /^(\d+)-/.exec(file);
    if (m) return "chapter " + parseInt(m[1], 10);
    return file.replace(/\.html$/, "");
  }

  function hitHtml(hit, words) {
    var doc = hit.doc;
    return '<a class="hit" href="' + escapeHtml(doc[1]) + '">' +
      '<span class="hit-title"><span class="hit-kind">' + KINDS[doc[0]] + "</span> " +
      marked(doc[2], words) + ' <span class="hit-where">' + pageName(doc[1]) + "</span></span>" +
      (doc[3] ? '<span class="hit-text">' + marked(snippet(doc[3], words), words) + "</span>" : "") +
      "</a>";
  }

  function setupSearch() {
    var box = document.getElementById("search-box");
    var list = document.querySelector(".search-results");
    if (!box || !list) return;
    var active = -1;
    function show(index) {
      var query = box.value;
      if (!query.trim()) { list.hidden = true; return; }
      if (index === null) {
        list.innerHTML = '<p class="search-none">The search index (search-index.js) did not load.</p>';
        list.hidden = false;
        return;
      }
      var hits = search(index, query, 12), words = terms(query);
      list.innerHTML = hits.length ? hits.map(function (h) { return hitHtml(h, words); }).join("") +
        '<a class="hit" href="search.html?q=' + encodeURIComponent(query) + '">All results for “' +
        escapeHtml(query) + "”</a>" :
        '<p class="search-none">Nothing found for “' + escapeHtml(query) + "”.</p>";
      list.hidden = false;
      active = -1;
    }
    box.addEventListener("focus", function () { loadIndex(function () {}); });
    box.addEventListener("input", function () { loadIndex(show); });
    box.addEventListener("keydown", function (e) {
      var links = list.querySelectorAll("a.hit");
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!links.length) return;
        e.preventDefault();
        if (active >= 0) links[active].classList.remove("active");
        active = (active + (e.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
        links[active].classList.add("active");
        links[active].scrollIntoView({ block: "nearest" });
      } else if (e.key === "Enter" && links.length) {
        e.preventDefault();
        list.hidden = true;
        box.blur();
        location.href = links[Math.max(active, 0)].getAttribute("href");
      } else if (e.key === "Escape") {
        list.hidden = true;
      }
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest(".search") || e.target.closest(".search-results a")) list.hidden = true;
    });
    var page = document.querySelector("div.search-page");
    if (page) {
      var query = new URLSearchParams(location.search).get("q") || "";
      box.value = query;
      loadIndex(function (index) {
        if (index === null) { page.textContent = "The search index (search-index.js) did not load."; return; }
        var hits = search(index, query, 200), words = terms(query);
        page.innerHTML = "<p>" + hits.length + (hits.length === 200 ? " or more" : "") +
          " results for “" + escapeHtml(query) + "”.</p>" +
          hits.map(function (h) { return hitHtml(h, words); }).join("");
      });
    }
  }

  window.HandoffBook = { search: search, pageOfId: pageOfId };

  function start() {
    followOldLink();
    setupSidebar();
    addExpandButtons(document);
    setupSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
