package site

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// PreviewPrefix is where a preview server answers for itself. The published
// site has nothing under it: the reload script and the status exist only
// while `register serve` runs.
const PreviewPrefix = "/__register/"

// Preview is what a preview server tells the open pages: which build last
// changed each of them, so a page reloads only when its content changed,
// and what went wrong in the last build. It also holds the pages shown
// ahead of the build that writes them (Early). The zero value is ready.
type Preview struct {
	mu      sync.Mutex
	build   int
	problem string
	// whole is the last build that may have changed any page; changed
	// the build that last changed each page since, by site path.
	whole   int
	changed map[string]int
	// early are the pages shown ahead of their build, by site path; nil
	// for a page that build removes.
	early map[string][]byte
}

// Built records a finished build that may have changed any page, with what
// went wrong in words ("" when nothing did); every open page reloads, or
// shows the problem.
func (p *Preview) Built(problem string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.build++
	p.whole, p.problem, p.early = p.build, problem, nil
	clear(p.changed)
}

// BuiltPages records a finished build that changed the pages at paths
// (site paths: "sensoren/x.html") and no other: their open pages reload,
// the others show the problem only. The pages shown early are let go: the
// site now holds them.
func (p *Preview) BuiltPages(problem string, paths []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.build++
	p.mark(paths)
	p.problem, p.early = problem, nil
}

// Failed records a build that failed, with the problem in words: the site
// stays as it was, and the pages shown early go back to it.
func (p *Preview) Failed(problem string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.build++
	p.mark(slices.Collect(maps.Keys(p.early)))
	p.problem, p.early = problem, nil
}

// Early shows pages ahead of the build that writes them, by site path
// (nil: the page is gone): their open pages reload now. The build's report
// then leaves out the pages it wrote as they were shown.
func (p *Preview) Early(pages map[string][]byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.build++
	if p.early == nil {
		p.early = map[string][]byte{}
	}
	for path, body := range pages {
		p.early[path] = body
	}
	p.mark(slices.Collect(maps.Keys(pages)))
}

func (p *Preview) mark(paths []string) {
	if p.changed == nil {
		p.changed = map[string]int{}
	}
	for _, path := range paths {
		p.changed[path] = p.build
	}
}

// earlyPage returns the page shown early at the site path, and whether
// there is one.
func (p *Preview) earlyPage(path string) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	body, ok := p.early[path]
	return body, ok
}

// state is the build the page at the site path last changed in, and the
// last build's problem. A page the site does not have (exists false)
// follows every build, as a missing page may appear in any.
func (p *Preview) state(path string, exists bool) (int, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, early := p.early[path]; !early && !exists {
		return p.build, p.problem
	}
	return max(p.whole, p.changed[path]), p.problem
}

// previewScript polls the status of its page (same origin, so the pages'
// policy allows it), reloads the page after a build changed it, and shows
// the last build's problem at the top of the page until it is fixed.
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
    fetch("` + PreviewPrefix + `status?page=" + encodeURIComponent(location.pathname), { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
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
			path := sitePath(dir, r.URL.Query().Get("page"))
			build, problem := p.state(path, exists(filepath.Join(dir, filepath.FromSlash(path))))
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
		if early, ok := p.earlyPage(sitePath(dir, r.URL.Path)); ok {
			rec.showEarly(dir, early)
		}
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

// sitePath is the path in the site of the page at the URL path u: a
// folder's is its index.html.
func sitePath(dir, u string) string {
	if unescaped, err := url.PathUnescape(u); err == nil {
		u = unescaped
	}
	p := strings.TrimPrefix(path.Clean("/"+u), "/")
	if p == "" {
		return "index.html"
	}
	if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err == nil && st.IsDir() {
		return p + "/index.html"
	}
	return p
}

// showEarly makes the response the page shown early, in place of what
// the site holds: the page, or the site's 404 page when it is gone. The
// headers of the site's answer stay, but for what described its file.
func (r *recorder) showEarly(dir string, page []byte) {
	r.status = http.StatusOK
	if page == nil {
		r.status = http.StatusNotFound
		page, _ = os.ReadFile(filepath.Join(dir, "404.html"))
	}
	for _, h := range []string{"Last-Modified", "Etag", "Content-Range", "Accept-Ranges"} {
		r.header.Del(h)
	}
	r.header.Set("Content-Type", "text/html; charset=utf-8")
	r.body.Reset()
	r.body.Write(page)
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
