package acceptance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRulesListEveryRuleOfThePrinciples: 'register rules' lists every rule
// id principles.md names, with a principle and a severity, and 'register
// explain' explains each of them in Dutch and English.
func TestRulesListEveryRuleOfThePrinciples(t *testing.T) {
	dir := workspace(t)
	want := ruleIDs(t)
	refs := principleRefs(t)
	r := run(t, dir, nil, "rules", "--format", "json")
	if r.code != 0 {
		t.Fatalf("rules exit %d\n%s", r.code, r.out())
	}
	var list struct {
		Rules []struct {
			ID, Principle, Severity, Default string
			TitleNL                          string `json:"title_nl"`
			TitleEN                          string `json:"title_en"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("rules --format json: %v", err)
	}
	got := map[string]bool{}
	for _, rule := range list.Rules {
		got[rule.ID] = true
		if !refs[strings.TrimPrefix(rule.Principle, "VNG ")] {
			t.Errorf("%s: principle %q is not a reference of principles.md", rule.ID, rule.Principle)
		}
		if !slices.Contains([]string{"error", "warning", "info", "off"}, rule.Severity) || rule.TitleNL == "" || rule.TitleEN == "" {
			t.Errorf("%s: severity %q, titles %q / %q", rule.ID, rule.Severity, rule.TitleNL, rule.TitleEN)
		}
	}
	for _, id := range want {
		if !got[id] {
			t.Errorf("rule %s of principles.md is not listed", id)
			continue
		}
		// The register's first language is Dutch; --lang en adds the English.
		e := run(t, dir, nil, "explain", id)
		if e.code != 0 || !strings.Contains(e.stdout, "Principe:") || !strings.Contains(e.stdout, "Waarom") ||
			!strings.Contains(e.stdout, "Wat eraan voldoet") {
			t.Errorf("explain %s: exit %d\n%s", id, e.code, e.out())
		}
		e = run(t, dir, nil, "explain", id, "--lang", "en")
		if e.code != 0 || !strings.Contains(e.stdout, "Principle:") || !strings.Contains(e.stdout, "Why") ||
			!strings.Contains(e.stdout, "Waarom") || !strings.Contains(e.stdout, "What satisfies it") {
			t.Errorf("explain %s --lang en: exit %d\n%s", id, e.code, e.out())
		}
	}
	if len(want) < 30 {
		t.Errorf("read only %d rule ids from principles.md", len(want))
	}
}

// TestConfigurationChangesSeverity: register.yaml and REGISTER_RULES_...
// raise, lower or switch off a policy rule, never a legal duty (a setting
// that tries is an error at the setting citing the article), and a mistake
// in it is reported at its line.
func TestConfigurationChangesSeverity(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		env      []string
		rule     string
		severity string // "" means no finding of the rule
		setting  string // the position of the setting's own error, "" for none
	}{
		{"default", "", nil, "supplier-watch", "warning", ""},
		{"lowered in register.yaml", "rules:\n  supplier-watch: {severity: info, reason: The region vets camera makers.}\n", nil, "supplier-watch", "info", ""},
		{"switched off in register.yaml", "rules:\n  supplier-watch: {severity: off, reason: The region vets camera makers.}\n", nil, "supplier-watch", "", ""},
		{"switched off from the environment", "", []string{"REGISTER_RULES_SUPPLIER_WATCH=off"}, "supplier-watch", "", ""},
		{"environment beats the file", "rules:\n  supplier-watch: off\n", []string{"REGISTER_RULES_SUPPLIER_WATCH=info"}, "supplier-watch", "info", ""},
		{"raised", "rules:\n  risk-analysis: error\n", nil, "risk-analysis", "error", ""},
		// A camera's fixed term is Gemeentewet art. 151c's.
		{"a legal duty is not lowered in register.yaml", "rules:\n  camera-temporary: {severity: warning, reason: We decide per camera.}\n", nil, "camera-temporary", "error", "register.yaml"},
		{"a legal duty is not switched off in register.yaml", "rules:\n  camera-temporary: off\n", nil, "camera-temporary", "error", "register.yaml"},
		{"a legal duty is not switched off from the environment", "", []string{"REGISTER_RULES_CAMERA_TEMPORARY=off"}, "camera-temporary", "error", "REGISTER_RULES_CAMERA_TEMPORARY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workspace(t)
			cfg := filepath.Join(dir, "register", "register.yaml")
			writeFile(t, cfg, readFile(t, cfg)+tt.config)
			r := run(t, dir, tt.env, "check", "--as-of", asOf, "--format", "json", "register/sensors/cam-haven.yaml")
			rep := decodeReport(t, r.stdout)
			got, setting := "", ""
			for _, f := range rep.Findings {
				if f.Rule == tt.rule {
					got = f.Severity
				}
				if f.Rule == "config" && f.Severity == "error" && strings.Contains(f.Message, "Gemeentewet art. 151c") {
					setting = f.File
				}
			}
			if got != tt.severity {
				t.Errorf("%s reported as %q, want %q", tt.rule, got, tt.severity)
			}
			if !strings.HasSuffix(setting, tt.setting) || (setting == "") != (tt.setting == "") {
				t.Errorf("the setting's error points at %q, want %q", setting, tt.setting)
			}
		})
	}
	t.Run("mistakes in register.yaml", func(t *testing.T) {
		dir := workspace(t)
		cfg := filepath.Join(dir, "register", "register.yaml")
		writeFile(t, cfg, readFile(t, cfg)+"rules:\n  camera-temprary: warning\n  signage: fatal\n")
		rep := checkJSON(t, dir, 1)
		want := map[string]string{
			"register.yaml:16:3 warning": "rules.camera-temprary names no rule",
			"register.yaml:17:12 error":  `unknown severity "fatal": use error, warning, info or off`,
		}
		for _, f := range rep.Findings {
			key := f.File + ":" + itoa(f.line()) + ":" + itoa(f.column()) + " " + f.Severity
			if msg, ok := want[key]; ok && f.Rule == "config" && strings.Contains(f.Message, msg) {
				delete(want, key)
			}
		}
		for k, msg := range want {
			t.Errorf("no config finding %s %q", k, msg)
		}
	})
}

// TestSchemaCommand: the three schemas print as JSON Schema documents.
func TestSchemaCommand(t *testing.T) {
	dir := workspace(t)
	for _, kind := range []string{"sensor", "algorithm", "common"} {
		r := run(t, dir, nil, "schema", kind)
		var s map[string]any
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &s) != nil {
			t.Fatalf("schema %s: exit %d, not JSON\n%s", kind, r.code, r.out())
		}
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("schema %s: $schema = %v", kind, s["$schema"])
		}
	}
}

// TestNewTemplate: new writes a template that validates as it is, and
// refuses bad ids, existing files and ids in use, writing nothing.
func TestNewTemplate(t *testing.T) {
	dir := workspace(t)
	before := entries(t, filepath.Join(dir, "register", "sensors"))
	r := run(t, dir, nil, "new", "sensor", "geluid-plein")
	if r.code != 0 || !strings.Contains(r.stdout, "register/sensors/geluid-plein.yaml") {
		t.Fatalf("new: exit %d\n%s", r.code, r.out())
	}
	v := run(t, dir, nil, "validate", "register/sensors/geluid-plein.yaml")
	if v.code != 0 {
		t.Errorf("the new template does not validate (README: it validates as it is):\n%s", v.out())
	}
	tmpl := readFile(t, filepath.Join(dir, "register", "sensors", "geluid-plein.yaml"))
	if !strings.HasPrefix(tmpl, "# yaml-language-server: $schema=../../schema/sensor.schema.json\n") {
		t.Errorf("the template does not start with the editor line the README shows:\n%.200s", tmpl)
	}
	if r := run(t, dir, nil, "new", "algorithm", "wachtlijst"); r.code != 0 {
		t.Errorf("new algorithm: exit %d\n%s", r.code, r.out())
	} else if v := run(t, dir, nil, "validate", "register/algorithms/wachtlijst.yaml"); v.code != 0 {
		t.Errorf("the new algorithm template does not validate:\n%s", v.out())
	}
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"new", "sensor", "../../etc/passwd"}, "is geen geldig id"},
		{[]string{"new", "sensor", "Cam_Markt"}, "het bevat hoofdletters"},
		{[]string{"new", "sensor", "x"}, "een id is 2 tot 63 tekens"},
		{[]string{"new", "sensor", "geluid-plein"}, "bestaat al en blijft ongewijzigd"},
		{[]string{"new", "algorithm", "cam-haven"}, "cam-haven"},
		{[]string{"new", "sensor"}, "sensor"},
	}
	for _, tt := range tests {
		r := run(t, dir, nil, tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: exit %d, want 2 with %q\n%s", strings.Join(tt.args, " "), r.code, tt.stderr, r.out())
		}
	}
	if got := readFile(t, filepath.Join(dir, "register", "sensors", "geluid-plein.yaml")); got != tmpl {
		t.Error("new overwrote an existing record")
	}
	after := entries(t, filepath.Join(dir, "register", "sensors"))
	if want := append(before, "geluid-plein.yaml"); !sameSet(after, want) {
		t.Errorf("sensors/ holds %v, want %v", after, want)
	}
	if algs := entries(t, filepath.Join(dir, "register", "algorithms")); !sameSet(algs, []string{"afvalroutes.yaml", "scanauto-parkeren.yaml", "wachtlijst.yaml"}) {
		t.Errorf("algorithms/ holds %v", algs)
	}
	if got := entries(t, dir); !sameSet(got, []string{"register"}) {
		t.Errorf("new wrote outside the register: %v", got)
	}
}

// TestInit: a new municipality's repository validates; its examples are
// flagged as placeholders until they are made real, then it checks clean;
// init never writes into a folder that holds something.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, nil, "init", "heidebeek", "--organisation", "Gemeente Heidebeek", "--domain", "heidebeek.example")
	if r.code != 0 {
		t.Fatalf("init: exit %d\n%s", r.code, r.out())
	}
	repo := filepath.Join(dir, "heidebeek")
	if r := run(t, repo, nil, "validate"); r.code != 0 {
		t.Errorf("validate in the new repository: exit %d\n%s", r.code, r.out())
	}
	rep := decodeReport(t, run(t, repo, nil, "check", "--as-of", asOf, "--format", "json").stdout)
	for _, f := range rep.Findings {
		if f.Rule != "placeholder" {
			t.Errorf("the examples break more than the placeholder rule: %+v", f)
		}
	}
	if len(rep.Findings) != 5 {
		t.Errorf("%d placeholder findings on the examples, want 5 (names, location, position, supplier)", len(rep.Findings))
	}
	// Made real, the examples check clean.
	for _, f := range []string{"register/sensors/voorbeeld-waterstandmeter.yaml", "register/algorithms/voorbeeld-strooiadvies.yaml"} {
		p := filepath.Join(repo, filepath.FromSlash(f))
		text := strings.ReplaceAll(readFile(t, p), " (voorbeeld)", "")
		text = strings.Replace(strings.Replace(text, "x: 155000", "x: 187540", 1), "y: 463000", "y: 432180", 1)
		writeFile(t, p, text)
	}
	if r := run(t, repo, nil, "check", "--as-of", asOf); r.code != 0 {
		t.Errorf("check in the new repository, examples made real: exit %d\n%s", r.code, r.out())
	}
	// A clean register's JSON report is an empty list, never null.
	if rep := decodeReport(t, run(t, repo, nil, "check", "--as-of", asOf, "--format", "json").stdout); len(rep.Findings) != 0 || rep.Summary.Records != 2 {
		t.Errorf("check --format json on the new repository: %+v", rep)
	}
	// The schemas an editor reads are the ones the tool validates with, and
	// each example record points its editor at them.
	for _, kind := range []string{"sensor", "algorithm", "common"} {
		if r := run(t, dir, nil, "schema", kind); readFile(t, filepath.Join(repo, "schema", kind+".schema.json")) != r.stdout {
			t.Errorf("schema/%s.schema.json differs from 'register schema %s'", kind, kind)
		}
	}
	for _, folder := range []string{"sensors", "algorithms"} {
		matches, _ := filepath.Glob(filepath.Join(repo, "register", folder, "*.yaml"))
		kind := strings.TrimSuffix(folder, "s")
		for _, m := range matches {
			if !strings.HasPrefix(readFile(t, m), "# yaml-language-server: $schema=../../schema/"+kind+".schema.json\n") {
				t.Errorf("%s does not start with the yaml-language-server line for %s", m, kind)
			}
		}
		if len(matches) == 0 {
			t.Errorf("init wrote no example under register/%s", folder)
		}
	}
	writeFile(t, filepath.Join(dir, "vol", "notities.txt"), "van mij")
	r = run(t, dir, nil, "init", "vol", "--organisation", "Gemeente Vol")
	if r.code != 2 {
		t.Errorf("init into a folder with a file: exit %d, want 2\n%s", r.code, r.out())
	}
	if got := entries(t, filepath.Join(dir, "vol")); !slices.Equal(got, []string{"notities.txt"}) {
		t.Errorf("init wrote into a non-empty folder: %v", got)
	}
	if r := run(t, dir, nil, "init", "zonder-naam"); r.code != 2 || !strings.Contains(r.stderr, "--organisation") {
		t.Errorf("init without --organisation: exit %d\n%s", r.code, r.out())
	}
}

// TestImportCSV: a steward's spreadsheet with Dutch headers, dates in
// Dutch order, a repeated row, a date that does not exist and a name that is
// a path becomes records inside the register, with every skipped row
// reported at its line.
func TestImportCSV(t *testing.T) {
	dir := workspace(t)
	writeFile(t, filepath.Join(dir, "lijst.csv"),
		"naam;korte omschrijving;status;startdatum;einddatum;soort sensor;locatie;breedtegraad;lengtegraad;owner.role;owner.email\r\n"+
			"Geluidmeter Plein;Meet geluid op het plein.;In gebruik;01-03-2025;1 maart 2027;Geluidssensor;Plein;52.09;5.12;Beheerder;geluid@lindeveen.example\r\n"+
			"Geluidmeter Plein;Meet geluid op het plein.;In gebruik;01-03-2025;1 maart 2027;Geluidssensor;Plein;52.09;5.12;Beheerder;geluid@lindeveen.example\r\n"+
			"Meter Brug;Meet.;Gepland;30-02-2025;;Overig;Brug;52.09;5.12;Beheerder;x@lindeveen.example\r\n"+
			"../../etc/passwd;Proef;Gepland;28-02-2025;;Overig;Stadhuis;52.09;5.12;Beheerder;x@lindeveen.example\r\n")
	r := run(t, dir, nil, "import", "csv", "lijst.csv", "--kind", "sensor", "--format", "json")
	if r.code != 1 {
		t.Fatalf("import: exit %d, want 1 (rows left out)\n%s", r.code, r.out())
	}
	rep := decodeReport(t, r.stdout)
	want := map[string]bool{"lijst.csv:3:0 warning": false, "lijst.csv:4:4 error": false}
	for _, f := range rep.Findings {
		key := f.File + ":" + itoa(f.line()) + ":" + itoa(f.column()) + " " + f.Severity
		if _, ok := want[key]; ok && f.Rule == "import" {
			want[key] = true
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no import finding at %s:\n%s", k, r.stdout)
		}
	}
	for _, f := range []string{"geluidmeter-plein.yaml", "etc-passwd.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, "register", "sensors", f)); err != nil {
			t.Errorf("record %s not created: %v", f, err)
		}
	}
	if got := entries(t, dir); !sameSet(got, []string{"lijst.csv", "register"}) {
		t.Errorf("import wrote outside the register: %v", got)
	}
	// Running it again creates nothing and overwrites nothing.
	before := readFile(t, filepath.Join(dir, "register", "sensors", "geluidmeter-plein.yaml"))
	run(t, dir, nil, "import", "csv", "lijst.csv", "--kind", "sensor")
	if readFile(t, filepath.Join(dir, "register", "sensors", "geluidmeter-plein.yaml")) != before {
		t.Error("a second import overwrote a record")
	}
	// A spreadsheet saved by Excel in Windows-1252: the é survives.
	writeFile(t, filepath.Join(dir, "excel.csv"), "naam;korte omschrijving;status;startdatum;soort sensor;locatie;breedtegraad;lengtegraad\r\n"+
		"Luchtmeter Caf\xe9plein;Meet fijnstof.;In gebruik;01-03-2025;Luchtkwaliteitssensor;Caf\xe9plein;52.09;5.12\r\n")
	run(t, dir, nil, "import", "csv", "excel.csv")
	rec := readFile(t, filepath.Join(dir, "register", "sensors", "luchtmeter-cafeplein.yaml"))
	if !strings.Contains(rec, "name: Luchtmeter Caféplein\n") || !strings.Contains(rec, "start: 2025-03-01\n") || !strings.Contains(rec, "sensor_type: air_quality\n") {
		t.Errorf("the Windows-1252 row became:\n%s", rec)
	}
	// A UTF-8 spreadsheet with one Latin-1 byte is not read as
	// Windows-1252 (its "één" would become "Ã©Ã©n"): an error at the
	// byte, and nothing written.
	writeFile(t, filepath.Join(dir, "mix.csv"), "naam;korte omschrijving;status;soort sensor;locatie;breedtegraad;lengtegraad\n"+
		"Camera één;Café op de hoek;In gebruik;Camera;Markt;52,1;5,1\n"+
		"Camera twee;Caf\xe9 Latin-1;In gebruik;Camera;Markt;52,1;5,1\n")
	r = run(t, dir, nil, "import", "csv", "mix.csv")
	if r.code != 2 || !strings.Contains(r.stderr, "mix.csv:3:16:") || !strings.Contains(r.stderr, "CSV UTF-8") {
		t.Errorf("import of a mixed UTF-8 and Latin-1 file: exit %d, want 2 and an error at mix.csv:3:16\n%s", r.code, r.out())
	}
	for _, id := range []string{"camera-een", "camera-a-a-n", "camera-twee"} {
		if _, err := os.Stat(filepath.Join(dir, "register", "sensors", id+".yaml")); err == nil {
			t.Errorf("import of a mixed file wrote %s", id)
		}
	}
}

// TestMigrateAndExport: migrate upgrades a v1 register to v2 by adding lines
// only (the BOM, Windows line endings, comments and every other byte stay),
// reports the unreadable files, marks the camera regimes it cannot tell as
// questions that check reports, and changes nothing on a second run; export
// leaves out what it cannot read and says so.
func TestMigrateAndExport(t *testing.T) {
	dir := workspace(t)
	r := run(t, dir, nil, "migrate", "--dry-run")
	if r.code != 1 || !strings.Contains(r.stdout, "10 moeten worden gemigreerd naar v2") || !strings.Contains(r.stdout, "sensors/water-kade.yaml:10:1: error") {
		t.Errorf("migrate --dry-run: exit %d\n%s", r.code, r.out())
	}
	if r := run(t, dir, nil, "migrate"); r.code != 1 || !strings.Contains(r.stdout, "omgezet: sensors/cam-haven.yaml") {
		t.Errorf("migrate: exit %d, want 1 for the unreadable files\n%s", r.code, r.out())
	}
	first := map[string]string{}
	err := filepath.WalkDir(stad, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(stad, p)
		before, after := readFile(t, p), readFile(t, filepath.Join(dir, "register", rel))
		first[rel] = after
		// Every line of the original is still there, in order; only whole
		// lines were added.
		rest := after
		for line := range strings.Lines(before) {
			k := strings.Index(rest, line)
			if k < 0 {
				t.Errorf("migrate changed %s: line %q is gone", rel, line)
				break
			}
			rest = rest[k+len(line):]
		}
		if strings.HasSuffix(rel, ".yaml") && strings.Contains(before, "\r\n") && strings.Count(after, "\n") != strings.Count(after, "\r\n") {
			t.Errorf("%s: Windows line endings mixed with Unix ones after migrate", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The cameras of this register say their regime already; a second
	// migrate changes nothing.
	if r := run(t, dir, nil, "migrate"); !strings.Contains(r.stdout, "er hoeft niets te worden gemigreerd") {
		t.Errorf("second migrate: exit %d\n%s", r.code, r.out())
	}
	for rel, want := range first {
		if got := readFile(t, filepath.Join(dir, "register", rel)); got != want {
			t.Errorf("the second migrate changed %s", rel)
		}
	}
	r = run(t, dir, nil, "export", "--format", "algoritmeregister")
	var entries []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatalf("export algoritmeregister is not a JSON array: %v\n%s", err, r.stdout)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e["name"].(string))
	}
	if !sameSet(names, []string{"Slimme afvalroutes", "Scanauto parkeercontrole"}) {
		t.Errorf("exported %v", names)
	}
	if r.code != 1 || !strings.Contains(r.stderr, "konden niet worden gelezen") {
		t.Errorf("export: exit %d, want 1 with the unreadable files named\n%s", r.code, r.stderr)
	}
	for _, args := range [][]string{{"export"}, {"export", "--format", "xlsx"}, {"export", "--format", "csv"}} {
		if r := run(t, dir, nil, args...); r.code != 2 || r.stdout != "" {
			t.Errorf("%v: exit %d, want 2 and nothing on stdout\n%s", args, r.code, r.out())
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestCustomRules: a municipality's own rules in register.yaml run with the
// built-in ones, cite their principle, show in rules and explain, and a rule
// that does not compile is reported at its line.
func TestCustomRules(t *testing.T) {
	dir := workspace(t)
	cfg := filepath.Join(dir, "register", "register.yaml")
	writeFile(t, cfg, readFile(t, cfg)+`rules_custom:
  - id: camera-aantal
    principle: VNG 7.5
    severity: warning
    kind: sensor
    when: record.sensor_type == "camera"
    require: has(record.quantity) && record.quantity <= 2
    title: Niet meer dan twee camera's
    message: Meer dan twee camera's, of het aantal ontbreekt.
    help: Zet quantity, en overweeg minder camera's.
  - id: tikfout
    principle: VNG 2.1
    when: record.sensor_tipe == "camera"
    require: "true"
    message: z
  - id: biometric-ban
    principle: VNG 2.1
    when: "true"
    require: "true"
    message: y
`)
	rep := checkJSON(t, dir, 1)
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == "camera-aantal" || f.Rule == "config" {
			got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s %s", f.File, f.line(), f.column(), f.Severity, f.Rule, f.Principle, f.Message))
		}
	}
	want := []string{
		"register.yaml:27:11 error config  custom rule tikfout: when does not compile: at 1:7: undefined field 'sensor_tipe'",
		"register.yaml:30:9 error config  custom rule id \"biometric-ban\" is already taken by another rule",
		"sensors/cam-haven.yaml:1:1 warning camera-aantal VNG 7.5 Meer dan twee camera's, of het aantal ontbreekt.",
		"sensors/cam-stationsplein.yaml:1:1 warning camera-aantal VNG 7.5 Meer dan twee camera's, of het aantal ontbreekt.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := run(t, dir, nil, "rules"); !strings.Contains(r.stdout, "camera-aantal") || !strings.Contains(r.stderr, "'register check' toont ze") {
		t.Errorf("rules does not list the custom rule, or hides the broken ones:\n%s", r.out())
	}
	if r := run(t, dir, nil, "explain", "camera-aantal"); r.code != 0 || !strings.Contains(r.stdout, "Principe: VNG 7.5") {
		t.Errorf("explain camera-aantal: exit %d\n%s", r.code, r.out())
	}
}

// TestSiteLinksTheCorrectionDesk: every public record page, in Dutch and in
// English, links to the desk where residents have wrong data corrected
// (C-correction-desk), naming the record.
func TestSiteLinksTheCorrectionDesk(t *testing.T) {
	dir := workspace(t)
	run(t, dir, nil, "build", "--as-of", asOf, "--out", "site")
	pages := 0
	for _, folder := range []string{"sensoren", "algoritmes", "en/sensors", "en/algorithms"} {
		matches, _ := filepath.Glob(filepath.Join(dir, "site", filepath.FromSlash(folder), "*.html"))
		for _, p := range matches {
			id := strings.TrimSuffix(filepath.Base(p), ".html")
			if id == "index" {
				continue
			}
			pages++
			if !strings.Contains(readFile(t, p), `href="https://lindeveen.example/fout-melden?record=`+id+`"`) {
				t.Errorf("%s does not link to the correction desk for %s", p, id)
			}
		}
	}
	// 7 sensors and 2 algorithms get a page, in two languages: 2 files
	// cannot be read, and the record with a path as id gets no page.
	if pages != 2*(7+2) {
		t.Errorf("%d record pages, want %d", pages, 2*(7+2))
	}
}
