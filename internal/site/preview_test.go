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
