package importcsv

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

var wholeISODate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// FuzzNormaliseDate feeds the date reader of the import whatever a
// spreadsheet cell may hold: an accepted date is a real YYYY-MM-DD date,
// and reading it again gives it back.
func FuzzNormaliseDate(f *testing.F) {
	for _, s := range []string{"2025-03-01", "1-3-2025", "01/03/2025", "1.3.2025", "1 maart 2025", "31-02-2025", "2025-03", "1-3-25",
		"2025-03-01T10:00:00+01:00", "12 okt. 2024", "   ", "2025/6/31", "99999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := NormaliseDate(s)
		if err != nil {
			return
		}
		if !wholeISODate.MatchString(d) {
			t.Fatalf("NormaliseDate(%q) = %q, not YYYY-MM-DD", s, d)
		}
		if _, err := period.ParseDate(d); err != nil {
			t.Fatalf("NormaliseDate(%q) = %q, not a real date", s, d)
		}
		if again, err := NormaliseDate(d); err != nil || again != d {
			t.Fatalf("NormaliseDate(%q) = %q, again %q, %v", s, d, again, err)
		}
	})
}

// FuzzColumnMap feeds arbitrary mapping files and headers to the column
// map: it must never panic; a mapping it accepts names only fields the
// import can fill, and a spreadsheet read through it makes only records
// with valid ids in their kind's folder.
func FuzzColumnMap(f *testing.F) {
	f.Add([]byte("columns:\n  \"Naam camera\": name\n  Opmerkingen: \"\"\n"), "Naam camera;Opmerkingen", "Camera Markt;x")
	f.Add([]byte("columns:\n  Soort:\n    field: sensor_type\n    values: {\"Optische camera\": camera}\n    unknown: report\ndefaults:\n  status: active\n"), "naam;Soort", "A;Optische camera")
	f.Add([]byte("extends: amsterdam\n"), "Naam;Kies soort / type sensor", "A;B")
	f.Add([]byte("columns: {Bronnen: {field: datasets, separator: \"|\"}}\nrepeat: Bronnen\n"), "naam,Bronnen", "A,x|y")
	f.Add([]byte("defaults: {lifecycle.start: 1-3-2025, quantity: \"3\"}\n"), "naam", "A")
	fields := Fields()
	f.Fuzz(func(t *testing.T, mapping []byte, head, row string) {
		if len(mapping)+len(head)+len(row) > 1<<14 {
			return
		}
		m, err := ParseMapping("map.yaml", mapping)
		if err != nil {
			return
		}
		for h, c := range m.columns {
			if c.path != "" && c.path != "kind" && !slices.Contains(fields, c.path) {
				t.Fatalf("column %q maps to %q, not a field", h, c.path)
			}
		}
		data := []byte(head + "\n" + row + "\n" + strings.ReplaceAll(row, "A", "B") + "\n")
		for _, kind := range record.Kinds {
			res, err := loadable(t, Read)("f.csv", data, Options{Kind: kind, Mapping: m, Now: now})
			if err != nil {
				continue
			}
			for _, r := range res.Records {
				if !record.ValidID(r.ID) || r.Path != r.Kind.Folder()+"/"+r.ID+".yaml" {
					t.Fatalf("record %q at %q", r.ID, r.Path)
				}
			}
		}
	})
}
