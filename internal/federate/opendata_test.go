package federate

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOpenDataParts: a site's register.json is an index of parts; the
// reader follows its links to files beside it, and refuses a link that
// leaves its folder or names another host.
func TestOpenDataParts(t *testing.T) {
	index := func(urls ...string) string {
		var parts []string
		for _, u := range urls {
			parts = append(parts, `{"url": "`+u+`", "records": 1}`)
		}
		return `{"organisation": "Gemeente Open", "unpublished_records": 2, "checklist": {"deviations": []}, "record_count": 2, "parts": [` + strings.Join(parts, ",") + `]}`
	}
	part := func(id, kind string) string {
		return `{"part": 1, "parts": 2, "index": "../register.json", "records": [{"id": "` + id + `", "kind": "` + kind + `", "name": "` + id + `"}]}`
	}
	for _, c := range []struct {
		name    string
		files   map[string]string
		records int
		err     string
	}{
		{"two parts", map[string]string{"data/register.json": index("register/1.json", "register/2.json"),
			"data/register/1.json": part("cam-a", "sensor"), "data/register/2.json": part("alg-b", "algorithm")}, 2, ""},
		{"no parts", map[string]string{"data/register.json": index()}, 0, ""},
		{"whole document", map[string]string{"data/register.json": `{"records": [{"id": "cam-a", "kind": "sensor"}]}`}, 1, ""},
		{"part missing", map[string]string{"data/register.json": index("register/1.json")}, 0, "register/1.json"},
		{"part not a part", map[string]string{"data/register.json": index("register/1.json"), "data/register/1.json": `{"id": "x"}`}, 0, `no "records" list`},
		{"climbs out", map[string]string{"data/register.json": index("../secret.json"), "secret.json": part("cam-a", "sensor")}, 0, "is not a path"},
		{"climbs out inside", map[string]string{"data/register.json": index("register/../../secret.json"), "secret.json": part("cam-a", "sensor")}, 0, "is not a path"},
		{"absolute", map[string]string{"data/register.json": index("/etc/passwd.json")}, 0, "is not a path"},
		{"another host", map[string]string{"data/register.json": index("https://elders.example/register/1.json")}, 0, "is not a path"},
		{"another host, no scheme", map[string]string{"data/register.json": index("//elders.example/1.json")}, 0, "is not a path"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
			}
			res := runOneOpenData(t, dir, "data/register.json")
			if c.err != "" {
				wantFailed(t, res, c.err)
				return
			}
			if len(res.Parts) != 1 || res.Parts[0].Records != c.records {
				t.Fatalf("parts = %+v, failed %+v; want %d records", res.Parts, res.Failed, c.records)
			}
		})
	}
}

// TestOpenDataPartsChangeTheKey: a change to a part alone is a change to
// the register, so a federation reads it again rather than keeping its
// cached part.
func TestOpenDataPartsChangeTheKey(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "register.json")
	write(t, idx, `{"parts": [{"url": "register/1.json", "records": 1}]}`)
	p := filepath.Join(dir, "register", "1.json")
	write(t, p, `{"records": [{"id": "cam-a", "kind": "sensor"}]}`)
	key := func() string {
		t.Helper()
		s, err := readSource(Member{Code: "GM0001", Source: idx}, memberOptions{dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return s.key
	}
	before := key()
	write(t, p, `{"records": [{"id": "cam-b", "kind": "sensor"}]}`)
	if key() == before {
		t.Error("the key did not change with a part")
	}
}

// TestFetchOpenDataParts: --fetch downloads register.json and the parts
// it links, and a later run without --fetch reads them from the cache.
func TestFetchOpenDataParts(t *testing.T) {
	files := map[string]string{
		"/data/register.json":   `{"organisation": "Gemeente Ver", "parts": [{"url": "register/1.json", "records": 1}, {"url": "register/2.json", "records": 1}]}`,
		"/data/register/1.json": `{"records": [{"id": "cam-a", "kind": "sensor", "name": "A"}]}`,
		"/data/register/2.json": `{"records": [{"id": "alg-b", "kind": "algorithm", "name": "B"}]}`,
	}
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path)
		text, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, text)
	}))
	defer srv.Close()
	dir := t.TempDir()
	fed := federationOfOne(t, dir, "Gemeente Ver", "GM0007", srv.URL+"/data/register.json?v=2")
	opts := Options{Out: filepath.Join(dir, "out"), Today: today, Fetch: true, Fetcher: &Fetcher{Client: srv.Client()}}
	res, err := Run(fed, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Parts) != 1 || res.Parts[0].Records != 2 {
		t.Fatalf("with --fetch: parts %+v, failed %+v; want 2 records", res.Parts, res.Failed)
	}
	if want := "/data/register.json /data/register/1.json /data/register/2.json"; strings.Join(asked, " ") != want {
		t.Errorf("asked for %v, want %s", asked, want)
	}
	opts.Fetch = false
	res, err = Run(fed, opts)
	if err != nil || len(res.Parts) != 1 || res.Parts[0].Records != 2 {
		t.Fatalf("without --fetch: err %v, parts %+v, failed %+v; want the 2 records from the cache", err, res.Parts, res.Failed)
	}
}

// TestOpenDataRejectsRecordsOneByOne: a record of open data that does not
// read as one, and every record of an id more than one has, is left out
// and reported with where it is (the file, its place in the list, its id
// when that is valid) and why, in the report and in the run's result;
// the national site lists no id twice.
func TestOpenDataRejectsRecordsOneByOne(t *testing.T) {
	rec := func(id, kind string) string { return `{"id": "` + id + `", "kind": "` + kind + `", "name": "N"}` }
	list := func(recs ...string) string { return `{"records": [` + strings.Join(recs, ",\n") + `]}` }
	for _, c := range []struct {
		name  string
		files map[string]string
		kept  int
		want  []Rejected
		says  string // a line of the report
	}{
		{"ids that climb, shout or hide", map[string]string{"register.json": list(rec("alg-a", "algorithm"),
			rec("../../../../tmp/pwned", "sensor"), rec("CAM-X", "sensor"), rec("a/b", "sensor"), rec("", "sensor"),
			rec("cam\u2010x", "sensor"), rec("caméra", "sensor"), `{"kind": "sensor"}`)}, 1,
			[]Rejected{{File: "register.json", Record: 2, Why: RejectedInvalidID}, {File: "register.json", Record: 3, Why: RejectedInvalidID},
				{File: "register.json", Record: 4, Why: RejectedInvalidID}, {File: "register.json", Record: 5, Why: RejectedNoID},
				{File: "register.json", Record: 6, Why: RejectedInvalidID}, {File: "register.json", Record: 7, Why: RejectedInvalidID},
				{File: "register.json", Record: 8, Why: RejectedNoID}},
			"GM0001 Gemeente Open (register.json): record 2 of register.json: its id is not valid"},
		{"not a record", map[string]string{"register.json": list(`"cam-a"`, `{"id": 12, "kind": "sensor"}`, `{"id": "cam-b", "kind": "persoon"}`,
			`{"id": "cam-c", "kind": "sensor", "name": ["x"]}`)}, 0,
			[]Rejected{{File: "register.json", Record: 1, Why: RejectedNotARecord}, {File: "register.json", Record: 2, Why: RejectedInvalidID},
				{File: "register.json", Record: 3, ID: "cam-b", Why: RejectedInvalidKind}, {File: "register.json", Record: 4, ID: "cam-c", Why: RejectedNotARecord}},
			`record 3 of register.json (id cam-b): its kind is not "sensor" or "algorithm"`},
		{"one id five times", map[string]string{"register.json": list(rec("cam-x", "sensor"), rec("alg-a", "algorithm"), rec("cam-x", "sensor"),
			rec("cam-x", "algorithm"), rec("cam-x", "sensor"), rec("cam-x", "sensor"))}, 1,
			[]Rejected{{File: "register.json", Record: 1, ID: "cam-x", Why: RejectedSharedID, Shared: 5},
				{File: "register.json", Record: 3, ID: "cam-x", Why: RejectedSharedID, Shared: 5},
				{File: "register.json", Record: 4, ID: "cam-x", Why: RejectedSharedID, Shared: 5},
				{File: "register.json", Record: 5, ID: "cam-x", Why: RejectedSharedID, Shared: 5},
				{File: "register.json", Record: 6, ID: "cam-x", Why: RejectedSharedID, Shared: 5}},
			"record 1 of register.json (id cam-x): 5 records have this id, which is one record's only: all are left out"},
		{"one id in two parts", map[string]string{
			"register.json":   `{"parts": [{"url": "register/1.json"}, {"url": "register/2.json"}]}`,
			"register/1.json": list(rec("alg-a", "algorithm"), rec("cam-x", "sensor")),
			"register/2.json": list(rec("cam-x", "sensor"), rec("x", "sensor")),
		}, 1,
			[]Rejected{{File: "register/1.json", Record: 2, ID: "cam-x", Why: RejectedSharedID, Shared: 2},
				{File: "register/2.json", Record: 1, ID: "cam-x", Why: RejectedSharedID, Shared: 2},
				{File: "register/2.json", Record: 2, Why: RejectedInvalidID}},
			"record 1 of register/2.json (id cam-x): 2 records"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
			}
			res := runOneOpenData(t, dir, "register.json")
			if len(res.Parts) != 1 || res.Parts[0].Records != c.kept {
				t.Fatalf("parts = %+v, failed %+v; want %d records kept", res.Parts, res.Failed, c.kept)
			}
			if len(res.Unreadable) != 1 || res.Unreadable[0].Code != "GM0001" || !slices.Equal(res.Unreadable[0].Records, c.want) {
				t.Errorf("unreadable = %+v\nwant GM0001 with %+v", res.Unreadable, c.want)
			}
			var b strings.Builder
			if err := WriteReport(&b, "text", "en", res); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), c.says) || strings.Contains(b.String(), "pwned") {
				t.Errorf("report:\n%s\nwant it to say %q, and no id that is not valid", b.String(), c.says)
			}
			ids, err := os.ReadFile(filepath.Join(dir, "out", "data", "zoek", "GM0001.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(ids), "cam-x\t"); n > 0 {
				t.Errorf("the national site lists cam-x %d times", n)
			}
		})
	}
}

// TestFolderWithSharedIDKeepsThemOut: in a register's folder, too, every
// record of an id two files give is left out and reported by its file.
func TestFolderWithSharedIDKeepsThemOut(t *testing.T) {
	dir := t.TempDir()
	for file, id := range map[string]string{"cam-a.yaml": "cam-a", "cam-a-kopie.yaml": "cam-a", "cam-c.yaml": "cam-c"} {
		write(t, filepath.Join(dir, "gm", "sensors", file), "id: "+id+"\nkind: sensor\nname: Camera\nstatus: active\n")
	}
	fed := federationOfOne(t, dir, "Gemeente Map", "GM0001", "gm")
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Parts) != 1 || res.Parts[0].Records != 1 {
		t.Fatalf("parts = %+v, failed %+v; want 1 record kept", res.Parts, res.Failed)
	}
	want := []Rejected{{File: "sensors/cam-a-kopie.yaml", ID: "cam-a", Why: RejectedSharedID, Shared: 2},
		{File: "sensors/cam-a.yaml", ID: "cam-a", Why: RejectedSharedID, Shared: 2}}
	if len(res.Unreadable) != 1 || !slices.Equal(res.Unreadable[0].Records, want) {
		t.Errorf("unreadable = %+v\nwant %+v", res.Unreadable, want)
	}
	var b strings.Builder
	if err := WriteReport(&b, "text", "en", res); err != nil {
		t.Fatal(err)
	}
	if say := "GM0001 Gemeente Map (gm): sensors/cam-a.yaml (id cam-a): 2 records have this id"; !strings.Contains(b.String(), say) {
		t.Errorf("report:\n%s\nwant it to say %q", b.String(), say)
	}
}
