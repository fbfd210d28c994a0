// The open-data catalogue (data/catalog.jsonld) through a JSON-LD processor
// and a SHACL validator, as a harvester reads it: every mandatory property of
// DCAT-AP-NL is a violation when missing (e2e/shapes/dcat-ap-nl.ttl), and
// the validator is shown to catch a catalogue that lacks one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import jsonld from "jsonld";
import { Parser } from "n3";
import rdf from "rdf-ext";
import SHACLValidator from "rdf-validate-shacl";

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = process.env.SITE_DIR;
if (!siteDir) throw new Error("SITE_DIR must name the built site");

const SH = "http://www.w3.org/ns/shacl#";

function term(t) {
  switch (t.termType) {
    case "NamedNode": return rdf.namedNode(t.value);
    case "BlankNode": return rdf.blankNode(t.value);
    case "DefaultGraph": return rdf.defaultGraph();
    default: return rdf.literal(t.value, t.language || rdf.namedNode(t.datatype.value));
  }
}

// Offline: a remote context would be a request to another host.
const documentLoader = (url) => { throw new Error(`the catalogue loads ${url}`); };

async function graphOf(doc) {
  const quads = await jsonld.toRDF(doc, { documentLoader });
  return rdf.dataset(quads.map((q) => rdf.quad(term(q.subject), term(q.predicate), term(q.object))));
}

function shapes() {
  const ttl = fs.readFileSync(path.join(here, "shapes", "dcat-ap-nl.ttl"), "utf8");
  return rdf.dataset(new Parser().parse(ttl).map((q) => rdf.quad(term(q.subject), term(q.predicate), term(q.object))));
}

async function validate(doc) {
  const report = await new SHACLValidator(shapes()).validate(await graphOf(doc));
  const lines = (sev) => report.results
    .filter((r) => r.severity.value === SH + sev)
    .map((r) => `${r.focusNode.value} ${r.path ? r.path.value : ""}: ${r.message.map((m) => m.value).join("; ")}`);
  return { violations: lines("Violation"), warnings: lines("Warning") };
}

const catalogue = () => JSON.parse(fs.readFileSync(path.join(siteDir, "data", "catalog.jsonld"), "utf8"));

test("the catalogue conforms to the DCAT-AP-NL shapes", async () => {
  const { violations, warnings } = await validate(catalogue());
  for (const w of warnings) console.log(`recommended: ${w}`);
  assert.deepEqual(violations, []);
});

// A validator that accepts everything proves nothing: take away what a
// harvester needs, one at a time, and each must be reported.
const breakages = [
  ["without the catalogue's publisher", (g) => { delete g.find((n) => n["@type"] === "dcat:Catalog")["dct:publisher"]; }, /publisher/],
  ["without the catalogue's licence", (g) => { delete g.find((n) => n["@type"] === "dcat:Catalog")["dct:license"]; }, /licence/],
  ["without a dataset's identifier", (g) => { delete g.find((n) => n["@type"] === "dcat:Catalog")["dcat:dataset"][0]["dct:identifier"]; }, /identifier/],
  ["without a distribution's format", (g) => { delete g.find((n) => n["@type"] === "dcat:Catalog")["dcat:dataset"][0]["dcat:distribution"][0]["dct:format"]; }, /format/],
  ["with a modified date that is not a date", (g) => { g.find((n) => n["@type"] === "dcat:Catalog")["dct:modified"] = "gisteren"; }, /modified/],
];
for (const [what, breakIt, want] of breakages) {
  test(`a catalogue ${what} is rejected`, async () => {
    const doc = catalogue();
    breakIt(doc["@graph"]);
    const { violations } = await validate(doc);
    assert.ok(violations.some((v) => want.test(v)), `no violation matching ${want}: ${violations.join("\n")}`);
  });
}
