// Search of the national site: reads the search index of each municipality
// (data/zoek/CODE.tsv, from this site only) and lists the records whose
// name, type or status holds every word asked for. Texts are set with
// textContent, never as HTML.
"use strict";
(function () {
  var form = document.getElementById("zoek");
  var q = document.getElementById("q");
  var prov = document.getElementById("provincie");
  var status = document.getElementById("status");
  var table = document.getElementById("resultaten");
  var body = table.querySelector("tbody");
  var limit = 500;
  var lines = function (text) { return text.split("\n").filter(function (l) { return l !== ""; }); };

  fetch("data/zoek/gemeenten.tsv").then(function (r) { return r.text(); }).then(function (text) {
    var munis = lines(text).map(function (l) { var f = l.split("\t"); return { code: f[0], province: f[1], name: f[2] }; });
    var seen = {};
    munis.forEach(function (m) {
      if (m.province && !seen[m.province]) {
        seen[m.province] = true;
        var o = document.createElement("option");
        o.value = m.province;
        o.textContent = m.province;
        prov.appendChild(o);
      }
    });
    var params = new URLSearchParams(location.search);
    q.value = params.get("q") || "";
    prov.value = params.get("provincie") || "";
    if (q.value.trim().length >= 2) { search(munis); }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(q.value) + "&provincie=" + encodeURIComponent(prov.value));
      search(munis);
    });
  });

  function search(munis) {
    var words = q.value.toLowerCase().split(/\s+/).filter(function (w) { return w !== ""; });
    var chosen = munis.filter(function (m) { return !prov.value || m.province === prov.value; });
    body.textContent = "";
    table.hidden = true;
    var found = 0, done = 0;
    status.textContent = "Zoeken in " + chosen.length + " gemeenten ...";
    var next = 0;
    function one() {
      if (next >= chosen.length) { return Promise.resolve(); }
      var m = chosen[next++];
      return fetch("data/zoek/" + encodeURIComponent(m.code) + ".tsv").then(function (r) { return r.ok ? r.text() : ""; }).then(function (text) {
        lines(text).forEach(function (l) {
          var f = l.split("\t");
          var hay = (f[1] + " " + f[2] + " " + f[3] + " " + m.name).toLowerCase();
          if (found < limit && words.every(function (w) { return hay.indexOf(w) >= 0; })) {
            found++;
            var tr = document.createElement("tr");
            var a = document.createElement("a");
            a.href = "gemeenten/" + encodeURIComponent(m.code) + ".html#" + encodeURIComponent(f[0]);
            a.textContent = f[3];
            var td = document.createElement("td");
            td.appendChild(a);
            tr.appendChild(td);
            [f[1], f[2], m.name].forEach(function (t) { var c = document.createElement("td"); c.textContent = t; tr.appendChild(c); });
            body.appendChild(tr);
            table.hidden = false;
          }
        });
        done++;
        status.textContent = found + (found >= limit ? "+" : "") + " gevonden in " + done + " van " + chosen.length + " gemeenten";
        return one();
      });
    }
    // Six at a time, as a browser fetches from one host.
    var runs = [];
    for (var i = 0; i < 6; i++) { runs.push(one()); }
    return Promise.all(runs);
  }
})();
