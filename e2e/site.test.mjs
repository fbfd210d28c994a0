// Browser test of the public register site, run by e2e/run.sh with node's
// test runner. It serves the built site (SITE_DIR) from 127.0.0.1, drives
// Debian's Chromium through playwright-core, fails on any request to another
// origin or any Content-Security-Policy violation, and runs axe-core with the
// WCAG 2.1 A and AA tags, failing on serious or critical violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";
import FeedParser from "feedparser";
import ICAL from "ical.js";
import jsonld from "jsonld";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const siteDir = process.env.SITE_DIR;
const shotsDir = process.env.SHOTS_DIR || "shots";
if (!siteDir) throw new Error("SITE_DIR must name the built site");
// The site opened from disk, as the README tells people to do.
const fileRoot = pathToFileURL(path.resolve(siteDir)).href + "/";

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".jsonld": "application/ld+json", ".geojson": "application/geo+json",
  ".csv": "text/csv; charset=utf-8", ".yaml": "text/plain; charset=utf-8",
};

// A tiny static server: files under siteDir only, 404.html for the rest.
function serve(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.resolve(root, "." + p);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "content-type": types[".html"] });
        res.end(fs.readFileSync(path.join(root, "404.html")));
        return;
      }
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server, origin, context, profile;
const allowed = new Set(); // origins of the sites under test
const foreign = [];   // requests to another origin
const violations = []; // CSP reports and page errors

before(async () => {
  server = await serve(siteDir);
  origin = `http://127.0.0.1:${server.address().port}`;
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || "/tmp", "e2e-chromium-"));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(dataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  profile = dataDir;
  // Every request is checked; one to another origin is recorded and aborted,
  // so the test neither waits for nor reaches the outside world.
  allowed.add(origin);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith(fileRoot) || allowed.has(new URL(url).origin)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  fs.mkdirSync(shotsDir, { recursive: true });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

async function open(urlPath, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(`${urlPath}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => violations.push(`${urlPath}: ${err.message}`));
  const res = await page.goto(origin + "/" + urlPath, { waitUntil: "load" });
  assert.equal(res.status(), 200, `${urlPath} answers ${res.status()}`);
  return page;
}

// axe runs through the DevTools protocol, which the page's CSP does not
// govern, so the page keeps its real policy while it is audited.
async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  assert.deepEqual(report, [], `${name}: axe found serious or critical violations`);
}

// register.json is an index; its parts, beside it, hold the records.
const index = JSON.parse(fs.readFileSync(path.join(siteDir, "data/register.json"), "utf8"));
const records = index.parts.flatMap((p) => JSON.parse(fs.readFileSync(path.join(siteDir, "data", p.url), "utf8")).records);
assert.equal(records.length, index.record_count, "the parts of register.json do not hold the records the index counts");
const sensors = records.filter((r) => r.kind === "sensor");
const algorithms = records.filter((r) => r.kind === "algorithm");

test("home page: counts, landmarks, search form, and axe", async () => {
  const page = await open("index.html");
  assert.equal(await page.locator("h1").count(), 1);
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  for (const sel of ["header", "nav", "main#main", "footer", "a.skip"]) {
    assert.ok(await page.locator(sel).count() >= 1, `home lacks ${sel}`);
  }
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'self'/);
  const cards = await page.locator(".cards .big").allTextContents();
  assert.deepEqual(cards.map(Number), [sensors.length, algorithms.length]);
  await page.screenshot({ path: path.join(shotsDir, "home.png"), fullPage: true });
  await audit(page, "home");
  await page.close();
});

test("record page: fields, correction desk, source, language switch, reflow at 320 px, and axe", async () => {
  const rec = sensors.find((r) => r.location?.area) || sensors[0];
  const page = await open(`sensoren/${rec.id}.html`);
  assert.equal((await page.locator("h1").textContent()).trim(), rec.name);
  assert.ok(await page.getByText("Korte omschrijving").count() + await page.locator(".summary").count() >= 1);
  assert.ok(await page.locator("dt", { hasText: "Doel en impact" }).count() === 1, "purpose label missing");
  const report = await page.locator("a.button").getAttribute("href");
  assert.ok(report.includes(encodeURIComponent(rec.id)) || report.includes(rec.id), `report link ${report} lacks the record id`);
  const source = page.locator('a[type="application/yaml"]');
  if (await source.count()) {
    const res = await page.request.get(new URL(await source.getAttribute("href"), page.url()).href);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), new RegExp(`id: ${rec.id}`));
  }
  assert.ok(await page.locator("time[datetime]").count() >= 1, "no <time datetime>");
  await page.screenshot({ path: path.join(shotsDir, "record.png"), fullPage: true });
  await audit(page, "record page");
  await page.locator('nav.lang a[hreflang="en"]').click();
  await page.waitForURL(`**/en/sensors/${rec.id}.html`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.ok(await page.locator("dt", { hasText: "Purpose and impact" }).count() === 1);
  await audit(page, "record page (en)");
  await page.close();

  const narrow = await open(`sensoren/${rec.id}.html`, { width: 320, height: 800 });
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the record page scrolls sideways by ${overflow}px at 320px`);
  await narrow.close();
});

test("search finds a record by a word of its name", async () => {
  const rec = algorithms[0];
  const word = rec.name.split(/\s+/).filter((w) => w.length > 3)[0] || rec.name;
  const page = await open("index.html");
  await page.fill("#q", word);
  await page.press("#q", "Enter");
  await page.waitForURL(/zoeken\.html\?q=/);
  const hit = page.locator("#search-results a", { hasText: rec.name });
  await hit.first().waitFor();
  assert.match(await page.locator("#search-status").textContent(), /\d+ resultaten/);
  assert.ok(await page.locator("#search-nojs").isHidden(), "the no-JavaScript notice is still shown");
  await audit(page, "search");
  await hit.first().click();
  await page.waitForURL(`**/algoritmes/${rec.id}.html`);
  await page.close();
});

// A word that only a capability holds: the index covers more than names.
const capable = sensors.find((s) => (s.capabilities || []).includes("live_viewing"));

test("search is live, filters by facet with counts, and keeps both across the language switch", async () => {
  const page = await open("zoeken.html");
  await page.locator("#search-filters").waitFor({ state: "visible" });
  await page.locator("#q").pressSequentially("meekijken", { delay: 20 });
  const hit = page.locator("#search-results a", { hasText: capable.name });
  await hit.first().waitFor();
  await page.waitForURL(/\?q=meekijken$/);
  const hits = await page.locator("#search-results li").count();
  // Each option says how many records it would show.
  const sensorOption = await page.locator('#sf-kind option[value="sensor"]').textContent();
  assert.match(sensorOption, /^Sensor \(\d+\)$/);
  const algorithmOption = await page.locator('#sf-kind option[value="algorithm"]').textContent();
  const count = (o) => Number(o.match(/\((\d+)\)$/)[1]);
  assert.equal(count(sensorOption) + count(algorithmOption), hits, "the counts per kind disagree with the results");
  assert.equal(await page.locator('#sf-kind option[value=""]').textContent(), `Alle (${hits})`);
  await page.selectOption("#sf-type", capable.sensor_type);
  await page.waitForURL(new RegExp(`\\?q=meekijken&type=${capable.sensor_type}$`));
  await audit(page, "search with filters");
  await page.locator('nav.lang a[hreflang="en"]').click();
  await page.waitForURL(new RegExp(`/en/search\\.html\\?q=meekijken&type=${capable.sensor_type}$`));
  assert.equal(await page.inputValue("#q"), "meekijken");
  assert.equal(await page.inputValue("#sf-type"), capable.sensor_type);
  await page.locator("#search-results a", { hasText: capable.name }).first().waitFor();
  assert.match(await page.locator("#search-status").textContent(), /\d+ results?/);
  await page.close();
});

test("search works on the site opened from disk (file://)", async () => {
  const page = await context.newPage();
  page.on("pageerror", (err) => violations.push(`file search: ${err.message}`));
  page.on("console", (msg) => { if (/Content Security Policy|Refused to|Failed to load/i.test(msg.text())) violations.push(`file search: ${msg.text()}`); });
  await page.goto(fileRoot + "index.html");
  await page.fill("#q", "meekijken");
  await page.press("#q", "Enter");
  await page.waitForURL(/zoeken\.html\?q=meekijken/);
  assert.ok(page.url().startsWith("file://"));
  await page.locator("#search-results a", { hasText: capable.name }).first().waitFor();
  assert.ok(await page.locator("#search-broken").isHidden(), "the page says the index did not load");
  await page.locator("#search-results a", { hasText: capable.name }).first().click();
  await page.waitForURL(`**/sensoren/${capable.id}.html`);
  await page.close();
});

test("filters: in place with JavaScript, and as facet pages without it", async () => {
  const page = await open("sensoren/index.html");
  const rows = page.locator("#records tbody tr");
  assert.equal(await rows.count(), sensors.length);
  await page.locator("#filter-form").waitFor({ state: "visible" });
  const type = sensors[0].sensor_type;
  const want = sensors.filter((s) => s.sensor_type === type).length;
  await page.selectOption("#f-type", type);
  assert.equal(await page.locator("#records tbody tr:visible").count(), want);
  assert.match(await page.locator("#list-count").textContent(), new RegExp(`${want} / ${sensors.length}`));
  await audit(page, "sensor list");
  await page.close();

  // The same list without JavaScript: the facet links are the filters.
  const p2 = await context.newPage();
  const cdp = await context.newCDPSession(p2);
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
  await p2.goto(origin + "/sensoren/index.html");
  assert.ok(await p2.locator("#filter-form").isHidden(), "the script-only filter shows without JavaScript");
  await p2.locator(`nav.facet[data-facet="type"] a[data-value="${type}"]`).click();
  await p2.waitForURL(`**/sensoren/soort/${type}.html`);
  assert.equal(await p2.locator("#records tbody tr").count(), want);
  await p2.close();
});

test("map: points and areas drawn without tiles, list alternative, and axe", async () => {
  const page = await open("kaart.html");
  const shapes = await page.locator("svg.map .pt, svg.map .area").count();
  assert.ok(shapes > 0, "the map draws nothing");
  assert.equal(await page.locator("svg.map image").count(), 0, "tiles loaded though none are configured");
  assert.ok(await page.locator("#map-list + .table-wrap tbody tr").count() > 0);
  await page.screenshot({ path: path.join(shotsDir, "map.png"), fullPage: true });
  await audit(page, "map");
  await page.close();
});

test("every other kind of page passes axe", async () => {
  const type = sensors[0].sensor_type;
  for (const p of ["en/index.html", "algoritmes/index.html", `algoritmes/${algorithms[0].id}.html`, `sensoren/soort/${type}.html`,
    "principes.html", "toegankelijkheid.html", "open-data.html", "en/map.html", "404.html"]) {
    const page = await open(p);
    assert.equal(await page.locator("h1").count(), 1, `${p} has not one h1`);
    await audit(page, p);
    await page.close();
  }
});

test("Waar worden mijn gegevens gebruikt?: from the home page to a dataset, the records that use it, and axe", async () => {
  const name = "Basisregistratie Personen (BRP)";
  const users = records.filter((r) => (r.datasets || []).some((d) => d.name === name));
  assert.ok(users.length > 1, "the bundled register has no records that use the BRP");
  const page = await open("index.html");
  await page.locator("main a", { hasText: "Waar worden mijn gegevens gebruikt?" }).click();
  await page.waitForURL("**/gegevens/index.html");
  await audit(page, "datasets");
  await page.locator("main a", { hasText: name }).click();
  await page.waitForURL("**/gegevens/basisregistratie-personen-brp.html");
  assert.match(await page.locator("h1").textContent(), /Waar worden gegevens uit Basisregistratie Personen \(BRP\) gebruikt\?/);
  for (const r of users) {
    assert.equal(await page.locator(`tbody th a[href="../${r.kind === "sensor" ? "sensoren" : "algoritmes"}/${r.id}.html"]`).count(), 1, `${r.id} is not listed`);
  }
  assert.ok(await page.locator("#recipients + ul li").count() >= 1, "no recipients to tell of a correction");
  await audit(page, "dataset page");
  await page.locator('nav.lang a[hreflang="en"]').click();
  await page.waitForURL("**/en/datasets/basisregistratie-personen-brp.html");
  assert.match(await page.locator("h1").textContent(), /^Where is data from Basisregistratie Personen \(BRP\) used\?$/);
  await audit(page, "dataset page (en)");
  await page.close();
});

test("downloads parse and leave out what is not public", async () => {
  const page = await open("open-data.html");
  for (const href of await page.locator("table a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    const res = await page.request.get(new URL(href, page.url()).href);
    assert.equal(res.status(), 200, href);
    const body = await res.text();
    if (/\.(json|jsonld|geojson)$/.test(href)) JSON.parse(body);
  }
  const geo = JSON.parse(fs.readFileSync(path.join(siteDir, "data/sensors.geojson"), "utf8"));
  for (const f of geo.features) {
    const pts = f.geometry.type === "Point" ? [f.geometry.coordinates] : [];
    for (const [lon, lat] of pts) assert.ok(lon > 3 && lon < 8 && lat > 50 && lat < 54, `${f.id}: not [lon, lat] in the Netherlands`);
  }
  await page.close();
});

// The file under siteDir that an absolute link to the site names; base is
// the site's address, which the feed states as its own (rel="self").
function localFile(base, u) {
  assert.ok(u.startsWith(base), `${u} is not on the site (${base})`);
  return path.join(siteDir, u.slice(base.length));
}

function parseFeed(body) {
  return new Promise((resolve, reject) => {
    const fp = new FeedParser();
    const items = [];
    fp.on("error", reject);
    fp.on("readable", () => { let it; while ((it = fp.read())) items.push(it); });
    fp.on("end", () => resolve({ meta: fp.meta, items }));
    fp.end(body);
  });
}

test("the change feed and the due calendar: discovered from the page, read by a feed reader and a calendar", async () => {
  const page = await open("index.html");
  const feedHref = await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', "href");
  const calHref = await page.getAttribute('link[rel="alternate"][type="text/calendar"]', "href");
  assert.ok(feedHref && calHref, "the page does not point to the feed and the calendar");
  assert.ok(await page.locator(`.follow a[href="${feedHref}"]`).count() === 1, "the feed is not offered in the text");

  const feedRes = await page.request.get(new URL(feedHref, page.url()).href);
  assert.equal(feedRes.status(), 200);
  const feed = await parseFeed(await feedRes.text());
  assert.equal(feed.meta["#type"], "atom");
  assert.match(feed.meta.xmlurl, /^https:\/\/.+\/changes\.xml$/);
  const base = feed.meta.xmlurl.replace(/changes\.xml$/, "");
  assert.ok(feed.items.length > 0, "the feed has no entries");
  for (const it of feed.items) {
    assert.match(it.title, /^(Nieuw|Gewijzigd|Verwijderd|Hernoemd): /);
    assert.ok(it.date instanceof Date && !isNaN(it.date), `${it.title}: no date`);
    if (!it.title.startsWith("Verwijderd")) assert.ok(fs.existsSync(localFile(base, it.link)), `${it.title}: ${it.link} is no page of the site`);
  }

  const calRes = await page.request.get(new URL(calHref, page.url()).href);
  assert.equal(calRes.status(), 200);
  const cal = new ICAL.Component(ICAL.parse(await calRes.text()));
  const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  assert.ok(events.length > 0, "the calendar has no events");
  const ids = new Set(records.map((r) => r.id));
  for (const ev of events) {
    assert.ok(ev.startDate.isDate, `${ev.summary}: not an all-day event`);
    assert.match(ev.summary, /^(Evaluatie|Einde looptijd|Einde uitzondering|Einde gegevensdeling|Plichten AI-verordening) \(/);
    const id = ev.summary.match(/\(([a-z0-9-]+)\)$/)?.[1];
    assert.ok(ids.has(id), `${ev.summary}: not a public record`);
    const url = ev.component.getFirstPropertyValue("url");
    assert.ok(fs.existsSync(localFile(base, url)), `${ev.summary}: ${url} is no page of the site`);
    assert.doesNotMatch(ev.description, /@|\.yaml/, "the public calendar shows a contact or a file");
  }
  await page.close();
});

// The triples a JSON-LD document states, counted from its JSON: each value of
// each property (and each @type) is one; a nested node adds its own.
function statedTriples(node) {
  let n = 0;
  for (const [k, v] of Object.entries(node)) {
    if (k === "@type") { n += [].concat(v).length; continue; }
    if (k.startsWith("@")) continue;
    for (const x of [].concat(v)) {
      n++;
      if (x && typeof x === "object" && Object.keys(x).some((kk) => !["@id", "@value", "@type", "@language"].includes(kk))) n += statedTriples(x);
    }
  }
  return n;
}

test("the DCAT catalogue: a JSON-LD processor keeps every triple, and DCAT-AP-NL's properties are there", async () => {
  const page = await open("open-data.html");
  const href = await page.locator('a[href$="catalog.jsonld"]').getAttribute("href");
  const res = await page.request.get(new URL(href, page.url()).href);
  assert.equal(res.status(), 200);
  const doc = JSON.parse(await res.text());
  await page.close();
  // Offline: a remote context would be a request to another host.
  const documentLoader = (url) => { throw new Error(`the catalogue loads ${url}`); };
  const quads = await jsonld.toRDF(doc, { documentLoader });
  const stated = doc["@graph"].reduce((n, node) => n + statedTriples(node), 0);
  assert.ok(stated > 100, `only ${stated} triples stated`);
  assert.equal(quads.length, stated, "the processor dropped triples (a relative or invalid IRI)");
  for (const q of quads) {
    assert.equal(q.subject.termType, "NamedNode", "a blank node: something has no identifier");
    assert.match(q.subject.value, /^https?:\/\//);
  }
  const DCAT = "http://www.w3.org/ns/dcat#", DCT = "http://purl.org/dc/terms/", RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const ofType = (t) => quads.filter((q) => q.predicate.value === RDF && q.object.value === t).map((q) => q.subject.value);
  const has = (s, p) => quads.some((q) => q.subject.value === s && q.predicate.value === p);
  const [catalog] = ofType(DCAT + "Catalog");
  for (const p of [DCT + "title", DCT + "description", DCT + "publisher", DCAT + "dataset", DCT + "license", DCT + "modified"]) assert.ok(has(catalog, p), `catalogue lacks ${p}`);
  const datasets = ofType(DCAT + "Dataset");
  assert.equal(datasets.length, 3);
  for (const d of datasets) {
    for (const p of [DCT + "identifier", DCT + "title", DCT + "description", DCAT + "theme", DCT + "publisher", DCAT + "contactPoint", DCAT + "distribution", DCT + "accessRights", DCT + "modified"]) {
      assert.ok(has(d, p), `${d} lacks ${p}`);
    }
  }
  for (const d of ofType(DCAT + "Distribution")) {
    for (const p of [DCAT + "accessURL", DCT + "license", DCT + "format", DCAT + "mediaType"]) assert.ok(has(d, p), `${d} lacks ${p}`);
    const file = path.join(siteDir, new URL(d).pathname);
    assert.ok(fs.existsSync(file), `${d} is not on the site`);
  }
});

// The same register built with REGISTER_SITE_TILES_URL=https://tiles.test/...:
// the map may then load tiles from that one host, and nothing else changes.
test("a configured tile service is the one other host the map uses", { skip: !process.env.TILES_SITE_DIR }, async () => {
  const srv = await serve(process.env.TILES_SITE_DIR);
  const tilesOrigin = `http://127.0.0.1:${srv.address().port}`;
  allowed.add(tilesOrigin);
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const tiles = [];
  const page = await context.newPage();
  await page.route("https://tiles.test/**", (route) => {
    tiles.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/png", body: png });
  });
  page.on("console", (msg) => { if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(`tiles map: ${msg.text()}`); });
  await page.goto(tilesOrigin + "/kaart.html");
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /img-src 'self' data: https:\/\/tiles\.test;/);
  await page.waitForFunction(() => document.querySelectorAll("#map-tiles image").length > 0);
  await page.waitForTimeout(300);
  assert.ok(tiles.length > 0 && tiles.length <= 64, `${tiles.length} tiles requested`);
  for (const u of tiles) assert.match(u, /^https:\/\/tiles\.test\/\d+\/\d+\/\d+\.png$/);
  await page.screenshot({ path: path.join(shotsDir, "map-tiles.png"), fullPage: false });
  await audit(page, "map with tiles");
  await page.close();
  allowed.delete(tilesOrigin);
  srv.close();
});

test("no page asks for a file the site lacks (a favicon too), and none scrolls sideways at 320 px", async () => {
  const type = sensors[0].sensor_type;
  const pages = ["index.html", "sensoren/index.html", "algoritmes/index.html", `sensoren/soort/${type}.html`, `sensoren/${sensors[0].id}.html`,
    `algoritmes/${algorithms[0].id}.html`, "kaart.html", "principes.html", "zoeken.html?q=camera", "open-data.html", "toegankelijkheid.html",
    "en/index.html", "en/sensors/index.html", "en/algorithms/index.html", "404.html"];
  for (const p of pages) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    const missing = [];
    page.on("response", (res) => { if (res.status() >= 400 && !res.url().endsWith("/404.html")) missing.push(`${res.status()} ${res.url()}`); });
    await page.goto(origin + "/" + p, { waitUntil: "load" });
    await page.waitForTimeout(100);
    assert.deepEqual(missing, [], `${p} requests what the site lacks`);
    const icon = await page.getAttribute('link[rel="icon"]', "href");
    assert.ok(icon, `${p} names no favicon, so the browser asks for /favicon.ico`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px at 320px`);
    await page.close();
  }
});

// `register serve` on a copy of the register: the open page reloads after a
// save and shows a build error in the page until it is fixed.
test("serve reloads the open page after a save and shows errors in it", { skip: !process.env.REGISTER_BIN }, async () => {
  const repoRegister = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "register");
  const root = fs.mkdtempSync(path.join(process.env.TMPDIR || "/tmp", "e2e-serve-"));
  fs.cpSync(repoRegister, root, { recursive: true });
  const rec = sensors[0];
  const file = path.join(root, "sensors", `${rec.id}.yaml`);
  const original = fs.readFileSync(file, "utf8");
  const proc = spawn(process.env.REGISTER_BIN, ["serve", "--root", root, "--addr", "127.0.0.1:0", "--poll", "200ms", "--as-of", "2026-11-24"], { stdio: ["ignore", "pipe", "pipe"] });
  let page;
  try {
    const url = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30000);
      proc.stdout.on("data", (d) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out); // the URL, in either language
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      proc.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    allowed.add(new URL(url).origin);
    page = await context.newPage();
    page.on("pageerror", (err) => violations.push(`serve: ${err.message}`));
    await page.goto(url + `sensoren/${rec.id}.html`);
    assert.equal((await page.locator("h1").textContent()).trim(), rec.name);

    fs.writeFileSync(file, original.replace(/^name: .*$/m, "name: Hernoemd tijdens het bewerken"));
    await page.waitForFunction(() => document.querySelector("h1")?.textContent.trim() === "Hernoemd tijdens het bewerken", null, { timeout: 20000 });

    fs.writeFileSync(file, original.replace(/^name: .*$/m, "name: [Niet gesloten"));
    const problem = page.locator("#register-preview-problem");
    await problem.waitFor({ state: "visible", timeout: 20000 });
    assert.match(await problem.textContent(), new RegExp(`sensors/${rec.id}\\.yaml:\\d+:\\d+: `));
    assert.equal(await problem.getAttribute("role"), "alert");

    fs.writeFileSync(file, original);
    await problem.waitFor({ state: "detached", timeout: 20000 });
    await page.locator("h1", { hasText: rec.name }).waitFor({ timeout: 20000 });
  } finally {
    await page?.close();
    proc.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("the checks themselves catch a foreign request and an axe violation", async () => {
  // A blank page: the site's pages would block the image by their CSP
  // before the request watch ever saw it.
  const page = await context.newPage();
  const before = foreign.length;
  await page.setContent('<html lang="nl"><head><title>x</title></head><body><main><h1>x</h1><img src="https://tiles.invalid/1/2/3.png"></main></body></html>');
  await page.waitForTimeout(200);
  assert.deepEqual(foreign.splice(before), ["https://tiles.invalid/1/2/3.png"], "a request to another host went unnoticed");
  await assert.rejects(audit(page, "planted image without alt"), /image-alt/);
  await page.close();
});

test("no request left the site and no policy was violated", () => {
  assert.deepEqual(foreign, []);
  assert.deepEqual(violations, []);
});
