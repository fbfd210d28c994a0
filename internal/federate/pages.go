package federate

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/quality"
	"github.com/voorbeeldstad/register/internal/record"
)

//go:embed templates/pages.html templates/zoeken.js templates/site.css
var templateFS embed.FS

// assets are the files every national site holds beside its pages, by
// their name in templates/ and in the output.
var assets = []string{"site.css", "zoeken.js"}

// csp is the Content-Security-Policy every national page carries, as the
// municipal site's pages do: nothing from another host, and no inline
// style or script, so the stylesheet and the search page's script are
// files of the site.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	"percent": func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
}).ParseFS(templateFS, "templates/pages.html"))

// pageRow is a record as a municipality's page lists it.
type pageRow struct {
	ID, Name, Type, Status, Summary, URL string
}

// pageRowOf describes the public view v; url is its page on the
// municipality's own site, or "".
func pageRowOf(v *record.Record, url string) pageRow {
	typ := label.Value("nl", "algorithm_type", v.AlgorithmType)
	if v.Kind == record.Sensor {
		typ = label.Value("nl", "sensor_type", v.SensorType)
	}
	return pageRow{ID: v.ID, Name: strings.TrimSpace(v.Name), Type: typ, Status: label.Value("nl", "status", v.Status),
		Summary: strings.TrimSpace(v.Summary), URL: safeURL(url)}
}

// safeURL keeps an address only when it is http or https: the site's base
// URL comes from a municipality's configuration or a federation entry.
func safeURL(u string) string {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return u
	}
	return ""
}

// page is what every page's frame shows.
type page struct {
	Title, Page, Root, Today string
	Members                  int
}

// CSP is the page's Content-Security-Policy.
func (page) CSP() string { return csp }

// writeAssets writes the site's stylesheet and script into dir.
func writeAssets(dir string) error {
	for _, name := range assets {
		data, err := templateFS.ReadFile("templates/" + name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// renderMunicipality writes a municipality's page (kept in its part).
func renderMunicipality(w io.Writer, p *Part, rows []pageRow) error {
	shown := *p
	shown.Site = safeURL(p.Site)
	return pages.ExecuteTemplate(w, "municipality", struct {
		page
		Part *Part
		Rows []pageRow
	}{page{Title: "Landelijk overzicht", Page: p.Organisation, Root: "../"}, &shown, rows})
}

// count is one value with its number of records, labelled in Dutch.
type count struct {
	Value string `json:"value"`
	Label string `json:"label"`
	N     int    `json:"records"`
}

// national is what the national pages show.
type national struct {
	page
	Parts      []*Part
	Failed     []Failure
	Total      Totals
	Counts     Counts
	Quality    []quality.Municipality
	MapSVG     template.HTML
	QualitySVG template.HTML
	HasDCAT    bool
}
