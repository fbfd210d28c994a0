package history

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// fileAndData is an of for VersionTexts that gives a version as its path
// and content.
func fileAndData(v Version) []string { return []string{v.File + ": " + string(v.Data)} }

// TestVersionTextsReadEveryPastVersion: VersionTexts reads each version
// of each record file once, those of a file renamed and of one removed
// since included, and no other file.
func TestVersionTextsReadEveryPastVersion(t *testing.T) {
	tr := newTestRepo(t)
	tr.commit(map[string]string{
		"reg/register.yaml":        "organisation: X\n",
		"reg/sensors/a.yaml":       "id: a\nname: Een\n",
		"reg/sensors/weg.yaml":     "id: weg\nname: Weg\n",
		"reg/algorithms/oud.yaml":  "id: oud\nname: Oud\n",
		"reg/sensors/sub/no.yaml":  "id: no\n",
		"elsewhere/sensors/b.yaml": "id: b\n",
	}, "Anna", "2026-01-10T10:00:00Z", "begin")
	tr.commit(map[string]string{
		"reg/register.yaml":         "organisation: Y\n",
		"reg/sensors/a.yaml":        "id: a\nname: Twee\n",
		"reg/algorithms/nieuw.yaml": "id: oud\nname: Oud\n", // renamed
		"reg/sensors/sub/no.yaml":   "id: no\n",
		"elsewhere/sensors/b.yaml":  "id: b\nname: B\n",
	}, "Anna", "2026-02-10T10:00:00Z", "change; weg removed")
	tr.commit(map[string]string{
		"reg/register.yaml":         "organisation: Y\n",
		"reg/sensors/a.yaml":        "id: a\nname: Een\n", // back to the first version
		"reg/algorithms/nieuw.yaml": "id: oud\nname: Oud\n",
		"reg/sensors/sub/no.yaml":   "id: no\n",
		"elsewhere/sensors/b.yaml":  "id: b\nname: B\n",
	}, "Anna", "2026-03-10T10:00:00Z", "back")
	got, err := tr.open("reg").VersionTexts("", fileAndData)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		// The same content at its new name is a version of that file:
		// what it stands for may depend on the name.
		"algorithms/nieuw.yaml: id: oud\nname: Oud\n",
		"algorithms/oud.yaml: id: oud\nname: Oud\n",
		"sensors/a.yaml: id: a\nname: Een\n",
		"sensors/a.yaml: id: a\nname: Twee\n",
		"sensors/weg.yaml: id: weg\nname: Weg\n",
	}
	if !slices.Equal(got, want) {
		t.Errorf("VersionTexts =\n%q\nwant\n%q", got, want)
	}
}

// TestVersionTextsAreKept: a run reads only the versions that a run
// before it under the same key did not: none at the same HEAD, the new
// one after a commit, all of them under another key (another program or
// organisation) or when what was kept is damaged. What it returns is the
// same either way.
func TestVersionTextsAreKept(t *testing.T) {
	tr := newTestRepo(t)
	tr.commit(map[string]string{
		"sensors/a.yaml": "id: a\nname: Een\n",
		"sensors/b.yaml": "id: b\n",
	}, "Anna", "2026-01-10T10:00:00Z", "begin")
	tr.commit(map[string]string{
		"sensors/a.yaml": "id: a\nname: Twee\n",
		"sensors/b.yaml": "id: b\n",
	}, "Anna", "2026-02-10T10:00:00Z", "rename a")
	run := func(key string) (texts []string, read []string) {
		t.Helper()
		var mu sync.Mutex
		texts, err := tr.open("").VersionTexts(key, func(v Version) []string {
			mu.Lock()
			read = append(read, string(v.Data))
			mu.Unlock()
			return fileAndData(v)
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(read)
		return texts, read
	}
	all := []string{"sensors/a.yaml: id: a\nname: Een\n", "sensors/a.yaml: id: a\nname: Twee\n", "sensors/b.yaml: id: b\n"}
	steps := []struct {
		name     string
		before   func()
		key      string
		want     []string
		wantRead []string
	}{
		{"first run", nil, "v1", all[:3], []string{"id: a\nname: Een\n", "id: a\nname: Twee\n", "id: b\n"}},
		{"same HEAD", nil, "v1", all[:3], nil},
		{"another key", nil, "v2", all[:3], []string{"id: a\nname: Een\n", "id: a\nname: Twee\n", "id: b\n"}},
		{"a new commit", func() {
			tr.commit(map[string]string{
				"sensors/a.yaml": "id: a\nname: Drie\n",
				"sensors/b.yaml": "id: b\n",
			}, "Anna", "2026-03-10T10:00:00Z", "again")
		}, "v2", append([]string{"sensors/a.yaml: id: a\nname: Drie\n"}, all...), []string{"id: a\nname: Drie\n"}},
		{"damaged", func() {
			path := filepath.Join(tr.dir, ".git", "register-history-cache")
			err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Name() == versionTextsName {
					data, _ := os.ReadFile(p)
					data[len(data)/2] ^= 1
					return os.WriteFile(p, data, 0o644)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}, "v2", append([]string{"sensors/a.yaml: id: a\nname: Drie\n"}, all...), []string{"id: a\nname: Drie\n", "id: a\nname: Een\n", "id: a\nname: Twee\n", "id: b\n"}},
		{"nothing kept without a key", nil, "", append([]string{"sensors/a.yaml: id: a\nname: Drie\n"}, all...), []string{"id: a\nname: Drie\n", "id: a\nname: Een\n", "id: a\nname: Twee\n", "id: b\n"}},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		got, read := run(st.key)
		if !slices.Equal(got, st.want) {
			t.Errorf("%s: VersionTexts =\n%q\nwant\n%q", st.name, got, st.want)
		}
		if !slices.Equal(read, st.wantRead) {
			t.Errorf("%s: read versions\n%q\nwant\n%q", st.name, read, st.wantRead)
		}
	}
}
