package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// The national export carries the texts as the record has them: a part
// written as one text comes back without a label, the objection procedure
// follows the human oversight, and the legal basis's links are the
// standard's titled links. What the standard refuses is reported.
func TestNationalExportCarriesTheTexts(t *testing.T) {
	var r record.Record
	if err := yaml.Unmarshal([]byte(`
id: ww
kind: algorithm
name: Wet werk en bijstand
summary: Berekent de bijstand.
status: retired
organisation: {name: Gemeente Rotterdam, type: municipality}
owner: {role: Team inkomen, email: "14 010"}
purpose: Bijstand berekenen.
alternatives: "Het algoritme verwerkt geen informatie die kan leiden tot discriminatie, zoals nationaliteit."
human_oversight: Een consulent controleert elke uitkomst.
objection: Binnen zes weken bezwaar maken bij de gemeente.
risks: {mitigations: "- Periodieke controle; en\n- een tweede lezer."}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Participatiewet, links: ["https://wetten.overheid.nl/BWBR0015703"]}
lifecycle: {start: 2020-01-01}
links: [{url: "http://www.rotterdam.nl/bijstand"}]
publication_category: impactful
`), &r); err != nil {
		t.Fatal(err)
	}
	r.File = "algorithms/ww.yaml"
	e, fs := Algorithm(&r, register.New("", nil, []*record.Record{&r}))
	if e.Proportionality != r.Alternatives {
		t.Errorf("proportionality %q, want the alternatives as written", e.Proportionality)
	}
	if e.Risks != r.Risks.Mitigations {
		t.Errorf("risks %q, want the mitigations as written", e.Risks)
	}
	if want := r.HumanOversight + "\n\nBezwaar en beroep: " + r.Objection; e.HumanIntervention != want {
		t.Errorf("human_intervention %q, want %q", e.HumanIntervention, want)
	}
	if want := []TitledLink{{Title: "https://wetten.overheid.nl/BWBR0015703", Link: "https://wetten.overheid.nl/BWBR0015703"}}; !slices.Equal(e.LawfulBasisGrouping, want) {
		t.Errorf("lawful_basis_grouping %+v", e.LawfulBasisGrouping)
	}
	var got, dutch []string
	for _, f := range fs {
		got = append(got, f.Path+" "+f.Message.In("en"))
		dutch = append(dutch, f.Path+" "+f.Message.In("nl"))
		if f.Help.In("nl") == "" || f.Help.In("nl") == f.Help.In("en") {
			t.Errorf("help of %q has no Dutch: %q", f.Message.In("en"), f.Help.In("nl"))
		}
	}
	for _, want := range []struct{ en, nl string }{
		{`/lifecycle/end the algorithm is out of use, and the national algorithm register asks for the month it went out of use (end_date), which the record does not give`,
			`/lifecycle/end het algoritme is buiten gebruik, en het landelijke algoritmeregister vraagt de maand waarin het buiten gebruik ging (end_date), maar die staat niet in de registratie`},
		{`/owner/email contact_email "14 010" is neither an e-mail address nor an https:// web address, which the national algorithm register requires`,
			`/owner/email contact_email "14 010" is geen e-mailadres en geen webadres dat met https:// begint, en dat vereist het landelijke algoritmeregister`},
		{`/links website "http://www.rotterdam.nl/bijstand" does not start with https://, as the national algorithm register requires`,
			`/links website "http://www.rotterdam.nl/bijstand" begint niet met https://, en dat vereist het landelijke algoritmeregister`},
	} {
		if !slices.Contains(got, want.en) {
			t.Errorf("no finding %q in %q", want.en, got)
		}
		if !slices.Contains(dutch, want.nl) {
			t.Errorf("no finding %q in %q", want.nl, dutch)
		}
	}
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(e); err != nil || !strings.Contains(b.String(), `"lawful_basis_grouping":[{"title"`) {
		t.Errorf("the entry's JSON has no lawful_basis_grouping: %s %v", b.String(), err)
	}

	// Several parts keep their labels, so a reader knows which is which.
	r.Problem = "Te veel handwerk."
	if e, _ := Algorithm(&r, nil); e.Proportionality != "Probleem: Te veel handwerk.\n\nAlternatieven: "+r.Alternatives {
		t.Errorf("proportionality of two parts %q", e.Proportionality)
	}
}
