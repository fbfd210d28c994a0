package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	texttemplate "text/template"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/record"
)

// Record pages are most of the site (two per record). The layout is rendered
// once per language and kind with markers where the page's own parts go;
// each page fills in its title, the other languages' addresses and its
// content (appendRecordBody). What records say is escaped by the writers
// of recordbody.go and pieces.go, held to the templates they replaced, and
// by templates/record.html. What pages show alike (a section's heading, a
// row "Soort sensor: Camera", a finding of a rule) is written once per
// build, language and kind of record, and the HTML reused (skeleton.kept):
// the template engine spends per value shown, and a register's records
// share most values.

// recordTemplates hold the parts of record pages (templates/record.html)
// for each language, parsed on first use (when every word is known: see
// notify.go). A template set serialises its executions (html/template
// locks it each time), so the workers that render pages at once each take
// a set of their own from the pool.
var recordTemplates = map[string]*sync.Pool{
	"nl": {New: func() any { return mustParseRecord("nl") }},
	"en": {New: func() any { return mustParseRecord("en") }},
}

// executeRecord executes the template name of record.html in lang.
func executeRecord(w io.Writer, lang, name string, data any) error {
	pool := recordTemplates[lang]
	tm := pool.Get().(*template.Template)
	defer pool.Put(tm)
	return tm.ExecuteTemplate(w, name, data)
}

// mustParseRecord parses templates/record.html for a language. The site's
// words in it, [[t "key"]], are set in first, escaped, so the pages spend
// no time on what is the same on each of them; the template engine then
// escapes whatever a page fills in.
func mustParseRecord(lang string) *template.Template {
	src, err := templateFS.ReadFile("templates/record.html")
	if err != nil {
		panic(err)
	}
	word := func(key string) (string, error) {
		w := t(lang, key)
		if strings.Contains(w, "{{") || strings.Contains(w, "}}") {
			return "", fmt.Errorf("word %q has template delimiters", key)
		}
		return template.HTMLEscapeString(w), nil
	}
	var withWords strings.Builder
	if err := texttemplate.Must(texttemplate.New("words").Delims("[[", "]]").Funcs(texttemplate.FuncMap{"t": word}).
		Parse(string(src))).Execute(&withWords, nil); err != nil {
		panic(err)
	}
	return template.Must(template.New("record.html").Funcs(recordFuncs(lang)).Parse(withWords.String()))
}

// skeleton is a rendered layout split at its markers, with the parts of a
// record page's content that hold nothing of a record, rendered once by
// record.html's templates for the pages of a language and kind.
type skeleton struct {
	parts []string // text between markers
	// slots are the marker after each part but the last: slotTitle,
	// slotContent, or from altSlot on an other language's address.
	slots []int
	// principleLinks link each principle (in the order of principles);
	// heads open each section, by its anchor.
	principleLinks []template.HTML
	heads          map[string]template.HTML
	// lang is the pages' language; kept are the parts written for what
	// many pages show alike (a row "Soort sensor: Camera", a finding of a
	// rule, by pieces.go or record.html's templates), by a key of what
	// wrote them and what they show, so the pages of a register share the
	// work; at most maxKept bytes of them.
	lang   string
	keptMu sync.RWMutex
	kept   map[string]template.HTML
	nkept  atomic.Int64 // bytes of kept
	// frames are what record.html's templates wrote around the HTML a
	// page fills in (a section around its rows, a table around its
	// cells), by a key of the template and what it showed; there are few.
	frames map[frameKey]frame
}

// frameKey says what a frame shows: the template, the section or field,
// and how many rows and slots it has.
type frameKey struct {
	name, id    string
	rows, slots int
}

// maxKept bounds the bytes of parts a skeleton keeps (keys and HTML).
const maxKept = 4 << 20

// cached returns the part kept for key. Keys are bytes a page reuses, so
// that looking one up takes no memory of its own.
func (sk *skeleton) cached(key []byte) (template.HTML, bool) {
	sk.keptMu.RLock()
	h, ok := sk.kept[string(key)]
	sk.keptMu.RUnlock()
	return h, ok
}

// render executes the template name for data, and keeps what it wrote as
// the part for key.
func (sk *skeleton) render(key []byte, name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := executeRecord(&b, sk.lang, name, data); err != nil {
		return "", err
	}
	// The builder's buffer has room to spare, up to as much again: a
	// kept part holds its bytes alone, so that maxKept bounds the memory,
	// not only the length.
	return sk.keep(key, template.HTML(b.String()), true), nil
}

// written returns the part for key, writing it with write on first use
// (pieces.go).
func (sk *skeleton) written(key []byte, write func([]byte) []byte) template.HTML {
	if h, ok := sk.cached(key); ok {
		return h
	}
	buf := partBufs.Get().(*[]byte)
	*buf = write((*buf)[:0])
	h := template.HTML(*buf) // a copy of its own, its size
	partBufs.Put(buf)
	return sk.keep(key, h, false)
}

// partBufs are the buffers parts are written into (written).
var partBufs = sync.Pool{New: func() any { return new([]byte) }}

// keep keeps h as the part for key, while the parts kept are within
// maxKept, and returns it; a copy of it, when clone says it holds more
// memory than its length. The key is copied only when it is kept: past
// maxKept, most parts of a cold build are not.
func (sk *skeleton) keep(key []byte, h template.HTML, clone bool) template.HTML {
	if sk.nkept.Load() < maxKept {
		sk.keptMu.Lock()
		if _, ok := sk.kept[string(key)]; !ok {
			if clone {
				h = template.HTML(strings.Clone(string(h)))
			}
			sk.kept[string(key)] = h
			sk.nkept.Add(int64(len(key) + len(h)))
		}
		sk.keptMu.Unlock()
	}
	return h
}

// part returns the part for key, rendering it on first use.
func (sk *skeleton) part(key []byte, name string, data any) (template.HTML, error) {
	if h, ok := sk.cached(key); ok {
		return h, nil
	}
	return sk.render(key, name, data)
}

// frame is HTML record.html's templates wrote with slots in it: parts of
// HTML with a slot between each two. A page fills the slots with HTML the
// template engine wrote for the same place, so the page is what the
// template would have written with that HTML in its data, without running
// it for each page. A frame's template has its slots where it writes HTML
// of its data (template.HTML) between elements, never in an attribute.
type frame []string

// slot is what a frame's template is given for HTML the page fills in. The
// engine writes a text's NUL as U+FFFD, so a NUL in a frame is a slot.
const slot template.HTML = "\x00"

// appendFilled appends the frame f to dst with the slots filled in, in
// order.
func appendFilled[S template.HTML | []byte](dst []byte, f frame, slots ...S) []byte {
	for i, part := range f {
		dst = append(dst, part...)
		if i < len(slots) && i < len(f)-1 {
			dst = append(dst, slots[i]...)
		}
	}
	return dst
}

// frame returns the frame for key, executing its template for data (with
// slots where the page's HTML goes) on first use.
func (sk *skeleton) frame(key frameKey, data any) (frame, error) {
	sk.keptMu.RLock()
	f, ok := sk.frames[key]
	sk.keptMu.RUnlock()
	if ok {
		return f, nil
	}
	var b strings.Builder
	if err := executeRecord(&b, sk.lang, key.name, data); err != nil {
		return nil, err
	}
	f = strings.Split(b.String(), string(slot))
	if len(f) != key.slots+1 {
		// A slot in an attribute is escaped, and the page's HTML would
		// be lost: the template is wrong.
		return nil, fmt.Errorf("template %s wrote %d slots for %s, want %d", key.name, len(f)-1, key.id, key.slots)
	}
	sk.keptMu.Lock()
	sk.frames[key] = f
	sk.keptMu.Unlock()
	return f, nil
}

// The markers of a record layout, in the order recordSkeleton gives them
// to splitSkeleton: the title, the content, then each other language's
// address, the first at altSlot.
const (
	slotTitle = iota
	slotContent
	altSlot
)

// splitSkeleton splits s at each of the markers, and notes which one
// follows each part by its index in markers.
func splitSkeleton(s string, markers []string) (*skeleton, error) {
	sk := &skeleton{}
	for {
		at, which := -1, 0
		for i, m := range markers {
			if j := strings.Index(s, m); j >= 0 && (at < 0 || j < at) {
				at, which = j, i
			}
		}
		if at < 0 {
			sk.parts = append(sk.parts, s)
			return sk, nil
		}
		sk.parts = append(sk.parts, s[:at])
		sk.slots = append(sk.slots, which)
		s = s[at+len(markers[which]):]
	}
}

// write fills the skeleton: title is text, alts are the other languages'
// URLs (already relative), content writes the page's main content.
func (sk *skeleton) write(w *bytes.Buffer, title string, alts []string, content func()) {
	for i, p := range sk.parts {
		w.WriteString(p)
		if i == len(sk.slots) {
			break
		}
		switch slot := sk.slots[i]; slot {
		case slotTitle:
			w.WriteString(esc(title))
		case slotContent:
			content()
		default:
			if n := slot - altSlot; n < len(alts) {
				w.WriteString(esc(alts[n]))
			}
		}
	}
}

// recordSkeleton returns the layout of a record page of kind k in lang,
// rendering it on first use.
func (b *builder) recordSkeleton(lang string, k record.Kind) (*skeleton, error) {
	b.skelMu.Lock()
	defer b.skelMu.Unlock()
	key := lang + "/" + string(k)
	if sk, ok := b.skeletons[key]; ok {
		return sk, nil
	}
	dummy := b.prefix(lang) + segments[string(k)][langIndex(lang)] + "/x.html"
	// The markers are text no layout holds, in the order of the slots.
	markers := []string{slotTitle: "@@TITLE@@", slotContent: "@@CONTENT@@"}
	pg := b.page(lang, string(k), func(l string) string {
		if l == lang {
			return dummy
		}
		m := fmt.Sprintf("@@ALT%d@@", len(markers)-altSlot)
		markers = append(markers, m)
		return m
	}, markers[slotTitle], template.HTML(markers[slotContent]))
	// page() prefixes the root to the alternates; the marker carries the
	// whole URL, so take the root off again.
	for j := range pg.Alternates {
		pg.Alternates[j].URL = strings.TrimPrefix(pg.Alternates[j].URL, pg.Root)
	}
	var buf bytes.Buffer
	if err := templates()["raw"].ExecuteTemplate(&buf, "layout.html", pg); err != nil {
		return nil, err
	}
	sk, err := splitSkeleton(buf.String(), markers)
	if err != nil {
		return nil, err
	}
	if len(sk.slots) != 2+2*len(pg.Alternates) {
		return nil, fmt.Errorf("record layout has %d slots, want %d", len(sk.slots), 2+2*len(pg.Alternates))
	}
	sk.lang, sk.kept, sk.frames = lang, map[string]template.HTML{}, map[frameKey]frame{}
	if err := b.renderParts(sk, lang, rootFor(dummy)); err != nil {
		return nil, err
	}
	b.skeletons[key] = sk
	return sk, nil
}

// renderParts renders the skeleton's fixed parts of the content.
func (b *builder) renderParts(sk *skeleton, lang, root string) error {
	var buf bytes.Buffer
	render := func(name string, data any) (template.HTML, error) {
		buf.Reset()
		err := executeRecord(&buf, lang, name, data)
		return template.HTML(buf.String()), err
	}
	principlesURL := root + b.pagePath(lang, "principles")
	for pi := range principles {
		h, err := render("principle-link", principleRow{URL: principlesURL + "#" + principleAnchors[pi], Label: principles[pi].Label[langIndex(lang)]})
		if err != nil {
			return err
		}
		sk.principleLinks = append(sk.principleLinks, h)
	}
	sk.heads = map[string]template.HTML{}
	heads := map[string]string{}
	for _, s := range field.Sections {
		heads[s.ID] = s.Title[langIndex(lang)]
	}
	for path, cs := range customSections {
		heads[cs.id] = fieldLabel(lang, path)
	}
	for id, title := range heads {
		h, err := render("section-head", recordSection{ID: id, Title: title})
		if err != nil {
			return err
		}
		sk.heads[id] = h
	}
	return nil
}

// recordJob renders one record page.
func (b *builder) recordJob(lang string, r *record.Record) job {
	return job{path: b.recordPath(lang, r), page: true, render: func(w *bytes.Buffer) error {
		sk, err := b.recordSkeleton(lang, r.Kind)
		if err != nil {
			return err
		}
		root := rootFor(b.recordPath(lang, r))
		var alts []string
		for _, l := range b.langs {
			if l != lang {
				alts = append(alts, root+b.recordPath(l, r))
			}
		}
		body, err := b.recordBody(lang, r, sk)
		if err != nil {
			return err
		}
		sk.write(w, r.Name, alts, func() { w.Write(appendRecordBody(w.AvailableBuffer(), body)) })
		return nil
	}}
}

// The language of what records say (their free text). A page in another
// language marks such text with lang, so a screen reader pronounces it right
// (WCAG 3.1.2); findings carry their own language (findingView.Lang).
const contentLang = "nl"

// otherLang returns the language of a text when it is not the page's, and
// "" when it is: the value of the text's lang attribute, if it needs one.
func otherLang(page, text string) string {
	if page == text {
		return ""
	}
	return text
}
