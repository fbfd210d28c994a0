package validate

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
)

// Every kind of schema error is worded in Dutch as well as in English, each
// kind in its own words, with the field and what is allowed; a kind without
// words of its own still says in Dutch that the value does not follow the
// schema.
func TestEveryErrorKindHasDutch(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rat := func(s string) *big.Rat { r, _ := new(big.Rat).SetString(s); return r }
	tests := []struct {
		name string
		at   []string
		kind jsonschema.ErrorKind
		nl   []string // in the Dutch message and help
	}{
		{"required", []string{"owner"}, &kind.Required{Missing: []string{"email"}},
			[]string{`verplicht veld "email" ontbreekt in owner`, `vul "email" in`}},
		{"required, several", nil, &kind.Required{Missing: []string{"kind", "name", "status"}},
			[]string{`verplichte velden "kind", "name" en "status" ontbreken`, "sjabloon"}},
		{"dependent required", []string{"owner"}, &kind.DependentRequired{Prop: "phone", Missing: []string{"email"}},
			[]string{`owner heeft "email" nodig als "phone" is ingevuld`}},
		{"additional properties", []string{"owner"}, &kind.AdditionalProperties{Properties: []string{"zzz"}},
			[]string{`onbekend veld "zzz" in owner`, "haal het weg"}},
		{"false schema", []string{"extra"}, &kind.FalseSchema{}, []string{"veld extra is hier niet toegestaan"}},
		{"property names", nil, &kind.PropertyNames{Property: "Naam"}, []string{`de registratie: veldnaam "Naam" is niet toegestaan`}},
		{"min properties", []string{"owner"}, &kind.MinProperties{Got: 0, Want: 1}, []string{"owner heeft minstens 1 velden nodig, maar heeft er 0"}},
		{"max properties", []string{"owner"}, &kind.MaxProperties{Got: 9, Want: 4}, []string{"owner heeft 9 velden, er zijn er hoogstens 4 toegestaan"}},
		{"type", []string{"capabilities"}, &kind.Type{Got: "string", Want: []string{"array"}},
			[]string{"capabilities moet een lijst zijn, niet tekst", "één item per regel"}},
		{"type, one of two", []string{"count"}, &kind.Type{Got: "boolean", Want: []string{"integer", "null"}},
			[]string{"count moet een geheel getal of leeg zijn, niet true of false", "getal zonder aanhalingstekens"}},
		{"type of the record", nil, &kind.Type{Got: "array", Want: []string{"object"}},
			[]string{"een registratie is een mapping van velden; dit is een lijst", "begin met 'id: ...'"}},
		{"enum", []string{"status"}, &kind.Enum{Got: "actve", Want: []any{"active", "retired"}},
			[]string{`status heeft de waarde "actve", die niet is toegestaan`, `bedoelt u "active"? Toegestaan: active, retired`}},
		{"enum, far off", []string{"status"}, &kind.Enum{Got: "xyzzy", Want: []any{"active", "retired"}},
			[]string{`status heeft de waarde "xyzzy"`, "kies een van: active, retired"}},
		{"const", []string{"version"}, &kind.Const{Got: "1", Want: "2"}, []string{`version moet "2" zijn, niet "1"`, `schrijf "2"`}},
		{"const of kind", []string{"kind"}, &kind.Const{Got: "algorithm", Want: "sensor"},
			[]string{`kind moet "sensor" zijn, niet "algorithm"`, "hoort bij de map"}},
		{"format date", []string{"lifecycle", "start"}, &kind.Format{Got: "2025-02-30", Want: "date"},
			[]string{`lifecycle.start: "2025-02-30" is geen geldige datum (JJJJ-MM-DD)`, "datum die bestaat"}},
		{"format date-time", []string{"at"}, &kind.Format{Got: "gisteren", Want: "date-time"}, []string{`"gisteren" is geen geldige datum en tijd`}},
		{"format duration", []string{"retention"}, &kind.Format{Got: "4 weken", Want: "duration"},
			[]string{`retention: "4 weken" is geen geldige ISO 8601-duur`, "P90D (negentig dagen)"}},
		{"format email", []string{"owner", "email"}, &kind.Format{Got: "jan", Want: "email"}, []string{`owner.email: "jan" is geen geldig e-mailadres`}},
		{"format uri", []string{"links", "0"}, &kind.Format{Got: "www", Want: "uri"}, []string{`links[0]: "www" is geen geldig webadres`, "https://"}},
		{"format of another kind", []string{"ip"}, &kind.Format{Got: "x", Want: "ipv4"},
			[]string{`ip: "x" is geen geldige waarde in het formaat ipv4`, "verbeter de waarde"}},
		{"pattern of an id", []string{"id"}, &kind.Pattern{Got: "Cam_1", Want: "^[a-z0-9]"}, []string{`id "Cam_1" is geen geldig id`, "kleine letters"}},
		{"pattern not blank", []string{"name"}, &kind.Pattern{Got: " ", Want: `\S`}, []string{"name bevat alleen witruimte", "vul het in"}},
		{"pattern of a web address", []string{"url"}, &kind.Pattern{Got: "ftp://x", Want: "^https?://"},
			[]string{`url: "ftp://x" heeft niet de verwachte vorm`, "volledig webadres"}},
		{"pattern of another form", []string{"code"}, &kind.Pattern{Got: "x", Want: "^[0-9]{4}$"}, []string{"beschrijving van het veld"}},
		{"min length 1", []string{"name"}, &kind.MinLength{Got: 0, Want: 1}, []string{"name is leeg"}},
		{"min length", []string{"name"}, &kind.MinLength{Got: 2, Want: 5}, []string{"name is 2 tekens, minder dan 5"}},
		{"max length", []string{"summary"}, &kind.MaxLength{Got: 400, Want: 300}, []string{"summary is 400 tekens, meer dan 300", "maak het korter"}},
		{"minimum", []string{"lat"}, &kind.Minimum{Got: rat("-100"), Want: rat("-90")}, []string{"lat moet minstens -90 zijn, niet -100", "verbeter het getal"}},
		{"maximum", []string{"lat"}, &kind.Maximum{Got: rat("152.5"), Want: rat("90")}, []string{"lat mag hoogstens 90 zijn, niet 152.5"}},
		{"exclusive minimum", []string{"n"}, &kind.ExclusiveMinimum{Got: rat("0"), Want: rat("0")}, []string{"n moet groter zijn dan 0, niet 0"}},
		{"exclusive maximum", []string{"n"}, &kind.ExclusiveMaximum{Got: rat("5"), Want: rat("5")}, []string{"n moet kleiner zijn dan 5, niet 5"}},
		{"multiple of", []string{"n"}, &kind.MultipleOf{Got: rat("7"), Want: rat("5")}, []string{"n moet een veelvoud van 5 zijn, niet 7"}},
		{"min items", []string{"capabilities"}, &kind.MinItems{Got: 0, Want: 1}, []string{"capabilities heeft minstens 1 items nodig, maar heeft er 0"}},
		{"max items", []string{"tags"}, &kind.MaxItems{Got: 12, Want: 10}, []string{"tags heeft 12 items, er zijn er hoogstens 10 toegestaan"}},
		{"unique items", []string{"tags"}, &kind.UniqueItems{Duplicates: [2]int{0, 2}}, []string{"tags noemt hetzelfde item twee keer"}},
		{"contains", []string{"tags"}, &kind.Contains{}, []string{"tags heeft geen item in de vereiste vorm"}},
		{"not", []string{"x"}, &kind.Not{}, []string{"x heeft een waarde die het schema uitsluit"}},
		{"one of, no branch", []string{"location"}, &kind.OneOf{}, []string{"location past bij geen enkele toegestane vorm"}},
		{"a kind without words", []string{"data"}, &kind.ContentEncoding{Want: "base64", Err: errors.New("illegal data")}, []string{"data voldoet niet aan het schema: value is not 'base64' encoded"}},
		{"another kind without words", nil, &kind.MaxContains{Got: []int{0, 1}, Want: 1}, []string{"de registratie voldoet niet aan het schema: max 1 items required"}},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &jsonschema.ValidationError{SchemaURL: base + "sensor.schema.json", InstanceLocation: tt.at, ErrorKind: tt.kind}
			ps := v.problems(e)
			if len(ps) != 1 {
				t.Fatalf("%d problems", len(ps))
			}
			f := worded(finding.Finding{}, ps[0].message, ps[0].help)
			switch {
			case strings.TrimSpace(f.Message.In("nl")) == "", strings.TrimSpace(f.Help.In("nl")) == "":
				t.Fatalf("no Dutch: %q, %q", f.Message.In("nl"), f.Help.In("nl"))
			case f.Message.In("nl") == f.Message.In("en"), f.Help.In("nl") == f.Help.In("en"):
				t.Errorf("the Dutch is the English: %q, %q", f.Message.In("nl"), f.Help.In("nl"))
			}
			for _, w := range tt.nl {
				if !strings.Contains(f.Message.In("nl")+"\n"+f.Help.In("nl"), w) {
					t.Errorf("Dutch lacks %q:\n%s\n%s", w, f.Message.In("nl"), f.Help.In("nl"))
				}
			}
			if other, ok := seen[f.Message.In("nl")]; ok {
				t.Errorf("%q says what %q says: %q", tt.name, other, f.Message.In("nl"))
			}
			seen[f.Message.In("nl")] = tt.name
		})
	}
}

// Every text of the schema findings is written in both languages with the
// same arguments.
func TestTextsHaveBothLanguages(t *testing.T) {
	for _, m := range message.All() {
		if err := m.Check(); err != nil {
			t.Error(err)
		}
	}
}
