// The notification form ("Meld een sensor"). Everything happens in this
// browser: the answers become a sensor record, checked against the record
// schema the site publishes while they are typed (window.registerSchemas,
// validated by the bundled @cfworker/json-schema), and written as YAML to
// download, mail or propose on the forge. Nothing is sent by this script.
// Without it the page is a form to print.
(function () {
  "use strict";

  var form = document.getElementById("notify-form");
  if (!form) { return; }
  var msgs = JSON.parse(form.getAttribute("data-messages") || "{}");
  var fixed = JSON.parse(form.getAttribute("data-fixed") || "{}");
  var base = "https://register.invalid/schema/";
  var questions = Array.prototype.slice.call(form.querySelectorAll(".q[data-path]"));
  var touched = {};
  var showAll = false;
  var idEdited = false;
  var updating = false;

  // The schema the site publishes, compiled once.
  var validator = null;
  var order = [];
  var schemas = window.registerSchemas;
  if (schemas && window.RegisterJSONSchema && schemas[form.getAttribute("data-schema")]) {
    var sensor = JSON.parse(JSON.stringify(schemas["sensor.schema.json"]));
    sensor.$id = base + "sensor.schema.json";
    validator = new window.RegisterJSONSchema.Validator(sensor, "2020-12", false);
    if (schemas["common.schema.json"]) {
      validator.addSchema(schemas["common.schema.json"], base + "common.schema.json");
    }
    order = Object.keys(sensor.properties || {});
  }

  function byPath(path) {
    for (var i = 0; i < questions.length; i++) {
      if (questions[i].getAttribute("data-path") === path) { return questions[i]; }
    }
    return null;
  }
  function control(q) { return q.querySelector("input, select, textarea"); }

  // A name as an identifier: lower case, no accents, hyphens between words.
  function slug(s) {
    s = (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
    return s.length >= 2 ? s : "";
  }

  function number(s) {
    s = s.trim().replace(",", ".");
    if (s === "") { return undefined; }
    return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }

  // read returns a question's answer as the record holds it, or undefined.
  function read(q) {
    var input = q.getAttribute("data-input");
    var c = control(q);
    var v;
    switch (input) {
      case "checkbox":
        v = Array.prototype.slice.call(q.querySelectorAll("input:checked")).map(function (x) { return x.value; });
        return v.length ? v : undefined;
      case "radio":
        c = q.querySelector("input:checked");
        return c ? c.value : undefined;
      case "yesno":
        c = q.querySelector("input:checked");
        return c ? c.value === "true" : undefined;
      case "check":
        return c.checked ? true : undefined;
      case "integer":
        v = c.value.trim();
        return v === "" ? undefined : (/^\d+$/.test(v) ? Number(v) : v);
      case "decimal":
        return number(c.value);
      case "lines":
        v = c.value.split(/\r?\n/).map(function (x) { return x.trim(); }).filter(Boolean);
        return v.length ? v : undefined;
      case "duration":
        var n = q.querySelector("[data-part=n]").value.trim();
        var unit = q.querySelector("[data-part=unit]").value;
        if (unit === "not_stored") { return "not_stored"; }
        if (n === "" && unit === "") { return undefined; }
        return "P" + n + unit;
    }
    v = c.value.trim();
    return v === "" ? undefined : v;
  }

  // write puts an answer into a question, for a pre-filled update.
  function write(q, v) {
    var input = q.getAttribute("data-input");
    var c = control(q);
    switch (input) {
      case "checkbox":
        q.querySelectorAll("input").forEach(function (x) { x.checked = (v || []).indexOf(x.value) !== -1; });
        return;
      case "radio":
      case "yesno":
        q.querySelectorAll("input").forEach(function (x) { x.checked = x.value === String(v); });
        return;
      case "check":
        c.checked = v === true;
        return;
      case "lines":
        c.value = (v || []).join("\n");
        return;
      case "duration":
        var m = /^P(\d+)([DWMY])$/.exec(String(v));
        if (v === "not_stored") {
          q.querySelector("[data-part=unit]").value = "not_stored";
        } else if (m) {
          q.querySelector("[data-part=n]").value = m[1];
          q.querySelector("[data-part=unit]").value = m[2];
        }
        return;
    }
    c.value = v === undefined || v === null ? "" : String(v);
  }

  function set(obj, path, v) {
    var parts = path.split(".");
    for (var i = 0; i < parts.length - 1; i++) {
      if (typeof obj[parts[i]] !== "object" || obj[parts[i]] === null) { obj[parts[i]] = {}; }
      obj = obj[parts[i]];
    }
    obj[parts[parts.length - 1]] = v;
  }

  // record builds the sensor record from the answers, its top-level keys in
  // the schema's order, as every record of the register has them.
  function record() {
    var r = {};
    Object.keys(fixed).forEach(function (k) { r[k] = fixed[k]; });
    questions.forEach(function (q) {
      var v = read(q);
      if (v !== undefined) { set(r, q.getAttribute("data-path"), v); }
    });
    var out = {};
    order.concat(Object.keys(r)).forEach(function (k) {
      if (Object.prototype.hasOwnProperty.call(r, k) && !Object.prototype.hasOwnProperty.call(out, k)) { out[k] = r[k]; }
    });
    return out;
  }

  // YAML: block mappings and lists, every text double-quoted with the
  // escapes JSON and YAML share, so no answer can break out of its value.
  function scalar(v) {
    if (typeof v === "string") {
      return JSON.stringify(v).replace(/[\u0085\u2028\u2029\ufeff]/g, function (c) {
        return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
      });
    }
    return String(v);
  }
  function yaml(v, indent) {
    var pad = new Array(indent + 1).join(" ");
    var lines = [];
    if (Array.isArray(v)) {
      v.forEach(function (x) {
        if (x !== null && typeof x === "object") {
          var sub = yaml(x, indent + 2);
          lines.push(pad + "- " + sub[0].slice(indent + 2));
          lines = lines.concat(sub.slice(1));
        } else {
          lines.push(pad + "- " + scalar(x));
        }
      });
      return lines;
    }
    Object.keys(v).forEach(function (k) {
      var x = v[k];
      if (x !== null && typeof x === "object") {
        if ((Array.isArray(x) ? x.length : Object.keys(x).length) === 0) {
          lines.push(pad + k + (Array.isArray(x) ? ": []" : ": {}"));
        } else {
          lines.push(pad + k + ":");
          lines = lines.concat(yaml(x, Array.isArray(x) ? indent : indent + 2));
        }
      } else {
        lines.push(pad + k + ": " + scalar(x));
      }
    });
    return lines;
  }

  // withheld are the fields an updated entry keeps back from the public
  // (their paths): the form cannot show them, the register's record has
  // them, and the import keeps them.
  var withheld = [];
  function isWithheld(path) {
    return withheld.some(function (w) { return path === w || path.indexOf(w + ".") === 0; });
  }

  // The schema's errors, as the questions they belong to.
  function problems(r) {
    var out = {};
    if (!validator) { return out; }
    var res = validator.validate(r);
    if (res.valid) { return out; }
    // An alternative (anyOf) that a withheld field fulfils is fulfilled.
    var kept = {};
    res.errors.forEach(function (e) {
      var m = /"([^"]+)"/.exec(e.error);
      var at = e.instanceLocation.replace(/^#\/?/, "").split("/").filter(Boolean).join(".");
      var i = e.keywordLocation.indexOf("/anyOf/");
      if (e.keyword === "required" && m && i !== -1 && isWithheld(at ? at + "." + m[1] : m[1])) {
        kept[e.keywordLocation.slice(0, i)] = true;
      }
    });
    res.errors.forEach(function (e) {
      var i = e.keywordLocation.indexOf("/anyOf/");
      if (i !== -1 && kept[e.keywordLocation.slice(0, i)]) { return; }
      var at = e.instanceLocation.replace(/^#\/?/, "").split("/").filter(Boolean).join(".");
      var path = at, msg;
      switch (e.keyword) {
        case "required":
          var m = /"([^"]+)"/.exec(e.error);
          if (!m) { return; }
          if (/\/anyOf\/|\/then\/|\/else\//.test(e.keywordLocation) && at === "location") {
            path = "location.point.lat"; msg = msgs.where;
            break;
          }
          path = at ? at + "." + m[1] : m[1];
          if (isWithheld(path)) { return; }
          msg = msgs.required;
          break;
        case "maxLength":
          var n = /> (\d+)\)/.exec(e.error);
          msg = n ? msgs.long.replace("%d", n[1]) : msgs.invalid;
          break;
        case "minItems":
          msg = msgs.choose;
          break;
        case "type":
          msg = msgs.number;
          break;
        case "minimum":
        case "maximum":
          msg = msgs.range;
          break;
        case "pattern":
        case "format":
        case "minLength":
          msg = {id: msgs.id, "organisation.kvk": msgs.kvk, "owner.phone": msgs.phone, "owner.email": msgs.email}[at] ||
            (/\b(start|end)$/.test(at) ? msgs.date : msgs.invalid);
          break;
        default:
          return; // a combinator (anyOf, $ref, properties): its branches say what is wrong
      }
      // A field that is missing whole (organisation) is shown at its
      // first required question.
      var q = byPath(path);
      if (!q) {
        for (var i = 0; i < questions.length && !q; i++) {
          if (questions[i].getAttribute("data-path").indexOf(path + ".") === 0) { q = questions[i]; }
        }
      }
      if (q && !out[q.getAttribute("data-path")]) { out[q.getAttribute("data-path")] = msg; }
    });
    return out;
  }

  function show(errs) {
    questions.forEach(function (q) {
      var path = q.getAttribute("data-path");
      var p = q.querySelector(".error");
      var msg = (showAll || touched[path]) ? errs[path] : "";
      p.hidden = !msg;
      p.textContent = msg || "";
      q.classList.toggle("has-error", !!msg);
      q.querySelectorAll("input, select, textarea").forEach(function (c) {
        if (msg) { c.setAttribute("aria-invalid", "true"); } else { c.removeAttribute("aria-invalid"); }
      });
    });
  }

  function check() {
    var r = record();
    var errs = problems(r);
    show(errs);
    return {record: r, errors: errs};
  }

  function questionOf(el) {
    while (el && el !== form) {
      if (el.classList && el.classList.contains("q")) { return el; }
      el = el.parentNode;
    }
    return null;
  }

  form.addEventListener("input", function (ev) {
    var q = questionOf(ev.target);
    if (q && q.getAttribute("data-path") === "id") { idEdited = true; }
    if (q && q.getAttribute("data-path") === "name" && !idEdited && !updating) {
      write(byPath("id"), slug(read(q) || ""));
    }
    check();
  });
  form.addEventListener("change", function (ev) {
    var q = questionOf(ev.target);
    if (q) { touched[q.getAttribute("data-path")] = true; }
    check();
  });
  form.addEventListener("focusout", function (ev) {
    var q = questionOf(ev.target);
    if (q && read(q) !== undefined) { touched[q.getAttribute("data-path")] = true; check(); }
  });

  var summary = document.getElementById("notify-errors");
  var result = document.getElementById("notify-result");
  var make = document.getElementById("notify-make");
  make.hidden = false;
  var printBtn = document.getElementById("notify-print");
  printBtn.hidden = false;
  printBtn.addEventListener("click", function () { window.print(); });
  if (!validator) {
    var note = document.createElement("p");
    note.className = "meta";
    note.textContent = msgs.noschema;
    make.parentNode.appendChild(note);
  }

  var url = null;
  make.addEventListener("click", function () {
    showAll = true;
    var c = check();
    var list = summary.querySelector("ul");
    list.textContent = "";
    var paths = questions.map(function (q) { return q.getAttribute("data-path"); })
      .filter(function (p) { return c.errors[p]; });
    if (paths.length) {
      paths.forEach(function (p) {
        var q = byPath(p);
        var li = document.createElement("li");
        var a = document.createElement("a");
        var target = control(q);
        a.href = "#" + target.id;
        a.textContent = q.querySelector("legend, label").firstChild.textContent.trim() + ": " + c.errors[p];
        a.addEventListener("click", function (ev) { ev.preventDefault(); target.focus(); });
        li.appendChild(a);
        list.appendChild(li);
      });
      summary.hidden = false;
      result.hidden = true;
      summary.focus();
      return;
    }
    summary.hidden = true;
    var text = "# Melding van een sensor, gemaakt met het formulier \"Meld een sensor\" van het register.\n" +
      "# EN: A sensor notification, made with the register's form \"Report a sensor\".\n" +
      yaml(c.record, 0).join("\n") + "\n";
    var file = c.record.id + ".yaml";
    if (url) { URL.revokeObjectURL(url); }
    url = URL.createObjectURL(new Blob([text], {type: "application/yaml"}));
    var dl = document.getElementById("notify-download");
    dl.href = url;
    dl.setAttribute("download", file);
    dl.textContent = dl.textContent.replace(/( \(.*\))?$/, " (" + file + ")");
    var mail = document.getElementById("notify-mail");
    if (mail) {
      mail.href = "mailto:" + form.getAttribute("data-email") + "?subject=" + encodeURIComponent("Melding sensor " + c.record.id) +
        "&body=" + encodeURIComponent(text);
    }
    var forge = document.getElementById("notify-forge");
    if (forge) {
      forge.href = form.getAttribute("data-new-file").split("{file}").join(encodeURIComponent(file))
        .split("{content}").join(encodeURIComponent(text));
    }
    document.getElementById("notify-yaml").textContent = text;
    result.hidden = false;
    document.getElementById("h-result").focus();
  });

  // An update: the record page links here with the entry's public answers
  // in the fragment, which no server ever sees.
  function prefill() {
    var m = /^#prefill=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!m) { return; }
    var data;
    try {
      var b64 = m[1].replace(/-/g, "+").replace(/_/g, "/");
      var bin = atob(b64 + "===".slice((b64.length + 3) % 4));
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      data = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(bytes));
    } catch (e) {
      return;
    }
    if (!data || typeof data.answers !== "object") { return; }
    Object.keys(data.answers).forEach(function (path) {
      var q = byPath(path);
      if (q) { write(q, data.answers[path]); }
    });
    var id = control(byPath("id"));
    if (id.value) {
      updating = true;
      id.readOnly = true;
      var box = document.getElementById("notify-update");
      var strings = function (l) { return Array.isArray(l) ? l.filter(function (x) { return typeof x === "string"; }) : []; };
      withheld = strings(data.withheldPaths);
      var labels = strings(data.withheld);
      box.textContent = labels.length ? msgs.update.replace("%s", id.value).replace("%s", labels.join(", ")) :
        msgs.updatenone.replace("%s", id.value);
      box.hidden = false;
    }
    check();
  }
  prefill();
})();
