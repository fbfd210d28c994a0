// The optional background map: only when the municipality configured a tile
// service (site.tiles_url), and then only from that host, which the page's
// Content-Security-Policy allows. The SVG is drawn in Web Mercator; its data
// attributes say where it lies in the world, so tiles line up with it.
(function () {
  "use strict";
  var svg = document.querySelector("svg.map[data-tiles]");
  if (!svg) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var tpl = svg.getAttribute("data-tiles");
  var x0 = parseFloat(svg.getAttribute("data-x0"));
  var y0 = parseFloat(svg.getAttribute("data-y0"));
  var scale = parseFloat(svg.getAttribute("data-scale"));
  var vb = svg.viewBox.baseVal;
  // A tile is 256 pixels; pick the zoom at which tiles are about that size
  // in the SVG's units, and never more than 64 tiles.
  var z = Math.max(0, Math.min(19, Math.round(Math.log2(scale / 256))));
  var n, tx0, tx1, ty0, ty1;
  for (;;) {
    n = Math.pow(2, z);
    tx0 = Math.floor(x0 * n); tx1 = Math.floor((x0 + vb.width / scale) * n);
    ty0 = Math.floor(y0 * n); ty1 = Math.floor((y0 + vb.height / scale) * n);
    if ((tx1 - tx0 + 1) * (ty1 - ty0 + 1) <= 64 || z === 0) { break; }
    z--;
  }
  var layer = document.getElementById("map-tiles");
  var size = scale / n;
  for (var tx = tx0; tx <= tx1; tx++) {
    for (var ty = ty0; ty <= ty1; ty++) {
      var img = document.createElementNS(NS, "image");
      img.setAttribute("href", tpl.replace("{z}", z).replace("{x}", tx).replace("{y}", ty));
      img.setAttribute("x", (tx / n - x0) * scale);
      img.setAttribute("y", (ty / n - y0) * scale);
      img.setAttribute("width", size);
      img.setAttribute("height", size);
      img.setAttribute("preserveAspectRatio", "none");
      layer.appendChild(img);
    }
  }
})();
