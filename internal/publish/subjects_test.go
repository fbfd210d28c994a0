package publish_test

import (
	"fmt"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// subjectRegister has a public camera, a public algorithm that withholds
// its supplier, and a camera that is not public.
func subjectRegister(show bool) *publish.Public {
	no := false
	cfg := &config.Config{}
	cfg.Site.ShowCommitSubjects = show
	return publish.Register(register.New("", cfg, []*record.Record{
		{ID: "cam-a", Kind: record.Sensor, Name: "Camera Markt"},
		{ID: "alg-b", Kind: record.Algorithm, Name: "Toeslag", Supplier: &record.Supplier{Name: "Zqfsecretsup BV"},
			Publication: withholding("supplier.name")},
		{ID: "cam-geheim", Kind: record.Sensor, Name: "Geheime Kelvincamera", Publication: &record.Publication{Public: &no, Reason: "Woo"}},
	}))
}

// TestSubjectsFailClosed: without site.show_commit_subjects no subject
// reaches a public output, whatever it says.
func TestSubjectsFailClosed(t *testing.T) {
	p := subjectRegister(false)
	if p.ShowsSubjects() {
		t.Error("subjects shown by default")
	}
	for _, s := range []string{"Camera verplaatst", "zqfsecretsup BV", ""} {
		if got := p.Subject(s, "nl"); got != "" {
			t.Errorf("Subject(%q) = %q, want nothing", s, got)
		}
	}
	var none publish.Public
	if none.Subject("tekst", "en") != "" {
		t.Error("a public view without a configuration shows subjects")
	}
}

// TestSubjectsAreScrubbedRegisterWide: a commit touches several records, so
// a subject loses the withheld values of every record and the ids and
// names of every record that is not public, in any case.
func TestSubjectsAreScrubbedRegisterWide(t *testing.T) {
	p := subjectRegister(true)
	tests := []struct {
		lang, subject, want string
	}{
		{"nl", "Camera Markt verplaatst", "Camera Markt verplaatst"},
		{"nl", "Leverancier Zqfsecretsup BV ook bij cam-a", "Leverancier niet openbaar ook bij cam-a"},
		{"nl", "zqfsecretsup bv in kleine letters", "niet openbaar in kleine letters"},
		{"en", "ZQFSECRETSUP BV shouting", "not public shouting"},
		{"nl", "cam-geheim en CAM-GEHEIM weg", "niet openbaar en niet openbaar weg"},
		// The Kelvin sign (three bytes) is a capital K: the offsets stay right.
		{"nl", "Geheime \u212aelvincamera naast Toeslag", "niet openbaar naast Toeslag"},
		// Two secrets that meet become one replacement.
		{"en", "cam-geheimZqfsecretsup BV!", "not public!"},
		{"nl", "geen geheimen", "geen geheimen"},
		{"nl", "   ", ""},
	}
	for _, tt := range tests {
		if got := p.Subject(tt.subject, tt.lang); got != tt.want {
			t.Errorf("Subject(%q, %s) = %q, want %q", tt.subject, tt.lang, got, tt.want)
		}
	}
}

// TestSubjectsForgetNoRemovedRecord: a record removed from the register may
// still be named in a subject; AlsoScrub, even after subjects were shown,
// keeps its id and name out when it was not public, and its withheld
// values whether or not it was.
func TestSubjectsForgetNoRemovedRecord(t *testing.T) {
	no := false
	p := subjectRegister(true)
	if got := p.Subject("cam-weg weg", "nl"); got != "cam-weg weg" {
		t.Fatalf("Subject = %q before the removed record is known", got)
	}
	p.AlsoScrub(&record.Record{ID: "cam-weg", Name: "Oude Camera", Publication: &record.Publication{Public: &no}})
	p.AlsoScrub(&record.Record{ID: "cam-oud", Kind: record.Sensor, Name: "Open Camera", Supplier: &record.Supplier{Name: "Geheimbouw"}, Publication: withholding("supplier")})
	for subject, want := range map[string]string{
		"CAM-WEG en oude camera weg":           "niet openbaar en niet openbaar weg",
		"cam-oud (Open Camera) van geheimbouw": "cam-oud (Open Camera) van niet openbaar",
	} {
		if got := p.Subject(subject, "nl"); got != want {
			t.Errorf("Subject(%q) = %q, want %q", subject, got, want)
		}
	}
}

// TestSubjectsForgetNoPastVersion: the versions the history holds take
// their secrets out of subjects: what a version withheld, whether it was
// public or not, and the id and name of one that was not public, even
// where a secret of now sits inside one of then. Other free texts (a
// reason) keep to the register as it is now.
func TestSubjectsForgetNoPastVersion(t *testing.T) {
	no := false
	p := subjectRegister(true)
	p.AlsoScrubFromSubjects(publish.PastSecrets([]*record.Record{
		{ID: "cam-a", Kind: record.Sensor, Name: "Camera Markt", Supplier: &record.Supplier{Name: "Nooitopenbaar BV"}, Publication: withholding("supplier.name")},
		{ID: "cam-weg", Kind: record.Sensor, Name: "Verwijderdgeheim Eeh", Publication: &record.Publication{Public: &no, Reason: "x"}},
		{ID: "alg-b", Kind: record.Algorithm, Name: "Geheime Kelvincamera Toeslag", Publication: &record.Publication{Public: &no, Reason: "x"}},
		{ID: "cam-a", Kind: record.Sensor, Name: "Oude Marktnaam", Publication: &record.Publication{Public: &no, Reason: "x"}},
		nil,
	}))
	tests := []struct{ subject, want string }{
		{"Voeg cam-weg Verwijderdgeheim Eeh toe", "Voeg niet openbaar niet openbaar toe"},
		{"Leverancier NOOITOPENBAAR bv", "Leverancier niet openbaar"},
		{"Hernoem geheime kelvincamera toeslag", "Hernoem niet openbaar"},
		{"Camera Markt verplaatst", "Camera Markt verplaatst"},
		// A record public now keeps its id and name in subjects, though
		// it was not public once; the name it had then goes.
		{"Maak cam-a openbaar, eerst Oude Marktnaam", "Maak cam-a openbaar, eerst niet openbaar"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := p.Subject(tt.subject, "nl"); got != tt.want {
			t.Errorf("Subject(%q) = %q, want %q", tt.subject, got, tt.want)
		}
	}
	if got := p.FreeText("Was Nooitopenbaar BV", "nl"); got != "Was Nooitopenbaar BV" {
		t.Errorf("FreeText = %q: a past version's secret reached a text written now", got)
	}
}

// TestFreeTextGathersTheSecretsOnce: a register with nothing to hide (as
// the downloads' views are, their withheld values gone already) gathers
// its secrets once, not again for every text it shows: once per text was
// a pass over every record for each record's reason, 20 s of a
// 100,000-record build.
func TestFreeTextGathersTheSecretsOnce(t *testing.T) {
	var recs []*record.Record
	for i := range 100 {
		recs = append(recs, &record.Record{ID: fmt.Sprint("cam-", i), Kind: record.Sensor, Name: "Camera", Publication: withholding("supplier.name")})
	}
	p := publish.Register(register.New("", &config.Config{}, recs))
	const reason = "Woo art. 5.1"
	if got := p.FreeText(reason, "nl"); got != reason {
		t.Fatalf("FreeText(%q) = %q, want it as it is", reason, got)
	}
	if n := testing.AllocsPerRun(10, func() { p.FreeText(reason, "nl") }); n != 0 {
		t.Errorf("FreeText allocated %v times a call with nothing to replace: it gathers the register's secrets again", n)
	}
}

// TestReasonsLeaveWordsThatMerelyHoldASecret: a short withheld value (a
// count, a country) is taken out of its own record's reason where it
// stands as a word, and out of no word it is merely part of ("7" in
// "2017", "FR" in "infrastructuur"): what was left of the word would tell
// the secret. Another record's reason keeps it: short values are in any
// text by chance.
func TestReasonsLeaveWordsThatMerelyHoldASecret(t *testing.T) {
	reason := "Woo 5.1 lid 2 onder i (besluit 2017, infrastructuur); 7 palen van FR"
	own := &record.Record{ID: "lucht", Kind: record.Sensor, Name: "Luchtmeter", Quantity: 7,
		Vendor:      &record.Vendor{Country: "FR"},
		Publication: &record.Publication{Withheld: []string{"quantity", "vendor.country"}, Reason: reason}}
	other := &record.Record{ID: "ander", Kind: record.Sensor, Name: "Ander",
		Publication: &record.Publication{Withheld: []string{"supplier"}, Reason: reason}}
	p := publish.Register(register.New("", &config.Config{}, []*record.Record{own, other}))
	tests := []struct {
		r    *record.Record
		want string
	}{
		{own, "Woo 5.1 lid 2 onder i (besluit 2017, infrastructuur); niet openbaar palen van niet openbaar"},
		{other, reason},
	}
	for _, tt := range tests {
		if got := p.Reason(tt.r, "nl"); got != tt.want {
			t.Errorf("reason of %s = %q, want %q", tt.r.ID, got, tt.want)
		}
	}
}
