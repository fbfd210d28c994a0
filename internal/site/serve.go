package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
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

// Fingerprint summarises what a build reads from a register root (the
// configuration and every file under sensors/ and algorithms/: names, sizes
// and modification times), so a preview server can tell when to rebuild
// without reading the files. A file that cannot be looked at (a symlink
// loop, no permission) counts with its error, so the fingerprint stays
// usable and fixing the file changes it; the errors come back joined,
// for the caller to report while it keeps watching.
func Fingerprint(root string) (string, error) {
	h := sha256.New()
	var problems []error
	// Serve looks every second: each file's line is put together in one
	// buffer, not formatted.
	var buf []byte
	add := func(p string) {
		st, err := os.Stat(p)
		switch {
		case os.IsNotExist(err):
			if _, lerr := os.Lstat(p); lerr == nil {
				problems = append(problems, err) // a dangling symlink
				fmt.Fprintf(h, "%s\x00dangling\n", p)
			}
		case err != nil:
			problems = append(problems, err)
			fmt.Fprintf(h, "%s\x00%s\n", p, err)
		default:
			buf = append(append(buf[:0], p...), 0)
			buf = append(strconv.AppendInt(buf, st.Size(), 10), 0)
			buf = append(strconv.AppendInt(buf, st.ModTime().UnixNano(), 10), '\n')
			h.Write(buf)
		}
	}
	add(filepath.Join(root, "register.yaml"))
	for _, folder := range []string{"sensors", "algorithms"} {
		dir := filepath.Join(root, folder)
		if _, err := os.Lstat(dir); os.IsNotExist(err) {
			continue
		}
		add(dir) // a folder that is a symlink loop is named here
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !os.IsNotExist(err) {
					problems = append(problems, err)
					fmt.Fprintf(h, "%s\x00%s\n", p, err)
				}
				return nil // keep looking at the rest
			}
			if d.IsDir() {
				h.Write(append(append(buf[:0], p...), "/\n"...))
				return nil
			}
			add(p)
			return nil
		})
		if err != nil {
			problems = append(problems, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), errors.Join(problems...)
}
