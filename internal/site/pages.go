package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// segments and recordFile are the page names of pageurl, which the feed
// and the exports share with the site.
var segments = pageurl.Segments

func recordFile(id string) string { return pageurl.RecordFile(id) }

// prefix is the folder of a language: the first language is the site root.
func (b *builder) prefix(lang string) string {
	if lang == b.langs[0] {
		return ""
	}
	return lang + "/"
}

func (b *builder) pagePath(lang, key string) string {
	return b.prefix(lang) + segments[key][langIndex(lang)]
}

func (b *builder) listPath(lang string, k record.Kind) string {
	return b.prefix(lang) + segments[string(k)][langIndex(lang)] + "/index.html"
}

func (b *builder) recordPath(lang string, r *record.Record) string {
	return b.prefix(lang) + pageurl.RecordPath(lang, r.Kind, r.ID)
}

// rootFor is the relative way back to the site root from a page, so the site
// works under any base path and straight from the disk.
func rootFor(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }

// navItem is a link in a menu.
type navItem struct {
	URL     string
	Label   string
	Lang    string
	Current bool
}

// Page is what the layout template receives.
type Page struct {
	Lang         string
	Root         string
	Path         string
	Title        string
	SiteTitle    string
	Organisation string
	CSP          string
	HomeURL      string
	Nav          []navItem
	Alternates   []navItem
	Footer       footer
	Scripts      []string // paths from the site root
	Follow       []followLink
	Body         any
}

type footer struct {
	Contact     string
	A11yURL     string
	OpenDataURL string
	Principles  string
	// Built is the day of the build, on the home page only: a page that
	// shows the day changes every day, and the other pages are kept as
	// long as what they show stays true (recordKey, pageDataKey).
	Built template.HTML
}

// templates are parsed once, when a build first asks (Prepare starts them
// meanwhile): parsed as the program started, they held up every command,
// and a build's start, by some 4 ms.
var templates = sync.OnceValue(parseTemplates)

func parseTemplates() map[string]*template.Template {
	funcs := template.FuncMap{
		"t":  t,
		"tf": tf,
	}
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"home", "list", "raw", "map", "principles", "search", "a11y", "opendata", "notfound", "notify", "datasets", "dataset"} {
		out[name] = template.Must(template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html"))
	}
	return out
}

// csp is the Content-Security-Policy of every page: nothing from another
// host, except map tiles from the one host a municipality configured.
func (b *builder) csp() string {
	img := "'self' data:"
	if b.tiles != nil {
		img += " " + b.tiles.Scheme + "://" + b.tiles.Host
	}
	return "default-src 'self'; img-src " + img + "; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
}

// page builds the frame of a page; pathFor gives the same page's path in
// each language, for the language switch.
func (b *builder) page(lang, current string, pathFor func(lang string) string, title string, body any) *Page {
	p := pathFor(lang)
	root := rootFor(p)
	if p == "404.html" {
		// A static host serves 404.html at any depth; absolute links from
		// the configured base URL keep it working there.
		if u, err := url.Parse(b.cfg.Site.BaseURL); err == nil && b.cfg.Site.BaseURL != "" {
			root = strings.TrimSuffix(u.Path, "/") + "/"
		}
	}
	pg := &Page{
		Lang: lang, Root: root, Path: p, Title: title,
		SiteTitle: b.cfg.Site.Title, Organisation: b.cfg.Organisation, CSP: b.csp(),
		HomeURL: root + b.pagePath(lang, "home"),
		Body:    body,
		Footer: footer{
			Contact:     b.cfg.Site.ContactEmail,
			A11yURL:     root + b.pagePath(lang, "a11y"),
			OpenDataURL: root + b.pagePath(lang, "opendata"),
			Principles:  root + b.pagePath(lang, "principles"),
		},
		Scripts: []string{"assets/site.js"},
		Follow:  b.follows(lang, root),
	}
	if pg.SiteTitle == "" {
		pg.SiteTitle = "Sensor- en algoritmeregister"
	}
	for _, key := range []string{"home", "sensor", "algorithm", "map", "principles", "search", "notify"} {
		u := root + b.pagePath(lang, key)
		label := map[string]string{"home": "home", "sensor": "sensors", "algorithm": "algorithms", "map": "map", "principles": "principles", "search": "search", "notify": "notify"}[key]
		if key == "sensor" || key == "algorithm" {
			u = root + b.listPath(lang, record.Kind(key))
		}
		pg.Nav = append(pg.Nav, navItem{URL: u, Label: t(lang, label), Current: key == current})
	}
	for _, other := range b.langs {
		if other != lang {
			pg.Alternates = append(pg.Alternates, navItem{URL: root + pathFor(other), Label: t(other, "langname"), Lang: other})
		}
	}
	return pg
}

// lazyPage defers building a page's data to the worker that renders it, so
// ten thousand record pages are prepared in parallel too.
func (b *builder) lazyPage(tmpl, path string, build func() *Page) job {
	// Built once, for the page's key and then, should the key have
	// changed, its render: both run in the worker that writes the page,
	// which lets go of it once the file is written or kept. Held by the
	// jobs of their list instead, the pages of the lists of 100,000
	// records were 90 MB at once.
	var pg *Page
	data := func() *Page {
		if pg == nil {
			pg = build()
		}
		return pg
	}
	return job{path: path, page: true, render: func(w *bytes.Buffer) error {
		return templates()[tmpl].ExecuteTemplate(w, "layout.html", data())
	}, key: func() []byte { return b.pageDataKey(tmpl, path, data()) }, done: func() { pg = nil }}
}

// pageJobs lists the pages of one language but the records' (recordJobs).
func (b *builder) pageJobs(lang string) []job {
	var js []job
	fixed := func(key string) func(string) string {
		return func(l string) string { return b.pagePath(l, key) }
	}
	js = append(js,
		b.lazyPage("home", b.pagePath(lang, "home"), func() *Page {
			pg := b.page(lang, "home", fixed("home"), b.cfg.Site.Title, b.homeBody(lang))
			pg.Footer.Built = template.HTML(dateTag(lang, b.todayStamp))
			return pg
		}),
		b.lazyPage("principles", b.pagePath(lang, "principles"), func() *Page {
			return b.page(lang, "principles", fixed("principles"), t(lang, "principles"), b.principlesBody(lang))
		}),
		b.lazyPage("search", b.pagePath(lang, "search"), func() *Page {
			root := rootFor(b.pagePath(lang, "search"))
			pg := b.page(lang, "search", fixed("search"), t(lang, "search"), searchBody{
				ListSensors:    root + b.listPath(lang, record.Sensor),
				ListAlgorithms: root + b.listPath(lang, record.Algorithm),
			})
			// The index before the script that reads it (deferred
			// scripts run in order).
			pg.Scripts = append(b.searchScripts(lang), pg.Scripts...)
			return pg
		}),
		b.lazyPage("a11y", b.pagePath(lang, "a11y"), func() *Page {
			return b.page(lang, "", fixed("a11y"), t(lang, "a11ytitle"), a11yBody{Contact: b.cfg.Site.ContactEmail, Date: template.HTML(dateTag(lang, b.todayStamp))})
		}),
		b.lazyPage("opendata", b.pagePath(lang, "opendata"), func() *Page {
			return b.page(lang, "", fixed("opendata"), t(lang, "opendata"), b.openDataBody(lang, rootFor(b.pagePath(lang, "opendata"))))
		}),
	)
	if lang == b.langs[0] {
		// Static hosts serve 404.html for a missing page; it sits at the
		// root, so its links are written from there.
		js = append(js, b.lazyPage("notfound", "404.html", func() *Page {
			return b.page(lang, "", func(l string) string {
				if l == lang {
					return "404.html"
				}
				return b.pagePath(l, "home")
			}, t(lang, "notfound"), nil)
		}))
	}
	js = append(js, b.mapJobs(lang)...)
	for _, k := range record.Kinds {
		js = append(js, b.listJobs(lang, k)...)
	}
	return js
}

// recordJobs yields the pages of each public record, one record after
// another, each in every language: what the pages of a record share
// (prefillAnswers) is kept only while they are made. false when the
// receiver stopped.
func (b *builder) recordJobs(yield func(job) bool) bool {
	for _, r := range b.public {
		for _, lang := range b.langs {
			j := b.recordJob(lang, r)
			j.key = b.recordKey(lang, j.path, r)
			if !yield(j) {
				return false
			}
		}
	}
	return true
}

// reportURL is the correction desk's address, pre-filled with the record id:
// "{id}" in the configured URL is replaced, else a record parameter is added.
// Without a desk, a mail to the contact address stands in.
func (b *builder) reportURL(lang string, r *record.Record) string {
	desk := strings.TrimSpace(b.cfg.Site.ReportErrorURL)
	if desk != "" && isWebURL(strings.ReplaceAll(desk, "{id}", "x")) {
		if strings.Contains(desk, "{id}") {
			return strings.ReplaceAll(desk, "{id}", url.QueryEscape(r.ID))
		}
		u, _ := url.Parse(desk)
		q := u.Query()
		q.Set("record", r.ID)
		u.RawQuery = q.Encode()
		return u.String()
	}
	if mail := strings.TrimSpace(b.cfg.Site.ContactEmail); mail != "" && !strings.ContainsAny(mail, "?&/: ") {
		return "mailto:" + mail + "?subject=" + url.PathEscape(tf(lang, "reportmail", r.ID))
	}
	return ""
}

// evalState works out a record's evaluation: "lapsed", "soon", "ok", "na"
// (not in use on the day, so none falls due: lifecycle.InUseOn, as the
// checklist and the due list ask it) or "unknown", with the date it is due by
// (lifecycle.NextEvaluation: the last evaluation, or the start, plus the
// interval that applies); "withheld" when it rests on a field the public
// record r withholds, as the checklist's evaluation rule does: worked out
// from what is left, it would be wrong ("not in use" for a record that
// withholds its status) and say what it rests on. Worked out once a build
// for each public record: each language's page asks it for its key.
func (b *builder) evalState(r *record.Record) (string, string) {
	rs := b.keys.records[r]
	if rs == nil {
		return b.workOutEvalState(r)
	}
	rs.evalOnce.Do(func() { rs.evalState, rs.evalDue = b.workOutEvalState(r) })
	return rs.evalState, rs.evalDue
}

func (b *builder) workOutEvalState(r *record.Record) (string, string) {
	if publish.EvaluationWithheld(r) {
		return "withheld", ""
	}
	if !lifecycle.InUseOn(r, b.today) {
		return "na", ""
	}
	due, iv, ok := lifecycle.NextEvaluation(r, b.cfg, b.today)
	if !ok || iv.IsZero() {
		return "unknown", ""
	}
	switch {
	case due.Before(b.today):
		return "lapsed", period.Format(due)
	case !due.After(b.cfg.DueWithin.AddTo(b.today)):
		return "soon", period.Format(due)
	}
	return "ok", period.Format(due)
}

// appendDayOf appends to buf what the pages of the public record r show
// that follows from the day of the build: the state of its evaluation
// (evalState). The key of its pages holds it (recordKey), so they are made
// again on a day this changes and kept on the others. What else the day
// changes reaches them through the findings, which the key holds too. No
// page counts days: a count is wrong the day after, on a site that is not
// built every day, and made every page that showed one again each day.
func (b *builder) appendDayOf(buf []byte, r *record.Record) []byte {
	st, due := b.evalState(r)
	return appendStrings(buf, "day", st, due, b.appliesOnDay(r))
}

// appliesOnDay says, for each rule whose concern for a record follows from
// the day (Rule.AppliesOn), whether it concerns r on the day of the build:
// a record planned to start tomorrow earns its ticks for them tomorrow,
// when its findings may be what they were today.
func (b *builder) appliesOnDay(r *record.Record) string {
	loaded := b.loaded.ByID(r.ID)
	var out []byte
	for _, rule := range b.opts.Rules {
		if rule.AppliesOn == nil {
			continue
		}
		on := byte('0')
		if loaded != nil && b.appliesOn(rule, loaded, r) {
			on = '1'
		}
		out = append(out, on)
	}
	return string(out)
}

// lapsedOnce holds the lapsed items of a build, worked out when a page
// first needs them: the pages a preview shows first do not wait for them.
type lapsedOnce struct {
	once  sync.Once
	items []lapsed
}

// lapsedList is lapsedItems, worked out once.
func (b *builder) lapsedList() []lapsed {
	b.lapsed.once.Do(func() { b.lapsed.items = b.lapsedItems() })
	return b.lapsed.items
}

// lapsedItems lists the lapsed evaluations and ended life cycles of public
// records, for the home page, leaving out what a record withholds, in the
// order lifecycle.Due lists them. Each record's are worked out on their
// own and kept in the Memo with its pieces.
func (b *builder) lapsedItems() []lapsed {
	var items []lifecycle.Item
	for _, r := range b.public {
		if b.opts.Memo == nil {
			// None kept: worked out, not written and read back.
			items = append(items, b.lapsedOf(r)...)
			continue
		}
		p, _ := b.keptDayPiece(r, "lapsed", func() ([]byte, error) { return appendLapsed(nil, b.lapsedOf(r)), nil })
		its, ok := readLapsed(p, r)
		if !ok {
			its = b.lapsedOf(r)
		}
		items = append(items, its...)
	}
	lifecycle.Sort(items)
	out := make([]lapsed, len(items))
	for i, it := range items {
		out[i] = lapsed{record: it.Record, what: it.What, date: period.Format(it.Date)}
	}
	return out
}

// lapsedOf lists the lapsed items of the public record r that the home
// page shows.
func (b *builder) lapsedOf(r *record.Record) []lifecycle.Item {
	var out []lifecycle.Item
	for _, it := range b.dueOf(r) {
		if it.Group != lifecycle.Lapsed {
			continue
		}
		if !publish.DueShown(it) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// appendLapsed appends the lapsed items of a record to buf as the Memo
// keeps them: what, when and the path of each, all the home page shows
// and the order needs.
func appendLapsed(buf []byte, items []lifecycle.Item) []byte {
	for _, it := range items {
		buf = appendStrings(buf, string(it.What), it.Date.Format(time.RFC3339Nano), it.Path)
	}
	return buf
}

// readLapsed reads back the lapsed items of the record r appendLapsed
// wrote in buf; false when they do not read.
func readLapsed(buf []byte, r *record.Record) ([]lifecycle.Item, bool) {
	var out []lifecycle.Item
	for len(buf) > 0 {
		var what, date, path []byte
		var err error
		if what, buf, err = cutString(buf); err == nil {
			date, path, buf, err = cutPair(buf)
		}
		if err != nil {
			return nil, false
		}
		t, err := time.Parse(time.RFC3339Nano, string(date))
		if err != nil {
			return nil, false
		}
		out = append(out, lifecycle.Item{Record: r, What: lifecycle.What(what), Date: t, Group: lifecycle.Lapsed, Path: string(path)})
	}
	return out, true
}

// addedOn is the date a record entered the register: registered_on, else its
// first commit.
func (b *builder) addedOn(r *record.Record) string {
	if r.RegisteredOn != "" {
		return r.RegisteredOn
	}
	if h, ok := b.opts.History[r.File]; ok {
		return h.Added
	}
	return ""
}

// NewWithin is how recent a record must be to be listed as new on the home page.
const NewWithin = 90 * 24 * time.Hour

// recordStatus is the record's status as statusView shows it, or the
// words for a withheld field when the record withholds it.
func recordStatus(lang string, r *record.Record) template.HTML {
	if r.IsWithheld("status") {
		return template.HTML(appendWithheld(nil, lang, &withheldView{}))
	}
	return statusView(lang, r.Status)
}

// statusTemplate writes a status with its symbol.
var statusTemplate = template.Must(template.ParseFS(templateFS, "templates/status.html"))

// statusViews keeps each status's HTML by language and status: a status is
// shown on every list row and record page, and there are few of them.
var statusViews sync.Map

// statusView is a status in words and symbol, as templates/status.html
// writes it.
func statusView(lang, status string) template.HTML {
	key := lang + "\x00" + status
	if h, ok := statusViews.Load(key); ok {
		return h.(template.HTML)
	}
	sym := map[string]string{"planned": "◷", "in_development": "◔", "active": "●", "suspended": "‖", "retired": "○"}[status]
	if sym == "" {
		sym = "•"
	}
	var b strings.Builder
	if err := statusTemplate.ExecuteTemplate(&b, "status", struct{ Status, Icon, Label string }{status, sym, valueLabel(lang, "status", status)}); err != nil {
		// The template is fixed and its data are strings: it cannot fail.
		panic(err)
	}
	h := template.HTML(b.String())
	statusViews.Store(key, h)
	return h
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
