// Browser test of the national site that `register federate` builds, run by
// e2e/run.sh with node's test runner. It federates the bundled register and
// examples/dorp (and a register that cannot be read) with REGISTER_BIN,
// serves the result from 127.0.0.1, drives Debian's Chromium through
// playwright-core, fails on any request to another origin, any script
// error or error on the console (a breach of the pages' Content-Security-
// Policy is one), and runs axe-core with the WCAG 2.1 A and AA tags, failing on
// serious or critical violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const bin = process.env.REGISTER_BIN;
const shotsDir = process.env.SHOTS_DIR || "shots";
if (!bin) throw new Error("REGISTER_BIN must name the register binary");
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".jsonld": "application/ld+json", ".geojson": "application/geo+json", ".tsv": "text/tab-separated-values; charset=utf-8",
};

// A tiny static server: files under dir only.
function serve(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.resolve(root, "." + p);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let work, out, server, origin, context, national;
const foreign = []; // requests to another origin
const errors = [];  // script errors, console errors and failed requests of the site itself

// What the municipalities keep back: a record that is not public, and a
// sensor that withholds its position.
const hiddenID = "cam-beveiliging-rioolgemaal-de-vaart";
const hiddenName = "rioolgemaal De Vaart";
const withheldPoint = "cam-politie-stationsplein";

before(async () => {
  work = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), "e2e-federate-"));
  fs.writeFileSync(path.join(work, "federation.yaml"), [
    "title: Landelijk overzicht van sensoren en algoritmes",
    "registers:",
    `  - {organisation: Gemeente Voorbeeldstad, code: GM0001, province: Utrecht, source: ${JSON.stringify(path.join(repo, "register"))}}`,
    `  - {organisation: Gemeente Dorp, code: GM0002, province: Gelderland, source: ${JSON.stringify(path.join(repo, "examples", "dorp"))}}`,
    "  - {organisation: Gemeente Nergens, code: GM0003, province: Zeeland, source: ontbreekt}",
    "",
  ].join("\n"));
  out = path.join(work, "landelijk");
  // One register cannot be read: federate exits 1 and publishes the rest.
  try {
    execFileSync(bin, ["federate", path.join(work, "federation.yaml"), "--out", out, "--cache", path.join(work, "cache")], { stdio: "pipe" });
    assert.fail("federate exited 0 with a register it could not read");
  } catch (err) {
    if (err.status !== 1) throw err;
  }
  national = JSON.parse(fs.readFileSync(path.join(out, "data", "register.json"), "utf8"));
  server = await serve(out);
  origin = `http://127.0.0.1:${server.address().port}`;
  const dataDir = fs.mkdtempSync(path.join(work, "chromium-"));
  context = await chromium.launchPersistentContext(dataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  fs.mkdirSync(shotsDir, { recursive: true });
});

after(async () => {
  await context?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function open(urlPath) {
  const page = await context.newPage();
  page.on("pageerror", (err) => errors.push(`${urlPath}: ${err.message}`));
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`${urlPath}: console: ${msg.text()}`); });
  page.on("response", (res) => { if (res.status() >= 400) errors.push(`${urlPath}: ${res.url()} answers ${res.status()}`); });
  const res = await page.goto(origin + "/" + urlPath, { waitUntil: "load" });
  assert.equal(res.status(), 200, `${urlPath} answers ${res.status()}`);
  await assertOwnCode(page, urlPath);
  return page;
}

// The page allows only its own site and no inline code, carries none, and
// takes its style from the site's stylesheet.
async function assertOwnCode(page, name) {
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy ?? "", /^default-src 'self';.* style-src 'self'; script-src 'self';/, `${name} has no Content-Security-Policy`);
  assert.doesNotMatch(policy, /unsafe|\*|https?:/, `${name}: the policy allows inline code or another host`);
  assert.equal(await page.locator("style, [style]").count(), 0, `${name} has inline style`);
  assert.equal(await page.locator("script:not([src])").count(), 0, `${name} has an inline script`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), "1152px", `${name}: the stylesheet is not applied`);
}

async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  assert.deepEqual(report, [], `${name}: axe found serious or critical violations`);
}

// The text a visitor sees, and the page's markup, must hold nothing a
// municipality keeps back.
async function assertNothingHidden(page, name) {
  const html = await page.content();
  for (const secret of [hiddenID, hiddenName]) {
    assert.ok(!html.includes(secret), `${name} shows ${secret}, which is not public`);
  }
}

const byCode = (code) => national.records.filter((r) => r.municipality.code === code);

test("national home: totals, each municipality linked, the register not read named, and axe", async () => {
  assert.ok(byCode("GM0001").length > 0 && byCode("GM0002").length > 0, "a register is missing from register.json");
  const page = await open("index.html");
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  assert.equal(await page.locator("h1").count(), 1);
  const lead = await page.locator("main p").first().textContent();
  assert.match(lead, new RegExp(`^${national.records.length} openbare registraties .* uit 2 gemeenten`));
  const failed = page.locator("section.fail");
  assert.match(await failed.textContent(), /Gemeente Nergens \(GM0003\)/);
  for (const [code, name] of [["GM0001", "Gemeente Voorbeeldstad"], ["GM0002", "Gemeente Dorp"]]) {
    const link = page.locator(`a[href="gemeenten/${code}.html"]`);
    assert.equal((await link.textContent()).trim(), name);
  }
  assert.equal(await page.locator('a[href="gemeenten/GM0003.html"]').count(), 0, "the register not read has a page");
  await assertNothingHidden(page, "home");
  await page.screenshot({ path: path.join(shotsDir, "national-home.png"), fullPage: true });
  await audit(page, "national home");

  await page.locator('a[href="gemeenten/GM0002.html"]').click();
  await page.waitForURL("**/gemeenten/GM0002.html");
  assert.equal((await page.locator("h1").textContent()).trim(), "Gemeente Dorp");
  await assertOwnCode(page, "municipality page");
  const rows = page.locator("main tbody tr");
  assert.equal(await rows.count(), byCode("GM0002").length, "the municipality's page does not list each of its public records");
  for (const r of byCode("GM0002")) {
    assert.equal(await page.locator(`tr[id="${r.id}"]`).count(), 1, `${r.id} has no row`);
  }
  await audit(page, "municipality page");
  await page.close();
});

test("search finds a record in every municipality, narrows by province, and leads to its row", async () => {
  const rec = byCode("GM0002").find((r) => r.name.split(/\s+/).some((w) => w.length > 4)) || byCode("GM0002")[0];
  const word = rec.name.split(/\s+/).find((w) => w.length > 4) || rec.name;
  const page = await open("zoeken.html");
  // The provinces come from the registers read.
  await page.locator('#provincie option[value="Gelderland"]').waitFor({ state: "attached" });
  const provinces = await page.locator("#provincie option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(provinces.sort(), ["", "Gelderland", "Utrecht"]);
  await page.fill("#q", word);
  await page.click('#zoek button[type="submit"]');
  await page.waitForURL(/zoeken\.html\?q=/);
  const hit = page.locator("#resultaten tbody tr", { hasText: rec.name });
  await hit.first().waitFor();
  await page.waitForFunction(() => /gevonden in 2 van 2 gemeenten/.test(document.getElementById("status").textContent));
  assert.match(await hit.first().textContent(), /Gemeente Dorp/);
  await assertNothingHidden(page, "search");
  await audit(page, "search");

  // Utrecht alone: Dorp's record is not among the results.
  await page.selectOption("#provincie", "Utrecht");
  await page.click('#zoek button[type="submit"]');
  await page.waitForFunction(() => /gevonden in 1 van 1 gemeenten/.test(document.getElementById("status").textContent));
  assert.equal(await page.locator("#resultaten tbody tr", { hasText: "Gemeente Dorp" }).count(), 0);

  // Back to every province; the hit leads to the record's row.
  await page.selectOption("#provincie", "");
  await page.click('#zoek button[type="submit"]');
  await hit.first().waitFor();
  await hit.first().locator("a").click();
  await page.waitForURL(`**/gemeenten/GM0002.html#${rec.id}`);
  assert.ok(await page.locator(`tr[id="${rec.id}"]`).isVisible());
  // A search for what is not public finds nothing.
  await page.goto(origin + "/zoeken.html?q=" + encodeURIComponent("rioolgemaal vaart"));
  await page.waitForFunction(() => /gevonden in 2 van 2 gemeenten/.test(document.getElementById("status").textContent));
  assert.match(await page.locator("#status").textContent(), /^0 gevonden/);
  await page.close();
});

test("map, quality and open-data pages: drawn without script, and axe", async () => {
  for (const [p, name] of [["kaart.html", "map"], ["kwaliteit.html", "quality"], ["opendata.html", "open data"]]) {
    const page = await open(p);
    assert.equal(await page.locator("script").count(), 0, `${name} needs a script`);
    if (p !== "opendata.html") assert.ok(await page.locator("main svg").count() >= 1, `${name} has no chart`);
    await assertNothingHidden(page, name);
    await page.screenshot({ path: path.join(shotsDir, `national-${p.replace(".html", "")}.png`), fullPage: true });
    await audit(page, name);
    // Every link of the page leads somewhere on the site.
    for (const href of await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.href))) {
      if (new URL(href).origin !== origin) continue;
      const res = await page.request.get(href);
      assert.equal(res.status(), 200, `${name}: ${href} answers ${res.status()}`);
    }
    await page.close();
  }
  const quality = await open("kwaliteit.html");
  for (const name of ["Gemeente Voorbeeldstad", "Gemeente Dorp"]) {
    assert.equal(await quality.locator("main tbody tr", { hasText: name }).count(), 1, `quality lacks ${name}`);
  }
  await quality.close();
});

test("the open data holds only what each municipality publishes", async () => {
  const page = await open("opendata.html");
  const get = async (p) => (await page.request.get(`${origin}/${p}`)).text();
  const records = JSON.parse(await get("data/register.json")).records;
  assert.ok(!records.some((r) => r.id === hiddenID), "a record that is not public is in register.json");
  const cam = records.find((r) => r.id === withheldPoint);
  assert.ok(cam, `${withheldPoint} is public and missing`);
  assert.equal(cam.location?.point, undefined, "a withheld position is in register.json");
  const geo = JSON.parse(await get("data/sensors.geojson"));
  assert.ok(!geo.features.some((f) => [hiddenID, withheldPoint].includes(f.properties?.id ?? f.id)),
    "sensors.geojson places a sensor that is not public or withholds its position");
  const fed = JSON.parse(await get("data/federation.json"));
  assert.ok(JSON.stringify(fed).includes("GM0003"), "federation.json does not report the register not read");
  await page.close();
});

test("no request left the site, and no script failed", () => {
  assert.deepEqual(foreign, [], "requests to another origin");
  assert.deepEqual(errors, [], "script errors or failed requests");
});
