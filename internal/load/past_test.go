package load_test

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
)

// TestPastVersionsStandForWhatTheyKeptSecret: a past version decodes as a
// load decodes its file; one that was not public, or does not read as a
// record at all, stands for the ids and names a text may have named it by.
func TestPastVersionsStandForWhatTheyKeptSecret(t *testing.T) {
	tests := []struct {
		name, file, data string
		public           []bool   // each record's IsPublic
		names            []string // each record's id and name
		withheld         string   // the first record's supplier name, when withheld
	}{
		{"public, withholding its supplier", "sensors/cam-a.yaml",
			"id: cam-a\nname: Camera A\nsupplier:\n  name: Nooitopenbaar BV\npublication:\n  public: true\n  reason: x\n  withheld: [supplier.name]\n",
			[]bool{true}, []string{"cam-a Camera A"}, "Nooitopenbaar BV"},
		{"not public", "sensors/cam-c.yaml",
			"id: cam-c\nname: Geheimenaam Ceeh\npublication:\n  public: false\n  reason: x\n",
			[]bool{false}, []string{"cam-c Geheimenaam Ceeh"}, ""},
		{"not public, its file named otherwise", "sensors/bestand.yaml",
			"id: cam-d\nname: Dee\npublication:\n  public: false\n  reason: x\n",
			[]bool{false, false}, []string{"cam-d Dee", "bestand "}, ""},
		{"a publication block that does not read", "algorithms/alg-e.yaml",
			"id: alg-e\nname: Eeh\npublication:\n  public: misschien\n",
			[]bool{false}, []string{"alg-e Eeh"}, ""},
		{"no YAML", "sensors/kapot.yaml",
			"id: cam-f # kapot\nname: \"Effe Geheim\"\n  summary: [\n",
			[]bool{false, false, false}, []string{"kapot ", " cam-f", " Effe Geheim"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := load.Past(tt.file, []byte(tt.data), "Gemeente Voorbeeldstad")
			var public []bool
			var names []string
			for _, r := range recs {
				public = append(public, r.IsPublic())
				names = append(names, r.ID+" "+r.Name)
			}
			if !slices.Equal(public, tt.public) || !slices.Equal(names, tt.names) {
				t.Errorf("Past = public %v, names %q; want %v, %q", public, names, tt.public, tt.names)
			}
			if got := recs[0]; tt.withheld != "" && (got.Supplier == nil || got.Supplier.Name != tt.withheld || !got.IsWithheld("supplier.name")) {
				t.Errorf("Past lost the withheld supplier %q: %+v", tt.withheld, got.Supplier)
			}
		})
	}
}
