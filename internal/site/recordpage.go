package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
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
	if lang == "nl" && f.Message.In("nl") != "" {
		textLang = "nl"
	}
	mark := textLang
	if mark == lang {
		mark = ""
	}
	return findingView{Title: title, Class: c, Icon: s, Level: l, Message: msg, Help: help, Lang: textLang, Mark: mark, Rule: f.Rule}
}

// appendKey appends what the finding's line shows to dst.
func (f *findingView) appendKey(dst []byte) []byte {
	for _, s := range [...]string{f.Title, f.Class, f.Level, f.Message, f.Help, f.Mark, f.Rule} {
		dst = append(append(dst, s...), 0)
	}
	return dst
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

// appendKey appends what the line of the template name shows of the
// principle to dst: the same key, the same line.
func (p *principleRow) appendKey(dst []byte, name string) []byte {
	for _, s := range [...]string{name, p.URL, p.Class, p.Level} {
		dst = append(append(dst, s...), 0)
	}
	for i := range p.Findings {
		dst = p.Findings[i].appendKey(append(dst, 1))
	}
	return dst
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

// heldView is the page's withheldView for the public view r: its reason,
// which the filter scrubbed of every record's secrets when it made the
// view (publish.Public), so it is not scrubbed again here.
func heldView(r *record.Record, lang string) withheldView {
	return withheldView{Reason: publish.Reason(r, lang)}
}

// recordBody is what a record page shows of a record (appendRecordBody).
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
	// Sections are the field table's sections, as recordview.go wrote
	// them with record.html's templates.
	Sections  template.HTML
	Eval      sevView
	Checked   bool
	Problems  []template.HTML // lines of a principle with findings (appendPrincipleLine)
	CleanText string          // how many principles have no findings
	// CleanLinks link the principles without findings, one after another
	// (skeleton.principleLinks).
	CleanLinks template.HTML
	// Unreadable: the record's file does not follow the record format,
	// so no principle is ticked (checklist).
	Unreadable bool
	// NotChecked are the principles whose rules the municipality switched
	// off, wholly or in part: never shown with a tick.
	NotChecked []template.HTML
	// Deviations are the configuration's changes to rules that concern
	// records of this kind.
	Deviations []deviationView
	// Settings are the checklist's settings the configuration changed
	// that bear on this record (settingViews).
	Settings []settingView
	Other    []template.HTML
	// Undisclosed are the lines of the rules whose verdict on the record
	// rests on what it withholds, so is not public.
	Undisclosed []template.HTML
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

// recordBody is what the record page of r in lang shows.
func (b *builder) recordBody(lang string, r *record.Record, sk *skeleton) (*recordBody, error) {
	root := rootFor(b.recordPath(lang, r))
	body := &recordBody{
		Lang: lang, Name: r.Name, NameLang: otherLang(lang, contentLang),
		KindLabel: valueLabel(lang, "kind", string(r.Kind)), TypeLabel: typeLabel(lang, r),
		Status: recordStatus(lang, r), Checked: b.checked, ShowAuthors: b.cfg.Site.ShowCommitAuthors,
		ReportURL: b.reportURL(lang, r), UpdateURL: b.updateURL(lang, r),
		Held: heldView(r, lang), Eval: b.evalView(lang, r),
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
		body.WithheldWhy = body.Held.Reason
	}
	fc := &fieldCtx{b: b, sk: sk, lang: lang, root: root, r: r}
	var err error
	if body.Sections, err = fc.sections(); err != nil {
		return nil, err
	}
	if b.withSource[r.ID] {
		body.SourceURL = root + sourcePath(r)
	}
	if err := b.checklist(body, lang, root, r, sk); err != nil {
		return nil, err
	}
	body.Deviations = b.deviationViews(lang, root, r.Kind)
	body.Settings = b.settingViews(lang, r)
	body.Uses, body.UsedBy = b.related(lang, root, r)
	body.History = b.historyRows(lang, r)
	return body, nil
}

// ruleEvaluationLapsed judges an evaluation overdue, which the pages mark
// on their own.
const ruleEvaluationLapsed = "evaluation-lapsed"

// ruleMark is the class and the sign the pages mark a state with that the
// rule id judges, by the severity the configuration gives the rule: a
// warning's "!", not an error's "✗", and neither for a rule the
// municipality switched off or set to info, whose state is told, not
// judged.
func (b *builder) ruleMark(id string) (class, icon string) {
	sev := finding.Error
	if i := slices.IndexFunc(b.opts.Rules, func(r Rule) bool { return r.ID == id }); i >= 0 {
		sev = b.opts.Rules[i].Severity
	}
	switch sev {
	case finding.Error:
		return "sev-error", symError
	case finding.Warning:
		return "sev-warning", symWarn
	}
	return "sev-info", symInfo
}

// evalView is the state of the record's evaluation: withheld, lapsed, due
// soon, on time, not needed or not known.
func (b *builder) evalView(lang string, r *record.Record) sevView {
	switch st, date := b.evalState(r); {
	case st == "withheld":
		return sevView{"sev-info", symLock, t(lang, "withheld")}
	case st == "lapsed":
		class, icon := b.ruleMark(ruleEvaluationLapsed)
		return sevView{class, icon, tf(lang, "eval.lapsed", longDate(lang, date))}
	case st == "soon":
		return sevView{"sev-warning", symWarn, tf(lang, "eval.soon", longDate(lang, date))}
	case st == "ok":
		return sevView{"sev-ok", symOK, tf(lang, "eval.ok", longDate(lang, date))}
	case st == "na":
		return sevView{"sev-info", symInfo, t(lang, "eval.na")}
	}
	return sevView{"sev-warning", symWarn, t(lang, "eval.unknown")}
}

// checklist fills in the checklist: the record's findings grouped by the
// principle they cite, the principles found clean and those not checked; a
// finding that cites no known principle (a schema problem, say) is listed
// on its own.
func (b *builder) checklist(body *recordBody, lang, root string, r *record.Record, sk *skeleton) error {
	principlesURL := root + b.pagePath(lang, "principles")
	fs, hidden := b.findingsOf(r.ID)
	keptBack, allKeptBack := b.keptBackAnchors(hidden)
	matched := make([]bool, len(fs))
	var clean []template.HTML
	var key []byte
	i := langIndex(lang)
	// A field the record format does not know, or one of the wrong kind,
	// is read as absent, and a rule may then find nothing to fault where
	// it could not look: such a record earns no tick, only its findings.
	// Only a finding the page shows says so: one in a withheld field is
	// kept back, as is every verdict that reads that field, and saying
	// the file is malformed would tell something of the field.
	body.Unreadable = b.invalidFiles[r.File] && slices.ContainsFunc(fs, func(f finding.Finding) bool {
		return f.Rule == finding.RuleSchema || f.Rule == finding.RuleYAML
	})
	for pi := range principles {
		pr := &principles[pi]
		anchor := principleAnchors[pi]
		var found []findingView
		worst := finding.Off
		for fi, f := range fs {
			// A finding is shown under the principle it cites and under
			// every principle its rule checks: a DPIA finding that cites
			// VNG 6.4 (personal data only assumed) is still about the
			// DPIA principle, and a finding of the biometric ban about
			// the commitment to no live facial recognition it covers;
			// neither may read as met while it is open.
			if !slices.Contains(b.refAnchors[f.Principle], anchor) && !slices.Contains(b.ruleAnchors[f.Rule], anchor) {
				continue
			}
			matched[fi] = true
			worst = max(worst, f.Severity)
			found = append(found, newFindingView(lang, b.rules[f.Rule].Title[i], f))
		}
		var name, class, icon, level string
		switch {
		case worst > finding.Off:
			name = "problem"
			class, icon, level = severityView(lang, worst)
		case !pr.appliesTo(r.Kind):
			continue
		default:
			// A tick only where a rule ran and found nothing.
			switch st := b.checkedState(anchor); st {
			case "ok":
				// A tick on a principle a verdict kept back may cite
				// would tell that verdict.
				if b.ruleApplies(anchor, r) && !body.Unreadable && !allKeptBack && !keptBack[anchor] {
					clean = append(clean, sk.principleLinks[pi])
				}
				continue
			case "off", "partly":
				name = "notchecked"
				class, icon, level = "sev-info", symInfo, t(lang, map[string]string{"off": "notcheckedoff", "partly": "partlycheckedoff"}[st])
			default:
				continue
			}
		}
		row := &principleRow{URL: principlesURL + "#" + anchor, Ref: pr.Ref, Label: pr.Label[i], Class: class, Icon: icon, Level: level, Findings: found}
		key = row.appendKey(key[:0], name)
		h := sk.written(key, func(b []byte) []byte { return appendPrincipleLine(b, name == "problem", row) })
		if name == "problem" {
			body.Problems = append(body.Problems, h)
		} else {
			body.NotChecked = append(body.NotChecked, h)
		}
	}
	for fi, f := range fs {
		if !matched[fi] {
			fv := newFindingView(lang, b.rules[f.Rule].Title[i], f)
			key = fv.appendKey(append(key[:0], "other\x00"...))
			h := sk.written(key, func(b []byte) []byte { return appendOtherLine(b, &fv) })
			body.Other = append(body.Other, h)
		}
	}
	for _, id := range hidden {
		rule, known := b.rules[id]
		if known && !b.concernsKind(rule, r.Kind) {
			continue
		}
		line := undisclosedLine{Title: rule.Title[i], Ref: rule.Ref, Reason: body.Held.Reason}
		if !known {
			line.Title = id // a custom rule: its id is what the configuration names
		}
		if known {
			line.URL = principlesURL + "#rule-" + id
		}
		key = line.appendKey(append(key[:0], "undisclosed\x00"...))
		h := sk.written(key, func(b []byte) []byte { return appendUndisclosedLine(b, lang, &line) })
		body.Undisclosed = append(body.Undisclosed, h)
	}
	if len(fs) > 0 {
		body.Checked = true
	}
	body.CleanText = fmt.Sprintf(t(lang, "nofindingsat"), len(clean))
	// Links the template engine wrote, joined by a comma.
	body.CleanLinks = joinHTML(clean, ", ")
	return nil
}

// keptBackAnchors are the principles the rules whose verdicts are kept
// back (hidden) may cite: their own, those they cover and those they cite
// (principle.TestRulesCiteOnlyTheirPrinciples holds the rules to these),
// and a custom rule's configured one. all: a rule is hidden whose principles are
// not known, so that no principle may get a tick.
func (b *builder) keptBackAnchors(hidden []string) (anchors map[string]bool, all bool) {
	if len(hidden) == 0 {
		return nil, false
	}
	anchors = map[string]bool{}
	for _, id := range hidden {
		var as []string
		if rule, ok := b.rules[id]; ok {
			as = b.ruleAnchors[id]
			for _, c := range rule.Cites {
				as = append(as, refAnchors(c)...)
			}
		} else if c, ok := b.cfg.CustomRule(id); ok {
			as = refAnchors(principle.CustomRef(c))
		} else {
			return nil, true
		}
		for _, a := range as {
			anchors[a] = true
		}
	}
	return anchors, false
}

// undisclosedLine is a line of the checklist for a rule whose verdict on
// the record is not public: its title and principle, never its outcome.
type undisclosedLine struct {
	Title, Ref, URL, Reason string
}

func (l *undisclosedLine) appendKey(dst []byte) []byte {
	for _, s := range [...]string{l.Title, l.Ref, l.URL, l.Reason} {
		dst = append(append(dst, s...), 0)
	}
	return dst
}

// concernsKind reports whether a principle the rule checks concerns
// records of the kind: an algorithm's rule says nothing of a sensor.
func (b *builder) concernsKind(rule Rule, k record.Kind) bool {
	for _, a := range b.ruleAnchors[rule.ID] {
		if p := principleByRef[a]; p == nil || p.appliesTo(k) {
			return true
		}
	}
	return len(b.ruleAnchors[rule.ID]) == 0
}

// related are the public sensors the algorithm r uses and the algorithms
// that use the sensor r.
func (b *builder) related(lang, root string, r *record.Record) (uses, usedBy []relatedLink) {
	if r.Kind == record.Algorithm && !r.IsWithheld("uses_sensors") {
		for _, id := range r.UsesSensors {
			// The view names only public sensors; a sensor that is not
			// public is left out, id and all.
			if s := b.reg.ByID(id); s != nil && s.IsPublic() {
				uses = append(uses, relatedLink{URL: root + b.recordPath(lang, s), Name: s.Name, Note: typeLabel(lang, s)})
			}
		}
	}
	for _, a := range b.usedBy[r.ID] {
		usedBy = append(usedBy, relatedLink{URL: root + b.recordPath(lang, a), Name: a.Name, Note: typeLabel(lang, a)})
	}
	return uses, usedBy
}

// historyRows are the record's commits, newest first, as the history
// gives them.
func (b *builder) historyRows(lang string, r *record.Record) []historyRow {
	h, ok := b.opts.History[r.File]
	if !ok {
		return nil
	}
	var rows []historyRow
	for _, c := range h.Changes {
		what := t(lang, "changed")
		if c.Added {
			what = t(lang, "added")
		}
		// A commit subject is free text written for colleagues: shown
		// only when the register says so, and then without any record's
		// secrets.
		row := historyRow{Date: *datePiece(lang, c.Date).Time, What: what, Subject: b.pub.Subject(c.Subject, lang)}
		if !c.Added {
			row.Fields = changedFields(lang, c.Fields)
		}
		if b.cfg.Site.ShowCommitAuthors {
			row.Author = c.Author
		}
		rows = append(rows, row)
	}
	return rows
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
