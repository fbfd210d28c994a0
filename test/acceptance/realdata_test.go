package acceptance

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// realdata is the shared folder of real public register data; the suite
// runs on it when it is there (a checkout beside ../shared), and says so
// when it is not.
const realdata = "../../../shared/realdata"

// realSet is one real data file as a municipality would bring it in.
type realSet struct {
	name string
	file string // under realdata
	how  string // csv or json
	kind string
	mp   string // a ready-made map or a file under testdata/realdata; "" for none
	// texts are the columns (or JSON keys) whose texts must reach the
	// records, the open data and back character for character.
	texts []string
	// national are the columns whose texts must be, character for
	// character, a field of the national register's export; part are those
	// that must be a whole paragraph of one (the explanation follows the
	// kind of algorithm, the objection procedure the human oversight).
	national, part []string
}

var realSets = []realSet{
	{"amsterdam-bulk", "amsterdam-sensorregister/sensorregistratie-bulk.csv", "csv", "sensor", "testdata/realdata/amsterdam-bulk.yaml",
		[]string{"Referentie", "Waarvoor meet u dat?", "Wettelijke grondslag", "Privacyverklaring", "Opmerking (niet verplicht)", "Naam organisatie/bedrijf", "E-mail", "Telefoonnummer", "Afdeling"}, nil, nil},
	{"amsterdam-aangevuld", "amsterdam-sensorregister/sensoren-aangevuld.csv", "csv", "sensor", "testdata/realdata/amsterdam-aangevuld.yaml",
		[]string{"Naam", "Korte omschrijving", "Locatie", "Doel", "Wettelijke grondslag", "Organisatie", "Verantwoordelijke", "Afdeling", "E-mailadres", "Telefoon"}, nil, nil},
	{"nl-export", "nl-algoritmeregister-2026/algoritmes-export.csv", "csv", "algorithm", "algoritmeregister-csv",
		[]string{"Naam", "Organisatienaam", "Doel en impact", "Wettelijke basis", "Link naar algoritmeregister"},
		[]string{"Naam", "Organisatienaam", "Doel en impact", "Wettelijke basis"}, nil},
	{"nl-aangevuld", "nl-algoritmeregister-2026/algoritmes-aangevuld.csv", "csv", "algorithm", "testdata/realdata/nl-aangevuld.yaml",
		[]string{"Naam", "Organisatienaam", "Doel en impact", "Wettelijke basis", "Korte omschrijving"},
		[]string{"Naam", "Organisatienaam", "Doel en impact", "Wettelijke basis", "Korte omschrijving"}, nil},
	{"nl-listing-json", "nl-algoritmeregister-2026/source/algoritmes-sample.json", "json", "algorithm", "",
		[]string{"title", "organisatie", "doel", "juridische_basis", "url"}, []string{"title", "organisatie", "doel", "juridische_basis"}, nil},
	{"v0.1-export", "minbzk-algoritmeregister-2022/algoritmes-v0.1-export.csv", "csv", "algorithm", "algoritmeregister-v0.1",
		[]string{"Naam", "Organisatie", "Afdeling", "Korte omschrijving", "Doel", "Proportionaliteit", "Omschrijving", "Databronnen",
			"Menselijke tussenkomst", "Risico's", "Wettelijke grondslag", "Bezwaarprocedure", "E-mailadres van de contactpersoon", "Link naar publiekspagina"},
		[]string{"Naam", "Organisatie", "Korte omschrijving", "Doel", "Proportionaliteit", "Databronnen", "Risico's", "Wettelijke grondslag"},
		[]string{"Omschrijving", "Menselijke tussenkomst", "Bezwaarprocedure"}},
	{"v0.1-aangevuld", "minbzk-algoritmeregister-2022/algoritmes-v0.1-aangevuld.csv", "csv", "algorithm", "testdata/realdata/v01-aangevuld.yaml",
		[]string{"Naam", "Korte omschrijving", "Doel", "Proportionaliteit", "Omschrijving", "Databronnen", "Menselijke tussenkomst", "Risico's", "Wettelijke grondslag", "Bezwaarprocedure"},
		[]string{"Naam", "Doel", "Databronnen", "Proportionaliteit", "Risico's"}, []string{"Omschrijving", "Menselijke tussenkomst", "Bezwaarprocedure"}},
	{"v0.1-json", "minbzk-algoritmeregister-2022/source/algoritmes-v0.1-sample.json", "json", "algorithm", "",
		[]string{"name", "organization", "department", "description_short", "goal", "proportionality", "description", "source_data",
			"human_intervention", "risks", "lawful_basis", "objection_procedure", "contact_email"},
		[]string{"name", "goal", "source_data", "proportionality", "risks", "lawful_basis"}, []string{"description", "human_intervention", "objection_procedure"}},
}

// TestRealData imports every real data set as a municipality would, checks,
// builds and exports the register, imports its open data again, and asserts
// that every real text survives unchanged: in the records, in the CSV and
// JSON open data (which are a fixed point of export and import), and in the
// national register's export.
func TestRealData(t *testing.T) {
	if _, err := os.Stat(realdata); err != nil {
		t.Skipf("no real data at %s (a checkout beside ../shared has it): %v", realdata, err)
	}
	for _, set := range realSets {
		t.Run(set.name, func(t *testing.T) {
			src, err := filepath.Abs(filepath.Join(realdata, set.file))
			if err != nil {
				t.Fatal(err)
			}
			texts := sourceTexts(t, src, set.texts)
			if len(texts) == 0 {
				t.Fatalf("no texts read from %s", set.file)
			}
			dir := newRegister(t)
			args := []string{"import", set.how, src, "--kind", set.kind, "--root", dir}
			if set.mp != "" {
				mp := set.mp
				if strings.HasPrefix(mp, "testdata/") {
					mp, _ = filepath.Abs(mp)
				}
				args = append(args, "--map", mp)
			}
			imp := run(t, ".", nil, args...)
			if imp.code == 2 {
				t.Fatalf("import exit 2:\n%s", imp.out())
			}
			recs := recordTexts(t, dir)
			if len(recs) == 0 {
				t.Fatalf("nothing imported:\n%s", imp.out())
			}
			for col, vals := range texts {
				for _, v := range vals {
					if !recs[v] {
						t.Errorf("the text of column %q is not in any record as written: %q", col, clip(v))
					}
				}
			}
			site := filepath.Join(t.TempDir(), "site")
			for _, cmd := range [][]string{{"validate"}, {"check", "--as-of", asOf}, {"due", "--as-of", asOf}, {"build", "--as-of", asOf, "--out", site}} {
				if r := run(t, ".", nil, append(cmd, "--root", dir)...); r.code == 2 {
					t.Errorf("%s exit 2:\n%s", cmd[0], r.out())
				}
			}
			// Residents read the texts on the record pages, as written (the
			// page breaks a line where the text does).
			pages := sitePages(t, site)
			for col, vals := range texts {
				for _, v := range vals {
					// Paragraphs, or line breaks throughout (a labelled part).
					if !strings.Contains(pages, rendered(v)) && !strings.Contains(pages, strings.ReplaceAll(html.EscapeString(v), "\n", "<br>")) {
						t.Errorf("the text of column %q is not on the site as written: %q", col, clip(v))
					}
				}
			}
			if set.national != nil || set.part != nil {
				r := run(t, ".", nil, "export", "--format", "algoritmeregister", "--root", dir)
				if r.code == 2 {
					t.Fatalf("export algoritmeregister exit 2:\n%s", r.stderr)
				}
				var entries []map[string]any
				if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
					t.Fatal(err)
				}
				for _, col := range set.national {
					for _, v := range texts[col] {
						if !inEntries(entries, v, true) {
							t.Errorf("the text of column %q is not a field of the national export as written: %q", col, clip(v))
						}
					}
				}
				for _, col := range set.part {
					for _, v := range texts[col] {
						if !inEntries(entries, v, false) {
							t.Errorf("the text of column %q is not a whole paragraph of the national export: %q", col, clip(v))
						}
					}
				}
			}
			for _, format := range []string{"csv", "json"} {
				roundTrip(t, dir, format, set.kind, texts)
			}
		})
	}
}

// TestBundledRegisterRoundTrip: the bundled register's open data (the CSV of
// each kind imported into one register, or register.json) imports into
// records that export to the same open data again. Only the count of records
// that are not public can differ: those are not in the open data.
func TestBundledRegisterRoundTrip(t *testing.T) {
	const bundled = "../../register"
	cfg, err := os.ReadFile(filepath.Join(bundled, "register.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	export := func(root string, args ...string) string {
		r := run(t, ".", nil, append([]string{"export", "--root", root}, args...)...)
		if r.code == 2 {
			t.Fatalf("export %v exit 2:\n%s", args, r.stderr)
		}
		return r.stdout
	}
	formats := [][]string{{"--format", "csv", "--kind", "sensor"}, {"--format", "csv", "--kind", "algorithm"}, {"--format", "json"}}
	for _, via := range []string{"csv", "json"} {
		t.Run(via, func(t *testing.T) {
			again := newRegister(t)
			writeFile(t, filepath.Join(again, "register.yaml"), string(cfg))
			for _, f := range formats {
				if f[1] != via {
					continue
				}
				file := filepath.Join(t.TempDir(), "open."+via)
				writeFile(t, file, export(bundled, f...))
				kind := "algorithm"
				if len(f) > 2 {
					kind = f[3]
				}
				if r := run(t, ".", nil, "import", via, file, "--kind", kind, "--root", again); r.code == 2 {
					t.Fatalf("import exit 2:\n%s", r.out())
				}
			}
			for _, f := range formats {
				first, second := export(bundled, f...), export(again, f...)
				unpublished := regexp.MustCompile(`"unpublished_records": \d+`)
				first = unpublished.ReplaceAllString(first, "")
				second = unpublished.ReplaceAllString(second, "")
				if first != second {
					t.Errorf("export %v, imported through %s and exported again, changed:\n%s", f, via, firstDiff(first, second))
				}
			}
		})
	}
}

// rendered is a text as a record page shows it: escaped, a blank line
// between paragraphs, a line break where the text has one.
func rendered(text string) string {
	var parts []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, strings.ReplaceAll(html.EscapeString(p), "\n", "<br>"))
		}
	}
	return strings.Join(parts, "</p><p>")
}

// sitePages is the text of every Dutch HTML page of a built site.
func sitePages(t *testing.T, site string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "en" {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".html") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			// The template engine writes a plus sign as &#43;, which a
			// reader reads as +.
			b.WriteString(strings.ReplaceAll(string(data), "&#43;", "+"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// newRegister makes an empty register folder.
func newRegister(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "register.yaml"), "organisation: Gemeente Proef\nsite:\n  base_url: https://register.proef.example/\n")
	for _, k := range []string{"sensors", "algorithms"} {
		if err := os.MkdirAll(filepath.Join(dir, k), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// roundTrip exports the register's open data in a format, imports it into a
// new register and exports that: the two exports are the same, and the
// texts are still there.
func roundTrip(t *testing.T, dir, format, kind string, texts map[string][]string) {
	t.Helper()
	export := func(root string) string {
		args := []string{"export", "--format", format, "--root", root}
		if format == "csv" {
			args = append(args, "--kind", kind)
		}
		r := run(t, ".", nil, args...)
		if r.code == 2 {
			t.Fatalf("export %s exit 2:\n%s", format, r.stderr)
		}
		return r.stdout
	}
	first := export(dir)
	file := filepath.Join(t.TempDir(), "open."+format)
	writeFile(t, file, first)
	again := newRegister(t)
	if cfg, err := os.ReadFile(filepath.Join(dir, "register.yaml")); err == nil {
		writeFile(t, filepath.Join(again, "register.yaml"), string(cfg)) // the same organisation and site
	}
	if r := run(t, ".", nil, "import", format, file, "--kind", kind, "--root", again); r.code == 2 {
		t.Fatalf("import of the %s export exit 2:\n%s", format, r.out())
	}
	if second := export(again); second != first {
		t.Errorf("%s: export → import → export changed the open data:\n%s", format, firstDiff(first, second))
	}
	recs := recordTexts(t, again)
	for col, vals := range texts {
		for _, v := range vals {
			if !recs[v] {
				t.Errorf("%s: after export and import, the text of column %q is not in any record as written: %q", format, col, clip(v))
			}
		}
	}
}

// sourceTexts reads the non-empty texts of the given columns (or keys).
func sourceTexts(t *testing.T, path string, cols []string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	add := func(col, v string) {
		if v = strings.TrimSpace(v); v != "" {
			out[col] = append(out[col], v)
		}
	}
	if strings.HasSuffix(path, ".json") {
		var doc struct {
			Algoritmes []map[string]any `json:"algoritmes"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Algoritmes {
			for _, c := range cols {
				if s, ok := e[c].(string); ok {
					add(c, s)
				}
			}
		}
		return out
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		i := -1
		for j, h := range rows[0] {
			if h == c {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("%s has no column %q", path, c)
		}
		for _, row := range rows[1:] {
			add(c, row[i])
		}
	}
	return out
}

// recordTexts collects every text value in the register's record files.
func recordTexts(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out[x] = true
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, k := range []string{"sensors", "algorithms"} {
		files, _ := filepath.Glob(filepath.Join(dir, k, "*.yaml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := yaml.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			walk(m)
		}
	}
	return out
}

// inEntries reports whether a text is a whole field of a national register
// entry or, unless exact, a whole paragraph of one (a labelled paragraph
// included).
func inEntries(entries []map[string]any, text string, exact bool) bool {
	for _, e := range entries {
		for _, v := range e {
			s, ok := v.(string)
			if !ok {
				continue
			}
			if exact {
				if s == text {
					return true
				}
				continue
			}
			for i := strings.Index(s, text); i >= 0; {
				before, after := s[:i], s[i+len(text):]
				if (before == "" || strings.HasSuffix(before, "\n\n") || strings.HasSuffix(before, ": ")) &&
					(after == "" || strings.HasPrefix(after, "\n\n")) {
					return true
				}
				j := strings.Index(s[i+1:], text)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
	}
	return false
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "first:  " + clip(al[i]) + "\nsecond: " + clip(bl[i])
		}
	}
	return "the exports differ in length"
}

// TestRealDataMapLayers imports the features of Amsterdam's map layers (the
// GeoJSON its sensor register reads), one layer at a time with the layer's
// own goal, legal ground and owner given in a map that extends the
// ready-made one, as a municipality would; the texts survive as in
// TestRealData.
func TestRealDataMapLayers(t *testing.T) {
	src := filepath.Join(realdata, "amsterdam-sensorregister/source/fixtures-sample.json")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Skipf("no real data at %s (a checkout beside ../shared has it): %v", realdata, err)
	}
	var fixtures struct {
		Layers map[string]struct {
			Goal  *string `json:"goal"`
			Legal string  `json:"legal"`
			Email string  `json:"email"`
			Dept  string  `json:"dept"`
			PI    string  `json:"pi"`
		} `json:"layers"`
		Features []struct {
			Layer   string          `json:"layer"`
			Feature json.RawMessage `json:"feature"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fixtures); err != nil {
		t.Fatal(err)
	}
	byLayer := map[string][]json.RawMessage{}
	for _, f := range fixtures.Features {
		byLayer[f.Layer] = append(byLayer[f.Layer], f.Feature)
	}
	if len(byLayer) < 5 {
		t.Fatalf("only %d layers in %s", len(byLayer), src)
	}
	for name, features := range byLayer {
		t.Run(name, func(t *testing.T) {
			layer := fixtures.Layers[name]
			work := t.TempDir()
			geo, _ := json.Marshal(map[string]any{"type": "FeatureCollection", "features": features})
			writeFile(t, filepath.Join(work, name+".geojson"), string(geo))
			texts := map[string][]string{}
			q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
			m := "extends: amsterdam-kaartlaag\ndefaults:\n  status: active\n  organisation.type: municipality\n  owner.role: Meldpunt sensoren\n" +
				"  legal_basis.regime: gdpr\n  legal_basis.gdpr_ground: public_task\n  lifecycle.start: 2022-01-01\n  sensor_type: camera\n"
			for _, d := range [][3]string{{"purpose", "goal", deref(layer.Goal)}, {"legal_basis.law", "legal", layer.Legal},
				{"owner.email", "email", layer.Email}, {"owner.department", "dept", layer.Dept}, {"personal_data.processed", "", layer.PI}} {
				if d[2] != "" {
					m += "  " + d[0] + ": " + q(d[2]) + "\n"
					if d[1] != "" {
						texts[d[1]] = []string{d[2]}
					}
				}
			}
			named := false
			for _, f := range features {
				var feat struct {
					Properties map[string]any `json:"properties"`
				}
				if err := json.Unmarshal(f, &feat); err != nil {
					t.Fatal(err)
				}
				for i, k := range []string{"Objectnummer_Amsterdam", "Objectnummer", "BrugSluisNummer", "BFA_nummer", "Locatienaam", "id", "Standplaats", "Naam", "Privacyverklaring"} {
					if s, ok := feat.Properties[k].(string); ok && strings.TrimSpace(s) != "" {
						texts[k] = append(texts[k], strings.TrimSpace(s))
						named = named || i < 6
					}
				}
			}
			if !named {
				// A layer without object numbers (a traffic survey): its
				// kind names the record, as the municipality chooses.
				m += "columns:\n  Soort: name\n"
			}
			writeFile(t, filepath.Join(work, "laag.yaml"), m)
			dir := newRegister(t)
			r := run(t, ".", nil, "import", "json", filepath.Join(work, name+".geojson"), "--kind", "sensor", "--map", filepath.Join(work, "laag.yaml"), "--root", dir)
			if r.code == 2 {
				t.Fatalf("import exit 2:\n%s", r.out())
			}
			recs := recordTexts(t, dir)
			if files, _ := filepath.Glob(filepath.Join(dir, "sensors", "*.yaml")); len(files) != len(features) {
				t.Fatalf("%d records from %d features:\n%s", len(files), len(features), r.out())
			}
			for col, vals := range texts {
				for _, v := range vals {
					if !recs[v] {
						t.Errorf("the text of %q is not in any record as written: %q", col, clip(v))
					}
				}
			}
			for _, format := range []string{"csv", "json"} {
				roundTrip(t, dir, format, "sensor", texts)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
