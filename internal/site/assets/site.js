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
    if (!form || !table) { return; }
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

  // Search page: fetch the index once, then match every word of the query
  // against name, kind, type, area, id and summary; name matches rank first.
  function setupSearch() {
    var form = document.getElementById("search-form");
    if (!form) { return; }
    document.querySelectorAll(".js-hide").forEach(function (e) { e.hidden = true; });
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var root = form.getAttribute("data-root");
    var index = null;

    function run() {
      var words = norm(input.value).split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var hits = [];
      index.forEach(function (e) {
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          if (e._n.indexOf(w) !== -1) { score += 3; }
          else if (e._o.indexOf(w) !== -1) { score += 1; }
          else { return; }
        }
        hits.push([score, e]);
      });
      hits.sort(function (a, b) { return b[0] - a[0] || a[1].n.localeCompare(b[1].n); });
      status.textContent = hits.length ? form.getAttribute("data-results").replace("%d", hits.length) : form.getAttribute("data-none");
      hits.slice(0, 100).forEach(function (h) {
        var e = h[1];
        var li = el("li");
        li.appendChild(el("a", { href: root + e.u }, e.n));
        li.appendChild(el("span", { "class": "meta" }, " " + e.k + " · " + e.t + (e.a ? " · " + e.a : "")));
        if (e.s) { li.appendChild(el("div", {}, e.s)); }
        list.appendChild(li);
      });
    }

    function load(then) {
      if (index) { then(); return; }
      fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
        data.forEach(function (e) {
          e._n = norm(e.n + " " + e.i);
          e._o = norm([e.k, e.t, e.a, e.s].join(" "));
        });
        index = data;
        then();
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      load(run);
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; load(run); }
  }

  setupFilters();
  setupSearch();
})();
