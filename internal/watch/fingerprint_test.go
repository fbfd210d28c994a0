package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testgen"
)

func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sensors/a.yaml", "id: a\n")
	first, err := Fingerprint(root)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change func()
		differ bool
	}{
		{"nothing changed", func() {}, false},
		{"a file outside the register's folders", func() { write("notes.txt", "x") }, false},
		{"an editor's swap file among the records", func() { write("sensors/.a.yaml.swp", "x") }, false},
		{"a hidden folder among the records", func() { write("sensors/.git/x", "x") }, false},
		{"a record's content grew", func() { write("sensors/a.yaml", "id: a\nname: A\n") }, true},
		{"a record was added", func() { write("algorithms/b.yaml", "id: b\n") }, true},
		{"the configuration appeared", func() { write("register.yaml", "organisation: X\n") }, true},
		{"a record was removed", func() { os.Remove(filepath.Join(root, "algorithms", "b.yaml")) }, true},
	}
	prev := first
	for _, s := range steps {
		s.change()
		got, err := Fingerprint(root)
		if err != nil {
			t.Fatal(err)
		}
		if (got != prev) != s.differ {
			t.Errorf("%s: fingerprint changed = %v, want %v", s.name, got != prev, s.differ)
		}
		prev = got
	}
}

// TestFingerprintSymlinkLoop pins that a symlink loop in sensors/ is
// reported, yet the fingerprint still tells changes apart: serve keeps
// rebuilding (it used to stop for good at the first unreadable file).
func TestFingerprintSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	sensors := filepath.Join(root, "sensors")
	if err := os.MkdirAll(sensors, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("lus.yaml", filepath.Join(sensors, "lus.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	before, err := Fingerprint(root)
	if err == nil || !strings.Contains(err.Error(), "lus.yaml") {
		t.Errorf("Fingerprint with a symlink loop: error %v, want it named", err)
	}
	if err := os.WriteFile(filepath.Join(sensors, "a.yaml"), []byte("id: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := Fingerprint(root)
	if err == nil {
		t.Error("the loop is no longer reported")
	}
	if after == before || after == "" {
		t.Error("a new record next to the loop does not change the fingerprint")
	}
	if err := os.Remove(filepath.Join(sensors, "lus.yaml")); err != nil {
		t.Fatal(err)
	}
	fixed, err := Fingerprint(root)
	if err != nil || fixed == after {
		t.Errorf("after removing the loop: error %v, changed %v; want no error and a change", err, fixed != after)
	}
	// A folder that is itself a loop.
	if err := os.RemoveAll(sensors); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sensors", sensors); err != nil {
		t.Fatal(err)
	}
	if fp, err := Fingerprint(root); err == nil || fp == "" {
		t.Errorf("sensors/ as a symlink loop: %q, %v; want a fingerprint and the error", fp, err)
	}
}

// BenchmarkFingerprint is what the fallback does at every interval while
// it waits for an edit: one look at each file of a generated register of
// 10,000 records.
//
//	go test -run '^$' -bench Fingerprint ./internal/watch
func BenchmarkFingerprint(b *testing.B) {
	root, err := testgen.Cached(10000)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fingerprint(root); err != nil {
			b.Fatal(err)
		}
	}
}
