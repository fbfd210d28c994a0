package importcsv

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

// FuzzRead feeds arbitrary spreadsheets to the import: it must never panic,
// and every record it makes must have a valid id and a path in its kind's
// folder.
func FuzzRead(f *testing.F) {
	f.Add([]byte("naam;status;startdatum\nTeller;In gebruik;1-3-2025\n"))
	f.Add([]byte("name,id,lat,lon,quantity,mobile\nA,,52,5,3,ja\nB,b-1,x,y,z,misschien\n"))
	f.Add([]byte("\xef\xbb\xbfnaam\tthema\n\"caf\xe9\"\tVerkeer; Wonen\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, kind := range record.Kinds {
			res, err := loadable(t, Read)("f.csv", data, Options{Kind: kind, Now: now})
			if err != nil {
				continue
			}
			for _, r := range res.Records {
				if record.CheckID(r.ID) != nil || r.Path != r.Kind.Folder()+"/"+r.ID+".yaml" {
					t.Fatalf("record %q at %q", r.ID, r.Path)
				}
			}
		}
	})
}
