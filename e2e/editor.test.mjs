// Editor test: drives the YAML language server (the one VS Code, Neovim,
// Helix and JetBrains IDEs use for YAML) over stdio, as an editor does, on a
// record and on register.yaml that name their schema on the first line, and
// asserts what a data steward sees: completion of allowed values with each
// value's meaning, hover help, and the errors CI would report.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverJS = path.join(path.dirname(require.resolve("yaml-language-server/package.json")), "bin", "yaml-language-server");

const settings = {
  yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: {} },
};

// A minimal LSP client: Content-Length framing, requests with ids, and the
// server's own requests answered.
class Client {
  constructor() {
    this.proc = spawn(process.execPath, [serverJS, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.buf = Buffer.alloc(0);
    this.stderr = "";
    this.proc.stderr.on("data", (d) => { this.stderr += d; });
    this.proc.stdout.on("data", (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
  }
  drain() {
    for (;;) {
      const end = this.buf.indexOf("\r\n\r\n");
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString())[1]);
      if (this.buf.length < end + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString());
      this.buf = this.buf.subarray(end + 4 + len);
      this.handle(msg);
    }
  }
  handle(msg) {
    if (msg.id !== undefined && msg.method) { // a request from the server
      let result = null;
      if (msg.method === "workspace/configuration") result = msg.params.items.map((it) => (it.section ? settings[it.section] ?? null : settings));
      this.send({ jsonrpc: "2.0", id: msg.id, result });
    } else if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message)); else p.resolve(msg.result);
    } else if (msg.method === "textDocument/publishDiagnostics") {
      this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w());
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  notify(method, params) { this.send({ jsonrpc: "2.0", method, params }); }
  // diagnosticsFor waits for diagnostics of a document that satisfy ok.
  diagnosticsFor(uri, ok, ms = 20000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`)), ms);
      const check = () => {
        const d = this.diagnostics.get(uri);
        if (d && ok(d)) { clearTimeout(timer); resolve(d); return true; }
        return false;
      };
      if (!check()) this.waiters.push(check);
    });
  }
  open(file, text) {
    const uri = pathToFileURL(path.join(repo, file)).href;
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return uri;
  }
}

let client;
before(async () => {
  client = new Client();
  await client.request("initialize", {
    processId: process.pid, rootUri: pathToFileURL(repo).href, workspaceFolders: [{ uri: pathToFileURL(repo).href, name: "register" }],
    capabilities: {
      textDocument: {
        completion: { completionItem: { documentationFormat: ["markdown", "plaintext"], snippetSupport: false } },
        hover: { contentFormat: ["markdown", "plaintext"] },
        publishDiagnostics: {},
      },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    },
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings });
});

after(async () => {
  try { await Promise.race([client.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]); } catch { /* gone already */ }
  client.notify("exit", null);
  client.proc.kill();
});

// A record as a steward writes it, with the first-line hint `register new`
// writes, a duration in words and a status still to fill in.
const record = fs.readFileSync(path.join(repo, "register/sensors/cam-uitgaansgebied-grote-markt.yaml"), "utf8")
  .replace(/^retention: .*$/m, "retention: 4 weken")
  .replace(/^status: .*$/m, "status: ");

function position(text, needle, after = true) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the document`);
  const before = text.slice(0, i + (after ? needle.length : 0));
  const lines = before.split("\n");
  return { line: lines.length - 1, character: lines.at(-1).length };
}

const text = (doc) => (typeof doc === "string" ? doc : doc?.value ?? "");

test("a record: completion lists each allowed value with its own meaning", async () => {
  assert.match(record.split("\n")[0], /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/sensor\.schema\.json$/);
  const uri = client.open("register/sensors/editor-test.yaml", record);
  const res = await client.request("textDocument/completion", { textDocument: { uri }, position: position(record, "status: ") });
  const items = Array.isArray(res) ? res : res.items;
  const active = items.find((i) => i.label === "active");
  assert.ok(active, `no completion "active" among ${items.map((i) => i.label).join(", ")}`);
  assert.match(text(active.documentation), /In gebruik/);
  const retired = items.find((i) => i.label === "retired");
  assert.match(text(retired.documentation), /Buiten gebruik/);
  assert.doesNotMatch(text(active.documentation), /Tijdelijk stopgezet/, "a value shows the whole field's description");
});

test("a record: hover explains the field in Dutch and English", async () => {
  const uri = client.open("register/sensors/editor-hover.yaml", record);
  const res = await client.request("textDocument/hover", { textDocument: { uri }, position: position(record, "sensor_type", false) });
  const contents = [].concat(res.contents).map(text).join("\n");
  assert.match(contents, /Wat voor sensor het is/);
  assert.match(contents, /What kind of sensor it is|kind of sensor/i);
});

test("a record: a duration in words is an error in the editor, as in CI", async () => {
  const uri = client.open("register/sensors/editor-diag.yaml", record);
  const diags = await client.diagnosticsFor(uri, (d) => d.some((x) => /ISO 8601/.test(x.message)));
  const bad = diags.find((x) => /ISO 8601/.test(x.message));
  assert.equal(bad.range.start.line, position(record, "retention:").line, "the error is not on the retention line");
  assert.match(bad.message, /P1Y|P90D/, "the message does not say what to write");
});

test("register.yaml: validated against its schema, with the settings' help", async () => {
  const config = fs.readFileSync(path.join(repo, "examples/register.yaml"), "utf8");
  assert.match(config.split("\n")[0], /config\.schema\.json$/);
  const clean = client.open("register/editor-config.yaml", config);
  // The example as shipped: no schema diagnostics (the server publishes an
  // empty list for a clean document).
  await client.diagnosticsFor(clean, (d) => d.length === 0);
  const broken = config.replace(/^due_within: .*$/m, "due_within: drie maanden").replace(/^limits:$/m, "limts:");
  const uri = client.open("examples/editor-config.yaml", broken);
  const diags = await client.diagnosticsFor(uri, (d) => d.length >= 2);
  assert.ok(diags.some((x) => /ISO 8601/.test(x.message)), `no duration error: ${JSON.stringify(diags)}`);
  assert.ok(diags.some((x) => /limts/.test(x.message) || /not allowed/i.test(x.message)), `no error for the misspelt setting: ${JSON.stringify(diags)}`);
  const hover = await client.request("textDocument/hover", { textDocument: { uri: clean }, position: position(config, "base_url", false) });
  assert.match([].concat(hover.contents).map(text).join("\n"), /DCAT/);
});
