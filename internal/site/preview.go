package site

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// PreviewPrefix is where a preview server answers for itself. The published
// site has nothing under it: the reload script and the status exist only
// while `register serve` runs.
const PreviewPrefix = "/__register/"

// Preview is what a preview server tells the open pages: which build they
// should show and what went wrong in the last one. The zero value is ready.
type Preview struct {
	mu      sync.Mutex
	build   int
	problem string
}

// Built records a finished build, with what went wrong in words ("" when
// nothing did); open pages reload, or show the problem.
func (p *Preview) Built(problem string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.build++
	p.problem = problem
}

func (p *Preview) state() (int, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.build, p.problem
}

// previewScript polls the status (same origin, so the pages' policy allows
// it), reloads the page after a new build, and shows the last build's
// problem at the top of the page until it is fixed.
const previewScript = `(function () {
  "use strict";
  var seen = null;
  var box = null;
  function show(problem) {
    if (!problem) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "register-preview-problem";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:sticky;top:0;z-index:1000;background:#fde8e8;color:#1b1b1b;border-bottom:4px solid #b00020;padding:0.75rem 1rem;white-space:pre-wrap;font:14px/1.4 monospace";
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = problem;
  }
  function poll() {
    fetch("` + PreviewPrefix + `status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { location.reload(); return; }
      seen = s.build;
      show(s.problem);
    }).catch(function () {}).then(function () { setTimeout(poll, 700); });
  }
  poll();
})();
`

// PreviewHandler serves the site in dir like Handler, and adds what a
// preview needs: every page loads a script that reloads it after a rebuild
// and shows build errors in the page.
func PreviewHandler(dir, csp string, p *Preview) http.Handler {
	site := Handler(dir, csp)
	tag := []byte(`<script src="` + PreviewPrefix + `reload.js" defer></script>`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case PreviewPrefix + "status":
			build, problem := p.state()
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-store")
			_ = json.NewEncoder(w).Encode(map[string]any{"build": build, "problem": problem})
			return
		case PreviewPrefix + "reload.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			_, _ = w.Write([]byte(previewScript))
			return
		}
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		site.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			if i := bytes.LastIndex(body, []byte("</body>")); i >= 0 {
				body = append(body[:i:i], append(append([]byte{}, tag...), body[i:]...)...)
			}
			rec.header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(body)
	})
}

// recorder holds a response so a page can be changed before it is sent.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }
