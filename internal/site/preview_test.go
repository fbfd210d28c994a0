package site

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPreviewHandler(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	// The published site knows nothing of the preview.
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(data), PreviewPrefix) {
			t.Errorf("%s mentions the preview server", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p := &Preview{}
	p.Built("")
	srv := httptest.NewServer(PreviewHandler(out, "default-src 'self'", p))
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	status := func() (int, string) {
		t.Helper()
		_, body := get(PreviewPrefix + "status")
		var s struct {
			Build   int
			Problem string
		}
		if err := json.Unmarshal([]byte(body), &s); err != nil {
			t.Fatalf("status %q: %v", body, err)
		}
		return s.Build, s.Problem
	}

	res, page := get("/sensoren/cam-markt.html")
	if res.StatusCode != 200 || !strings.HasSuffix(strings.TrimSpace(page), `<script src="/__register/reload.js" defer></script></body>
</html>`) || res.Header.Get("Content-Length") != "" && res.ContentLength != int64(len(page)) {
		t.Errorf("page: %d, length %d of %d, ends %q", res.StatusCode, res.ContentLength, len(page), page[max(0, len(page)-120):])
	}
	if res.Header.Get("Content-Security-Policy") != "default-src 'self'" {
		t.Error("the page lost its policy")
	}
	if _, notFound := get("/nergens.html"); !strings.Contains(notFound, "reload.js") {
		t.Error("the 404 page does not reload either")
	}
	if res, css := get("/assets/site.css"); res.StatusCode != 200 || strings.Contains(css, "reload.js") {
		t.Error("a stylesheet was changed")
	}
	if res, js := get(PreviewPrefix + "reload.js"); res.StatusCode != 200 || !strings.Contains(js, "location.reload()") {
		t.Errorf("reload.js: %d", res.StatusCode)
	}

	b1, problem := status()
	if problem != "" {
		t.Errorf("problem %q after a clean build", problem)
	}
	p.Built("sensors/x.yaml:3:1: did not find expected key")
	b2, problem := status()
	if b2 != b1+1 || !strings.Contains(problem, "did not find expected key") {
		t.Errorf("after a failed build: %d %q", b2, problem)
	}
}

// TestPreviewPages: an open page reloads after a build that changed it,
// and not after one that did not; pages shown ahead of their build are
// served in place of the site's, a gone one as the 404 page, until the
// build is done or failed.
func TestPreviewPages(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	p := &Preview{}
	h := PreviewHandler(out, "", p)
	status := func(page string) int {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, PreviewPrefix+"status?page="+page, nil))
		var s struct{ Build int }
		if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
			t.Fatalf("status of %s: %q: %v", page, rec.Body.String(), err)
		}
		return s.Build
	}
	get := func(page string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page, nil))
		return rec.Code, rec.Body.String()
	}
	const (
		record = "/sensoren/cam-markt.html"
		home   = "/"
		gone   = "/nergens.html"
	)
	early := "<!doctype html><html><body><h1>Vroeg</h1></body></html>"
	steps := []struct {
		name string
		do   func()
		// builds are the statuses of the record page, the home page and a
		// page the site does not have, after the step.
		builds [3]int
		// shows is what the record page's answer holds; code its status.
		shows string
		code  int
	}{
		{"the first build", func() { p.Built("") }, [3]int{1, 1, 1}, "<h1>Camera", 200},
		{"the record's page shown early", func() { p.Early(map[string][]byte{"sensoren/cam-markt.html": []byte(early)}) }, [3]int{2, 1, 2}, "<h1>Vroeg</h1>", 200},
		{"its build, which wrote it as shown", func() { p.BuiltPages("", []string{"index.html"}) }, [3]int{2, 3, 3}, "<h1>Camera", 200},
		{"the record's page shown as gone", func() { p.Early(map[string][]byte{"sensoren/cam-markt.html": nil}) }, [3]int{4, 3, 4}, "reload.js", 404},
		{"its build failed", func() { p.Failed("kapot") }, [3]int{5, 3, 5}, "<h1>Camera", 200},
		{"a build that may change any page", func() { p.Built("") }, [3]int{6, 6, 6}, "<h1>Camera", 200},
	}
	for _, s := range steps {
		s.do()
		got := [3]int{status(record), status(home), status(gone)}
		if got != s.builds {
			t.Errorf("%s: builds of the record, home and a missing page %v, want %v", s.name, got, s.builds)
		}
		code, body := get(record)
		if code != s.code || !strings.Contains(body, s.shows) || !strings.Contains(body, "reload.js") {
			t.Errorf("%s: the record's page: %d, want %d holding %q and the reload script", s.name, code, s.code, s.shows)
		}
	}
}
