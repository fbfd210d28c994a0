package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

type findingView struct {
	Title   string // the rule's title in the page's language, when known
	Class   string
	Icon    string
	Level   string
	Message string
	Help    string
	Lang    string // the language Message and Help are in
	Mark    string // Lang when it is not the page's, for the page to mark
	Rule    string
}

// newFindingView shows a finding in the page's language: Dutch pages read
// the checklist's Dutch; a finding that has none (a schema problem, say)
// keeps its English, which the page then marks with lang.
func newFindingView(lang, title string, f finding.Finding) findingView {
	c, s, l := severityView(lang, f.Severity)
	msg, help := f.Text(lang)
	textLang := "en"
	if lang == "nl" && f.MessageNL != "" {
		textLang = "nl"
	}
	mark := textLang
	if mark == lang {
		mark = ""
	}
	return findingView{Title: title, Class: c, Icon: s, Level: l, Message: msg, Help: help, Lang: textLang, Mark: mark, Rule: f.Rule}
}

// key says what the finding's line shows.
func (f *findingView) key() string {
	return f.Title + "\x00" + f.Class + "\x00" + f.Level + "\x00" + f.Message + "\x00" + f.Help + "\x00" + f.Mark + "\x00" + f.Rule
}

type principleRow struct {
	URL      string
	Ref      string
	Label    string
	Class    string
	Icon     string
	Level    string
	Findings []findingView
}

// key says what the line of the template name shows of the principle: the
// same key, the same line.
func (p *principleRow) key(name string) string {
	k := name + "\x00" + p.URL + "\x00" + p.Class + "\x00" + p.Level
	for _, f := range p.Findings {
		k += "\x00" + f.key()
	}
	return k
}

type relatedLink struct {
	URL  string
	Name string
	Note string
}

type historyRow struct {
	Date    timePiece
	What    string
	Subject string
	Author  string
	Fields  string // labels of the changed fields
}

// sevView is a state with its symbol and words.
type sevView struct{ Class, Icon, Text string }

// withheldView is what the page says of a withheld field: "niet openbaar",
// and the record's reason when it gives one.
type withheldView struct{ Reason string }

// heldView is the page's withheldView for a record.
func heldView(r *record.Record) withheldView {
	if r.Publication != nil && strings.TrimSpace(r.Publication.Reason) != "" {
		return withheldView{Reason: r.Publication.Reason}
	}
	return withheldView{}
}

// recordBody is what templates/record.html shows of a record.
type recordBody struct {
	Lang      string
	Name      string
	NameLang  string // the language of the name, when not the page's
	KindLabel string
	TypeLabel string
	Status    template.HTML
	Summary   [][]string // paragraphs of lines
	// SummaryLang is the summary's language when not the page's and the
	// summary is shown; SummaryWithheld: the record withholds it.
	SummaryLang     string
	SummaryWithheld bool
	Held            withheldView
	Withheld        []string
	WithheldWhy     string
	Sections        []recordSection
	Eval            sevView
	Checked         bool
	Problems        []template.HTML // lines of the template "problem"
	CleanText       string          // how many principles have no findings
	// CleanLinks link the principles without findings, one after another
	// (skeleton.principleLinks).
	CleanLinks template.HTML
	// NotChecked are the principles whose rules the municipality switched
	// off, wholly or in part: never shown with a tick.
	NotChecked []template.HTML
	// Deviations are the configuration's changes to rules that concern
	// records of this kind.
	Deviations  []deviationView
	Other       []template.HTML
	Uses        []relatedLink
	UsedBy      []relatedLink
	History     []historyRow
	ShowAuthors bool
	ReportURL   string
	UpdateURL   string // the notification form pre-filled, for a sensor's operator
	SourceURL   string
}

func severityView(lang string, s finding.Severity) (class, sym, level string) {
	switch s {
	case finding.Error:
		return "sev-error", symError, t(lang, "sev.error")
	case finding.Warning:
		return "sev-warning", symWarn, t(lang, "sev.warning")
	}
	return "sev-info", symInfo, t(lang, "sev.info")
}

func (b *builder) recordBody(lang string, r *record.Record, sk *skeleton) (*recordBody, error) {
	p := b.recordPath(lang, r)
	root := rootFor(p)
	principlesURL := root + b.pagePath(lang, "principles")
	body := &recordBody{
		Lang: lang, Name: r.Name, NameLang: otherLang(lang, contentLang),
		KindLabel: valueLabel(lang, "kind", string(r.Kind)), TypeLabel: typeLabel(lang, r),
		Status: statusView(lang, r.Status), Checked: b.checked, ShowAuthors: b.cfg.Site.ShowCommitAuthors,
		ReportURL: b.reportURL(lang, r), UpdateURL: b.updateURL(lang, r),
		Held: heldView(r),
	}
	if r.IsWithheld("summary") {
		body.SummaryWithheld = true
	} else {
		body.Summary = splitParas(r.Summary)
		body.SummaryLang = otherLang(lang, contentLang)
	}
	if r.Publication != nil && len(r.Publication.Withheld) > 0 {
		for _, w := range r.Publication.Withheld {
			body.Withheld = append(body.Withheld, fieldLabel(lang, w))
		}
		body.WithheldWhy = strings.TrimSpace(r.Publication.Reason)
	}
	fc := &fieldCtx{b: b, sk: sk, lang: lang, root: root, r: r}
	var err error
	if body.Sections, err = fc.sections(); err != nil {
		return nil, err
	}
	for i := range body.Sections {
		body.Sections[i].Head = sk.heads[body.Sections[i].ID]
	}
	if b.withSource[r.ID] {
		body.SourceURL = root + sourcePath(r)
	}

	switch st, date := b.evalState(r); {
	case r.IsWithheld("evaluation"):
		body.Eval = sevView{"sev-info", symLock, t(lang, "withheld")}
	case st == "lapsed":
		body.Eval = sevView{"sev-error", symError, tf(lang, "eval.lapsed", longDate(lang, date))}
	case st == "soon":
		body.Eval = sevView{"sev-warning", symWarn, tf(lang, "eval.soon", longDate(lang, date))}
	case st == "ok":
		body.Eval = sevView{"sev-ok", symOK, tf(lang, "eval.ok", longDate(lang, date))}
	case st == "na":
		body.Eval = sevView{"sev-info", symInfo, t(lang, "eval.na")}
	default:
		body.Eval = sevView{"sev-warning", symWarn, t(lang, "eval.unknown")}
	}

	// Findings grouped by the principle they cite; a finding that cites no
	// known principle (a schema problem, say) is listed on its own.
	fs := b.findingsOf(r.ID)
	matched := make([]bool, len(fs))
	var clean []template.HTML
	i := langIndex(lang)
	for pi := range principles {
		pr := &principles[pi]
		anchor := principleAnchors[pi]
		var found []findingView
		worst := finding.Off
		for fi, f := range fs {
			if !slices.Contains(b.refAnchors[f.Principle], anchor) {
				continue
			}
			matched[fi] = true
			worst = max(worst, f.Severity)
			found = append(found, newFindingView(lang, b.rules[f.Rule].Title[i], f))
		}
		line := func(name, class, icon, level string) error {
			row := &principleRow{URL: principlesURL + "#" + anchor, Ref: pr.Ref, Label: pr.Label[i], Class: class, Icon: icon, Level: level, Findings: found}
			h, err := sk.part(row.key(name), name, row)
			if name == "problem" {
				body.Problems = append(body.Problems, h)
			} else {
				body.NotChecked = append(body.NotChecked, h)
			}
			return err
		}
		if worst > finding.Off {
			c, sym, l := severityView(lang, worst)
			if err := line("problem", c, sym, l); err != nil {
				return nil, err
			}
			continue
		}
		if !pr.appliesTo(r.Kind) {
			continue
		}
		// A tick only where a rule ran and found nothing.
		switch st := b.checkedState(anchor); st {
		case "ok":
			clean = append(clean, sk.principleLinks[pi])
		case "off", "partly":
			if err := line("notchecked", "sev-info", symInfo, t(lang, map[string]string{"off": "notcheckedoff", "partly": "partlycheckedoff"}[st])); err != nil {
				return nil, err
			}
		}
	}
	for fi, f := range fs {
		if !matched[fi] {
			fv := newFindingView(lang, b.rules[f.Rule].Title[i], f)
			h, err := sk.part("other\x00"+fv.key(), "other", &fv)
			if err != nil {
				return nil, err
			}
			body.Other = append(body.Other, h)
		}
	}
	if len(fs) > 0 {
		body.Checked = true
	}
	body.CleanText = fmt.Sprintf(t(lang, "nofindingsat"), len(clean))
	// Links the template engine wrote, joined by a comma.
	body.CleanLinks = joinHTML(clean, ", ")
	body.Deviations = b.deviationViews(lang, root, r.Kind)

	if r.Kind == record.Algorithm && !r.IsWithheld("uses_sensors") {
		for _, id := range r.UsesSensors {
			// The view names only public sensors; a sensor that is not
			// public is left out, id and all.
			if s := b.reg.ByID(id); s != nil && s.IsPublic() {
				body.Uses = append(body.Uses, relatedLink{URL: root + b.recordPath(lang, s), Name: s.Name, Note: typeLabel(lang, s)})
			}
		}
	}
	for _, a := range b.usedBy[r.ID] {
		body.UsedBy = append(body.UsedBy, relatedLink{URL: root + b.recordPath(lang, a), Name: a.Name, Note: typeLabel(lang, a)})
	}

	if h, ok := b.opts.History[r.File]; ok {
		for _, c := range h.Changes {
			what := t(lang, "changed")
			if c.Added {
				what = t(lang, "added")
			}
			// A commit subject is free text: it may name a withheld value.
			row := historyRow{Date: *datePiece(lang, c.Date).Time, What: what, Subject: b.pub.Scrub(b.loaded.ByID(r.ID), c.Subject, lang)}
			if !c.Added {
				row.Fields = changedFields(lang, c.Fields)
			}
			if body.ShowAuthors {
				row.Author = c.Author
			}
			body.History = append(body.History, row)
		}
	}
	return body, nil
}

// changedFields names changed fields for a reader, each by the nearest
// field the table names on its own (field.Nearest: "lifecycle.end" →
// "Looptijd: einde", "decisions.1.date" → "Besluiten"), without repeats.
func changedFields(lang string, paths []string) string {
	var out []string
	for _, p := range paths {
		if name := field.Nearest(lang, p); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// joinHTML joins HTML the template engine wrote with a separator that holds
// no markup.
func joinHTML(parts []template.HTML, sep string) template.HTML {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(p))
	}
	return template.HTML(b.String())
}
