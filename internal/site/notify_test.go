package site

import (
	"encoding/base64"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/schema"
)

var updateLinkRE = regexp.MustCompile(`<a class="update-entry" href="([^"]*)">`)

// prefillOf decodes the answers a record page's update link carries.
func prefillOf(t *testing.T, page string) (string, map[string]any) {
	t.Helper()
	m := updateLinkRE.FindStringSubmatch(page)
	if m == nil {
		return "", nil
	}
	href := html.UnescapeString(m[1])
	_, frag, ok := strings.Cut(href, "#prefill=")
	if !ok {
		t.Fatalf("update link without prefill: %s", href)
	}
	data, err := base64.RawURLEncoding.DecodeString(frag)
	if err != nil {
		t.Fatalf("prefill: %v", err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("prefill: %v", err)
	}
	return href, v
}

func schemaFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range schema.DataFiles() {
		data, err := schema.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	return out
}

func TestNotifyPage(t *testing.T) {
	reg := loadFixture(t, fixture)
	reg.Config.Notice.Email = "meldingen@voorbeeldstad.example"
	reg.Config.Notice.NewFileURL = "https://forge.example/new/main/sensors?filename={file}&value={content}"
	out, _ := build(t, reg, Options{Schemas: schemaFiles(t)})

	for _, c := range []struct{ path, title, lang string }{
		{"meld-een-sensor.html", "Meld een sensor", "nl"},
		{"en/report-a-sensor.html", "Report a sensor", "en"},
	} {
		page := read(t, out, c.path)
		for _, want := range []string{
			"<h1>" + c.title + "</h1>",
			`<form id="notify-form" class="notify" novalidate data-lang="` + c.lang + `"`,
			`data-email="meldingen@voorbeeldstad.example"`,
			`data-new-file="https://forge.example/new/main/sensors?filename={file}&amp;value={content}"`,
			`<noscript><p class="notice">`,
			`src="` + rootFor(c.path) + `data/notify-schema.js"`, `src="` + rootFor(c.path) + `assets/vendor/json-schema.js"`, `src="` + rootFor(c.path) + `assets/notify.js"`,
			`<select id="q-sensor_type" name="sensor_type"`, `value="anpr_camera"`,
			`<input type="checkbox" name="capabilities"`, `<input id="q-lifecycle-start" name="lifecycle.start" type="date"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", c.path, want)
			}
		}
		if strings.Contains(page, `action=`) {
			t.Errorf("%s: the form has an action; it must send nothing", c.path)
		}
	}
	// Every page's menu links to the form in its language.
	for _, p := range []string{"index.html", "sensoren/cam-markt.html", "algoritmes/index.html"} {
		if want := `<a href="` + rootFor(p) + `meld-een-sensor.html"`; !strings.Contains(read(t, out, p), want) {
			t.Errorf("%s: menu lacks %s", p, want)
		}
	}
	if want := `<a href="../../en/report-a-sensor.html"`; !strings.Contains(read(t, out, "en/sensors/cam-markt.html"), want) {
		t.Errorf("en/sensors/cam-markt.html: menu lacks %s", want)
	}
	// The schema script holds the schemas the site publishes.
	js := read(t, out, notifySchemaPath)
	body, ok := strings.CutPrefix(js[strings.Index(js, "window.registerSchemas = "):], "window.registerSchemas = ")
	if !ok {
		t.Fatalf("%s: %q", notifySchemaPath, js)
	}
	var schemas map[string]map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(body), ";")), &schemas); err != nil {
		t.Fatalf("%s: %v", notifySchemaPath, err)
	}
	if schemas["sensor.schema.json"]["title"] == nil || schemas["common.schema.json"]["$defs"] == nil {
		t.Errorf("%s lacks the sensor and common schemas", notifySchemaPath)
	}
	for _, f := range []string{"assets/notify.js", "assets/notify.css", "assets/vendor/json-schema.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestNotifyPageWithoutDestinations(t *testing.T) {
	reg := loadFixture(t, fixture)
	reg.Config.Notice = config.Default().Notice
	out, _ := build(t, reg, Options{})
	page := read(t, out, "meld-een-sensor.html")
	for _, absent := range []string{"data-email", "data-new-file", `id="notify-mail"`, `id="notify-forge"`, "notify-schema.js", "json-schema.js"} {
		if strings.Contains(page, absent) {
			t.Errorf("without notice settings or schemas the page has %s", absent)
		}
	}
	if _, err := os.Stat(filepath.Join(out, notifySchemaPath)); err == nil {
		t.Errorf("%s written without schemas to publish", notifySchemaPath)
	}
}

// TestUpdateLinks: each public sensor's page links to the form pre-filled
// with its public answers; nothing withheld and no record that is not
// public is in any link; algorithms have none.
func TestUpdateLinks(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	href, v := prefillOf(t, read(t, out, "sensoren/cam-markt.html"))
	if !strings.HasPrefix(href, "../meld-een-sensor.html#prefill=") {
		t.Fatalf("cam-markt: update link %q", href)
	}
	answers, _ := v["answers"].(map[string]any)
	if answers["id"] != "cam-markt" || answers["name"] == nil || answers["location.point.lat"] == nil {
		t.Errorf("cam-markt: answers %v", answers)
	}
	if href, _ := prefillOf(t, read(t, out, "en/sensors/cam-markt.html")); !strings.HasPrefix(href, "../../en/report-a-sensor.html#prefill=") {
		t.Errorf("English update link %q", href)
	}

	page := read(t, out, "sensoren/lucht-dak.html")
	href, v = prefillOf(t, page)
	answers, _ = v["answers"].(map[string]any)
	if answers["id"] != "lucht-dak" {
		t.Fatalf("lucht-dak: answers %v", answers)
	}
	for _, secret := range []string{"52.095", "5.11", "lucht@voorbeeldstad.example"} {
		data, _ := json.Marshal(v)
		if strings.Contains(string(data), secret) {
			t.Errorf("lucht-dak's update link holds the withheld value %s: %s", secret, data)
		}
	}
	for _, key := range []string{"location.point.lat", "location.point.lon", "owner.email"} {
		if _, ok := answers[key]; ok {
			t.Errorf("lucht-dak: withheld %s pre-filled", key)
		}
	}
	if paths, _ := v["withheldPaths"].([]any); len(paths) == 0 {
		t.Errorf("lucht-dak: the form is not told what is withheld: %v", v)
	}
	if updateLinkRE.MatchString(read(t, out, "algoritmes/alg-toeslag.html")) {
		t.Error("an algorithm's page links to the sensor notification form")
	}
	// The record that is not public has no page, and no link anywhere
	// names it.
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		data, _ := os.ReadFile(p)
		for _, m := range updateLinkRE.FindAllStringSubmatch(string(data), -1) {
			if _, v := prefillOf(t, m[0]); strings.Contains(strings.ToLower(jsonString(v)), "verborgen") {
				t.Errorf("%s links to the form with the record that is not public", p)
			}
		}
		return nil
	})
}

func jsonString(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// TestPrefillKeptWhileUsed: a sensor's update-link answers are made once
// for its pages in every language, the same in each, and let go of once
// each language's page took them, in whichever order the pages are made.
func TestPrefillKeptWhileUsed(t *testing.T) {
	reg := loadFixture(t, fixture)
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		if len(b.langs) != 2 {
			t.Fatalf("languages %v; the test wants two", b.langs)
		}
		r := b.reg.ByID("cam-markt")
		var links []string
		for _, i := range order {
			links = append(links, b.updateURL(b.langs[i], r))
		}
		_, first, _ := strings.Cut(links[0], "#prefill=")
		_, second, _ := strings.Cut(links[1], "#prefill=")
		if first == "" || first != second {
			t.Errorf("order %v: the languages' links carry %q and %q", order, first, second)
		}
		b.prefill.Range(func(k, _ any) bool {
			t.Errorf("order %v: answers still kept for %v after every language's page", order, k)
			return true
		})
	}
}
