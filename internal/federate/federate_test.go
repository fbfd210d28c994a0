package federate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/testgen"
)

var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Values a register keeps from the public: none may appear in any file of
// the national site.
const (
	secretName     = "Verborgen gezichtsherkenning"
	secretID       = "verborgen-algoritme"
	secretSupplier = "Geheimleverancier Zuid B.V."
	secretLat      = "52.0912345"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hiding writes a register with a public sensor that withholds its
// supplier and position, a public algorithm, and an algorithm that is not
// public.
func hiding(t *testing.T, dir, org string) {
	write(t, filepath.Join(dir, "register.yaml"), "organisation: "+org+"\nsite:\n  base_url: https://register.dorp.example/\n")
	write(t, filepath.Join(dir, "sensors", "cam-plein.yaml"), `id: cam-plein
kind: sensor
name: Camera Plein
summary: Een camera op het plein.
status: active
sensor_type: camera
capabilities: [video_recording]
location:
  description: Plein
  point: {lat: `+secretLat+`, lon: 5.1212345}
supplier:
  name: `+secretSupplier+`
publication:
  withheld: [supplier.name, location.point]
  reason: Woo art. 5.1 lid 2 onder d
`)
	write(t, filepath.Join(dir, "sensors", "teller-brug.yaml"), `id: teller-brug
kind: sensor
name: Fietsteller Brug
summary: Telt fietsers op de brug.
status: active
sensor_type: bicycle_counter
location:
  description: Brug
  point: {lat: 52.1, lon: 5.2}
`)
	write(t, filepath.Join(dir, "algorithms", "parkeren.yaml"), `id: parkeren
kind: algorithm
name: Parkeervergunning toetsen
summary: Toetst aanvragen voor een parkeervergunning.
status: active
ai_act: {category: minimal}
`)
	write(t, filepath.Join(dir, "algorithms", secretID+".yaml"), `id: `+secretID+`
kind: algorithm
name: `+secretName+`
summary: Niet openbaar.
status: active
publication: {public: false, reason: Woo art. 5.1 lid 2 onder c}
`)
}

func allText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRunPublishesOnlyPublicAndReportsFailures(t *testing.T) {
	dir := t.TempDir()
	hiding(t, filepath.Join(dir, "dorp"), "Gemeente Dorp")
	if err := testgen.Write(filepath.Join(dir, "stad"), 60, 7); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "open.json"), `{"organisation": "Gemeente Open", "unpublished_records": 3, "records": [
 {"id": "lucht-1", "kind": "sensor", "name": "Luchtmeter", "sensor_type": "air_quality", "status": "active",
  "location": {"description": "Markt", "point_rd": {"x": 155120, "y": 463080}}},
 {"id": "weg", "kind": "algorithm", "name": "`+secretName+`", "publication": {"public": false}},
 {"id": 12, "kind": "sensor"}
]}`)
	write(t, filepath.Join(dir, "kapot.json"), "{\"records\": [\n  {\"id\": \"a\",}\n]}")
	write(t, filepath.Join(dir, "federation.yaml"), `title: Proef
base_url: https://landelijk.example/
registers:
  - {organisation: Gemeente Dorp, code: GM0001, source: dorp}
  - {organisation: Gemeente Stad, code: GM0002, source: stad}
  - {organisation: Gemeente Open, code: GM0003, source: open.json}
  - {organisation: Gemeente Kapot, code: GM0004, source: kapot.json}
  - {organisation: Gemeente Weg, code: GM0005, source: weg}
  - {organisation: Gemeente Ver, code: GM0006, source: "https://beheer:geheim-token@git.example/ver/register.git"}
  - {organisation: Gemeente Ver Open, code: GM0007, source: "https://ver.example/data/register.json"}
`)
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	res, err := Run(fed, Options{Out: out, Today: today, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	failed := map[string]string{}
	for _, f := range res.Failed {
		failed[f.Code] = f.Reason
	}
	for code, reason := range failed {
		// The site publishes the reason: not where the federation sits
		// on the machine that built it.
		if strings.Contains(reason, dir) {
			t.Errorf("failure of %s names the build machine's folder: %q", code, reason)
		}
	}
	if !strings.HasPrefix(failed["GM0005"], "weg is not a folder") {
		t.Errorf("failure of GM0005 = %q, want the source as federation.yaml gives it", failed["GM0005"])
	}
	for code, want := range map[string]string{
		"GM0004": "line 2, column",   // where the JSON breaks
		"GM0005": "is not a folder",  // a source that is not there
		"GM0006": "run with --fetch", // nothing is fetched unasked
		"GM0007": "run with --fetch",
	} {
		if !strings.Contains(failed[code], want) {
			t.Errorf("failure of %s = %q, want it to say %q", code, failed[code], want)
		}
	}
	if len(res.Parts) != 3 {
		t.Fatalf("read %d registers, want 3; failed: %v", len(res.Parts), res.Failed)
	}

	var reg struct {
		Municipalities []struct {
			Code        string `json:"code"`
			Records     int    `json:"records"`
			Unpublished int    `json:"unpublished_records"`
		} `json:"municipalities"`
		Records []map[string]any `json:"records"`
	}
	data, err := os.ReadFile(filepath.Join(out, "data", "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &reg); err != nil {
		t.Fatalf("register.json is not JSON: %v", err)
	}
	if len(reg.Records) != res.Total.Records {
		t.Errorf("register.json holds %d records, the totals say %d", len(reg.Records), res.Total.Records)
	}
	per := map[string]int{}
	for _, r := range reg.Records {
		m, _ := r["municipality"].(map[string]any)
		per[m["code"].(string)]++
	}
	for _, m := range reg.Municipalities {
		if per[m.Code] != m.Records {
			t.Errorf("%s: %d records listed, %d in the list of records", m.Code, m.Records, per[m.Code])
		}
	}
	if per["GM0001"] != 3 {
		t.Errorf("Gemeente Dorp has %d public records, want 3", per["GM0001"])
	}
	if per["GM0003"] != 1 {
		t.Errorf("the open data gave %d records, want 1 (one not public, one unreadable)", per["GM0003"])
	}
	// Every file of the national site keeps back what the registers keep
	// back.
	text := allText(t, out)
	for _, s := range []string{secretName, secretID, secretSupplier, secretLat, "geheim-token"} {
		if strings.Contains(text, s) {
			t.Errorf("the national site shows %q, which its register keeps back", s)
		}
	}
	for _, f := range []string{"index.html", "kaart.html", "kwaliteit.html", "opendata.html", "gemeenten/GM0001.html", "data/sensors.geojson", "data/catalog.jsonld", "data/quality.json", "data/counts.json", "zoeken.html", "zoeken.js", "data/zoek/gemeenten.tsv"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "Gemeente Kapot") || strings.Contains(string(index), "<script") {
		t.Errorf("index.html should name the register not read and run no script")
	}
	if idx, _ := os.ReadFile(filepath.Join(out, "data", "zoek", "GM0001.tsv")); !strings.Contains(string(idx), "teller-brug\t") || !strings.Contains(string(idx), "\tFietsteller Brug\n") {
		t.Errorf("the search index of Gemeente Dorp lacks its bicycle counter:\n%s", idx)
	}
	if !strings.Contains(allText(t, filepath.Join(out, "gemeenten")), "https://register.dorp.example/sensoren/teller-brug.html") {
		t.Errorf("a municipality's page should link each record to its own site")
	}
}

func TestRunIsIncremental(t *testing.T) {
	dir := t.TempDir()
	var list strings.Builder
	list.WriteString("registers:\n")
	for i, name := range []string{"a", "b", "c"} {
		if err := testgen.Write(filepath.Join(dir, name), 20+i, int64(i+1)); err != nil {
			t.Fatal(err)
		}
		list.WriteString("  - {organisation: Gemeente " + name + ", code: GM000" + string(rune('1'+i)) + ", source: " + name + "}\n")
	}
	// Two registers whose part changes tomorrow: e's one evaluation is due
	// today and lapses (which its checklist does not look at: the rule is
	// off), f's one life cycle ends today and its findings change.
	write(t, filepath.Join(dir, "e", "register.yaml"), "organisation: Gemeente e\nrules: {evaluation-lapsed: {severity: off, reason: De raad evalueert zelf.}}\n")
	write(t, filepath.Join(dir, "f", "register.yaml"), "organisation: Gemeente f\n")
	for name, extra := range map[string]string{
		"e": "evaluation: {interval: P4Y, last: 2022-11-01, outcome: Nog nodig.}\n",
		"f": "evaluation: {interval: P4Y, last: 2026-06-01, outcome: Nog nodig.}\nlifecycle: {start: 2026-01-01, end: 2026-11-01}\n",
	} {
		write(t, filepath.Join(dir, name, "sensors", "teller.yaml"), `id: teller
kind: sensor
name: Fietsteller
summary: Telt fietsers.
status: active
sensor_type: bicycle_counter
location: {description: Brug, point: {lat: 52.1, lon: 5.2}}
`+extra)
	}
	list.WriteString("  - {organisation: Gemeente e, code: GM0005, source: e}\n  - {organisation: Gemeente f, code: GM0006, source: f}\n")
	write(t, filepath.Join(dir, "federation.yaml"), list.String())
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	run := func() *Result {
		t.Helper()
		res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if r := run(); r.Reused != 0 || len(r.Parts) != 5 {
		t.Fatalf("first run: %d read, %d reused; want 5 and 0", len(r.Parts), r.Reused)
	}
	if r := run(); r.Reused != 5 {
		t.Fatalf("second run reused %d registers, want 5", r.Reused)
	}
	// One record renamed: only that register is read again, and the
	// change shows.
	files, _ := testgen.RecordFiles(filepath.Join(dir, "b"))
	var file string
	var data []byte
	for _, f := range files {
		if data, _ = os.ReadFile(f); !strings.Contains(string(data), "\npublication:") {
			file = f // a record that publishes all of itself
			break
		}
	}
	changed := strings.Replace(string(data), "\nname: ", "\nname: Hernoemd ", 1)
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run()
	if r.Reused != 4 {
		t.Errorf("after a change to one register, %d reused, want 4", r.Reused)
	}
	if !strings.Contains(allText(t, filepath.Join(dir, "out", "data")), "Hernoemd ") {
		t.Errorf("the changed record's new name is not in the national open data")
	}
	// Other days: a part is reused on the days it says it holds, and the
	// run makes what a run without the parts makes.
	made, reused := 0, 0
	for i, later := range []time.Time{today.AddDate(0, 0, 1), today.AddDate(0, 0, 2), today.AddDate(1, 0, 0), today.AddDate(1, 0, 1)} {
		holding := 0
		for _, p := range r.Parts {
			if p.Holds.Holds(later) {
				holding++
				if i == 0 && (p.Code == "GM0005" || p.Code == "GM0006") {
					t.Errorf("%s: the part of %s holds, though what it is made of changes on the day", period.Format(later), p.Organisation)
				}
			}
		}
		res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: later})
		if err != nil {
			t.Fatal(err)
		}
		if res.Reused != holding {
			t.Errorf("%s: %d parts reused, want the %d that hold on the day", period.Format(later), res.Reused, holding)
		}
		made, reused = made+len(res.Parts)-res.Reused, reused+res.Reused
		fresh := filepath.Join(dir, "fresh"+strconv.Itoa(i))
		if _, err := Run(fed, Options{Out: fresh, Cache: fresh + "-cache", Today: later}); err != nil {
			t.Fatal(err)
		}
		if got, want := allText(t, filepath.Join(dir, "out")), allText(t, fresh); got != want {
			t.Errorf("%s: the site differs from one made without the parts", period.Format(later))
		}
		r = res
	}
	if made == 0 || reused == 0 {
		t.Fatalf("on the later days %d parts were made and %d reused: the days prove nothing", made, reused)
	}
	// A shard reads one province; a register it cannot read is reported
	// by the merge with the shard's reason.
	shard := filepath.Join(dir, "shard.yaml")
	write(t, shard, list.String()+"  - {organisation: Gemeente d, code: GM0004, province: Zeeland, source: ontbreekt}\n")
	sfed, err := LoadConfig(shard)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := Run(sfed, Options{Out: filepath.Join(dir, "zeeland"), Cache: filepath.Join(dir, ".federation-cache"), Today: today, Province: "zeeland"}); err != nil || len(res.Parts) != 0 || len(res.Failed) != 1 {
		t.Fatalf("shard: %v, %+v", err, res)
	}
	res, err := Run(sfed, Options{Out: filepath.Join(dir, "merged"), Cache: filepath.Join(dir, ".federation-cache"), Today: today, Merge: true})
	if err != nil || len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, "is not a folder") || !strings.Contains(res.Failed[0].ReasonNL, "is geen map") {
		t.Errorf("merge after a shard that failed: %v, %+v; want the shard's reason", err, res.Failed)
	}
	// --merge builds from the cache alone.
	res, err = Run(fed, Options{Out: filepath.Join(dir, "merged"), Today: today, Merge: true})
	if err != nil || res.Reused != 5 || res.Total != r.Total {
		t.Errorf("merge: err %v, %d reused, totals %+v; want the totals of the last run %+v", err, res.Reused, res.Total, r.Total)
	}
}

func TestFetchClonesOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	repoDir := filepath.Join(dir, "origin")
	hiding(t, repoDir, "Gemeente Kloon")
	commit := commitAll(t, repoDir)
	fed := federationOfOne(t, dir, "Gemeente Kloon", "GM0010", "file://"+filepath.ToSlash(repoDir))
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, "--fetch") {
		t.Fatalf("without --fetch the clone URL must not be read: %+v", res.Failed)
	}
	res, err = Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today, Fetch: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Parts) != 1 || res.Parts[0].Commit != commit.String() || res.Parts[0].Records != 3 {
		t.Fatalf("with --fetch: parts %+v, failed %+v; want 3 records at commit %s", res.Parts, res.Failed, commit)
	}
	// Without --fetch again, the clone in the cache is used.
	res, err = Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil || len(res.Parts) != 1 || res.Reused != 1 {
		t.Fatalf("a later run without --fetch: err %v, parts %d, reused %d; want the cached clone reused", err, len(res.Parts), res.Reused)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"not a mapping", "- a\n", "federation.yaml:1:1: the file is a mapping"},
		{"unknown key", "titel: x\nregisters: []\n", `1:1: unknown key "titel"`},
		{"no registers", "title: x\n", "registers is a list"},
		{"bad code", "registers:\n  - {organisation: G, code: 344, source: a}\n", "2:29: code \"344\" is not a CBS municipality code"},
		{"twice", "registers:\n  - {organisation: G, code: GM0344, source: a}\n  - {organisation: H, code: '0344', source: b}\n", "GM0344 is listed twice (first on line 2)"},
		{"no source", "registers:\n  - {organisation: G, code: GM0344}\n", "2:5: G has no source"},
		{"unknown member key", "registers:\n  - {organisation: G, code: GM0344, bron: a}\n", `unknown key "bron"`},
		{"list as text", "registers:\n  - {organisation: [G], code: GM0344, source: a}\n", "organisation is a text"},
		{"base url", "base_url: landelijk.example\nregisters: []\n", "base_url is the national site's http or https address"},
		{"base url breaking out of a link", "base_url: 'https://landelijk.example/\"><script>'\nregisters: []\n", "1:11: base_url is the national site's"},
		{"base url as a script", "base_url: 'javascript://x.example/%0aalert(1)'\nregisters: []\n", "base_url is the national site's"},
		{"publisher uri", "publisher_uri: 'urn:x'\nregisters: []\n", "1:16: publisher_uri is the publisher's"},
		{"not yaml", "registers: [\n", "federation.yaml:1:12: not YAML: YAML syntax error"},
		{"a tab on the first line", "\tregisters: []\n", "federation.yaml:1:1: not YAML"},
		{"empty", "", "federation.yaml: not YAML: file is empty"},
		{"two documents", "registers: []\n---\nregisters: []\n", "federation.yaml:2:1: not YAML: file holds more than one YAML document"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseConfig("federation.yaml", []byte(c.text))
			if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want one containing %q", err, c.want)
			}
		})
	}
	f, err := ParseConfig("x/federation.yaml", []byte("registers:\n  - {organisation: Gemeente Utrecht, code: '0344', province: Utrecht, source: ../u}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := f.Members[0]; m.Code != "GM0344" || m.Province != "Utrecht" || m.Line != 2 || f.Dir != "x" {
		t.Errorf("member = %+v, dir %q", m, f.Dir)
	}
}

func TestKindOf(t *testing.T) {
	for _, c := range []struct {
		src    string
		kind   SourceKind
		remote bool
	}{
		{"../utrecht", Folder, false},
		{"/srv/registers/breda", Folder, false},
		{"site/data/register.json", OpenData, false},
		{"https://register.tilburg.example/data/register.json", OpenData, true},
		{"https://register.tilburg.example/data/register.json?v=2", OpenData, true},
		{"https://github.com/breda/register.git", Clone, true},
		{"git@github.com:breda/register.git", Clone, true},
		{"ssh://git@host/r.git", Clone, true},
		{"file:///srv/git/r.git", Clone, true},
	} {
		if k, r := kindOf(c.src); k != c.kind || r != c.remote {
			t.Errorf("kindOf(%q) = %s, %v; want %s, %v", c.src, k, r, c.kind, c.remote)
		}
	}
}

func TestPublicSourceDropsCredentials(t *testing.T) {
	for in, want := range map[string]string{
		"https://user:token@git.example/r.git": "https://git.example/r.git",
		"https://git.example/r.git":            "https://git.example/r.git",
		"https://git.example/a@b/r.git":        "https://git.example/a@b/r.git",
		"../local":                             "../local",
	} {
		if got := publicSource(in); got != want {
			t.Errorf("publicSource(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCellOf(t *testing.T) {
	for _, c := range []struct {
		lon, lat float64
		ok       bool
	}{{5.12, 52.09, true}, {3.2, 53.59, true}, {7.3, 52, false}, {0, 0, false}, {5, 60, false}} {
		if _, ok := cellOf(c.lon, c.lat); ok != c.ok {
			t.Errorf("cellOf(%v, %v) ok = %v, want %v", c.lon, c.lat, ok, c.ok)
		}
	}
	a, _ := cellOf(5.12, 52.09)
	b, _ := cellOf(5.121, 52.091)
	c, _ := cellOf(5.2, 52.09)
	if a != b || a == c {
		t.Errorf("cells: %s %s %s; near points share a cell, far ones do not", a, b, c)
	}
}

// TestOpenDataFailsClosed: open data is public already, but a file that
// carries what its records withhold, a record whose publication block
// does not read, or one that holds a template's marks, publishes no more
// than the filter allows, as the same record in a register's folder.
// Records kept out that the open data publishes are reported.
func TestOpenDataFailsClosed(t *testing.T) {
	located := func(publication string, fields ...string) string {
		return `{"records": [{"id": "cam", "kind": "sensor", "name": "` + secretName + `", "status": "active",
			"location": {"description": "Markt", "point": {"lat": ` + secretLat + `, "lon": 5.1212345}}` +
			strings.Join(append([]string{""}, fields...), ", ") + `, "publication": ` + publication + `},
			{"id": "alg-a", "kind": "algorithm", "name": "A"}]}`
	}
	for _, c := range []struct {
		name, json string
		records    int
		skipped    int
		refused    int
		err        string
	}{
		{"withheld value present", `{"records": [{"id": "cam", "kind": "sensor", "name": "Camera", "supplier": {"name": "` + secretSupplier + `"},
			"publication": {"withheld": ["supplier.name"], "reason": "Woo"}}]}`, 1, 0, 0, ""},
		{"publication not readable", `{"records": [{"id": "cam", "kind": "sensor", "name": "` + secretName + `", "publication": {"public": "nee"}}]}`, 0, 1, 0, ""},
		{"withheld path misspelt", located(`{"reason": "Woo 5.1", "withheld": ["location.piont"]}`), 1, 0, 1, ""},
		{"withheld path of no field", located(`{"withheld": ["location.nonexistent"]}`), 1, 0, 1, ""},
		{"public null", located(`{"public": null}`), 1, 0, 1, ""},
		{"unknown key in publication", located(`{"publiek": false}`), 1, 0, 1, ""},
		{"template's text", located(`{}`, `"summary": "(vul in)"`), 1, 0, 1, ""},
		{"template's text split by spaces", located(`{}`, `"purpose": "Doel (vul  in)"`), 1, 0, 1, ""},
		{"template's position", `{"records": [{"id": "cam", "kind": "sensor", "name": "` + secretName + `",
			"location": {"point_rd": {"x": 155000, "y": 463000}}}]}`, 0, 0, 1, ""},
		{"readable publication", located(`{"reason": "Woo 5.1", "withheld": ["name", "location.point"]}`), 2, 0, 0, ""},
		{"not public", `{"records": [{"id": "cam", "kind": "sensor", "name": "` + secretName + `", "publication": {"public": false}}]}`, 0, 0, 0, ""},
		{"bad id", `{"records": [{"id": "../../etc", "kind": "sensor"}, {"id": "a", "kind": "person"}]}`, 0, 2, 0, ""},
		{"byte-order mark", "\ufeff" + `{"records": [{"id": "alg-a", "kind": "algorithm", "name": "A"}]}`, 1, 0, 0, ""},
		{"records not a list", `{"records": {"id": "a"}}`, 0, 0, 0, "not a register's open data"},
		{"no records", `{"organisation": "x"}`, 0, 0, 0, `no "records" list`},
		{"deep", strings.Repeat("[", 20000), 0, 0, 0, "not a register's open data"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "register.json"), c.json)
			res := runOneOpenData(t, dir, "register.json")
			if c.err != "" {
				wantFailed(t, res, c.err)
				return
			}
			if len(res.Parts) != 1 || res.Parts[0].Records != c.records || len(res.Parts[0].Rejected) != c.skipped || res.Parts[0].Refused != c.refused {
				t.Fatalf("parts = %+v, failed %+v; want %d records, %d skipped, %d refused", res.Parts, res.Failed, c.records, c.skipped, c.refused)
			}
			if c.refused > 0 && (len(res.Refused) != 1 || res.Refused[0].Code != "GM0001" || res.Refused[0].Records != c.refused) {
				t.Errorf("refused = %+v, want GM0001 with %d records", res.Refused, c.refused)
			}
			if c.refused == 0 && len(res.Refused) > 0 {
				t.Errorf("refused = %+v, want none", res.Refused)
			}
			text := allText(t, filepath.Join(dir, "out"))
			for _, s := range []string{secretName, secretSupplier, secretLat} {
				if strings.Contains(text, s) {
					t.Errorf("the national site shows %q", s)
				}
			}
		})
	}
}

// TestReportNamesRefusedRecords: the run's report says, in either
// language, which registers publish records the national register keeps
// out, and how many, without naming them.
func TestReportNamesRefusedRecords(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "register.json"), `{"records": [{"id": "cam", "kind": "sensor", "name": "`+secretName+`", "summary": "(vul in)"},
		{"id": "alg", "kind": "algorithm", "name": "B", "publication": {"withheld": ["location.piont"]}}]}`)
	res := runOneOpenData(t, dir, "register.json")
	for lang, want := range map[string]string{"en": "GM0001 Gemeente Open (register.json): 2 records: ask the municipality",
		"nl": "GM0001 Gemeente Open (register.json): 2 registraties: vraag de gemeente"} {
		var b strings.Builder
		if err := WriteReport(&b, "text", lang, res); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || strings.Contains(b.String(), secretName) {
			t.Errorf("report in %s:\n%s\nwant it to say %q, and not the record's name", lang, b.String(), want)
		}
	}
	var b strings.Builder
	if err := WriteReport(&b, "json", "en", res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"refused": [`) || !strings.Contains(b.String(), `"records": 2`) {
		t.Errorf("JSON report lists no refused records:\n%s", b.String())
	}
}

// federationOfOne writes and loads a federation.yaml in dir of one
// municipality, whose register is at source.
func federationOfOne(t *testing.T, dir, organisation, code, source string) *Federation {
	t.Helper()
	write(t, filepath.Join(dir, "federation.yaml"), fmt.Sprintf("registers:\n  - {organisation: %s, code: %s, source: %q}\n", organisation, code, source))
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return fed
}

// runOneOpenData runs a federation of one municipality whose open data is
// the file source in dir.
func runOneOpenData(t *testing.T, dir, source string) *Result {
	t.Helper()
	fed := federationOfOne(t, dir, "Gemeente Open", "GM0001", source)
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// wantFailed checks that the one register of res failed for a reason
// that says want.
func wantFailed(t *testing.T, res *Result, want string) {
	t.Helper()
	if len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Reason, want) {
		t.Fatalf("failed = %+v, want the reason to say %q", res.Failed, want)
	}
}

// TestFailureNamesNoPlaceOfTheMachine: a fetched register that does not
// read is named in its public reason by its source, not by where the
// cache keeps it on the machine that builds the national site.
func TestFailureNamesNoPlaceOfTheMachine(t *testing.T) {
	dir := t.TempDir()
	repoDir := filepath.Join(dir, "origin")
	write(t, filepath.Join(repoDir, "README.md"), "geen register\n")
	commitAll(t, repoDir)
	source := "file://" + filepath.ToSlash(repoDir)
	fed := federationOfOne(t, dir, "Gemeente Kloon", "GM0010", source)
	cache := filepath.Join(t.TempDir(), "elders", "cache")
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today, Fetch: true, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, res, "origin is not a register: it has no sensors/")
	// The national site is Dutch, and so is the reason it gives.
	if got := res.Failed[0].ReasonNL; !strings.Contains(got, "origin is geen register: er is geen map sensors/") {
		t.Errorf("the Dutch reason is %q", got)
	}
	if index, _ := os.ReadFile(filepath.Join(dir, "out", "index.html")); !strings.Contains(string(index), "is geen register") || strings.Contains(string(index), "is not a register") {
		t.Error("the national site's page does not give the reason in Dutch")
	}
	text := allText(t, filepath.Join(dir, "out"))
	for _, place := range []string{cache, filepath.Dir(cache), "fetched"} {
		if strings.Contains(res.Failed[0].Reason, place) || strings.Contains(text, place) {
			t.Errorf("the reason or the national site names %q: %q", place, res.Failed[0].Reason)
		}
	}
}

// commitAll makes the folder dir a Git repository with one commit of all
// it holds, and returns that commit.
func commitAll(t *testing.T, dir string) plumbing.Hash {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	commit, err := wt.Commit("register", &git.CommitOptions{Author: &object.Signature{Name: "r", Email: "r@example.org", When: today}})
	if err != nil {
		t.Fatal(err)
	}
	return commit
}

// TestRunWritesOnlyIntoItsOwnFolder: a federation's output replaces a
// folder whole, so one that holds the user's own files is refused and
// left as it was; its own output it replaces run after run.
func TestRunWritesOnlyIntoItsOwnFolder(t *testing.T) {
	dir := t.TempDir()
	if err := testgen.Write(filepath.Join(dir, "a"), 5, 1); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "federation.yaml"), "registers:\n  - {organisation: Gemeente a, code: GM0001, source: a}\n")
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "documenten")
	write(t, filepath.Join(mine, "brief.txt"), "van mij")
	if _, err := Run(fed, Options{Out: mine, Today: today}); err == nil || !strings.Contains(err.Error(), "not built by register") {
		t.Errorf("Run into the user's folder = %v, want a refusal", err)
	}
	if data, err := os.ReadFile(filepath.Join(mine, "brief.txt")); err != nil || string(data) != "van mij" {
		t.Errorf("the user's file after the refusal: %q, %v", data, err)
	}
	for range 2 {
		if _, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today}); err != nil {
			t.Fatal(err)
		}
	}
}
