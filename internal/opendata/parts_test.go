package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// TestIndexAndParts: the site's register.json links parts of PartSize
// records that hold, one after another, exactly the records the whole
// document (WriteJSON) holds, and nothing a record withholds or a record
// that is not public.
func TestIndexAndParts(t *testing.T) {
	for _, extra := range []int{0, 1, PartSize - 3, 2 * PartSize} {
		t.Run(fmt.Sprint(extra), func(t *testing.T) {
			recs := decode(t, camMarkt, airSecret, hidden, algo)
			for i := range extra {
				recs = append(recs, &record.Record{ID: fmt.Sprintf("alg-%05d", i), Kind: record.Algorithm, Name: fmt.Sprintf("Algoritme %d", i)})
			}
			cfg := config.Default()
			cfg.Organisation = "Gemeente Voorbeeldstad"
			reg := register.New("", cfg, recs)
			pub := publish.Register(reg)

			var whole bytes.Buffer
			if err := WriteJSON(&whole, reg); err != nil {
				t.Fatal(err)
			}
			var want struct {
				Records []json.RawMessage `json:"records"`
			}
			if err := json.Unmarshal(whole.Bytes(), &want); err != nil {
				t.Fatal(err)
			}

			var ib bytes.Buffer
			if err := WriteIndex(&ib, pub); err != nil {
				t.Fatal(err)
			}
			var idx Index
			if err := json.Unmarshal(ib.Bytes(), &idx); err != nil {
				t.Fatalf("register.json does not parse: %v", err)
			}
			if idx.Organisation != "Gemeente Voorbeeldstad" || idx.Unpublished != 1 || idx.RecordCount != len(want.Records) {
				t.Errorf("index = %+v, want the organisation, 1 unpublished, %d records", idx, len(want.Records))
			}
			if n := max(1, (len(want.Records)+PartSize-1)/PartSize); len(idx.Parts) != n {
				t.Fatalf("%d parts for %d records, want %d", len(idx.Parts), len(want.Records), n)
			}
			var got []json.RawMessage
			for i, ref := range idx.Parts {
				if want := fmt.Sprintf("register/%d.json", i+1); ref.URL != want || "data/"+ref.URL != PartPath(i+1) {
					t.Errorf("part %d at %q, want %q", i+1, ref.URL, want)
				}
				var pb bytes.Buffer
				if err := WritePart(&pb, pub, i+1); err != nil {
					t.Fatal(err)
				}
				var part struct {
					Part    int               `json:"part"`
					Parts   int               `json:"parts"`
					Index   string            `json:"index"`
					Records []json.RawMessage `json:"records"`
				}
				if err := json.Unmarshal(pb.Bytes(), &part); err != nil {
					t.Fatalf("part %d does not parse: %v", i+1, err)
				}
				if part.Part != i+1 || part.Parts != len(idx.Parts) || part.Index != "../register.json" || part.Records == nil {
					t.Errorf("part %d says part %d of %d, index %q, records %v", i+1, part.Part, part.Parts, part.Index, part.Records == nil)
				}
				if len(part.Records) != ref.Records || len(part.Records) > PartSize {
					t.Errorf("part %d holds %d records, the index says %d", i+1, len(part.Records), ref.Records)
				}
				if strings.Contains(pb.String(), "Geheim") || strings.Contains(pb.String(), "lucht@voorbeeldstad") {
					t.Errorf("part %d carries a hidden record or a withheld field", i+1)
				}
				got = append(got, part.Records...)
			}
			if len(got) != len(want.Records) {
				t.Fatalf("the parts hold %d records, the whole register %d", len(got), len(want.Records))
			}
			for i := range got {
				if !bytes.Equal(bytes.TrimSpace(got[i]), bytes.TrimSpace(want.Records[i])) {
					t.Fatalf("record %d differs:\n%s\nwant\n%s", i, got[i], want.Records[i])
				}
			}
			if err := WritePart(&bytes.Buffer{}, pub, len(idx.Parts)+1); err == nil {
				t.Error("a part beyond the last was written")
			}
		})
	}
}
