package principle

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/scaffold"
)

// TestFreshTemplateIsCaughtFieldByField: a record written by `register new`
// and committed as it is fails the checklist at every field the writer
// still has to fill in, each at its own line.
func TestFreshTemplateIsCaughtFieldByField(t *testing.T) {
	want := map[record.Kind][]string{
		record.Sensor: {"/location/description", "/location/point_rd", "/name", "/organisation/name", "/owner/email",
			"/owner/role", "/purpose", "/summary"},
		record.Algorithm: {"/datasets/0/name", "/name", "/organisation/name", "/owner/email", "/owner/role", "/purpose", "/source_code/url", "/summary"},
	}
	for kind, paths := range want {
		t.Run(string(kind), func(t *testing.T) {
			data, err := scaffold.RecordOn(kind, "nieuw", time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			fs := only(t, "placeholder", configFrom(t, "organisation: Gemeente Heidebeek\n"), nil, testToday, string(data))
			var got []string
			lines := map[int]bool{}
			for _, f := range fs {
				got = append(got, f.Path)
				if f.Severity != finding.Error || f.Line == 0 || lines[f.Line] {
					t.Errorf("%s: severity %s at line %d (each field its own line)", f.Path, f.Severity, f.Line)
				}
				lines[f.Line] = true
			}
			slices.Sort(got)
			if !slices.Equal(got, paths) {
				t.Errorf("placeholders at\n %q\nwant\n %q", got, paths)
			}
		})
	}
}

// TestPlaceholderKinds: each kind of mark a template leaves, and what is
// not one.
func TestPlaceholderKinds(t *testing.T) {
	const base = "id: s\nkind: sensor\norganisation: {name: Gemeente Heidebeek, type: municipality}\n"
	tests := []struct {
		name, cfg, yaml string
		want            []want
	}{
		{"the template's words", "", "name: Camera op het plein (vul in)\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 7, `name still holds the template's text "(vul in)"`}}},
		{"the words in capitals", "", "purpose: \"Doel (VUL IN)\"\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 10, `purpose still holds the template's text "(vul in)"`}}},
		{"an example of a new register", "", "location: {description: Sluis (voorbeeld)}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 25, `location.description still holds the template's text "(voorbeeld)"`}}},
		{"the template's mailbox", "", "owner: {role: Toezicht, email: vul-in@gemeente.example}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 32, `owner.email still holds the example address "gemeente.example" of a template`}}},
		{"the template's web address", "", "links:\n  - {title: Besluit, url: \"https://vul-in.example/besluit\"}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 5, 27, `links.0.url still holds the example address "vul-in.example" of a template`}}},
		{"the documentation's municipality in another's register", "organisation: Gemeente Heidebeek\n", "dpia: {status: done, url: \"https://www.voorbeeldstad.example/dpia.pdf\"}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 27, `dpia.url still holds the example address "voorbeeldstad.example"`}}},
		{"the template's position in Rijksdriehoek", "", "location: {description: Markt, point_rd: {x: 155000, y: 463000}}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 42, "location.point_rd still holds the template's position"}}},
		{"the template's position in WGS84", "", "location: {description: Markt, point: {lat: 52.15517, lon: 5.38721}}\n",
			[]want{{"placeholder", "VNG 4.1", finding.Error, 4, 39, "location.point still holds the template's position"}}},
		{"Voorbeeldstad's own addresses in its own register", "organisation: Gemeente Voorbeeldstad\n", "owner: {role: Toezicht, email: toezicht@voorbeeldstad.example}\n", nil},
		{"another party's own example domain", "", "owner: {role: Toezicht, email: meldkamer@politie.example}\n", nil},
		{"a real position near the origin", "", "location: {description: Lieve Vrouwekerkhof, point_rd: {x: 155120, y: 463050}}\n", nil},
		{"a text about an example", "", "summary: Bijvoorbeeld drukte tellen op de markt.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match(t, only(t, "placeholder", configFrom(t, tt.cfg), nil, testToday, base+tt.yaml), tt.want)
		})
	}
	// The Dutch message names the mark, never the field's value (which may
	// be withheld).
	fs := only(t, "placeholder", nil, nil, testToday, base+"owner: {role: Toezicht, email: geheim-vul-in@gemeente.example}\n")
	if len(fs) != 1 || strings.Contains(fs[0].Message.In("nl")+fs[0].Message.In("en"), "geheim") || !strings.Contains(fs[0].Message.In("nl"), "voorbeeldadres") {
		t.Errorf("%+v", fs)
	}
}
