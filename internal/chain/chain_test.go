package chain

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		s, q string
		want bool
	}{
		{"Basisregistratie Personen (BRP)", "BRP", true},
		{"Basisregistratie Personen (BRP)", "brp", true},
		{"Basisregistratie Personen (BRP)", "basisregistratie personen", true},
		{"Basisregistratie Personen (BRP)", "personen basisregistratie", false},
		{"BRPX-koppeling", "BRP", false},
		{"Politie, basisteam Voorbeeldstad", "politie", true},
		{"Politieacademie", "politie", false},
		{"Gegevens van de RDW", "RDW", true},
		{"Sociale-huurwoningen", "huurwoningen", true},
		{"", "BRP", false},
		{"BRP", "", false},
		{"BRP", "  ,; ", false},
		{"Woningcorporaties Voorbeeldstad", "woning", false},
	}
	for _, tt := range tests {
		if got := Matches(tt.s, Words(tt.q)); got != tt.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tt.s, tt.q, got, tt.want)
		}
	}
}

func yes() *bool { b := true; return &b }

// register builds a small register: two algorithms use the BRP, one shares
// with two parties, a sensor feeds an algorithm, and one record is not
// public.
func testRecords() []*record.Record {
	return []*record.Record{
		{ID: "parkeren", Kind: record.Algorithm, Name: "Parkeervergunningen",
			Datasets:    []record.Dataset{{Name: "Basisregistratie Personen (BRP)", Source: "Gemeente"}, {Name: "Kentekenregister", Source: "RDW"}},
			DataSharing: []record.DataSharing{{Party: "Parkeerbeheer BV"}, {Party: "RDW"}},
			Correction:  &record.Correction{Route: "Mail Burgerzaken.", Term: "P4W"}},
		{ID: "wonen", Kind: record.Algorithm, Name: "Woningtoewijzing",
			Datasets:    []record.Dataset{{Name: "BRP", Source: "gemeente"}},
			DataSharing: []record.DataSharing{{Party: "parkeerbeheer  bv"}}},
		{ID: "afval", Kind: record.Algorithm, Name: "Afvalroutes", UsesSensors: []string{"vulgraad"},
			Datasets: []record.Dataset{{Name: "Containers"}}},
		{ID: "vulgraad", Kind: record.Sensor, Name: "Vulgraadsensoren"},
		{ID: "geheim", Kind: record.Algorithm, Name: "Fraudesignalen", Publication: &record.Publication{Public: new(bool), Reason: "Woo 5.1"},
			Datasets:    []record.Dataset{{Name: "BRP"}},
			DataSharing: []record.DataSharing{{Party: "Inlichtingenbureau"}}},
		{ID: "deels", Kind: record.Algorithm, Name: "Schuldhulp", Publication: &record.Publication{Withheld: []string{"data_sharing"}},
			Datasets:    []record.Dataset{{Name: "BRP"}},
			DataSharing: []record.DataSharing{{Party: "Incassobureau"}}},
	}
}

func ids(res Result) []string {
	var out []string
	for _, u := range res.Uses {
		out = append(out, u.Record.ID)
	}
	return out
}

func parties(res Result) []string {
	var out []string
	for _, r := range res.Recipients {
		var from []string
		for _, rec := range r.From {
			from = append(from, rec.ID)
		}
		out = append(out, r.Party+"<"+strings.Join(from, ",")+">")
	}
	return out
}

func TestFind(t *testing.T) {
	all := testRecords()
	public := publish.Records(all)
	tests := []struct {
		name       string
		recs       []*record.Record
		query      string
		records    []string
		recipients []string
	}{
		{"a dataset, every record as loaded", all, "BRP",
			[]string{"parkeren", "wonen", "geheim", "deels"},
			[]string{"Parkeerbeheer BV<parkeren,wonen>", "RDW<parkeren>", "Inlichtingenbureau<geheim>", "Incassobureau<deels>"}},
		{"a dataset, public views only", public, "BRP",
			[]string{"parkeren", "wonen", "deels"},
			[]string{"Parkeerbeheer BV<parkeren,wonen>", "RDW<parkeren>"}},
		{"a party, also as a dataset's source", public, "RDW",
			[]string{"parkeren"},
			[]string{"Parkeerbeheer BV<parkeren>", "RDW<parkeren>"}},
		{"a sensor feeds an algorithm", public, "vulgraad",
			[]string{"afval"}, nil},
		{"nothing", public, "Belastingdienst", nil, nil},
		{"no words", public, " - ", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Find(tt.recs, tt.query)
			if got := ids(res); !slices.Equal(got, tt.records) {
				t.Errorf("records %q, want %q", got, tt.records)
			}
			if got := parties(res); !slices.Equal(got, tt.recipients) {
				t.Errorf("recipients %q, want %q", got, tt.recipients)
			}
		})
	}
}

func TestFindNotesEachSourceOnce(t *testing.T) {
	res := Find(testRecords(), "BRP")
	want := []Source{{Dataset: "Basisregistratie Personen (BRP)", Source: "Gemeente"}, {Dataset: "BRP", Source: "gemeente"}}
	if !slices.Equal(res.Sources, want) {
		t.Errorf("sources %+v, want %+v", res.Sources, want)
	}
}

func TestWrite(t *testing.T) {
	rep := Report{Result: Find(publish.Records(testRecords()), "BRP"), Desk: "https://voorbeeldstad.example/meldpunt", Lang: "nl", Hidden: 1,
		URL: func(r *record.Record) string { return "https://register.example/" + r.ID }}
	var text bytes.Buffer
	if err := Write(&text, "text", rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Keten van "BRP"`, "Registraties (3)", "  parkeren  Parkeervergunningen (Algoritme)", "https://register.example/parkeren",
		"gebruikt: Basisregistratie Personen (BRP) (Gemeente)",
		"Fout in uw gegevens? Mail Burgerzaken. · duurt ten hoogste 4 weken",
		"Fout in uw gegevens? geen eigen route; meldpunt: https://voorbeeldstad.example/meldpunt",
		"(AVG art. 19) (2)", "  Parkeerbeheer BV (via parkeren, wonen)",
		"Niet openbaar en niet doorzocht: 1 registratie",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "Incassobureau") || strings.Contains(text.String(), "geheim") {
		t.Errorf("the text shows what is not public:\n%s", text.String())
	}
	var js bytes.Buffer
	if err := Write(&js, "json", rep); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Query   string
		Records []struct {
			ID         string
			Recipients []string
			Correction *record.Correction
		}
		Recipients []struct {
			Party   string
			Records []string
		}
		NotPublic int `json:"not_public"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Query != "BRP" || len(got.Records) != 3 || got.Records[0].Correction == nil || got.Records[1].Correction != nil ||
		len(got.Recipients) != 2 || !slices.Equal(got.Recipients[0].Records, []string{"parkeren", "wonen"}) || got.NotPublic != 1 {
		t.Errorf("json = %+v", got)
	}
	if err := Write(&js, "xml", rep); err == nil {
		t.Error("format xml accepted")
	}
}

// The index gives every query the answer Find gives, also for words that
// reach a record only through a sensor it uses, a source or a party.
func TestIndexFindsWhatFindFinds(t *testing.T) {
	all := testRecords()
	public := publish.Records(all)
	queries := []string{"BRP", "brp", "Basisregistratie Personen", "personen basisregistratie", "RDW", "parkeerbeheer bv",
		"Gemeente", "vulgraad", "Vulgraadsensoren", "Containers", "Incassobureau", "Belastingdienst", " - ", ""}
	for _, recs := range [][]*record.Record{all, public, nil} {
		// Every word indexed, the queries' first words alone, and some
		// of them, so that others are asked of an index without them.
		for _, ix := range []*Index{NewIndex(recs), NewIndexFor(recs, queries), NewIndexFor(recs, queries[:3])} {
			for _, q := range queries {
				want, got := Find(recs, q), ix.Find(q)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%q: index found %q %q, Find %q %q", q, ids(got), parties(got), ids(want), parties(want))
				}
			}
		}
	}
}

// words splits as strings.FieldsFunc over strings.ToLower does, whatever
// the text: its quick path for ASCII must not split otherwise.
func TestWordsSplitAsUnicodeSays(t *testing.T) {
	slow := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for _, s := range []string{"", " - ", "BRP", "Basisregistratie Personen (BRP)", "camera-markt_01", "a1b2 C3D4",
		"x\ty\nz", "[RDW]{x}`y`@z", "Zürich Straße", "ÉÉN", "北区 42", "a\xffb", "İstanbul", "ﬁle", "~!@#$%^&*()"} {
		if got, want := words(s), slow(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	f.Add("Basisregistratie Personen (BRP)")
	f.Fuzz(func(t *testing.T, s string) {
		slow := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if got := words(s); !slices.Equal(got, slow) {
			t.Fatalf("words(%q) = %q, want %q", s, got, slow)
		}
	})
}

func TestDatasets(t *testing.T) {
	recs := testRecords()
	recs = append(recs, &record.Record{ID: "extra", Kind: record.Algorithm,
		Datasets: []record.Dataset{{Name: "  kentekenregister "}, {Name: "Basisregistratie  personen (brp)", PersonalData: yes()}, {Name: " ;; "}}})
	got := Datasets(recs)
	want := []Name{
		{Name: "Basisregistratie Personen (BRP)", Personal: true},
		{Name: "BRP"},
		{Name: "Containers"},
		{Name: "Kentekenregister"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Datasets = %+v, want %+v", got, want)
	}
	if got := Datasets(nil); len(got) != 0 {
		t.Errorf("no records: %+v", got)
	}
}
