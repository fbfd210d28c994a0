package natcompare

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

func algorithm(id, name, status, nationalID string) *record.Record {
	r := &record.Record{ID: id, Kind: record.Algorithm, Name: name, Status: status, File: "algorithms/" + id + ".yaml",
		Organisation: record.Organisation{Name: "Gemeente Proef"}}
	if nationalID != "" {
		r.NationalRegister = &record.NationalRegister{ID: nationalID}
	}
	return r
}

// listing is the national register's public listing (its keys as the
// site's overview gives them).
const listing = `{"algoritmes": [
 {"id": "101", "title": "Parkeervergunning   toetsen", "organisatie": "Gemeente Proef", "status": "in_gebruik",
  "doel": "Aanvragen sneller afhandelen.", "juridische_basis": "Wegenverkeerswet", "url": "https://algoritmes.example/101"},
 {"id": "102", "title": "Bijstand risico", "organisatie": "Gemeente Proef", "status": "buiten_gebruik",
  "doel": "Fraude opsporen.", "url": "https://algoritmes.example/102"},
 {"id": "103", "title": "Chatbot", "organisatie": "Gemeente Proef", "status": "in_ontwikkeling", "doel": "Vragen beantwoorden."},
 {"id": "104", "title": "Alleen landelijk", "organisatie": "Gemeente Proef", "status": "in_gebruik", "url": "https://algoritmes.example/104"},
 {"id": "201", "title": "Parkeervergunning toetsen", "organisatie": "Gemeente Elders", "status": "in_gebruik"}
]}`

func TestCompareBothWays(t *testing.T) {
	parkeren := algorithm("parkeren", "Parkeervergunning toetsen", "active", "101")
	parkeren.Purpose = "Aanvragen sneller\n  afhandelen." // the same text, wrapped
	parkeren.LegalBasis = &record.LegalBasis{Law: "Wegenverkeerswet 1994"}
	bijstand := algorithm("bijstand", "Risicomodel bijstand", "active", "102") // renamed here, and still in use
	chatbot := algorithm("chatbot", "Chatbot", "planned", "")                  // no national id yet
	chatbot.Purpose = "Vragen beantwoorden."
	nieuw := algorithm("nieuw", "Nieuw algoritme", "active", "")
	weg := algorithm("weg", "Verwijzing naar niets", "active", "999") // names an entry the file lacks
	geheim := algorithm("geheim", "Bijstand risico", "active", "")
	geheim.Publication = &record.Publication{Public: new(false), Reason: "Woo"}
	cfg := config.Default()
	cfg.Organisation = "Gemeente Proef"
	reg := register.New("", cfg, []*record.Record{parkeren, bijstand, chatbot, nieuw, weg, geheim})

	rep, err := Compare(Input{Register: reg, Name: "algoritmes.json", Data: []byte(listing)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.National != 4 || rep.Others != 1 || rep.Local != 5 || rep.NotPublic != 1 {
		t.Errorf("counts: %d national, %d others, %d local, %d not public; want 4, 1, 5, 1", rep.National, rep.Others, rep.Local, rep.NotPublic)
	}
	diffs := map[string]map[string]Difference{}
	by := map[string]string{}
	for _, m := range rep.Matched {
		by[m.ID] = m.NationalID + "/" + m.By
		diffs[m.ID] = map[string]Difference{}
		for _, d := range m.Differences {
			diffs[m.ID][d.Field] = d
		}
	}
	for id, want := range map[string]string{"parkeren": "101/national_id", "bijstand": "102/national_id", "chatbot": "103/name"} {
		if by[id] != want {
			t.Errorf("%s paired with %q, want %q", id, by[id], want)
		}
	}
	// parkeren: the name differs only in spaces and the purpose only in
	// wrapping, which are no differences; the law differs.
	if d := diffs["parkeren"]; len(d) != 1 || d["legal_basis.law"].National != "Wegenverkeerswet" {
		t.Errorf("parkeren differences = %+v, want only legal_basis.law", d)
	}
	// bijstand: renamed here, in use here and out of use there, and its
	// purpose is empty here.
	if d := diffs["bijstand"]; len(d) != 3 || d["name"].Here != "Risicomodel bijstand" || d["status"].National != "retired" || d["purpose"].National != "Fraude opsporen." {
		t.Errorf("bijstand differences = %+v, want name, status and purpose", d)
	}
	if d := diffs["chatbot"]; len(d) != 0 {
		t.Errorf("chatbot: planned here is in development there; differences %+v", d)
	}
	var missingThere []string
	for _, a := range rep.MissingThere {
		missingThere = append(missingThere, a.ID)
	}
	if strings.Join(missingThere, ",") != "nieuw,weg" {
		t.Errorf("missing nationally = %v, want nieuw and weg (its id names no entry)", missingThere)
	}
	if len(rep.MissingHere) != 1 || rep.MissingHere[0].NationalID != "104" || rep.MissingHere[0].URL != "https://algoritmes.example/104" {
		t.Errorf("missing here = %+v, want entry 104 with its address", rep.MissingHere)
	}

	var text bytes.Buffer
	if err := Write(&text, "text", rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4 entries of Gemeente Proef (1 of other organisations left aside)", "nieuw  Nieuw algoritme", "104  Alleen landelijk",
		`chatbot = national 103 (paired by name; add national_register.id: "103" to the record): the same`, "here:     Risicomodel bijstand"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "geheim") {
		t.Errorf("a record that is not public is named in the report")
	}
	var js bytes.Buffer
	if err := Write(&js, "json", rep); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back.Matched) != 3 {
		t.Errorf("json does not read back (%v): %s", err, js.String())
	}
}

func TestCompareNeedsOrganisationAndEntries(t *testing.T) {
	reg := register.New("", config.Default(), nil)
	if _, err := Compare(Input{Register: reg, Name: "a.json", Data: []byte(listing)}); err == nil || !strings.Contains(err.Error(), "--organisation") {
		t.Errorf("without an organisation: %v", err)
	}
	for _, bad := range []string{"", "[", "{}", `{"algoritmes": [1, 2]}`, strings.Repeat("[", 100000)} {
		if _, err := Compare(Input{Register: reg, Name: "a.json", Data: []byte(bad), Organisation: "Gemeente Proef"}); err == nil {
			t.Errorf("%.20q: no error", bad)
		}
	}
}

// TestCompareRealRegister: a register that imported the real national
// entries of a municipality is the same as the national register, entry for
// entry; one changed text is exactly one difference.
func TestCompareRealRegister(t *testing.T) {
	for file, field := range map[string]string{
		// the listing has the purpose; the first standard's Amsterdam
		// entries leave it empty and have a summary
		"../../../shared/realdata/nl-algoritmeregister-2026/source/algoritmes-sample.json":          "purpose",
		"../../../shared/realdata/minbzk-algoritmeregister-2022/source/algoritmes-v0.1-sample.json": "summary",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Skipf("real data absent: %v", err)
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			res, err := importcsv.ReadJSON(file, data, importcsv.Options{Kind: record.Algorithm, Now: time.Unix(0, 0)})
			if err != nil {
				t.Fatal(err)
			}
			var recs []*record.Record
			for _, r := range res.Records {
				rec := &record.Record{}
				if err := yaml.Unmarshal(r.Data, rec); err != nil {
					t.Fatal(err)
				}
				if rec.Organisation.Name == "Gemeente Amsterdam" {
					rec.File = r.Path
					recs = append(recs, rec)
				}
			}
			if len(recs) < 2 {
				t.Fatalf("%d Amsterdam entries imported", len(recs))
			}
			changed := recs[0].ID
			if field == "purpose" {
				recs[0].Purpose += " Aangevuld."
			} else {
				recs[0].Summary += " Aangevuld."
			}
			cfg := config.Default()
			cfg.Organisation = "Gemeente Amsterdam"
			rep, err := Compare(Input{Register: register.New("", cfg, recs), Name: file, Data: data})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.MissingHere) != 0 || len(rep.MissingThere) != 0 || len(rep.Matched) != len(recs) {
				t.Fatalf("imported entries must all pair: %d matched of %d, missing here %v, missing there %v", len(rep.Matched), len(recs), rep.MissingHere, rep.MissingThere)
			}
			n := 0
			for _, m := range rep.Matched {
				for _, d := range m.Differences {
					n++
					if m.ID != changed || d.Field != field {
						t.Errorf("%s: unexpected difference in %s: %q / %q", m.ID, d.Field, short("en", d.Here), short("en", d.National))
					}
				}
			}
			if n != 1 {
				t.Errorf("%d differences, want exactly the one %s changed", n, field)
			}
		})
	}
}

// A record is paired by its national id whatever the entry's organisation
// is called: register.yaml's "Amsterdam" and the file's "Gemeente
// Amsterdam" are one organisation, and a record that names its entry is
// not missing there. The names' difference is shown; entries of the
// other name that no record names are still left aside.
func TestComparePairsByIDWhateverTheOrganisationIsCalled(t *testing.T) {
	parkeren := algorithm("parkeren", "Parkeervergunning toetsen", "active", "101")
	cfg := config.Default()
	cfg.Organisation = "Proef"
	reg := register.New("", cfg, []*record.Record{parkeren})
	rep, err := Compare(Input{Register: reg, Name: "algoritmes.json", Data: []byte(listing)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.MissingThere) != 0 || len(rep.Matched) != 1 || rep.Matched[0].NationalID != "101" || rep.Matched[0].By != "national_id" {
		t.Fatalf("matched %+v, missing there %+v; want parkeren paired with 101 by its id", rep.Matched, rep.MissingThere)
	}
	var named bool
	for _, d := range rep.Matched[0].Differences {
		named = named || d.Field == "organisation.name" && d.National == "Gemeente Proef"
	}
	if !named {
		t.Errorf("the organisation's other name is not shown: %+v", rep.Matched[0].Differences)
	}
	if len(rep.MissingHere) != 0 || rep.National != 1 || rep.Others != 4 {
		t.Errorf("missing here %+v, %d national, %d others; want none, the 1 entry named and the 4 no record names", rep.MissingHere, rep.National, rep.Others)
	}
}
