package golden

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/cli"
	"github.com/voorbeeldstad/register/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current outputs")

// asOf is "today" for every command, and now the clock of those that take
// no --as-of (export), so the outputs do not age.
const asOf = "2026-11-24"

var now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// registers are the registers whose outputs are pinned, by the name of their
// folder under testdata. ids are put on the packet's agenda besides what
// falls due, so that the packet shows records of a register where nothing
// does (outside Git, nothing is new or changed).
var registers = []struct{ name, dir, ids string }{
	{"register", "../../register", ""},
	{"dorp", "../../examples/dorp", "cam-afvalpunt-sportlaan,snelheidsdisplay-dorpsstraat,waterstand-heidebeek,kwijtschelding-belastingen,strooiroutes-gladheid"},
}

// out in an output's arguments is replaced by the file the command writes;
// an output without it is what the command prints on standard output.
const out = "OUT"

// outputs are the commands run on each register; file names the golden file
// (site/ holds the whole tree that build writes).
var outputs = []struct {
	file string
	args []string
}{
	{"site", []string{"build", "--as-of", asOf, "--out", out}},

	{"packet/packet.html", []string{"packet", "--as-of", asOf, "--out", out}},
	{"packet/packet.md", []string{"packet", "--as-of", asOf, "--out", out}},
	{"packet/packet.en.html", []string{"packet", "--as-of", asOf, "--lang", "en", "--out", out}},
	{"packet/packet.en.md", []string{"packet", "--as-of", asOf, "--lang", "en", "--out", out}},
	{"packet/packet.public.md", []string{"packet", "--as-of", asOf, "--public", "--out", out}},

	{"export/algoritmeregister.json", []string{"export", "--format", "algoritmeregister"}},
	{"export/sensorthings.json", []string{"export", "--format", "sensorthings"}},
	{"export/sensors.csv", []string{"export", "--format", "csv", "--kind", "sensor"}},
	{"export/algorithms.csv", []string{"export", "--format", "csv", "--kind", "algorithm"}},
	{"export/register.json", []string{"export", "--format", "json"}},
	{"export/sensors.geojson", []string{"export", "--format", "geojson"}},
	{"export/catalog.jsonld", []string{"export", "--format", "dcat"}},

	{"check/check.txt", []string{"check", "--as-of", asOf, "--format", "text"}},
	{"check/check.en.txt", []string{"check", "--as-of", asOf, "--format", "text", "--lang", "en"}},
	{"check/check.json", []string{"check", "--as-of", asOf, "--format", "json"}},
	{"check/check.github.txt", []string{"check", "--as-of", asOf, "--format", "github"}},
	{"check/check.sarif", []string{"check", "--as-of", asOf, "--format", "sarif"}},
	{"check/check.junit.xml", []string{"check", "--as-of", asOf, "--format", "junit"}},

	{"due/due.txt", []string{"due", "--as-of", asOf, "--format", "text"}},
	{"due/due.en.txt", []string{"due", "--as-of", asOf, "--format", "text", "--lang", "en"}},
	{"due/due.json", []string{"due", "--as-of", asOf, "--format", "json"}},
	{"due/due.csv", []string{"due", "--as-of", asOf, "--format", "csv"}},
	{"due/due.ics", []string{"due", "--as-of", asOf, "--format", "ical"}},
}

// hashed are the site's verbatim copies of files kept elsewhere in the
// repository (the embedded assets and JSON Schemas): the golden data holds
// their SHA-256 in site.sha256, not a second copy, and they are still
// compared byte for byte through it.
var hashed = []string{"site/assets/", "site/data/schema/"}

const hashFile = "site.sha256"

func TestGolden(t *testing.T) {
	// The environment must not choose a language, a time zone or a setting.
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "REGISTER_") || k == "LC_ALL" || k == "LC_MESSAGES" || k == "LANG" {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	time.Local = time.UTC
	for _, reg := range registers {
		t.Run(reg.name, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join("testdata", reg.name))
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, reg.dir, reg.ids)
			if *update {
				write(t, dir, got)
				return
			}
			compare(t, dir, got)
		})
	}
}

// render runs every output on a copy of the register outside Git (the site
// and the packet would otherwise show this repository's history, which moves
// with every commit) and returns the golden files by their slash path.
func render(t *testing.T, src, ids string) map[string][]byte {
	t.Helper()
	abs, err := filepath.Abs(src)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if err := os.CopyFS(filepath.Join(work, "register"), os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	// Findings name files relative to the working folder.
	t.Chdir(work)
	files := map[string][]byte{}
	for i, o := range outputs {
		target := filepath.Join(work, fmt.Sprintf("out%d%s", i, filepath.Ext(o.file)))
		args := []string{"--root", "register"}
		for _, a := range o.args {
			args = append(args, strings.ReplaceAll(a, out, target))
		}
		if o.args[0] == "packet" && ids != "" {
			args = append(args, "--ids", ids)
		}
		var stdout, stderr bytes.Buffer
		app := &cli.App{Out: &stdout, Err: &stderr, Now: func() time.Time { return now }, Version: "golden"}
		if code := cli.Run(app, args); code == cli.ExitError {
			t.Fatalf("register %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		switch {
		case !slices.Contains(o.args, out):
			files[o.file] = stdout.Bytes()
		case o.file == "site":
			readTree(t, target, files)
		default:
			b, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			files[o.file] = b
		}
	}
	return files
}

// readTree adds every file of the site in dir under site/, the verbatim
// copies as lines of site.sha256.
func readTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	var sums []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := "site/" + filepath.ToSlash(rel)
		if site.Keyed(rel) {
			// The build's keys of its pages and pieces, made with a
			// secret of the machine's own: other on every machine.
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(hashed, func(prefix string) bool { return strings.HasPrefix(name, prefix) }) {
			sums = append(sums, fmt.Sprintf("%x  %s\n", sha256.Sum256(b), name))
			return nil
		}
		files[name] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(sums, func(a, b string) int { return strings.Compare(a[64:], b[64:]) })
	files[hashFile] = []byte(strings.Join(sums, ""))
}

// stored reads the golden files under dir by their slash path.
func stored(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatalf("read the golden files (write them with go test ./test/golden -update): %v", err)
	}
	return files
}

// compare reports every golden file that is missing, extra or different,
// with the first line that differs.
func compare(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	want := stored(t, dir)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range got {
			if !yield(n) {
				return
			}
		}
		for n := range want {
			if _, ok := got[n]; !ok && !yield(n) {
				return
			}
		}
	})
	failed := false
	for _, n := range names {
		g, inGot := got[n]
		w, inWant := want[n]
		switch {
		case !inWant:
			t.Errorf("%s: new output, not in the golden files", n)
		case !inGot:
			t.Errorf("%s: in the golden files, no longer written", n)
		case !bytes.Equal(g, w):
			t.Errorf("%s: %s", n, firstDiff(w, g))
		default:
			continue
		}
		failed = true
	}
	if failed {
		t.Log("If the change is on purpose, rewrite the golden files with 'go test ./test/golden -update' and say in the commit what changed and why.")
	}
}

// firstDiff describes the first line where got departs from want.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			col := 0
			for col < min(len(wl), len(gl)) && wl[col] == gl[col] {
				col++
			}
			return fmt.Sprintf("line %d differs from column %d\n  want: %q\n  got:  %q", i+1, col+1, around(wl, col), around(gl, col))
		}
	}
	return "differs"
}

// around shows a long line (minified JSON, a CSV row) near col, where it
// starts to differ.
func around(s string, col int) string {
	from, to := max(0, col-60), min(len(s), col+120)
	return s[from:to]
}

// write replaces the golden files under dir with got.
func write(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for n, b := range got {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
