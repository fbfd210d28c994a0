package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestLongListsArePaged: a list longer than a page is split over pages that
// together hold every row once, each page no longer than listPageSize rows,
// with links to the pages beside it that lead to pages that exist, in both
// languages.
func TestLongListsArePaged(t *testing.T) {
	root := filepath.Join(t.TempDir(), "register")
	const n = 2*listPageSize + 60 // about two thirds sensors: two pages and more
	if err := testgen.Write(root, n, 1); err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, res.Register, Options{})
	sensors := 0
	for _, r := range res.Register.Records {
		if r.Kind == "sensor" && r.IsPublic() {
			sensors++
		}
	}
	rowRe := regexp.MustCompile(`<tr[^>]*><th scope="row"><a href="([^"]+)"`)
	linkRe := regexp.MustCompile(`<a href="([^"]+)"( rel="(prev|next)")?`)
	for _, c := range []struct{ first, dir string }{
		{"sensoren/index.html", "sensoren/pagina"},
		{"en/sensors/index.html", "en/sensors/page"},
	} {
		seen := map[string]bool{}
		pages := 0
		for p := c.first; p != ""; pages++ {
			page := read(t, out, p)
			rows := rowRe.FindAllStringSubmatch(page, -1)
			if len(rows) == 0 || len(rows) > listPageSize {
				t.Fatalf("%s has %d rows, want 1 to %d", p, len(rows), listPageSize)
			}
			for _, r := range rows {
				if seen[r[1]] {
					t.Errorf("%s: %s is on two pages", p, r[1])
				}
				seen[r[1]] = true
			}
			next := ""
			for _, l := range linkRe.FindAllStringSubmatch(page, -1) {
				target := filepath.Join(out, filepath.Dir(filepath.FromSlash(p)), filepath.FromSlash(l[1]))
				if strings.Contains(l[1], "/"+filepath.Base(c.dir)+"/") || l[3] != "" {
					if _, err := os.Stat(target); err != nil {
						t.Errorf("%s links to %s, which does not exist", p, l[1])
					}
				}
				if l[3] == "next" {
					rel, _ := filepath.Rel(out, target)
					next = filepath.ToSlash(rel)
				}
			}
			p = next
		}
		if len(seen) != sensors {
			t.Errorf("%s: the pages list %d sensors, want %d", c.first, len(seen), sensors)
		}
		if want := (sensors + listPageSize - 1) / listPageSize; pages != want {
			t.Errorf("%s: %d pages, want %d", c.first, pages, want)
		}
	}
}

// TestStatusView: a status is shown in words with its symbol, the class
// naming the status; a status the site does not know keeps a bullet and is
// escaped in the attribute and the text alike.
func TestStatusView(t *testing.T) {
	tests := []struct {
		lang, status string
		want         string
	}{
		{"nl", "active", `<span class="status status-active"><span class="icon" aria-hidden="true">●</span>In gebruik</span>`},
		{"en", "retired", `<span class="status status-retired"><span class="icon" aria-hidden="true">○</span>Retired</span>`},
		{"nl", "in_development", `<span class="status status-in_development"><span class="icon" aria-hidden="true">◔</span>In ontwikkeling</span>`},
		{"nl", `x"><b>`, `<span class="status status-x&#34;&gt;&lt;b&gt;"><span class="icon" aria-hidden="true">•</span>x&#34;&gt;&lt;b&gt;</span>`},
	}
	for _, tt := range tests {
		for range 2 { // the second time from what statusView keeps
			if got := string(statusView(tt.lang, tt.status)); got != tt.want {
				t.Errorf("statusView(%q, %q) = %s, want %s", tt.lang, tt.status, got, tt.want)
			}
		}
	}
}

// TestAPageIsLetGoOnceWritten: a page's data is built once for its key
// and its render, and let go of once the file is written or kept, so the
// jobs of a long list do not hold every page rendered before the last.
func TestAPageIsLetGoOnceWritten(t *testing.T) {
	reg := loadFixture(t, fixture)
	b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	builds := 0
	j := b.lazyPage("principles", "principes.html", func() *Page {
		builds++
		return b.page("nl", "principles", func(string) string { return "principes.html" }, "Principes", b.principlesBody("nl"))
	})
	j.key()
	var buf bytes.Buffer
	if err := j.render(&buf); err != nil {
		t.Fatal(err)
	}
	if builds != 1 {
		t.Fatalf("the page was built %d times for its key and render, want once", builds)
	}
	j.done()
	j.key()
	if builds != 2 {
		t.Error("the page was still held once its file was written")
	}
}

// TestWriteLetsGoOfAJob: the worker that writes a job's file, or keeps the
// one there, tells the job it is done.
func TestWriteLetsGoOfAJob(t *testing.T) {
	reg := loadFixture(t, fixture)
	b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	b.dir = t.TempDir()
	done := 0
	j := job{path: "a.html", file: &fileState{}, done: func() { done++ },
		render: func(w *bytes.Buffer) error { _, err := w.WriteString("<p>a</p>"); return err }}
	if err := b.write(j); err != nil {
		t.Fatal(err)
	}
	// Kept: its key is the one the working copy's manifest gives.
	key := func() []byte { return bytes.Repeat([]byte{7}, 32) }
	k, _ := keyOf(key())
	kept := job{path: "a.html", file: &fileState{old: k, has: hasOld | regular}, key: key, done: func() { done++ },
		render: func(*bytes.Buffer) error { t.Error("a kept file was rendered"); return nil }}
	if err := b.write(kept); err != nil {
		t.Fatal(err)
	}
	if done != 2 {
		t.Errorf("done called %d times for a file written and one kept, want 2", done)
	}
}

// TestOnlyTheHomePageShowsTheDay: the day of the build is on the home page
// alone (and in the accessibility statement's date); the other pages show
// only what follows from it, so that a new day leaves them as they were.
func TestOnlyTheHomePageShowsTheDay(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	day := `datetime="` + buildNow.Format(time.DateOnly) + `"`
	for _, c := range []struct {
		page string
		want bool
	}{
		{"index.html", true},
		{"en/index.html", true},
		{"sensoren/cam-markt.html", false},
		{"en/algorithms/alg-toeslag.html", false},
		{"sensoren/index.html", false},
		{"kaart.html", false},
		{"principes.html", false},
	} {
		page := read(t, out, c.page)
		if got := strings.Contains(page, day); got != c.want {
			t.Errorf("%s shows the day of the build: %v, want %v", c.page, got, c.want)
		}
		if got := strings.Contains(page, "Bijgewerkt op") || strings.Contains(page, "Updated on"); got != c.want {
			t.Errorf("%s says when it was updated: %v, want %v", c.page, got, c.want)
		}
	}
}
