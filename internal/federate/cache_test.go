package federate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testgen"
)

// A register taken out of federation.yaml leaves nothing in the cache: the
// next run removes its part, the reason it failed and its fetched copy,
// and reads the registers still listed from the cache as before.
func TestRunForgetsRegistersNoLongerListed(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"a", "b", "c"} {
		if err := testgen.Write(filepath.Join(dir, name), 12, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	list := "registers:\n  - {organisation: Gemeente a, code: GM0001, source: a}\n  - {organisation: Gemeente b, code: GM0002, source: b}\n"
	write(t, filepath.Join(dir, "federation.yaml"), list+
		"  - {organisation: Gemeente c, code: GM0003, source: c}\n  - {organisation: Gemeente d, code: GM0004, source: ontbreekt}\n")
	cache := filepath.Join(dir, "cache")
	run := func() *Result {
		t.Helper()
		fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Cache: cache, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if r := run(); len(r.Parts) != 3 || len(r.Failed) != 1 {
		t.Fatalf("first run: %d read, %d failed", len(r.Parts), len(r.Failed))
	}
	// What a fetch of c left, and what a run that stopped half-way did.
	write(t, filepath.Join(cache, "fetched", "GM0003.json"), "{}")
	write(t, filepath.Join(cache, "fetched", "GM0003", ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(cache, "parts", ".GM0003.tmp-123", partMeta), "{}")
	write(t, filepath.Join(cache, "parts", "GM0003.old", partMeta), "{}")
	write(t, filepath.Join(cache, "parts", "LEESMIJ.txt"), "not the cache's\n")
	if got := entries(t, filepath.Join(cache, "parts")); !slices.Equal(got, []string{".GM0003.tmp-123", "GM0001", "GM0002", "GM0003", "GM0003.old", "GM0004.failed", "LEESMIJ.txt"}) {
		t.Fatalf("cache before: %q", got)
	}

	write(t, filepath.Join(dir, "federation.yaml"), list)
	r := run()
	if len(r.Parts) != 2 || r.Reused != 2 || len(r.Failed) != 0 {
		t.Errorf("after removing c and d: %d read, %d reused, %d failed; want 2, 2, 0", len(r.Parts), r.Reused, len(r.Failed))
	}
	if got := entries(t, filepath.Join(cache, "parts")); !slices.Equal(got, []string{"GM0001", "GM0002", "LEESMIJ.txt"}) {
		t.Errorf("parts left in the cache: %q; want a's, b's and the file the cache did not write", got)
	}
	if got := entries(t, filepath.Join(cache, "fetched")); len(got) != 0 {
		t.Errorf("fetched copies left in the cache: %q", got)
	}
	if text := allText(t, filepath.Join(dir, "out")); strings.Contains(text, "Gemeente c") || strings.Contains(text, "GM0004") {
		t.Error("the national site still shows a register no longer listed")
	}
}

// A fetched copy stays only while its register's source is one that is
// fetched, of that form: a clone for a clone URL, register.json for open
// data.
func TestPruneCacheKeepsWhatSourcesNeed(t *testing.T) {
	cache := t.TempDir()
	for _, f := range []string{
		"GM0001/.git/HEAD", "GM0001.json", // clone URL
		"GM0002/.git/HEAD", "GM0002.json", ".GM0002.json.download-9", // open data URL
		"GM0003/.git/HEAD", "GM0003.json", // now a local folder
		"GM0004/.git/HEAD", ".GM0004.clone-7/HEAD", // no longer listed
		"gm0005.json", "notes.txt", // names the cache does not give
	} {
		write(t, filepath.Join(cache, "fetched", filepath.FromSlash(f)), "x")
	}
	members := []Member{
		{Code: "GM0001", Source: "https://forge.example/gm/register.git"},
		{Code: "GM0002", Source: "https://register.example/data/register.json"},
		{Code: "GM0003", Source: "registers/drie"},
	}
	if err := pruneCache(cache, members); err != nil {
		t.Fatal(err)
	}
	want := []string{".GM0002.json.download-9", "GM0001", "GM0002.json", "gm0005.json", "notes.txt"}
	if got := entries(t, filepath.Join(cache, "fetched")); !slices.Equal(got, want) {
		t.Errorf("fetched after pruning: %q, want %q", got, want)
	}
	// An empty cache, or none, is nothing to prune.
	if err := pruneCache(filepath.Join(cache, "nothing"), members); err != nil {
		t.Errorf("no cache: %v", err)
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
