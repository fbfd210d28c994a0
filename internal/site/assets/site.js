// The register's own script. Every page works without it; with it, the list
// pages filter in place and the search page searches the prebuilt index.
// Nothing is loaded from another host.
(function () {
  "use strict";

  // Lower case without accents, so "café" finds "cafe".
  function norm(s) {
    return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // List pages: one select per facet, built from the facet links the page
  // already has, filtering the table's rows by their data attributes.
  function setupFilters() {
    var form = document.getElementById("filter-form");
    var table = document.getElementById("records");
    // A list split over pages has only one page here: its facet links
    // and the search page filter the whole list.
    if (!form || !table || table.hasAttribute("data-paged")) { return; }
    var fields = document.getElementById("filter-fields");
    var count = document.getElementById("list-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var names = rows.map(function (r) { return norm(r.textContent); });
    var selects = [];
    document.querySelectorAll("nav.facet").forEach(function (nav) {
      var key = nav.getAttribute("data-facet");
      var id = "f-" + key;
      var wrap = el("div");
      wrap.appendChild(el("label", { "for": id }, nav.getAttribute("data-label")));
      var sel = el("select", { id: id, "data-facet": key });
      sel.appendChild(el("option", { value: "" }, table.getAttribute("data-all")));
      nav.querySelectorAll("a[data-value]").forEach(function (a) {
        sel.appendChild(el("option", { value: a.getAttribute("data-value") }, a.textContent));
      });
      wrap.appendChild(sel);
      fields.appendChild(wrap);
      selects.push(sel);
    });
    var textWrap = el("div");
    textWrap.appendChild(el("label", { "for": "f-text" }, table.getAttribute("data-showing") === "Shown" ? "Name contains" : "Naam bevat"));
    var text = el("input", { type: "search", id: "f-text", autocomplete: "off" });
    textWrap.appendChild(text);
    fields.appendChild(textWrap);

    var timer;
    function apply() {
      var want = selects.map(function (s) { return [s.getAttribute("data-facet"), s.value]; });
      var q = norm(text.value.trim());
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = want.every(function (w) { return !w[1] || r.getAttribute("data-" + w[0]) === w[1]; }) &&
          (!q || names[i].indexOf(q) !== -1);
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = table.getAttribute("data-showing") + ": " + shown + " / " + rows.length + " " + table.getAttribute("data-records");
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    text.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.hidden = false;
    // The selects offer what the facet links do; fold the links away so
    // the list is not pushed down on a small screen.
    var details = document.querySelector("details.facets");
    if (details) { details.open = false; }
  }

  // Search page: the index arrives as a script (data/search.LANG.js) before
  // this one, so search works from disk as well as over HTTP. Every word of
  // the query must match name, id, summary or the record's other public
  // words; name matches rank first. The query and the filters live in the
  // URL, which the language switch carries along.
  function setupSearch() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    document.querySelectorAll(".js-hide").forEach(function (e) { e.hidden = true; });
    var data = window.registerSearchIndex;
    if (!data || !data.records) {
      document.getElementById("search-broken").hidden = false;
      return;
    }
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var facetBox = document.getElementById("search-facets");
    var root = form.getAttribute("data-root");
    var max = 100;
    data.records.forEach(function (e) {
      e._n = norm(e.n + " " + e.i);
      e._o = norm([e.m, e.s, e.x].join(" "));
    });
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";

    var selects = data.facets.map(function (f) {
      var id = "sf-" + f.key;
      var wrap = el("div");
      wrap.appendChild(el("label", { "for": id }, f.label));
      var sel = el("select", { id: id, name: f.key, "data-facet": f.key });
      sel.appendChild(el("option", { value: "" }, form.getAttribute("data-all")));
      f.values.forEach(function (v) { sel.appendChild(el("option", { value: v[0], "data-label": v[1] }, v[1])); });
      var want = params.get(f.key);
      if (want && f.values.some(function (v) { return v[0] === want; })) { sel.value = want; }
      wrap.appendChild(sel);
      facetBox.appendChild(wrap);
      sel.addEventListener("change", update);
      return sel;
    });
    document.getElementById("search-filters").hidden = !selects.length;

    function matches(e, words) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (e._n.indexOf(words[i]) !== -1) { score += 3; }
        else if (e._o.indexOf(words[i]) !== -1) { score += 1; }
        else { return 0; }
      }
      return score || 1;
    }

    function inFacets(e, skip) {
      return selects.every(function (s) { return s === skip || !s.value || e.f[s.name] === s.value; });
    }

    function run() {
      var words = norm(input.value).split(/\s+/).filter(Boolean);
      var filtered = selects.some(function (s) { return s.value; });
      var scored = [];
      data.records.forEach(function (e) {
        var score = matches(e, words);
        if (score) { scored.push([score, e]); }
      });
      // Each option counts the records it would show, given the query and
      // the other filters.
      selects.forEach(function (s) {
        var counts = {};
        var total = 0;
        scored.forEach(function (h) {
          if (!inFacets(h[1], s)) { return; }
          total++;
          var v = h[1].f[s.name];
          if (v) { counts[v] = (counts[v] || 0) + 1; }
        });
        Array.prototype.forEach.call(s.options, function (o) {
          o.textContent = (o.value ? o.getAttribute("data-label") : form.getAttribute("data-all")) + " (" + (o.value ? counts[o.value] || 0 : total) + ")";
        });
      });
      list.textContent = "";
      if (!words.length && !filtered) { status.textContent = ""; return; }
      var hits = scored.filter(function (h) { return inFacets(h[1], null); });
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].n.localeCompare(b[1].n); });
      status.textContent = hits.length ? form.getAttribute("data-results").replace("%d", hits.length) : form.getAttribute("data-none");
      if (hits.length > max) { status.textContent += " " + form.getAttribute("data-more").replace("%d", max); }
      hits.slice(0, max).forEach(function (h) {
        var e = h[1];
        var li = el("li");
        li.appendChild(el("a", { href: root + e.u }, e.n));
        li.appendChild(el("span", { "class": "meta" }, " " + e.m));
        if (e.s) { li.appendChild(el("div", {}, e.s)); }
        list.appendChild(li);
      });
    }

    // The URL holds the query and the filters, so a search can be shared,
    // survives a reload and follows the language switch.
    function remember() {
      var url = new URL(window.location.href);
      var q = new URLSearchParams();
      if (input.value) { q.set("q", input.value); }
      selects.forEach(function (s) { if (s.value) { q.set(s.name, s.value); } });
      url.search = q.toString();
      history.replaceState(null, "", url);
      document.querySelectorAll("nav.lang a[hreflang], link[rel=alternate][hreflang]").forEach(function (a) {
        var href = a.getAttribute("href").split("?")[0];
        a.setAttribute("href", href + (url.search || ""));
      });
    }

    var timer;
    function update() { clearTimeout(timer); run(); remember(); }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 120); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    update();
  }

  setupFilters();
  setupSearch();
})();
