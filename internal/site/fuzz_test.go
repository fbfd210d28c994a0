package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// The manifest and the piece index sit in the site folder, which whoever
// deploys the site can touch, and the kept texts in the user's cache: a
// build reads each back, and must take a damaged one for none rather than
// panic, hang, allocate without bound or keep a file on its word.

// maxFuzzInput keeps each run small: the readers are linear, and what a
// larger input could find a smaller one finds sooner.
const maxFuzzInput = 1 << 16

// damaged reports whether data is good cut short, or good with one run of
// at most four bytes changed: what a disk or a copy does to a file, as
// against a file made up whole.
func damaged(data, good []byte) bool {
	if len(data) < len(good) {
		return bytes.HasPrefix(good, data)
	}
	if len(data) != len(good) || bytes.Equal(data, good) {
		return false
	}
	first, last := -1, -1
	for i := range data {
		if data[i] != good[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return last-first < 4
}

// eachDamage calls check with good cut short at every length and with
// every one of its bits flipped.
func eachDamage(good []byte, check func(data []byte)) {
	for n := range len(good) {
		check(good[:n])
	}
	b := bytes.Clone(good)
	for i := range b {
		for bit := range 8 {
			b[i] ^= 1 << bit
			check(b)
			b[i] ^= 1 << bit
		}
	}
}

// addDamage seeds f with good, and good cut short and with a bit flipped
// at a few places.
func addDamage(f *testing.F, good []byte) {
	f.Add(good)
	for _, n := range []int{0, 1, len(good) / 3, len(good) / 2, len(good) - 1} {
		if n < len(good) {
			f.Add(testbed.Cut(good, n))
		}
	}
	for _, i := range []int{0, len(good) / 4, len(good) / 2, len(good) - 5, len(good) - 1} {
		if i >= 0 {
			f.Add(testbed.Flip(good, i, 1<<(i%8)))
		}
	}
}

// manifestKeys are the keys of the manifest the fuzzing starts from. The
// paths are of distinct lengths, so that damage to a run of a few bytes
// does not turn one into another.
var manifestKeys = map[string]pageKey{
	"index.html":                   {1, 2, 3},
	"en/sensors/cam-markt.html":    {0xfe, 0x80, 0x0a},
	"data/sensors.csv":             {9},
	"nl/algoritmen/a%20b/één.html": {0x0a, 0x20},
}

// manifestMade is the build-wide key it names.
var manifestMade = pageKey{7, 7, 0x0a}

// goodManifest writes the manifest of manifestKeys into dir with the
// package's writer, and returns its bytes.
func goodManifest(t testing.TB, dir string) []byte {
	t.Helper()
	m := &manifest{made: manifestMade}
	for _, p := range slices.Sorted(maps.Keys(manifestKeys)) {
		m.paths = append(m.paths, p)
		m.keys = append(m.keys, manifestKeys[p])
	}
	if err := writeManifest(dir, manifestMade, m.all()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readManifestAsBuilt reads the manifest in dir as a build without a Memo
// reads it (readAhead), and returns the keys it sets and what it read.
func readManifestAsBuilt(t *testing.T, dir string) (map[string]pageKey, manifestSource, *siteFiles) {
	t.Helper()
	var m *Memo
	src := m.manifestIn(dir)
	files := newSiteFiles(src.n + src.n/8)
	files.addManifest(hasCur, src)
	keys := map[string]pageKey{}
	for i, p := range files.paths {
		if s := files.at(int32(i)); s.has&hasCur != 0 {
			keys[p] = s.cur
		}
	}
	return keys, src, files
}

// checkManifestDamage fails t when keys, read of a damaged copy of the
// manifest of manifestKeys, give a path written there the key of another
// path written there. A key the damage made is no page's (keys are
// hashes made with a secret), and a path it made is no file's a build
// writes, so neither can keep a page; and a page's key holds its path,
// so two paths never share one.
func checkManifestDamage(t *testing.T, keys map[string]pageKey) {
	t.Helper()
	for p, k := range keys {
		if w, ok := manifestKeys[p]; ok && k != w && slices.Contains(slices.Collect(maps.Values(manifestKeys)), k) {
			t.Fatalf("the damage gives %s the key of another page", p)
		}
	}
}

// FuzzManifest reads arbitrary bytes as the manifest of a folder a build
// updates, as the build reads it (manifestIn, then addManifest). It pins
// down that the reading never panics; that the count it sizes the site's
// files by is no more than the bytes could hold, so that a file of empty
// lines cannot have it allocate gigabytes; that it takes a manifest whole
// or not at all; that a manifest the package wrote reads back as written;
// and that a damaged one never gives a written path another's key. Paths
// are not checked for being clean: a build looks up only the paths of the
// files it writes and of those it found in the folder, so a path only a
// manifest names is never opened, written or removed.
func FuzzManifest(f *testing.F) {
	dir := f.TempDir()
	good := goodManifest(f, dir)
	addDamage(f, good)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		if err := os.WriteFile(filepath.Join(dir, manifestName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		keys, src, files := readManifestAsBuilt(t, dir)
		if src.n > len(src.lines)/minManifestLine {
			t.Fatalf("%d lines counted in %d bytes", src.n, len(src.lines))
		}
		// What the lines give, the last of a path's lines winning, as
		// addManifest sets them.
		lines := map[string]pageKey{}
		whole := src.lines != nil && eachManifestLine(src.lines, func(p []byte, k pageKey) { lines[string(p)] = k })
		switch taken := files.read&hasCur != 0; {
		case whole != taken:
			t.Fatalf("lines whole %v, manifest taken %v", whole, taken)
		case !whole && len(keys) > 0:
			t.Fatalf("a manifest not taken gives %d keys", len(keys))
		case whole && !maps.Equal(keys, lines):
			t.Fatalf("keys set %v, lines give %v", keys, lines)
		}
		if bytes.Equal(data, good) && (!maps.Equal(keys, manifestKeys) || src.made != manifestMade) {
			t.Fatalf("read back %v under %x, wrote %v under %x", keys, src.made, manifestKeys, manifestMade)
		}
		if damaged(data, good) {
			checkManifestDamage(t, keys)
		}
	})
}

// TestManifestTakesNoDamage: a manifest cut short anywhere, or with any
// one bit flipped, gives no written path another's key.
func TestManifestTakesNoDamage(t *testing.T) {
	dir := t.TempDir()
	eachDamage(goodManifest(t, dir), func(data []byte) {
		if err := os.WriteFile(filepath.Join(dir, manifestName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		keys, _, _ := readManifestAsBuilt(t, dir)
		checkManifestDamage(t, keys)
	})
}

// pieceSite writes a site of three downloads, with fixed times so that
// its index is the same bytes every run, and its piece index with the
// package's writer. It returns the index's bytes and what it says.
func pieceSite(t testing.TB) ([]byte, map[string]*placedFile) {
	t.Helper()
	site := t.TempDir()
	testbed.Write(t, site, map[string]string{
		"data/sensors.csv":     "id,name\ncam-markt,Camera\nlucht-dak,Lucht\n",
		"data/sensors.geojson": `{"type":"FeatureCollection","features":[{"a":1},{"b":2}]}`,
		"register.json":        `{"records":[{"id":"x"}]}`,
	})
	placed := map[string][]placedPiece{
		"data/sensors.csv": {{key: pageKey{1}, off: 8, n: 17}, {key: pageKey{2}, off: 25, n: 16}},
		// A sensor without a feature has a piece of no bytes.
		"data/sensors.geojson": {{key: pageKey{1, 1}, off: 40, n: 7}, {key: pageKey{3}, off: 47, n: 0}, {key: pageKey{2, 2}, off: 48, n: 7}},
		"register.json":        {{key: pageKey{4}, off: 12, n: 10}},
	}
	when := time.Date(2026, 11, 24, 9, 0, 0, 123456789, time.UTC)
	want := map[string]*placedFile{}
	for p, pieces := range placed {
		path := filepath.Join(site, filepath.FromSlash(p))
		if err := os.Chtimes(path, when, when); err != nil {
			t.Fatal(err)
		}
		st, err := os.Lstat(path)
		if err != nil {
			t.Fatal(err)
		}
		want[p] = &placedFile{size: st.Size(), mtime: st.ModTime().UnixNano(), pieces: pieces}
	}
	if err := writePieceIndex(site, placed); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(site, pieceIndexName))
	if err != nil {
		t.Fatal(err)
	}
	return good, want
}

// sealPieces returns b ended with its sum, as the writer ends a piece
// index (pieceSums), so that what follows the check of the sum reads it.
func sealPieces(b []byte) []byte {
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, pieceSums))
}

// readPieceBytes reads data as the piece index in dir.
func readPieceBytes(t *testing.T, dir string, data []byte) map[string]*placedFile {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, pieceIndexName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return readPieceIndex(dir)
}

// checkPlaced fails t when index, read of size bytes, holds more pieces
// than those bytes could, or a piece outside its download: filePieces.read
// allocates a piece's length once the file's size is the index's, and
// reads it there.
func checkPlaced(t *testing.T, index map[string]*placedFile, size int) {
	t.Helper()
	pieces := 0
	for p, f := range index {
		if f == nil {
			t.Fatalf("%q: no pieces", p)
		}
		pieces += len(f.pieces)
		for _, pc := range f.pieces {
			if f.size < 0 || pc.off < 0 || pc.n < 0 || pc.off > f.size || pc.n > f.size-pc.off {
				t.Fatalf("%q of %d bytes: a piece of %d at %d", p, f.size, pc.n, pc.off)
			}
		}
	}
	if pieces > size/len(pageKey{}) {
		t.Fatalf("%d pieces in %d bytes", pieces, size)
	}
}

// samePlaces fails t when got places a piece of a download of want, whose
// file still looks as want says (size and time), elsewhere than want: a
// build would copy the piece from there into the site it publishes.
func samePlaces(t *testing.T, got, want map[string]*placedFile) {
	t.Helper()
	for p, g := range got {
		w := want[p]
		if w == nil || g.size != w.size || g.mtime != w.mtime {
			continue // no file looks so: nothing is copied
		}
		for _, pc := range g.pieces {
			for _, wc := range w.pieces {
				if pc.key == wc.key && pc != wc {
					t.Fatalf("%s: a piece placed %d bytes at %d, written %d at %d", p, pc.n, pc.off, wc.n, wc.off)
				}
			}
		}
	}
}

// FuzzPieceIndex reads arbitrary bytes as the piece index of the current
// site (readPieceIndex), as they are and sealed with the sum the writer
// ends an index with, so that what follows the check of the sum is
// fuzzed too. It pins down that the reader never panics; that it
// allocates no more pieces than the bytes could hold; that every piece it
// gives lies within the size it gives its download; that an index the
// package wrote reads back as written; and that a damaged one never
// places a piece elsewhere than the writer did, which would copy wrong
// bytes into the next build's download. Paths are not checked for being
// clean: a build looks up only the paths of the downloads it writes.
func FuzzPieceIndex(f *testing.F) {
	good, want := pieceSite(f)
	addDamage(f, good)
	// What the writer wrote between the header and the sum, to be sealed.
	f.Add(bytes.Clone(good[len(pieceIndexHeader) : len(good)-crc32.Size]))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		got := readPieceBytes(t, dir, data)
		checkPlaced(t, got, len(data))
		if bytes.Equal(data, good) && !reflect.DeepEqual(got, want) {
			t.Fatalf("read back %v, wrote %v", got, want)
		}
		if damaged(data, good) {
			samePlaces(t, got, want)
		}
		sealed := sealPieces(append([]byte(pieceIndexHeader), data...))
		checkPlaced(t, readPieceBytes(t, dir, sealed), len(sealed))
	})
}

// TestPieceIndexTakesNoDamage: a piece index cut short anywhere, or with
// any one bit flipped, places no piece elsewhere than it was written.
func TestPieceIndexTakesNoDamage(t *testing.T) {
	good, want := pieceSite(t)
	dir := t.TempDir()
	eachDamage(good, func(data []byte) {
		samePlaces(t, readPieceBytes(t, dir, data), want)
	})
}

// FuzzTextsKept reads arbitrary bytes as what a build without a Memo left
// of its reading of the records' texts, in the user's cache, as the next
// build reads it (textsKept). It pins down that the reading never panics;
// that what the package wrote reads back as written; and that whatever it
// takes in, it writes out as it reads it back.
func FuzzTextsKept(f *testing.F) {
	out, state := keptTextsOf(f)
	kept := &publish.TextsKept{Salt: "fuzz", ID: func(r *record.Record) ([sha256.Size]byte, bool) {
		return sha256.Sum256([]byte(r.File)), true
	}}
	publish.RegisterKept(loadFixture(f, fixture), publish.View, kept)
	good := kept.Bytes()
	if len(good) <= len((&publish.TextsKept{}).Bytes()) {
		f.Fatal("the fixture leaves no texts to keep: nothing to start from")
	}
	addDamage(f, good)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		if err := os.WriteFile(state, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var m *Memo
		k := m.textsKept(out, nil)
		if k == nil {
			t.Skip("the program cannot be named, so nothing is kept")
		}
		again := k.Bytes()
		if bytes.Equal(data, good) && !bytes.Equal(again, good) {
			t.Fatalf("read back as\n%q\nwrote\n%q", again, good)
		}
		var k2 publish.TextsKept
		k2.Read(again)
		if b := k2.Bytes(); !bytes.Equal(b, again) {
			t.Fatalf("written as\n%q\nread back as\n%q", again, b)
		}
	})
}

// keptTextsOf makes a site folder for a build and returns it, and where
// the build keeps its reading of the records' texts (outdir.StateFile).
func keptTextsOf(t testing.TB) (out, state string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	state, err := outdir.StateFile(out, "texts")
	if err != nil {
		t.Fatal(err)
	}
	return out, state
}

// TestKeptTextsNotFromAPipe: a named pipe where the kept texts should be
// is not read from, which would hold the build until something wrote to
// it.
func TestKeptTextsNotFromAPipe(t *testing.T) {
	out, state := keptTextsOf(t)
	testbed.Pipe(t, state)
	var m *Memo
	testbed.NoWait(t, state, "reading the kept texts", func() { m.textsKept(out, nil) })
}
