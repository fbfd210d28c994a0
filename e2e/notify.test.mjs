// Browser test of the notification form ("Meld een sensor"), run by
// e2e/run.sh: an operator fills in the form in Debian's Chromium, sees the
// schema's errors while typing, downloads the YAML, and the desk imports it
// with 'register import notification --received'; 'register check' then
// measures the notice period from the receipt date. An operator's update
// starts from the record page's pre-filled form, which holds no withheld
// value. The form requests no other host, breaks no CSP rule, passes axe, and
// without JavaScript is a form to print.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const siteDir = process.env.SITE_DIR;
const bin = process.env.REGISTER_BIN;
const shotsDir = process.env.SHOTS_DIR || "shots";
if (!siteDir || !bin) throw new Error("SITE_DIR and REGISTER_BIN must be set (e2e/run.sh sets them)");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };

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

let server, origin, browser, work;
const foreign = [];
const violations = [];

before(async () => {
  server = await serve(siteDir);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-notify-"));
  fs.mkdirSync(shotsDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 412, height: 915 }, ...options });
  // Any request to another origin is recorded and aborted.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("blob:") || url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (msg) => { if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text()); });
  page.on("pageerror", (err) => violations.push(err.message));
  return page;
}

// Dates: received yesterday (the importer refuses a date after today), the
// sensor starts three days after receipt, within the five-day notice period.
function day(offset) {
  const d = new Date(Date.now() + offset * 86400000);
  return d.toISOString().slice(0, 10);
}
const received = day(-1);
const start = day(2);

function run(args, opts = {}) {
  const res = spawnSync(bin, args, { encoding: "utf8", ...opts });
  return { code: res.status, out: res.stdout + res.stderr };
}

function copyRegister() {
  const dir = fs.mkdtempSync(path.join(work, "register-"));
  fs.cpSync(path.join(repo, "register"), dir, { recursive: true });
  return dir;
}

async function fillNew(page) {
  await page.fill("#q-name", "Camera bij de ingang van Bakkerij De Korenbloem");
  assert.equal(await page.inputValue("#q-id"), "camera-bij-de-ingang-van-bakkerij-de-korenbloem", "the id is made from the name");
  await page.fill("#q-organisation-name", "Bakkerij De Korenbloem");
  await page.selectOption("#q-organisation-type", "private");
  await page.fill("#q-owner-role", "Bedrijfsleider");
  await page.selectOption("#q-sensor_type", "camera");
  await page.selectOption("#q-camera_regime", "private");
  await page.check('#q-capabilities input[value="video_recording"]');
  await page.fill("#q-summary", "Een camera boven de winkeldeur filmt wie de bakkerij in- en uitloopt.");
  await page.fill("#q-purpose", "Inbraak en diefstal voorkomen en kunnen opsporen.");
  await page.selectOption("#q-status", "planned");
  await page.fill("#q-location-description", "Kerkstraat 12, boven de winkeldeur");
  await page.fill("#q-location-point-lat", "52,0907");
  await page.fill("#q-location-point-lon", "5.1214");
  await page.fill("#q-lifecycle-start", start);
  await page.check('#q-personal_data-processed input[value="yes"]');
  await page.selectOption("#q-legal_basis-regime", "gdpr");
  await page.selectOption("#q-legal_basis-gdpr_ground", "legitimate_interest");
  await page.fill("#q-personal_data-categories", "Camerabeelden\n");
  await page.fill("#q-retention-n", "4");
  await page.selectOption("#q-retention-unit", "W");
  await page.check('#q-signage-present input[value="true"]');
}

async function make(page) {
  await page.click("#notify-make");
  await page.waitForSelector("#notify-result:not([hidden])");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#notify-download")]);
  const file = path.join(work, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test("the vendored JSON Schema validator is what vendor-json-schema.sh makes", () => {
  const out = path.join(work, "json-schema.js");
  execFileSync("bash", [path.join(here, "vendor-json-schema.sh"), out]);
  assert.equal(fs.readFileSync(out, "utf8"), fs.readFileSync(path.join(repo, "internal/site/assets/vendor/json-schema.js"), "utf8"),
    "internal/site/assets/vendor/json-schema.js differs: run bash e2e/vendor-json-schema.sh");
});

test("notify a sensor: fill in, see errors while typing, download, import with --received, check the notice period", async () => {
  const page = await newPage();
  await page.goto(origin + "/meld-een-sensor.html", { waitUntil: "load" });
  assert.equal(await page.locator("h1").textContent(), "Meld een sensor");
  assert.equal(await page.locator('nav.main-nav a[aria-current="page"]').textContent(), "Meld een sensor");

  // The schema's errors, in Dutch, while typing.
  await page.fill("#q-owner-email", "info at korenbloem");
  await page.locator("#q-owner-email").blur();
  await page.waitForSelector("#q-owner-email-error:not([hidden])");
  assert.equal(await page.textContent("#q-owner-email-error"), "Dit is geen e-mailadres.");
  assert.equal(await page.getAttribute("#q-owner-email", "aria-invalid"), "true");
  await page.fill("#q-owner-email", "info@korenbloem.example");
  await page.locator("#q-owner-email").blur();
  assert.equal(await page.isHidden("#q-owner-email-error"), true, "the error goes when the address is right");
  await page.fill("#q-organisation-kvk", "1234");
  await page.locator("#q-organisation-kvk").blur();
  assert.equal(await page.textContent("#q-organisation-kvk-error"), "Schrijf de 8 cijfers van het KvK-nummer.");
  await page.fill("#q-organisation-kvk", "");

  // Making the file with questions open lists them, each a link to its field.
  await page.click("#notify-make");
  await page.waitForSelector("#notify-errors:not([hidden])");
  const listed = await page.locator("#notify-errors li").allTextContents();
  assert.ok(listed.some((t) => t.startsWith("Hoe noemt u de sensor?: Vul dit in.")), listed.join("\n"));
  assert.equal(listed[0], "Naam van uw organisatie: Vul dit in.", "the list follows the form");
  assert.ok(listed.includes("Hoe noemt u de sensor?: Vul dit in."), listed.join("\n"));
  assert.equal(await page.isHidden("#notify-result"), true);
  await page.fill("#q-location-description", "Kerkstraat 12");
  await page.click("#notify-make");
  assert.ok((await page.locator("#notify-errors li").allTextContents()).some((t) => t.includes("Geef breedte- en lengtegraad")));

  await fillNew(page);
  const file = await make(page);
  assert.equal(path.basename(file), "camera-bij-de-ingang-van-bakkerij-de-korenbloem.yaml");
  const yaml = fs.readFileSync(file, "utf8");
  assert.match(yaml, /^kind: "sensor"$/m);
  assert.match(yaml, /^    lat: 52\.0907$/m, "a decimal comma is read as a point");
  assert.match(yaml, /^retention: "P4W"$/m);
  assert.doesNotMatch(yaml, /registered_on/, "the receipt date is the desk's to set");
  await page.screenshot({ path: path.join(shotsDir, "notify-result.png"), fullPage: true });

  // The mail and the forge link carry the same record.
  const mail = await page.getAttribute("#notify-mail", "href");
  assert.ok(mail.startsWith("mailto:meldingen@voorbeeldstad.example?subject=Melding%20sensor%20camera-bij-de-ingang"), mail);
  assert.equal(decodeURIComponent(mail.split("&body=")[1]), yaml);
  const forge = new URL(await page.getAttribute("#notify-forge", "href"));
  assert.equal(forge.origin + forge.pathname, "https://git.voorbeeldstad.example/gemeente/register/new/main/register/sensors");
  assert.equal(forge.searchParams.get("filename"), path.basename(file));
  assert.equal(forge.searchParams.get("value"), yaml);

  // The desk imports it with the day it came in; check measures from it.
  const reg = copyRegister();
  let r = run(["import", "notification", file, "--root", reg, "--received", received]);
  assert.equal(r.code, 0, r.out);
  // In the register's language, Dutch.
  assert.match(r.out, /sensors\/camera-bij-de-ingang-van-bakkerij-de-korenbloem\.yaml: toegevoegd/);
  r = run(["import", "notification", file, "--root", reg, "--received", received]);
  assert.equal(r.code, 1, "a second import is refused: " + r.out);
  assert.match(r.out, /korenbloem\.yaml:3:5: error: Het register heeft deze sensor al/);
  r = run(["check", "--root", reg, "--as-of", received, "--format", "json", "--lang", "en"]);
  const findings = JSON.parse(r.out).findings.filter((f) => f.record === "camera-bij-de-ingang-van-bakkerij-de-korenbloem");
  const notice = findings.find((f) => f.rule === "notice-period");
  assert.ok(notice, "no notice-period finding: " + JSON.stringify(findings.map((f) => f.rule)));
  assert.equal(notice.message, `the sensor was registered on ${received} (registered_on), 3 days before it started on ${start}; the notice period is P5D`);
  assert.deepEqual(findings.filter((f) => f.severity === "error"), [], "the form's record passes the checklist's errors");

  assert.deepEqual(foreign, [], "the form requested another host");
  assert.deepEqual(violations, [], "CSP violations or script errors");
  await page.context().close();
});

test("update an entry: the record page's link pre-fills the form without withheld values", async () => {
  const id = "cam-politie-stationsplein"; // withholds location.point
  const src = fs.readFileSync(path.join(repo, "register/sensors", id + ".yaml"), "utf8");
  const lat = /\n    lat: ([0-9.]+)/.exec(src)[1];
  const page = await newPage();
  await page.goto(origin + "/sensoren/" + id + ".html", { waitUntil: "load" });
  const href = await page.getAttribute("a.update-entry", "href");
  const prefill = JSON.parse(Buffer.from(href.split("#prefill=")[1], "base64url").toString("utf8"));
  assert.equal(prefill.answers.id, id);
  assert.equal(prefill.answers["location.point.lat"], undefined, "a withheld value is in the link");
  assert.ok(!href.includes(lat) && !JSON.stringify(prefill).includes(lat), "the withheld latitude is in the link");
  await page.click("a.update-entry");
  await page.waitForSelector("#notify-update:not([hidden])");
  assert.equal(await page.inputValue("#q-id"), id);
  assert.equal(await page.getAttribute("#q-id", "readonly"), "");
  assert.equal(await page.inputValue("#q-location-point-lat"), "");
  assert.match(await page.textContent("#notify-update"), /niet openbaar|Velden die niet openbaar zijn/);
  assert.equal(await page.inputValue("#q-name"), prefill.answers.name);

  await page.selectOption("#q-status", "suspended");
  const file = await make(page);
  const reg = copyRegister();
  let r = run(["import", "notification", file, "--root", reg, "--received", received]);
  assert.equal(r.code, 1, "an update without --update is refused: " + r.out);
  r = run(["import", "notification", file, "--root", reg, "--received", received, "--update"]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /bijgewerkt: .*status/);
  const after = fs.readFileSync(path.join(reg, "sensors", id + ".yaml"), "utf8");
  assert.match(after, /^status: suspended$/m);
  assert.ok(after.includes("lat: " + lat), "the withheld point was lost in the update");
  assert.deepEqual(foreign, []);
  assert.deepEqual(violations, []);
  await page.context().close();
});

test("the form in English, its accessibility (axe), and the non-public record has no link", async () => {
  const page = await newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(origin + "/en/report-a-sensor.html", { waitUntil: "load" });
  assert.equal(await page.locator("h1").textContent(), "Report a sensor");
  assert.equal(await page.textContent('label[for="q-name"]'), "What do you call the sensor? (required)");
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  assert.deepEqual(bad, []);
  await page.screenshot({ path: path.join(shotsDir, "notify-en.png"), fullPage: true });
  // Every link to the form on the site comes from a public record's page.
  for (const dir of ["sensoren", "en/sensors"]) {
    for (const f of fs.readdirSync(path.join(siteDir, dir)).filter((f) => f.endsWith(".html"))) {
      const html = fs.readFileSync(path.join(siteDir, dir, f), "utf8");
      assert.ok(!html.includes("cam-beveiliging-rioolgemaal-de-vaart"), `${dir}/${f} names the non-public record`);
    }
  }
  await page.context().close();
});

test("without JavaScript the form is there to print", async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(origin + "/meld-een-sensor.html", { waitUntil: "load" });
  assert.match(await page.textContent("noscript"), /Druk dit formulier af.*meldingen@voorbeeldstad\.example/s);
  assert.equal(await page.isHidden("#notify-make"), true);
  assert.ok(await page.locator("#notify-form .q").count() >= 20);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isHidden("header.site-header"), true);
  await page.screenshot({ path: path.join(shotsDir, "notify-print.png"), fullPage: true });
  await page.context().close();
});
