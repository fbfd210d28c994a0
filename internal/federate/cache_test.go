package federate

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
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

// TestMergeTakesOnlyThisVersionsParts: a merge builds the site from parts
// this version made for the registers as federation.yaml gives them now. A
// part made by another version (which may publish what this one keeps
// out: a withheld field, records that share an id), or for another entry
// of federation.yaml, and a reason a shard kept that is not this
// version's (a path of the machine in its text), are refused: the
// register is reported as not read, with the file of the cache and what
// to do, and nothing of them reaches the site.
func TestMergeTakesOnlyThisVersionsParts(t *testing.T) {
	rec := func(id, extra string) string {
		return `{"id": "` + id + `", "kind": "sensor", "name": "Camera ` + id + `"` + extra + `}`
	}
	openData := `{"organisation": "Gemeente Od", "records": [` + rec("cam-a", "") + `,` +
		rec("cam-piont", `, "location": {"point_rd": {"x": 155100, "y": 463100}}, "publication": {"reason": "Woo 5.1", "withheld": ["location.piont"]}`) + `,` +
		rec("cam-x", "") + `,` + rec("cam-x", "") + `]}`
	// What an older version left: the records this one keeps out, a key of
	// another cache version, and a reason worded with the machine's path.
	olderPart := func(t *testing.T, cache string) {
		part := filepath.Join(cache, "parts", "GM0002")
		meta, err := os.ReadFile(filepath.Join(part, partMeta))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(meta, &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "source_key")
		m["key"] = fmt.Sprintf("%x", sha256.Sum256([]byte("federate-part-7\x00open_data\x00...")))
		m["records"] = 4
		meta, _ = json.Marshal(m)
		write(t, filepath.Join(part, partMeta), string(meta))
		write(t, filepath.Join(part, partRecords), `{"municipality":{"code":"GM0002"},"id":"cam-piont","location":{"point_rd":{"x":155100,"y":463100}}}`+"\n"+
			`{"municipality":{"code":"GM0002"},"id":"cam-x"}`+"\n"+`{"municipality":{"code":"GM0002"},"id":"cam-x"}`+"\n")
		write(t, filepath.Join(part, partSearch), "cam-x\tcamera\tactive\tCamera cam-x\ncam-x\tcamera\tactive\tCamera cam-x\n")
	}
	olderReason := func(t *testing.T, cache string) {
		why := filepath.Join(filepath.Dir(cache), "utrecht")
		write(t, filepath.Join(cache, "parts", "GM0003"+failedSuffix), `{"en":"`+why+` is not a folder: give the register's folder, a clone URL or its register.json","nl":"`+why+` is geen map"}`)
	}
	for _, tt := range []struct {
		name   string
		before func(t *testing.T, cache string)
		entry  string // GM0002's entry in federation.yaml at the merge
		stale  []string
	}{
		{"this version's parts", nil, "", nil},
		{"an older version's part", olderPart, "", []string{"GM0002"}},
		{"an older version's reason", olderReason, "", []string{"GM0003"}},
		{"both", func(t *testing.T, cache string) { olderPart(t, cache); olderReason(t, cache) }, "", []string{"GM0003", "GM0002"}},
		{"a part for another entry", nil, "{organisation: Gemeente Od, code: GM0002, province: Utrecht, source: ../elders/register.json}", []string{"GM0002"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			fedDir, cache := filepath.Join(dir, "fed"), filepath.Join(dir, "cache")
			write(t, filepath.Join(dir, "od", "data", "register.json"), openData)
			yaml := func(entry string) string {
				return "registers:\n  - {organisation: Gemeente Utrecht, code: GM0003, province: Utrecht, source: ../utrecht}\n  - " +
					cmp.Or(entry, "{organisation: Gemeente Od, code: GM0002, province: Utrecht, source: ../od/data/register.json}") + "\n"
			}
			write(t, filepath.Join(fedDir, "federation.yaml"), yaml(""))
			fed, err := LoadConfig(filepath.Join(fedDir, "federation.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Run(fed, Options{Out: filepath.Join(dir, "shard"), Cache: cache, Today: today, Province: "Utrecht"}); err != nil {
				t.Fatal(err)
			}
			if tt.before != nil {
				tt.before(t, cache)
			}
			write(t, filepath.Join(fedDir, "federation.yaml"), yaml(tt.entry))
			if fed, err = LoadConfig(filepath.Join(fedDir, "federation.yaml")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "site")
			res, err := Run(fed, Options{Out: out, Cache: cache, Today: today, Merge: true})
			if err != nil {
				t.Fatal(err)
			}
			var stale []string
			for _, f := range res.Failed {
				if !strings.Contains(f.Reason, "was made by another version of register") {
					continue
				}
				stale = append(stale, f.Code)
				if part := filepath.Join(cache, "parts", f.Code); !strings.Contains(f.Detail.In("en"), part) || !strings.Contains(f.Detail.In("en"), "run the job of this register's province again") {
					t.Errorf("%s: the report says %q; want it to name %s and what to do", f.Code, f.Detail.In("en"), part)
				}
			}
			if !slices.Equal(stale, tt.stale) {
				t.Errorf("refused as another version's: %q, want %q (failed: %+v)", stale, tt.stale, res.Failed)
			}
			if len(res.Parts)+len(res.Failed) != 2 {
				t.Errorf("%d read and %d not read, want 2 in all", len(res.Parts), len(res.Failed))
			}
			site := allText(t, out)
			for _, leak := range []string{"cam-piont", "cam-x", "155100", dir} {
				if strings.Contains(site, leak) {
					t.Errorf("the national site holds %q", leak)
				}
			}
			if tt.stale == nil && !strings.Contains(site, "../utrecht is not a folder") {
				t.Errorf("the site does not give the shard's reason for GM0003")
			}
		})
	}
}

// TestMergeTakesTheShardsLastWord: when the last shard job could not read
// a register it read before, the merge reports it as that job did, and
// does not publish the part the earlier job left in the cache.
func TestMergeTakesTheShardsLastWord(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "od", "register.json")
	write(t, data, `{"organisation": "Gemeente Od", "records": [{"id": "cam-a", "kind": "sensor", "name": "Camera"}]}`)
	fed := federationOfOne(t, dir, "Gemeente Od", "GM0002", "od/register.json")
	cache := filepath.Join(dir, "cache")
	for i, tt := range []struct {
		name  string
		data  string // register.json before the shard runs
		found bool   // cam-a on the merged site
		fails string // the merge's reason, when it fails
	}{
		{"read", "", true, ""},
		{"not read since", "{", false, "read od/register.json: not a register's open data (register.json)"},
		{"read again", `{"records": [{"id": "cam-a", "kind": "sensor", "name": "Camera"}]}`, true, ""},
	} {
		if tt.data != "" {
			write(t, data, tt.data)
		}
		if _, err := Run(fed, Options{Out: filepath.Join(dir, "shard"), Cache: cache, Today: today.AddDate(0, 0, i)}); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "site")
		res, err := Run(fed, Options{Out: out, Cache: cache, Today: today.AddDate(0, 0, i), Merge: true})
		if err != nil {
			t.Fatal(err)
		}
		if tt.fails != "" {
			wantFailed(t, res, tt.fails)
		} else if len(res.Failed) != 0 {
			t.Errorf("%s: failed %+v", tt.name, res.Failed)
		}
		if found := strings.Contains(allText(t, out), "cam-a"); found != tt.found {
			t.Errorf("%s: cam-a on the site: %v, want %v", tt.name, found, tt.found)
		}
	}
}
