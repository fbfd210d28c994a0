package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// chainJSON runs register chain with --format json and decodes the ids of
// the records and the recipients it names.
func chainJSON(t *testing.T, args ...string) (records, recipients []string, notPublic int) {
	t.Helper()
	out, errOut, code := run(t, append([]string{"chain", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var got struct {
		Records []struct {
			ID string `json:"id"`
		} `json:"records"`
		Recipients []struct {
			Party string `json:"party"`
		} `json:"recipients"`
		NotPublic int `json:"not_public"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, r := range got.Records {
		records = append(records, r.ID)
	}
	for _, r := range got.Recipients {
		recipients = append(recipients, r.Party)
	}
	return records, recipients, got.NotPublic
}

// The bundled register's story: five algorithms use the BRP, and their data
// goes to four recipients that must hear of a correction.
func TestChainOnTheBundledRegister(t *testing.T) {
	tests := []struct {
		args       []string
		records    []string
		recipients []string
		notPublic  int
	}{
		{[]string{"--root", "../../register", "BRP"},
			[]string{"leerlingenvervoer", "parkeervergunningen", "risicosignalen-bijstand", "vroegsignalering-schulden", "woningtoewijzing"},
			[]string{"Vervoerder leerlingenvervoer (Regiotaxi Vallei)", "Parkeerbeheer Vallei BV", "Woningcorporaties Voorbeeldstad (Thuis in de Vallei en Woonstichting De Meent)", "Energie- en drinkwaterbedrijven in de regio"},
			1},
		{[]string{"--root", "../../register", "politie"},
			[]string{"cam-uitgaansgebied-grote-markt"},
			[]string{"Politie, basisteam Voorbeeldstad"}, 1},
		{[]string{"--root", "../../register", "druktemeters-binnenstad"},
			[]string{"drukteverwachting-binnenstad"}, nil, 1},
		{[]string{"--root", "../../register", "--internal", "BRP"},
			[]string{"leerlingenvervoer", "parkeervergunningen", "risicosignalen-bijstand", "vroegsignalering-schulden", "woningtoewijzing"},
			[]string{"Vervoerder leerlingenvervoer (Regiotaxi Vallei)", "Parkeerbeheer Vallei BV", "Woningcorporaties Voorbeeldstad (Thuis in de Vallei en Woonstichting De Meent)", "Energie- en drinkwaterbedrijven in de regio"},
			0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[2:], " "), func(t *testing.T) {
			recs, parties, hidden := chainJSON(t, tt.args...)
			if !slices.Equal(recs, tt.records) {
				t.Errorf("records %q, want %q", recs, tt.records)
			}
			if !slices.Equal(parties, tt.recipients) {
				t.Errorf("recipients %q, want %q", parties, tt.recipients)
			}
			if hidden != tt.notPublic {
				t.Errorf("not public %d, want %d", hidden, tt.notPublic)
			}
		})
	}
}

func TestChainUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"chain"}, "accepts 1 arg"},
		{[]string{"chain", "--root", "../../register", "--format", "csv", "BRP"}, "unknown format"},
		{[]string{"chain", "--root", "../../register", "--", "--"}, "name a dataset or party"},
		{[]string{"chain", "--root", "geen-register", "BRP"}, "geen-register"},
	} {
		_, errOut, code := run(t, append([]string{tt.args[0], "--lang", "en"}, tt.args[1:]...)...)
		if code != ExitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// The text names the route and the recipients in Dutch, and a record that
// is not public only by count.
func TestChainText(t *testing.T) {
	out, _, code := run(t, "chain", "--root", "../../register", "--lang", "nl", "RDW")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`Keten van "RDW"`, "anpr-milieuzone", "deelt met: RDW", "Fout in uw gegevens?", "(AVG art. 19)", "Niet openbaar en niet doorzocht: 1 registratie"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "rioolgemaal") {
		t.Errorf("the text names a record that is not public:\n%s", out)
	}
}
