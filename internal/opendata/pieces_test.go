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
	k.m[k.key(r, what, refs)] = bytes.Clone(p)
	k.kept++
}

// keptWriter writes one download with a Pieces; pieces is how many pieces
// it is made of.
type keptWriter struct {
	name   string
	with   func(*bytes.Buffer, Pieces) error
	pieces int
}

// keptWriters are the downloads made of pieces, of a register of two
// sensors, one not public, and an algorithm.
func keptWriters(t *testing.T) []keptWriter {
	recs := decode(t, camMarkt, airSecret, hidden, algo)
	pub := publish.Register(register.New("", config.Default(), recs))
	return []keptWriter{
		{"sensors.csv", func(w *bytes.Buffer, k Pieces) error { return WriteCSVKept(w, record.Sensor, recs, k) }, 2},
		{"algorithms.csv", func(w *bytes.Buffer, k Pieces) error { return WriteCSVKept(w, record.Algorithm, recs, k) }, 1},
		{"sensors.geojson", func(w *bytes.Buffer, k Pieces) error { return WriteGeoJSONKept(w, recs, k) }, 2}, // the other sensor withholds its position: an empty piece
		{"register/1.json", func(w *bytes.Buffer, k Pieces) error { return WritePartKept(w, pub, 1, k) }, 3},
	}
}

// TestKeptPieces: each download written with a Pieces, the first time and
// again from what it kept, is byte for byte the download written without
// one; the second time nothing is made anew.
func TestKeptPieces(t *testing.T) {
	for _, wr := range keptWriters(t) {
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

// keptPlaces keeps where each piece went in the download written last,
// and hands back the bytes there: a Placer, as a site that keeps its
// downloads' pieces in the downloads.
type keptPlaces struct {
	keys       keptMap
	last       []byte              // the download written last
	at, placed map[string][2]int64 // piece → offset and length, in last and in the one being written
	hits       int
}

func (k *keptPlaces) Piece(r *record.Record, what string, refs []string) ([]byte, bool) {
	s, ok := k.at[k.keys.key(r, what, refs)]
	if !ok {
		return nil, false
	}
	k.hits++
	return k.last[s[0] : s[0]+s[1]], true
}

func (k *keptPlaces) Keep(*record.Record, string, []string, []byte) {}

func (k *keptPlaces) Placed(r *record.Record, what string, refs []string, off int64, n int) {
	k.placed[k.keys.key(r, what, refs)] = [2]int64{off, int64(n)}
}

// TestPlacedPieces: a Placer is told where each piece went, so that the
// next download, made of the bytes found there, is the download written
// without one, byte for byte, and every piece is found.
func TestPlacedPieces(t *testing.T) {
	for _, wr := range keptWriters(t) {
		var want bytes.Buffer
		if err := wr.with(&want, nil); err != nil {
			t.Fatal(err)
		}
		k := &keptPlaces{at: map[string][2]int64{}}
		for run := range 2 {
			k.placed = map[string][2]int64{}
			var got bytes.Buffer
			if err := wr.with(&got, k); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, run %d: got\n%s\nwant\n%s", wr.name, run, got.String(), want.String())
			}
			if len(k.placed) != wr.pieces {
				t.Errorf("%s, run %d: %d pieces placed, want %d", wr.name, run, len(k.placed), wr.pieces)
			}
			k.last, k.at = got.Bytes(), k.placed
		}
		if k.hits != wr.pieces {
			t.Errorf("%s: %d pieces found again, want %d", wr.name, k.hits, wr.pieces)
		}
	}
}
