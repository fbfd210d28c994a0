package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// Record pages are most of the site (two per record), so they skip the
// template engine: the layout is rendered once per language and kind with
// markers where the page's own parts go, and the content is written here.
// Everything from a record still goes through esc, link and friends.

// skeleton is a rendered layout split at its markers.
type skeleton struct {
	parts []string // text between markers
	slots []string // the marker after each part but the last
}

const (
	slotTitle   = "@@TITLE@@"
	slotContent = "@@CONTENT@@"
	slotAlt     = "@@ALT%d@@"
)

func splitSkeleton(s string, markers []string) (*skeleton, error) {
	sk := &skeleton{}
	for {
		at, which := -1, ""
		for _, m := range markers {
			if i := strings.Index(s, m); i >= 0 && (at < 0 || i < at) {
				at, which = i, m
			}
		}
		if at < 0 {
			sk.parts = append(sk.parts, s)
			return sk, nil
		}
		sk.parts = append(sk.parts, s[:at])
		sk.slots = append(sk.slots, which)
		s = s[at+len(which):]
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
			var n int
			fmt.Sscanf(slot, slotAlt, &n)
			if n < len(alts) {
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
	i := 0
	markers := []string{slotTitle, slotContent}
	pg := b.page(lang, string(k), func(l string) string {
		if l == lang {
			return dummy
		}
		m := fmt.Sprintf(slotAlt, i)
		markers = append(markers, m)
		i++
		return m
	}, slotTitle, template.HTML(slotContent))
	// page() prefixes the root to the alternates; the marker carries the
	// whole URL, so take the root off again.
	for j := range pg.Alternates {
		pg.Alternates[j].URL = strings.TrimPrefix(pg.Alternates[j].URL, pg.Root)
	}
	var buf bytes.Buffer
	if err := templates["raw"].ExecuteTemplate(&buf, "layout.html", pg); err != nil {
		return nil, err
	}
	sk, err := splitSkeleton(buf.String(), markers)
	if err != nil {
		return nil, err
	}
	if len(sk.slots) != 2+2*len(pg.Alternates) {
		return nil, fmt.Errorf("record layout has %d slots, want %d", len(sk.slots), 2+2*len(pg.Alternates))
	}
	b.skeletons[key] = sk
	return sk, nil
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
		body := b.recordBody(lang, r)
		sk.write(w, r.Name, alts, func() { writeRecord(w, lang, r.Name, &body) })
		return nil
	}}
}

// The language of what records say (their free text). A page in another
// language marks such text with lang, so a screen reader pronounces it right
// (WCAG 3.1.2); findings carry their own language (findingView.Lang).
const contentLang = "nl"

// langAttr returns ` lang="x"` when text in language x sits on a page in
// another language.
func langAttr(page, text string) string {
	if page == text {
		return ""
	}
	return ` lang="` + text + `"`
}

func sevSpan(w *bytes.Buffer, class, sym, text string) {
	w.WriteString(`<span class="sev ` + class + `">` + icon(sym) + esc(text) + `</span>`)
}

// writeRecord writes a record page's content.
func writeRecord(w *bytes.Buffer, lang, name string, b *recordBody) {
	T := func(key string) string { return esc(t(lang, key)) }
	w.WriteString(`<p class="kicker">` + esc(b.KindLabel) + ` · ` + esc(b.TypeLabel) + "</p>\n<h1" + langAttr(lang, contentLang) + ">" + esc(name) + "</h1>\n")
	w.WriteString(`<div class="record-meta"><p>` + T("status") + `: ` + string(b.Status) + `</p><p>` + T("evalstatus") + `: `)
	sevSpan(w, b.EvalClass, b.EvalIcon, b.EvalText)
	summaryLang := langAttr(lang, contentLang)
	if b.SummaryWithheld {
		summaryLang = ""
	}
	w.WriteString("</p></div>\n<div class=\"summary\"" + summaryLang + ">" + string(b.Summary) + "</div>\n")
	if len(b.Withheld) > 0 {
		w.WriteString(`<div class="notice"><p>` + icon(symLock) + T("withheld") + `: `)
		for i, f := range b.Withheld {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(esc(f))
		}
		w.WriteString(".")
		if b.WithheldWhy != "" {
			w.WriteString(" " + T("reason") + ": " + esc(b.WithheldWhy))
		}
		w.WriteString("</p></div>\n")
	}
	w.WriteString(`<p class="actions">`)
	if b.ReportURL != "" {
		w.WriteString(`<a class="button" href="` + esc(b.ReportURL) + `">` + T("reporterror") + `</a>`)
	}
	if b.UpdateURL != "" {
		w.WriteString(" " + string(notifyLink(lang, b.UpdateURL)))
	}
	if b.SourceURL != "" {
		w.WriteString(` <a href="` + esc(b.SourceURL) + `" type="application/yaml">` + T("source") + `</a>`)
	} else {
		w.WriteString(` <span class="meta">` + T("sourcewithheld") + `</span>`)
	}
	w.WriteString("</p>\n")

	w.WriteString(`<section aria-labelledby="h-check" class="check"><h2 id="h-check">` + T("checklist") + "</h2>\n")
	if !b.Checked {
		w.WriteString(`<p>`)
		sevSpan(w, "sev-info", symInfo, t(lang, "notchecked"))
		w.WriteString("</p>\n")
	} else {
		writeFinding := func(f findingView) {
			if f.Title != "" {
				w.WriteString(`<strong>` + esc(f.Title) + `:</strong> `)
			}
			w.WriteString(`<span` + langAttr(lang, f.Lang) + `>` + esc(f.Message) + `</span>`)
			if f.Help != "" {
				w.WriteString(` <span class="help"` + langAttr(lang, f.Lang) + `>` + esc(f.Help) + `</span>`)
			}
			w.WriteString(` <span class="meta">[` + esc(f.Rule) + `]</span>`)
		}
		if len(b.Problems) > 0 {
			w.WriteString(`<ul class="findings">`)
			for _, p := range b.Problems {
				w.WriteString(`<li>`)
				sevSpan(w, p.Class, p.Icon, p.Level+":")
				w.WriteString(` <a href="` + esc(p.URL) + `">` + esc(p.Label) + `</a> <span class="meta">(` + esc(p.Ref) + `)</span><ul>`)
				for _, f := range p.Findings {
					w.WriteString(`<li>`)
					writeFinding(f)
					w.WriteString(`</li>`)
				}
				w.WriteString("</ul></li>\n")
			}
			w.WriteString("</ul>\n")
		}
		if len(b.Other) > 0 {
			w.WriteString(`<ul class="findings">`)
			for _, f := range b.Other {
				w.WriteString(`<li>`)
				sevSpan(w, f.Class, f.Icon, f.Level+":")
				w.WriteString(" ")
				writeFinding(f)
				w.WriteString("</li>\n")
			}
			w.WriteString("</ul>\n")
		}
		if len(b.Clean) > 0 {
			// The principles without findings are many; a reader who wants
			// them opens the list.
			w.WriteString(`<details class="clean"><summary>`)
			sevSpan(w, "sev-ok", symOK, fmt.Sprintf(t(lang, "nofindingsat"), len(b.Clean)))
			w.WriteString(`</summary><p>`)
			for i, p := range b.Clean {
				if i > 0 {
					w.WriteString(", ")
				}
				w.WriteString(`<a href="` + esc(p.URL) + `">` + esc(p.Label) + `</a>`)
			}
			w.WriteString(".</p></details>\n")
		}
		if len(b.NotChecked) > 0 {
			w.WriteString(`<ul class="findings notchecked">`)
			for _, p := range b.NotChecked {
				w.WriteString(`<li>`)
				sevSpan(w, p.Class, p.Icon, p.Level+":")
				w.WriteString(` <a href="` + esc(p.URL) + `">` + esc(p.Label) + `</a> <span class="meta">(` + esc(p.Ref) + `)</span></li>` + "\n")
			}
			w.WriteString("</ul>\n")
		}
	}
	writeDeviations(w, lang, b.Deviations)
	w.WriteString("</section>\n")
	for _, s := range b.Sections {
		w.WriteString(`<section aria-labelledby="h-` + s.ID + `" class="fields"><h2 id="h-` + s.ID + `">` + esc(s.Title) + "</h2>\n")
		w.WriteString(string(s.Body))
		w.WriteString("\n</section>\n")
	}
	related := func(title string, links []relatedLink) {
		if len(links) == 0 {
			return
		}
		w.WriteString(`<h3>` + esc(title) + `</h3><ul>`)
		for _, l := range links {
			w.WriteString(`<li>`)
			if l.URL != "" {
				w.WriteString(`<a href="` + esc(l.URL) + `">` + esc(l.Name) + `</a>`)
			} else {
				w.WriteString(esc(l.Name))
			}
			w.WriteString(` <span class="meta">` + esc(l.Note) + "</span></li>")
		}
		w.WriteString("</ul>\n")
	}
	if len(b.Uses)+len(b.UsedBy) > 0 {
		w.WriteString(`<section aria-labelledby="h-related"><h2 id="h-related">` + T("related") + "</h2>\n")
		related(t(lang, "uses_sensors_label"), b.Uses)
		related(t(lang, "usedby"), b.UsedBy)
		w.WriteString("</section>\n")
	}
	w.WriteString(`<section aria-labelledby="h-history"><h2 id="h-history">` + T("history") + "</h2>\n")
	if len(b.History) == 0 {
		w.WriteString(`<p>` + T("nohistory") + "</p>\n")
	} else {
		w.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="cap-history"><table><caption id="cap-history">` + T("changes") + `</caption><thead><tr><th scope="col">` + T("date") + `</th><th scope="col">` + T("change") + `</th>`)
		if b.ShowAuthors {
			w.WriteString(`<th scope="col">` + T("author") + `</th>`)
		}
		w.WriteString(`</tr></thead><tbody>`)
		for _, h := range b.History {
			w.WriteString(`<tr><th scope="row">` + string(h.Date) + `</th><td>` + esc(h.What))
			if h.Subject != "" {
				w.WriteString(": " + esc(h.Subject))
			}
			if h.Fields != "" {
				w.WriteString(`<br><span class="meta">` + T("fieldschanged") + `: ` + esc(h.Fields) + `</span>`)
			}
			w.WriteString(`</td>`)
			if b.ShowAuthors {
				w.WriteString(`<td>` + esc(h.Author) + `</td>`)
			}
			w.WriteString(`</tr>`)
		}
		w.WriteString("</tbody></table></div>\n")
	}
	w.WriteString("</section>\n")
}

// writeDeviations lists the configuration's changes to rules, each with
// where it was made and the municipality's reason.
func writeDeviations(w *bytes.Buffer, lang string, ds []deviationView) {
	if len(ds) == 0 {
		return
	}
	w.WriteString(`<h3 id="h-deviations">` + esc(t(lang, "deviations")) + `</h3><p>` + esc(t(lang, "deviationsintro")) + `</p><ul class="deviations">`)
	for _, d := range ds {
		w.WriteString(`<li><a href="` + esc(d.URL) + `">` + esc(d.Title) + `</a> <span class="meta">(` + esc(d.ID) + `)</span>: ` +
			esc(tf(lang, "dev.setting", d.Setting, d.Default)) + ` ` + esc(tf(lang, "dev.where", d.Where)) + ` ` +
			esc(t(lang, "reason")) + `: ` + esc(d.Reason) + `.`)
		if d.Note != "" {
			w.WriteString(` <strong>` + esc(d.Note) + `</strong>`)
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</ul>\n")
}
