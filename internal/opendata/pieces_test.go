package opendata

import (
	"bytes"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// keptMap keeps pieces by record, what and refs, and counts what it made
// and handed back.
type keptMap struct {
	m          map[string][]byte
	kept, hits int
}

func (k *keptMap) key(r *record.Record, what string, refs []string) string {
	return r.ID + "\x00" + what + "\x00" + strings.Join(refs, "\x00")
}

func (k *keptMap) Piece(r *record.Record, what string, refs []string) ([]byte, bool) {
	p, ok := k.m[k.key(r, what, refs)]
	if ok {
		k.hits++
	}
	return p, ok
}

func (k *keptMap) Keep(r *record.Record, what string, refs []string, p []byte) {
	k.m[k.key(r, what, refs)] = p
	k.kept++
}

// TestKeptPieces: each download written with a Pieces, the first time and
// again from what it kept, is byte for byte the download written without
// one; the second time nothing is made anew.
func TestKeptPieces(t *testing.T) {
	recs := decode(t, camMarkt, airSecret, hidden, algo)
	reg := register.New("", config.Default(), recs)
	pub := publish.Register(reg)
	writers := []struct {
		name string
		with func(*bytes.Buffer, Pieces) error
	}{
		{"sensors.csv", func(w *bytes.Buffer, k Pieces) error { return WriteCSVKept(w, record.Sensor, recs, k) }},
		{"algorithms.csv", func(w *bytes.Buffer, k Pieces) error { return WriteCSVKept(w, record.Algorithm, recs, k) }},
		{"sensors.geojson", func(w *bytes.Buffer, k Pieces) error { return WriteGeoJSONKept(w, recs, k) }},
		{"register/1.json", func(w *bytes.Buffer, k Pieces) error { return WritePartKept(w, pub, 1, k) }},
	}
	for _, wr := range writers {
		var want bytes.Buffer
		if err := wr.with(&want, nil); err != nil {
			t.Fatal(err)
		}
		k := &keptMap{m: map[string][]byte{}}
		for run := range 2 {
			var got bytes.Buffer
			if err := wr.with(&got, k); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, run %d: got\n%s\nwant\n%s", wr.name, run, got.String(), want.String())
			}
		}
		if k.kept == 0 || k.hits != k.kept {
			t.Errorf("%s: %d pieces kept, %d handed back", wr.name, k.kept, k.hits)
		}
	}
}
