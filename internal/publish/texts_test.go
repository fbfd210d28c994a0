package publish_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// quotingRegister is a register of records that keep things back, and a
// public sensor, "citeert", whose purpose is text.
func quotingRegister(text string) []*record.Record {
	no := false
	point := &record.Point{Lat: 52.101234, Lon: 5.604567}
	return []*record.Record{
		{ID: "cam-verborgen-plek", Kind: record.Sensor, Name: "Camera Stationsplein",
			Location:    &record.Location{Description: "Stationsplein", Point: point},
			Point:       point,
			Supplier:    &record.Supplier{Name: "Acme Vision"},
			Publication: &record.Publication{Withheld: []string{"location.point", "supplier.name"}}},
		{ID: "drone-noord", Kind: record.Sensor, Name: "Geheime drone Noord",
			Publication: &record.Publication{Public: &no, Reason: "Woo 5.1 lid 2 sub d"}},
		{ID: "schuld", Kind: record.Algorithm, Name: "Vroegsignalering",
			Datasets:    []record.Dataset{{Name: "Basisregistratie Personen (BRP)"}, {Name: "Zwartlijst Wanbetalers"}},
			Publication: &record.Publication{Withheld: []string{"datasets"}}},
		{ID: "parkeren", Kind: record.Algorithm, Name: "Parkeervergunningen",
			Datasets: []record.Dataset{{Name: "Basisregistratie Personen (BRP)"}}},
		{ID: "kast", Kind: record.Sensor, Name: "Kastcamera",
			Supplier:    &record.Supplier{Name: "X-12"},
			Publication: &record.Publication{Withheld: []string{"supplier.name"}}},
		{ID: "paal", Kind: record.Sensor, Name: "Paal",
			Location:    &record.Location{Description: "Paal", Point: &record.Point{Lat: 51.987, Lon: 4.321}},
			Point:       &record.Point{Lat: 51.987, Lon: 4.321},
			Publication: &record.Publication{Withheld: []string{"location.point"}}},
		{ID: "citeert", Kind: record.Sensor, Name: "Tellers", Status: "active", Purpose: text},
	}
}

// TestNoTextQuotesAnotherRecordsSecret: what one record withholds, and the
// id and name of a record that is not public, are taken out of every other
// record's texts, in any case, numbers in the forms that pin them down;
// what the register shows in public anyway, and numbers too short to be
// the value, stay.
func TestNoTextQuotesAnotherRecordsSecret(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Naast de camera op 52.1012, 5.6046.", "Naast de camera op niet openbaar, niet openbaar."},
		{"Op 52,101234 noord.", "Op niet openbaar noord."},
		{"Geleverd door ACME VISION bv.", "Geleverd door niet openbaar bv."},
		{"Zie drone-noord, de geheime drone noord.", "Zie niet openbaar, de niet openbaar."},
		{"Leest de zwartlijst wanbetalers.", "Leest de niet openbaar."},
		{"Leest de Basisregistratie Personen (BRP).", "Leest de Basisregistratie Personen (BRP)."},
		{"Rond 52.10 noord, sinds 2026.", "Rond 52.10 noord, sinds 2026."},
		{"Bij het Stationsplein.", "Bij het Stationsplein."},
		// Only whole words: another id that begins alike is no quote.
		{"Zie drone-noordoost en drone-noord2.", "Zie drone-noordoost en drone-noord2."},
		{"Op 52.10123 noord.", "Op niet openbaar noord."},
		{"Acme Vision/drone-noord", "niet openbaar/niet openbaar"},
		// Written with other separators between the words, or none.
		{"Zie de Geheime  Drone-Noord en Drone_Noord.pdf.", "Zie de niet openbaar en niet openbaar.pdf."},
		{"Geleverd door Acme-Vision B.V. en ACMEVISION.", "Geleverd door niet openbaar B.V. en niet openbaar."},
		{"Zie de geheime\tdrone noord.", "Zie de niet openbaar."},
		{"Zie dronenoordoost.", "Zie dronenoordoost."},
		// A secret short without its separators ("X-12" is "x12") is
		// looked for too, as a whole word only, also where a text ends.
		{"Van het type X-12, zoals x12 en X 12.", "Van het type niet openbaar, zoals niet openbaar en niet openbaar."},
		{"Eindigt op X-12", "Eindigt op niet openbaar"},
		{"X-12.", "niet openbaar."},
		{"Zie X-123, AX-12, X-12b en x-1.", "Zie X-123, AX-12, X-12b en x-1."},
		// Written with marks no reader sees, or as a link writes it.
		{"Geleverd door Acme\u200bVision en Acme\u00adVision.", "Geleverd door niet openbaar en niet openbaar."},
		{"Zie https://x.example/?q=Acme+Vision en /Acme%20Vision.pdf", "Zie https://x.example/?q=niet openbaar en /niet openbaar.pdf"},
		// Written with any other character Unicode does not draw (a
		// direction mark, an isolate, a Hangul filler, a tag), another
		// white space or dash, inside a word or around it.
		{"Geleverd door Acme\u202cVision, Acme Vision\u200e en \u2066drone\u2013noord\u2069.", "Geleverd door niet openbaar, niet openbaar\u200e en \u2066niet openbaar\u2069."},
		{"Acme\u3164Vision en Acme\U000E0041Vision, drone\u2014noord, Acme\u1680Vision.", "niet openbaar en niet openbaar, niet openbaar, niet openbaar."},
		{"Zie drone-noord\u200e2.", "Zie drone-noord\u200e2."},
		// In typographic quotes, after a dash or a bullet.
		{"Geleverd door “Acme Vision” en «drone-noord».", "Geleverd door “niet openbaar” en «niet openbaar»."},
		{"Zie „Geheime Drone Noord”, —drone-noord— en •Acme Vision.", "Zie „niet openbaar”, —niet openbaar— en •niet openbaar."},
		// A coordinate written to three decimals, as it is withheld.
		{"Bij 51.987, 4.321.", "Bij niet openbaar, niet openbaar."},
	}
	for _, tt := range tests {
		recs := quotingRegister(tt.text)
		loaded := recs[len(recs)-1]
		pub := publish.Register(register.New("", nil, recs))
		v := pub.ViewOf(loaded)
		if v == nil {
			t.Fatalf("%q: the quoting record is not public", tt.text)
		}
		if v.Purpose != tt.want {
			t.Errorf("view: %q became %q, want %q", tt.text, v.Purpose, tt.want)
		}
		if got := publish.NewViewer(recs).View(loaded).Purpose; got != tt.want {
			t.Errorf("Viewer: %q became %q, want %q", tt.text, got, tt.want)
		}
		if loaded.Purpose != tt.text {
			t.Errorf("the record as loaded was changed: %q", loaded.Purpose)
		}
		if v.Status != "active" || v.ID != "citeert" {
			t.Errorf("%q: structure changed: %s %s", tt.text, v.ID, v.Status)
		}
		scrubbed := tt.want != tt.text
		loaded.File = "sensors/citeert.yaml"
		if q := pub.Quoting(); scrubbed != (len(q) == 1 && q[0].File == loaded.File && slices.Equal(q[0].Fields, []string{"purpose"})) {
			t.Errorf("%q: Quoting() = %v", tt.text, q)
		}
		if pub.Verbatim(loaded) == scrubbed {
			t.Errorf("%q: Verbatim = %v; a file whose text the filter changed is not published as it is", tt.text, !scrubbed)
		}
		src, ok := pub.Source(loaded, []byte("id: citeert\nkind: sensor\nname: Tellers\nstatus: active\npurpose: "+tt.text+"\n"), true)
		if !ok {
			t.Fatalf("%q: no source published", tt.text)
		}
		if !strings.Contains(string(src), tt.want) {
			t.Errorf("source of %q shows:\n%s", tt.text, src)
		}
	}
}

// TestAFindingQuotingAnotherRecordsSecretIsScrubbed: a finding about a
// public record quotes its text; the filter takes out what another record
// withholds, in any case.
func TestAFindingQuotingAnotherRecordsSecretIsScrubbed(t *testing.T) {
	recs := quotingRegister("Geleverd door Acme Vision.")
	pub := publish.Register(register.New("", nil, recs))
	got := pub.FreeText("Zin te lang: 'Geleverd door ACME vision.'", "en")
	if want := "Zin te lang: 'Geleverd door not public.'"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSecretsAreTheSameBuildAfterBuild: what the filter takes out is
// listed in the same order each time, as the site's keys are made of it;
// a record that withholds a whole group holds several values there.
func TestSecretsAreTheSameBuildAfterBuild(t *testing.T) {
	recs := quotingRegister("Tekst.")
	recs[0].Supplier.Conditions = []string{"Vertrouwelijk contract", "Boeteclausule"}
	recs[0].Supplier.ContractEnd = "2030-01-01"
	recs[0].Publication.Withheld = append(recs[0].Publication.Withheld, "supplier")
	first := publish.Register(register.New("", nil, recs)).Hidden()
	if !slices.Contains(first, "Vertrouwelijk contract") || !slices.Contains(first, "drone-noord") {
		t.Fatalf("secrets lack a withheld value or a hidden id: %q", first)
	}
	for range 20 {
		if again := publish.Register(register.New("", nil, recs)).Hidden(); !slices.Equal(again, first) {
			t.Fatalf("secrets differ between builds:\n%q\n%q", first, again)
		}
	}
}

// TestTextsKeptAcrossProcesses: what one build read of the records'
// texts, written and read back in another process, spares that build
// reading the texts of records it knows by ID, for the same secrets and
// salt only. The IDs here stay the same while a text changes, which a
// real ID never does: that is how the test sees what was not read.
func TestTextsKeptAcrossProcesses(t *testing.T) {
	id := func(r *record.Record) ([32]byte, bool) { return [32]byte{byte(len(r.ID))}, true }
	// build returns the purpose the quoting record shows, and what was
	// kept for the next build.
	build := func(text, salt string, more []*record.Record, data []byte) (string, []byte) {
		recs := quotingRegister(text)
		quoting := recs[len(recs)-1]
		k := &publish.TextsKept{Salt: salt, ID: id}
		k.Read(data)
		pub := publish.RegisterKept(register.New("", nil, append(recs, more...)), publish.View, k)
		return pub.ViewOf(quoting).Purpose, k.Bytes()
	}
	plain, data := build("Niets bijzonders.", "v1", nil, nil)
	if plain != "Niets bijzonders." {
		t.Fatalf("first build: %q", plain)
	}
	secret := []*record.Record{{ID: "nieuw", Kind: record.Sensor, Name: "Nieuw geheim", Publication: &record.Publication{Public: new(bool)}}}
	tests := []struct {
		name     string
		salt     string
		more     []*record.Record
		data     []byte
		scrubbed bool
	}{
		{"known, same secrets: not read again", "v1", nil, data, false},
		{"nothing kept", "v1", nil, nil, true},
		{"damaged", "v1", nil, data[:len(data)-3], true},
		{"another program", "v2", nil, data, true},
		{"other secrets", "v1", secret, data, true},
	}
	for _, tt := range tests {
		got, _ := build("Geleverd door Acme Vision.", tt.salt, tt.more, tt.data)
		if scrubbed := got == "Geleverd door niet openbaar."; scrubbed != tt.scrubbed {
			t.Errorf("%s: purpose %q", tt.name, got)
		}
	}
}

// TestTextsKeptReadsDamageAsNothing: what Read is given may be cut short
// or damaged anywhere; it never panics, and what it cannot read whole
// counts as nothing known.
func TestTextsKeptReadsDamageAsNothing(t *testing.T) {
	k := &publish.TextsKept{Salt: "v1", ID: func(r *record.Record) ([32]byte, bool) { return [32]byte{byte(len(r.ID))}, true }}
	publish.RegisterKept(register.New("", nil, quotingRegister("Niets.")), publish.View, k)
	data := k.Bytes()
	for i := range len(data) {
		for _, damaged := range [][]byte{data[:i], append(append([]byte{}, data[:i]...), 0xff, 0xff, 0xff, 0x7f)} {
			r := &publish.TextsKept{}
			r.Read(damaged)
			if got := r.Bytes(); len(got) > len(data) {
				t.Fatalf("read %d damaged bytes into more than was written", len(damaged))
			}
		}
	}
}
