package history

import (
	"os"
	"reflect"
	"runtime"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/label"
)

// Each kind of kept file reads back as written, and as nothing when cut
// short anywhere or read under another key.
func TestKeptFilesReadDamageAsNone(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	cs, err := h.Outline("2020-01-01")
	if err != nil {
		t.Fatal(err)
	}
	outline := *cs
	outline.repo = nil
	version, texts := Version{File: "sensors/a.yaml", blob: plumbing.Hash{1}}, []string{"Geheimbedrijf BV", "P28D"}
	diffs := map[diffKey]diffEntry{
		{1}: {JSON: []byte(`[{"path":"/name","op":"changed","old":"a","new":"b"}]`)},
		{2}: {Problem: &fielddiff.Unreadable{Version: fielddiff.OldVersion,
			Found: []fielddiff.Found{{Line: 3, Column: 7, Message: label.Text{"Geheimbedrijf BV is geen geheel getal", "Geheimbedrijf BV is not a whole number"}}}}},
		{3}: {Problem: &fielddiff.Unreadable{Version: fielddiff.NewVersion}},
	}
	for _, kind := range []struct {
		name, header string
		payload      []byte
		read         func(*binread.Reader) (any, bool)
		want         any // what reads back
	}{
		{"outline", outlineHeader, encodeOutline(cs), func(d *binread.Reader) (any, bool) { return decodeOutline(d) }, &outline},
		{"diffs", diffsHeader, encodeDiffs(diffs), func(d *binread.Reader) (any, bool) { return decodeDiffs(d) }, diffs},
		{"version texts", versionTextsHeader, versionTextsPayload([]Version{version}, [][]string{texts}),
			func(d *binread.Reader) (any, bool) { return decodeVersionTexts(d) },
			map[versionKey][]string{{version.blob, version.File}: texts}},
	} {
		key := []byte("tool-1")
		data := keptFile(kind.header, key, kind.payload)
		read := func(data, key []byte) (any, bool) {
			d, ok := openKept(data, kind.header, key)
			if !ok {
				return nil, false
			}
			return kind.read(d)
		}
		got, ok := read(data, key)
		if !ok {
			t.Fatalf("%s: what was written does not read back", kind.name)
		}
		if !reflect.DeepEqual(got, kind.want) {
			t.Errorf("%s: read back %+v, want %+v", kind.name, got, kind.want)
		}
		if _, ok := read(data, []byte("tool-2")); ok {
			t.Errorf("%s: read under another key", kind.name)
		}
		for n := range len(data) {
			if _, ok := read(data[:n], key); ok {
				t.Errorf("%s: cut to %d of %d bytes: read", kind.name, n, len(data))
			}
		}
	}
}

// A kept file larger than any a run writes is not read: it reads as
// nothing kept, and the outline is made afresh.
func TestKeptFileTooLargeIsNotRead(t *testing.T) {
	s := newStory(t)
	if _, kept := outlineOf(t, s, "tool-1", "2020-01-01"); kept {
		t.Fatal("an outline was kept before the first run")
	}
	p := keptOutlineFile(t, s)
	// Sparse: it takes no room on the disk.
	if err := os.Truncate(p, maxKept+1); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, kept := outlineOf(t, s, "tool-1", "2020-01-01"); kept {
		t.Error("an outline was read from a file larger than maxKept")
	}
	runtime.ReadMemStats(&after)
	if read := after.TotalAlloc - before.TotalAlloc; read > maxKept/2 {
		t.Errorf("%d bytes allocated: the file was read", read)
	}
}
