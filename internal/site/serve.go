package site

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves a built site from dir for a local preview. It sends the
// same Content-Security-Policy the pages carry and asks the browser not to
// cache, so a rebuilt page shows on reload. dir is read on every request, so
// a build that swaps the folder is picked up at once.
func Handler(dir string, csp string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if csp != "" {
			h.Set("Content-Security-Policy", csp)
		}
		if strings.HasSuffix(r.URL.Path, ".yaml") {
			h.Set("Content-Type", "text/plain; charset=utf-8")
		}
		if strings.HasSuffix(r.URL.Path, ".jsonld") {
			h.Set("Content-Type", "application/ld+json")
		}
		if strings.HasSuffix(r.URL.Path, ".geojson") {
			h.Set("Content-Type", "application/geo+json")
		}
		// A page that does not exist gets the site's own 404 page, as a
		// static host would serve it.
		p := path.Clean("/" + r.URL.Path)
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil || (st.IsDir() && !exists(filepath.Join(dir, filepath.FromSlash(p), "index.html"))) {
			if data, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
				h.Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write(data)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// CSP returns the Content-Security-Policy the site's pages carry for a
// configured tile URL ("" for none).
func CSP(tilesURL string) (string, error) {
	b := &builder{}
	if tilesURL != "" {
		u, err := parseTilesURL(tilesURL)
		if err != nil {
			return "", err
		}
		b.tiles = u
	}
	return b.csp(), nil
}
