"use strict";
// The report's only script. It is static (allowed by its hash in the page's CSP) and puts data
// on screen only through textContent, input values and data: image URLs: OCR text never
// becomes markup or code.
(function () {
  var PAGE_SIZE = 50;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var crops = null; // parsed on first use: the crops block is the bulk of a large report
  var items = data.items;
  var root = document.getElementById("items");
  var storeKey = "saraban-report:" + root.getAttribute("data-report");
  var decisions = {};
  try { decisions = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { decisions = {}; }
  var visible = [];
  var pageNo = 0;
  var current = -1; // index into visible

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(decisions)); } catch (e) { /* private mode */ }
    var n = Object.keys(decisions).length;
    $("decided-count").textContent = n ? n + " decided" : "";
  }
  function cropFor(key) {
    if (!key) return null;
    if (crops === null) crops = JSON.parse(document.getElementById("report-crops").textContent);
    var uri = crops[key];
    return typeof uri === "string" && uri.indexOf("data:image/") === 0 ? uri : null;
  }

  function applyFilters() {
    var kind = $("f-kind").value, doc = $("f-doc").value;
    var conf = parseFloat($("f-conf").value), state = $("f-state").value;
    $("f-conf-v").textContent = conf.toFixed(2);
    visible = items.filter(function (it) {
      if (kind && it.kind !== kind) return false;
      if (doc && it.doc_type !== doc) return false;
      if (it.confidence > conf + 1e-9) return false;
      var decided = Object.prototype.hasOwnProperty.call(decisions, String(it.id));
      if (state === "open" && decided) return false;
      if (state === "decided" && !decided) return false;
      return true;
    });
    pageNo = 0;
    current = visible.length ? 0 : -1;
    render();
  }

  function decide(it, action, card) {
    var values = {};
    var changed = false;
    (it.slots || []).forEach(function (s, i) {
      var input = card.querySelector('input[data-slot="' + i + '"]');
      var v = input ? input.value : s.value;
      values[s.path] = v;
      if (v !== s.value) changed = true;
    });
    decisions[String(it.id)] = {
      action: action === "edit" && changed ? "edit" : "accept",
      values: values,
      at: new Date().toISOString()
    };
    save();
    card.classList.add("decided");
    card.querySelector(".status").textContent = decisions[String(it.id)].action === "edit" ? "edited" : "accepted";
  }

  function card(it, index) {
    var c = el("section", "item");
    c.setAttribute("data-id", String(it.id));
    c.setAttribute("tabindex", "-1");
    if (it.confidence < 0.5) c.classList.add("low");
    else if (it.confidence < data.threshold) c.classList.add("mid");
    var left = el("div", "crop");
    var uri = cropFor(it.crop);
    if (uri) {
      var img = el("img");
      img.alt = "crop of " + it.path;
      img.src = uri;
      left.appendChild(img);
    } else {
      left.appendChild(el("span", "nocrop", it.kind === "failed file" ? "no result" : "no crop (source file not found)"));
    }
    var right = el("div");
    var meta = el("div", "meta head");
    meta.appendChild(el("b", "", it.confidence.toFixed(2)));
    meta.appendChild(document.createTextNode(" · " + it.kind + (it.doc_type ? " · " + it.doc_type : "") + " · "));
    var a = el("a", "", it.file);
    a.href = it.href;
    meta.appendChild(a);
    if (it.path) meta.appendChild(document.createTextNode(" · " + it.path + (it.page ? " (page " + it.page + ")" : "")));
    right.appendChild(meta);
    right.appendChild(el("div", "reason", it.reason));
    if (it.text) {
      var read = el("div", "read");
      read.appendChild(el("span", "meta", "as read: "));
      read.appendChild(document.createTextNode(it.text));
      right.appendChild(read);
    }
    if (it.value) {
      var norm = el("div");
      norm.appendChild(el("span", "meta", "normalised: "));
      norm.appendChild(el("b", "value", it.value));
      right.appendChild(norm);
    }
    var d = decisions[String(it.id)];
    (it.slots || []).forEach(function (s, i) {
      var lab = el("label", "slot");
      lab.appendChild(document.createTextNode(s.label + " "));
      var input = el("input");
      input.setAttribute("data-slot", String(i));
      input.value = d && d.values && Object.prototype.hasOwnProperty.call(d.values, s.path) ? d.values[s.path] : s.value;
      input.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") { ev.preventDefault(); decide(it, "edit", c); input.blur(); move(1); }
        else if (ev.key === "Escape") { ev.preventDefault(); input.blur(); c.focus(); }
        ev.stopPropagation();
      });
      lab.appendChild(input);
      right.appendChild(lab);
    });
    var buttons = el("div");
    if (!it.path) { c.appendChild(left); c.appendChild(right); return c; } // a failed file: nothing to decide
    var acc = el("button", "accept", "accept");
    acc.type = "button";
    acc.addEventListener("click", function () { decide(it, "accept", c); });
    buttons.appendChild(acc);
    if ((it.slots || []).length) {
      var sv = el("button", "save", "save edit");
      sv.type = "button";
      sv.addEventListener("click", function () { decide(it, "edit", c); });
      buttons.appendChild(document.createTextNode(" "));
      buttons.appendChild(sv);
    }
    buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(el("span", "status", d ? (d.action === "edit" ? "edited" : "accepted") : ""));
    if (d) c.classList.add("decided");
    right.appendChild(buttons);
    c.appendChild(left);
    c.appendChild(right);
    c.addEventListener("click", function () { setCurrent(index, false); });
    return c;
  }

  function render() {
    root.textContent = "";
    var start = pageNo * PAGE_SIZE;
    var slice = visible.slice(start, start + PAGE_SIZE);
    var frag = document.createDocumentFragment();
    slice.forEach(function (it, i) { frag.appendChild(card(it, start + i)); });
    root.appendChild(frag);
    var pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
    $("page-info").textContent = "page " + (pageNo + 1) + " of " + pages + " · " + visible.length + " items shown";
    $("prev-page").disabled = pageNo === 0;
    $("next-page").disabled = pageNo >= pages - 1;
    highlight(false);
  }

  function highlight(scroll) {
    var cards = root.querySelectorAll(".item");
    for (var i = 0; i < cards.length; i++) cards[i].classList.remove("current");
    if (current < 0) return;
    var c = cards[current - pageNo * PAGE_SIZE];
    if (c) {
      c.classList.add("current");
      if (scroll) { c.focus({ preventScroll: true }); c.scrollIntoView({ block: "center" }); }
    }
  }

  function setCurrent(index, scroll) {
    if (!visible.length) return;
    current = Math.max(0, Math.min(visible.length - 1, index));
    var p = Math.floor(current / PAGE_SIZE);
    if (p !== pageNo) { pageNo = p; render(); }
    highlight(scroll);
  }
  function move(step) { setCurrent(current + step, true); }
  function currentCard() { return root.querySelector(".item.current"); }

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var c = currentCard();
    if (ev.key === "j" || ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
    else if (ev.key === "k" || ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
    else if (ev.key === "n") { setCurrent((pageNo + 1) * PAGE_SIZE, true); }
    else if (ev.key === "p") { setCurrent((pageNo - 1) * PAGE_SIZE, true); }
    else if (ev.key === "a" && c && visible[current].path) { ev.preventDefault(); decide(visible[current], "accept", c); move(1); }
    else if (ev.key === "e" && c) {
      var input = c.querySelector("input");
      if (input) { ev.preventDefault(); input.focus(); input.select(); }
    }
  });

  function exportCorrections() {
    var byId = {};
    items.forEach(function (it) { byId[String(it.id)] = it; });
    var reviewer = $("reviewer").value.trim();
    var out = [];
    Object.keys(decisions).sort(function (x, y) { return x - y; }).forEach(function (id) {
      var it = byId[id], d = decisions[id];
      if (!it || !it.path) return;
      var changes = [];
      (it.slots || []).forEach(function (s) {
        var v = d.values && Object.prototype.hasOwnProperty.call(d.values, s.path) ? d.values[s.path] : s.value;
        if (v !== s.value) changes.push({ path: s.path, before: s.value, after: v });
      });
      out.push({
        file: it.file,
        item: it.path,
        action: changes.length ? "edit" : "accept",
        changes: changes,
        text_as_read: it.text,
        reviewer: reviewer,
        at: d.at
      });
    });
    var doc = {
      format: "saraban-corrections",
      version: 1,
      report: root.getAttribute("data-report"),
      exported_at: new Date().toISOString(),
      reviewer: reviewer,
      corrections: out
    };
    var blob = new Blob([JSON.stringify(doc, null, 1)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "corrections.json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  ["f-kind", "f-doc", "f-state"].forEach(function (id) { $(id).addEventListener("change", applyFilters); });
  $("f-conf").addEventListener("input", applyFilters);
  $("prev-page").addEventListener("click", function () { setCurrent((pageNo - 1) * PAGE_SIZE, true); });
  $("next-page").addEventListener("click", function () { setCurrent((pageNo + 1) * PAGE_SIZE, true); });
  $("export").addEventListener("click", exportCorrections);
  try { $("reviewer").value = localStorage.getItem("saraban-reviewer") || ""; } catch (e) { /* ignore */ }
  $("reviewer").addEventListener("change", function () {
    try { localStorage.setItem("saraban-reviewer", $("reviewer").value); } catch (e) { /* ignore */ }
  });
  save();
  applyFilters();
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.documentElement.setAttribute("data-ready", "1");
})();
