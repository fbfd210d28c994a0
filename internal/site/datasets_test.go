package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// datasetRegister writes a small register: two public algorithms use the
// BRP and share it; one withholds with whom it shares, and its route; one
// withholds its datasets (a dataset only it names must not get a page);
// one is not public at all.
func datasetRegister(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"register.yaml": "organisation: Gemeente Voorbeeldstad\nsite:\n  report_error_url: https://voorbeeldstad.example/meldpunt\n",
		"algorithms/parkeren.yaml": `id: parkeren
kind: algorithm
name: Parkeervergunningen
datasets:
  - {name: Basisregistratie Personen (BRP), source: Gemeente Voorbeeldstad, personal_data: true, description: Woonadres van de aanvrager.}
  - {name: Kentekenregister, source: RDW}
data_sharing:
  - {party: Parkeerbeheer BV, purpose: Handhaving}
correction:
  route: Geef een fout adres door aan Burgerzaken.
  desk: Burgerzaken
  email: burgerzaken@voorbeeldstad.example
  term: P4W
`,
		"algorithms/wonen.yaml": `id: wonen
kind: algorithm
name: Woningtoewijzing
datasets:
  - {name: basisregistratie personen  (BRP)}
data_sharing:
  - {party: Woonstichting Geheimhof}
publication:
  withheld: [data_sharing, correction]
`,
		"algorithms/schuld.yaml": `id: schuld
kind: algorithm
name: Vroegsignalering
datasets:
  - {name: Betalingsachterstanden Zwartlijst}
  - {name: Basisregistratie Personen (BRP)}
publication:
  withheld: [datasets]
`,
		"algorithms/fraude.yaml": `id: fraude
kind: algorithm
name: Fraudesignalen Verborgen
datasets:
  - {name: Basisregistratie Personen (BRP)}
  - {name: Inlichtingenbestand Onzichtbaar}
data_sharing:
  - {party: Inlichtingenbureau Stil}
publication:
  public: false
  reason: Woo 5.1
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Each dataset a public record names gets a page in both languages, with
// the records that use it, their route to a correction and the recipients
// to tell (GDPR art. 19); what is not public stays off every page.
func TestDatasetPages(t *testing.T) {
	out, _ := build(t, loadFixture(t, datasetRegister(t)), Options{})
	tests := []struct {
		page   string
		want   []string
		absent []string
	}{
		{"gegevens/index.html", []string{
			"<h1>Waar worden mijn gegevens gebruikt?</h1>",
			`<th scope="row"><a href="../gegevens/basisregistratie-personen-brp.html">Basisregistratie Personen (BRP)</a></th><td>Ja</td><td class="num">2</td><td class="num">1</td>`,
			`<a href="../gegevens/kentekenregister.html">Kentekenregister</a></th><td></td><td class="num">1</td><td class="num">1</td>`,
		}, nil},
		{"gegevens/basisregistratie-personen-brp.html", []string{
			"<h1>Waar worden gegevens uit Basisregistratie Personen (BRP) gebruikt?</h1>",
			"<li>Basisregistratie Personen (BRP): Gemeente Voorbeeldstad</li>",
			`<a href="../algoritmes/parkeren.html">Parkeervergunningen</a>`,
			"gebruikt: Basisregistratie Personen (BRP) (Woonadres van de aanvrager.)",
			"<p>Geef een fout adres door aan Burgerzaken.</p><p>Burgerzaken · " + `<a href="mailto:burgerzaken@voorbeeldstad.example">`,
			"Duurt ten hoogste 4 weken.",
			`<a href="../algoritmes/wonen.html">Woningtoewijzing</a>`,
			"<li>Parkeerbeheer BV (via " + `<a href="../algoritmes/parkeren.html">Parkeervergunningen</a>)</li>`,
			"Van 1 van deze registraties is niet openbaar met wie zij gegevens delen.",
		}, []string{"Vroegsignalering", "schuld.html"}},
		{"en/datasets/basisregistratie-personen-brp.html", []string{
			"<h1>Where is data from Basisregistratie Personen (BRP) used?</h1>",
			`<a href="../../en/algorithms/parkeren.html">Parkeervergunningen</a>`,
			"Takes at most 4 weeks.", "Recipients to be told of a correction (GDPR art. 19)",
		}, nil},
		{"en/datasets/index.html", []string{"<h1>Where is my data used?</h1>", `href="../../en/datasets/kentekenregister.html"`}, nil},
		{"index.html", []string{`<a href="gegevens/index.html">Waar worden mijn gegevens gebruikt?</a>`}, nil},
		{"en/index.html", []string{`<a href="../en/datasets/index.html">Where is my data used?</a>`}, nil},
	}
	for _, tt := range tests {
		page := read(t, out, tt.page)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.page, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(page, a) {
				t.Errorf("%s shows %q", tt.page, a)
			}
		}
	}
	// The route wonen withholds is said to be not public, not replaced by
	// the desk as if it had none.
	brp := read(t, out, "gegevens/basisregistratie-personen-brp.html")
	if i := strings.Index(brp, "wonen.html"); i < 0 || !strings.Contains(brp[i:], "niet openbaar") {
		t.Error("the withheld route is not marked as not public")
	}
	// Nothing that is not public is on any dataset page, nor gets one.
	for _, lang := range []string{"gegevens", "en/datasets"} {
		entries, err := os.ReadDir(filepath.Join(out, filepath.FromSlash(lang)))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 3 {
			t.Errorf("%s holds %d pages, want the list, BRP and Kentekenregister", lang, len(entries))
		}
		for _, e := range entries {
			page := read(t, out, lang+"/"+e.Name())
			for _, leak := range []string{"Zwartlijst", "Geheimhof", "Fraudesignalen", "Onzichtbaar", "Inlichtingenbureau", "fraude.html"} {
				if strings.Contains(page, leak) || strings.Contains(e.Name(), strings.ToLower(leak)) {
					t.Errorf("%s/%s shows %q, which is not public", lang, e.Name(), leak)
				}
			}
		}
	}
}

// A register whose public records name no dataset has no such pages, and
// the home page does not link them.
func TestNoDatasetPagesWithoutDatasets(t *testing.T) {
	dir := datasetRegister(t)
	for _, f := range []string{"parkeren", "wonen"} {
		if err := os.Remove(filepath.Join(dir, "algorithms", f+".yaml")); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := build(t, loadFixture(t, dir), Options{})
	if _, err := os.Stat(filepath.Join(out, "gegevens")); err == nil {
		t.Error("dataset pages written for datasets that are not public")
	}
	if strings.Contains(read(t, out, "index.html"), "gegevens/index.html") {
		t.Error("the home page links dataset pages that do not exist")
	}
}
