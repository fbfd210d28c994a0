package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
)

type section struct {
	ID    string
	Title string
	Body  template.HTML
}

type findingView struct {
	Title   string // the rule's title in the page's language, when known
	Class   string
	Icon    string
	Level   string
	Message string
	Help    string
	Lang    string // the language Message and Help are in
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
	return findingView{Title: title, Class: c, Icon: s, Level: l, Message: msg, Help: help, Lang: textLang, Rule: f.Rule}
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

type relatedLink struct {
	URL  string
	Name string
	Note string
}

type historyRow struct {
	Date    template.HTML
	What    string
	Subject string
	Author  string
	Fields  string // labels of the changed fields
}

type recordBody struct {
	ID        string
	KindLabel string
	TypeLabel string
	Status    template.HTML
	Summary   template.HTML
	// SummaryWithheld: the summary slot holds the site's own words.
	SummaryWithheld bool
	Withheld        []string
	WithheldWhy     string
	Sections        []section
	EvalClass       string
	EvalIcon        string
	EvalText        string
	Checked         bool
	Problems        []principleRow
	Clean           []principleRow
	// NotChecked are the principles whose rules the municipality switched
	// off, wholly or in part: never shown with a tick.
	NotChecked []principleRow
	// Deviations are the configuration's changes to rules that concern
	// records of this kind.
	Deviations  []deviationView
	Other       []findingView
	Uses        []relatedLink
	UsedBy      []relatedLink
	History     []historyRow
	HasHistory  bool
	ShowAuthors bool
	ReportURL   string
	UpdateURL   string // the notification form pre-filled, for a sensor's operator
	SourceURL   string
	Principles  string
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

func (b *builder) recordBody(lang string, r *record.Record) recordBody {
	p := b.recordPath(lang, r)
	root := rootFor(p)
	principlesURL := root + b.pagePath(lang, "principles")
	body := recordBody{
		ID: r.ID, KindLabel: valueLabel(lang, "kind", string(r.Kind)), TypeLabel: typeLabel(lang, r),
		Status: statusView(lang, r.Status), Checked: b.checked, ShowAuthors: b.cfg.Site.ShowCommitAuthors,
		ReportURL: b.reportURL(lang, r), UpdateURL: b.updateURL(lang, r), Principles: principlesURL,
	}
	fw := &fieldWriter{lang: lang, r: r, root: root, b: b}
	if r.IsWithheld("summary") {
		body.SummaryWithheld = true
		body.Summary = template.HTML(fw.withheldText())
	} else {
		body.Summary = template.HTML(paragraphs(r.Summary))
	}
	if r.Publication != nil && len(r.Publication.Withheld) > 0 {
		for _, w := range r.Publication.Withheld {
			body.Withheld = append(body.Withheld, fieldLabel(lang, w))
		}
		body.WithheldWhy = strings.TrimSpace(r.Publication.Reason)
	}
	body.Sections = fw.sections()
	if b.withSource[r.ID] {
		body.SourceURL = root + sourcePath(r)
	}

	switch st, date := b.evalState(r); {
	case r.IsWithheld("evaluation"):
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-info", symLock, t(lang, "withheld")
	case st == "lapsed":
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-error", symError, tf(lang, "eval.lapsed", longDate(lang, date))
	case st == "soon":
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-warning", symWarn, tf(lang, "eval.soon", longDate(lang, date))
	case st == "ok":
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-ok", symOK, tf(lang, "eval.ok", longDate(lang, date))
	case st == "na":
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-info", symInfo, t(lang, "eval.na")
	default:
		body.EvalClass, body.EvalIcon, body.EvalText = "sev-warning", symWarn, t(lang, "eval.unknown")
	}

	// Findings grouped by the principle they cite; a finding that cites no
	// known principle (a schema problem, say) is listed on its own.
	fs := b.findings[r.ID]
	matched := make([]bool, len(fs))
	i := langIndex(lang)
	for pi := range principles {
		pr := &principles[pi]
		anchor := principleAnchors[pi]
		row := principleRow{URL: principlesURL + "#" + anchor, Ref: pr.Ref, Label: pr.Label[i]}
		worst := finding.Off
		for fi, f := range fs {
			if !slices.Contains(b.refAnchors[f.Principle], anchor) {
				continue
			}
			matched[fi] = true
			worst = max(worst, f.Severity)
			row.Findings = append(row.Findings, newFindingView(lang, b.rules[f.Rule].Title[i], f))
		}
		if worst > finding.Off {
			row.Class, row.Icon, row.Level = severityView(lang, worst)
			body.Problems = append(body.Problems, row)
			continue
		}
		if !pr.appliesTo(r.Kind) {
			continue
		}
		// A tick only where a rule ran and found nothing.
		switch b.checkedState(anchor) {
		case "ok":
			row.Class, row.Icon, row.Level = "sev-ok", symOK, t(lang, "nofindings")
			body.Clean = append(body.Clean, row)
		case "off":
			row.Class, row.Icon, row.Level = "sev-info", symInfo, t(lang, "notcheckedoff")
			body.NotChecked = append(body.NotChecked, row)
		case "partly":
			row.Class, row.Icon, row.Level = "sev-info", symInfo, t(lang, "partlycheckedoff")
			body.NotChecked = append(body.NotChecked, row)
		}
	}
	for fi, f := range fs {
		if !matched[fi] {
			body.Other = append(body.Other, newFindingView(lang, b.rules[f.Rule].Title[i], f))
		}
	}
	if len(fs) > 0 {
		body.Checked = true
	}
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
		body.HasHistory = true
		for _, c := range h.Changes {
			what := t(lang, "changed")
			if c.Added {
				what = t(lang, "added")
			}
			// A commit subject is free text: it may name a withheld value.
			row := historyRow{Date: template.HTML(dateTag(lang, c.Date)), What: what, Subject: b.pub.Scrub(b.loaded.ByID(r.ID), c.Subject, lang)}
			if !c.Added {
				row.Fields = changedFields(lang, c.Fields)
			}
			if body.ShowAuthors {
				row.Author = c.Author
			}
			body.History = append(body.History, row)
		}
	}
	return body
}

// changedFields names changed fields for a reader: each path by the label of
// the nearest field the glossary names ("lifecycle.end" → "Einde",
// "decisions.1.date" → the decisions label), without repeats.
func changedFields(lang string, paths []string) string {
	var out []string
	for _, p := range paths {
		parts := strings.Split(p, ".")
		name := ""
		for n := len(parts); n > 0 && name == ""; n-- {
			if l, ok := field.Label(lang, strings.Join(parts[:n], ".")); ok {
				name = l
			}
		}
		if name == "" {
			name = parts[0]
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// fieldWriter renders a record's fields as HTML, with labels, "niet
// openbaar" for withheld fields, and every text escaped.
type fieldWriter struct {
	lang string
	r    *record.Record
	root string
	b    *builder
	out  strings.Builder
}

func (w *fieldWriter) withheldText() string {
	s := `<span class="withheld">` + icon(symLock) + esc(t(w.lang, "withheld")) + `</span>`
	if w.r.Publication != nil && strings.TrimSpace(w.r.Publication.Reason) != "" {
		s += ` <span class="reason">(` + esc(t(w.lang, "reason")) + `: ` + esc(w.r.Publication.Reason) + `)</span>`
	}
	return s
}

// row writes one field. value is HTML built with the helpers; an empty value
// is left out unless required, which shows "Niet ingevuld" instead so a
// missing answer is visible.
func (w *fieldWriter) row(path string, required bool, value func() string) {
	label := fieldLabel(w.lang, path)
	if w.r.IsWithheld(path) {
		w.out.WriteString(`<dt>` + esc(label) + `</dt><dd>` + w.withheldText() + `</dd>`)
		return
	}
	v := value()
	if v == "" {
		if !required {
			return
		}
		v = `<span class="missing">` + esc(t(w.lang, "notstated")) + `</span>`
	}
	w.out.WriteString(`<dt>` + esc(label) + `</dt><dd>` + v + `</dd>`)
}

func (w *fieldWriter) text(path string, required bool, s string) {
	w.row(path, required, func() string {
		p := paragraphs(s)
		if p == "" || w.lang == contentLang {
			return p
		}
		return `<div lang="` + contentLang + `">` + p + `</div>`
	})
}

func (w *fieldWriter) enum(path, field string, required bool, v string) {
	w.row(path, required, func() string {
		if v == "" {
			return ""
		}
		return esc(valueLabel(w.lang, field, v))
	})
}

func (w *fieldWriter) boolean(path string, required bool, v *bool) {
	w.row(path, required, func() string {
		if v == nil {
			return ""
		}
		if *v {
			return esc(t(w.lang, "yes"))
		}
		return esc(t(w.lang, "no"))
	})
}

func (w *fieldWriter) date(path string, required bool, v string) {
	w.row(path, required, func() string { return dateTag(w.lang, v) })
}

func (w *fieldWriter) list(path, field string, vs []string) {
	w.row(path, false, func() string {
		if len(vs) == 0 {
			return ""
		}
		var b strings.Builder
		b.WriteString(`<ul class="plain">`)
		for _, v := range vs {
			b.WriteString(`<li>` + esc(valueLabel(w.lang, field, v)) + `</li>`)
		}
		b.WriteString(`</ul>`)
		return b.String()
	})
}

func (w *fieldWriter) url(path string, required bool, v string) {
	w.row(path, required, func() string { return link(v, "") })
}

// table writes a list of structures as a table with a caption and column
// headers; cells are HTML built with the helpers.
func (w *fieldWriter) table(path string, cols []string, rows [][]string) {
	if w.r.IsWithheld(path) {
		w.out.WriteString(`<dl><dt>` + esc(fieldLabel(w.lang, path)) + `</dt><dd>` + w.withheldText() + `</dd></dl>`)
		return
	}
	if len(rows) == 0 {
		return
	}
	id := "t-" + strings.ReplaceAll(path, ".", "-")
	w.out.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="` + id + `"><table><caption id="` + id + `">` + esc(fieldLabel(w.lang, path)) + `</caption><thead><tr>`)
	for _, c := range cols {
		w.out.WriteString(`<th scope="col">` + esc(t(w.lang, c)) + `</th>`)
	}
	w.out.WriteString(`</tr></thead><tbody>`)
	for _, row := range rows {
		w.out.WriteString(`<tr>`)
		for i, cell := range row {
			if i == 0 {
				w.out.WriteString(`<th scope="row">` + cell + `</th>`)
			} else {
				w.out.WriteString(`<td>` + cell + `</td>`)
			}
		}
		w.out.WriteString(`</tr>`)
	}
	w.out.WriteString(`</tbody></table></div>`)
}

func (w *fieldWriter) open() { w.out.WriteString(`<dl>`) }

func (w *fieldWriter) close() { w.out.WriteString(`</dl>`) }

// flush ends a section and returns what was written, or "" when nothing was.
func (w *fieldWriter) flush() template.HTML {
	s := strings.ReplaceAll(w.out.String(), "<dl></dl>", "")
	w.out.Reset()
	return template.HTML(s)
}

func boolPtrText(lang string, v *bool) string {
	if v == nil {
		return ""
	}
	if *v {
		return esc(t(lang, "yes"))
	}
	return esc(t(lang, "no"))
}

// sections renders every field of the record, grouped for a reader.
func (w *fieldWriter) sections() []section {
	r, lang := w.r, w.lang
	var out []section
	add := func(id, key string) {
		if body := w.flush(); body != "" {
			out = append(out, section{ID: id, Title: t(lang, "fieldsection."+key), Body: body})
		}
	}
	isAlg := r.Kind == record.Algorithm
	personal := r.ProcessesPersonalData()

	w.open()
	w.row("id", false, func() string { return `<code>` + esc(r.ID) + `</code>` })
	w.text("purpose", true, r.Purpose)
	w.text("problem", true, r.Problem)
	w.text("alternatives", true, r.Alternatives)
	w.list("themes", "themes", r.Themes)
	w.close()
	add("wat", "what")

	w.open()
	if r.Kind == record.Sensor {
		w.enum("sensor_type", "sensor_type", true, r.SensorType)
		if r.HasRegime() {
			w.enum("camera_regime", "camera_regime", true, r.CameraRegime)
		}
		w.list("capabilities", "capabilities", r.Capabilities)
		w.row("quantity", false, func() string { return strconv.Itoa(max(r.Quantity, 1)) })
		if r.IsWithheld("location") {
			w.row("location", true, nil)
		} else if l := r.Location; l != nil {
			w.text("location.description", true, l.Description)
			w.text("location.area", false, l.Area)
			w.row("location.mobile", false, func() string {
				if !l.Mobile {
					return ""
				}
				return esc(t(lang, "yes"))
			})
			w.row("location.point", false, func() string {
				p := opendata.Position(r)
				if p == nil {
					return ""
				}
				return esc(fmt.Sprintf("%.6f, %.6f", p.Lat, p.Lon)) + ` (<a href="` + w.root + w.b.pagePath(lang, "map") + `#s-` + esc(r.ID) + `">` + esc(t(lang, "map")) + `</a>)`
			})
			w.row("location.polygon", false, func() string {
				if opendata.Polygon(r) == nil {
					return ""
				}
				return esc(t(lang, "yes")) + ` (<a href="` + w.root + w.b.pagePath(lang, "map") + `#s-` + esc(r.ID) + `">` + esc(t(lang, "map")) + `</a>)`
			})
			w.row("location.point_rd", false, func() string {
				if l.PointRD == nil || opendata.PositionWithheld(r) {
					return ""
				}
				return esc(fmt.Sprintf("x %.0f, y %.0f", l.PointRD.X, l.PointRD.Y))
			})
		}
		w.row("signage", r.HasRegime(), func() string {
			if r.Signage == nil {
				return ""
			}
			s := boolPtrText(lang, r.Signage.Present)
			if d := paragraphs(r.Signage.Description); d != "" {
				s += d
			}
			return s
		})
		w.row("minimisation", false, func() string {
			if r.Minimisation == nil {
				return ""
			}
			var b strings.Builder
			if len(r.Minimisation.Measures) > 0 {
				b.WriteString(`<ul class="plain">`)
				for _, m := range r.Minimisation.Measures {
					b.WriteString(`<li>` + esc(valueLabel(lang, "minimisation.measures", m)) + `</li>`)
				}
				b.WriteString(`</ul>`)
			}
			b.WriteString(paragraphs(r.Minimisation.Notes))
			return b.String()
		})
		w.row("vendor", false, func() string {
			if r.Vendor == nil {
				return ""
			}
			var parts []string
			for _, p := range []string{r.Vendor.Manufacturer, r.Vendor.Model, r.Vendor.Country} {
				if p != "" {
					parts = append(parts, esc(p))
				}
			}
			return strings.Join(parts, ", ")
		})
		w.close()
		var rows [][]string
		for _, m := range r.Measures {
			rows = append(rows, []string{esc(m.Property), esc(m.Unit), esc(m.Frequency)})
		}
		w.table("measures", []string{"col.property", "col.unit", "col.frequency"}, rows)
		add("sensor", "sensor")
	} else {
		w.enum("algorithm_type", "algorithm_type", true, r.AlgorithmType)
		w.enum("role", "role", true, r.Role)
		w.boolean("affects_individuals", true, r.AffectsIndividuals)
		w.enum("publication_category", "publication_category", true, r.PublicationCategory)
		w.boolean("self_learning", true, r.SelfLearning)
		affects := r.AffectsIndividuals != nil && *r.AffectsIndividuals
		w.text("explanation", true, r.Explanation)
		w.text("human_oversight", affects, r.HumanOversight)
		w.text("objection", affects, r.Objection)
		w.row("source_code", true, func() string {
			sc := r.SourceCode
			if sc == nil {
				return ""
			}
			var b strings.Builder
			if sc.URL != "" && !r.IsWithheld("source_code.url") {
				b.WriteString(link(sc.URL, ""))
			}
			if sc.Licence != "" {
				b.WriteString(` (` + esc(sc.Licence) + `)`)
			}
			if sc.UnavailableReason != "" {
				b.WriteString(paragraphs(sc.UnavailableReason))
			}
			return b.String()
		})
		w.row("national_register", false, func() string {
			if r.NationalRegister == nil {
				return ""
			}
			return link(r.NationalRegister.URL, r.NationalRegister.ID)
		})
		w.close()
		var rows [][]string
		for i, d := range r.Datasets {
			u := ""
			if !r.IsWithheld(fmt.Sprintf("datasets.%d.url", i)) && !r.IsWithheld("datasets.url") {
				u = link(d.URL, "")
			}
			name := esc(d.Name)
			if strings.Contains(d.Name, "\n") {
				// A description of the data kept whole as one dataset (the
				// national register's "Gegevens"): its paragraphs as written.
				name = paragraphs(d.Name)
			}
			rows = append(rows, []string{name, esc(d.Source), paragraphs(d.Description), boolPtrText(lang, d.PersonalData), u})
		}
		w.table("datasets", []string{"col.name", "col.source", "col.description", "col.pd", "col.link"}, rows)
		add("algoritme", "algorithm")
	}

	w.open()
	w.row("organisation", true, func() string {
		s := esc(r.Organisation.Name)
		if r.Organisation.Type != "" {
			s += ` (` + esc(valueLabel(lang, "organisation.type", r.Organisation.Type)) + `)`
		}
		return s
	})
	w.row("organisation.kvk", false, func() string { return esc(r.Organisation.KvK) })
	w.row("owner.role", true, func() string { return esc(r.Owner.Role) })
	w.row("owner.department", false, func() string { return esc(r.Owner.Department) })
	w.row("owner.email", true, func() string { return esc(r.Owner.Email) })
	w.row("owner.phone", false, func() string { return esc(r.Owner.Phone) })
	w.close()
	add("wie", "who")

	w.open()
	w.row("legal_basis", personal, func() string {
		lb := r.LegalBasis
		if lb == nil {
			return ""
		}
		var b strings.Builder
		b.WriteString(esc(valueLabel(lang, "legal_basis.regime", lb.Regime)))
		if lb.GDPRGround != "" {
			b.WriteString(`: ` + esc(valueLabel(lang, "legal_basis.gdpr_ground", lb.GDPRGround)))
		}
		b.WriteString(paragraphs(lb.Law))
		if lb.OutsidePublicTask != "" {
			b.WriteString(paragraphs(fieldLabel(lang, "legal_basis.outside_public_task") + ": " + lb.OutsidePublicTask))
		}
		if len(lb.Links) > 0 {
			b.WriteString(`<ul class="plain">`)
			for _, l := range lb.Links {
				b.WriteString(`<li>` + link(l, "") + `</li>`)
			}
			b.WriteString(`</ul>`)
		}
		return b.String()
	})
	w.url("processing_register_url", false, r.ProcessingRegisterURL)
	w.date("registered_on", false, r.RegisteredOn)
	w.close()
	var rows [][]string
	for _, d := range r.Decisions {
		rows = append(rows, []string{esc(valueLabel(lang, "decisions.body", d.Body)), esc(valueLabel(lang, "decisions.kind", d.Kind)), dateTag(lang, d.Date), link(d.Reference, "")})
	}
	w.table("decisions", []string{"col.body", "col.kind", "col.date", "col.reference"}, rows)
	add("besluiten", "law")

	w.open()
	w.enum("personal_data.processed", "personal_data.processed", true, r.PersonalData.Processed)
	w.row("personal_data.categories", false, func() string {
		if len(r.PersonalData.Categories) == 0 {
			return ""
		}
		return esc(strings.Join(r.PersonalData.Categories, ", "))
	})
	w.boolean("personal_data.special_categories", false, r.PersonalData.SpecialCategories)
	w.enum("personal_data.special_categories_ground", "personal_data.special_categories_ground", false, r.PersonalData.SpecialGround)
	w.text("personal_data.special_categories_law", false, r.PersonalData.SpecialLaw)
	w.row("dpia", personal, func() string {
		d := r.DPIA
		if d == nil {
			return ""
		}
		s := esc(valueLabel(lang, "dpia.status", d.Status))
		if d.Date != "" {
			s += `, ` + dateTag(lang, d.Date)
		}
		if d.URL != "" && !r.IsWithheld("dpia.url") {
			s += ` – ` + link(d.URL, t(lang, "col.link"))
		}
		return s + paragraphs(d.Reason)
	})
	w.row("retention", personal, func() string {
		switch r.Retention {
		case "":
			return ""
		case "not_stored":
			return esc(map[bool]string{true: "Not stored", false: "Wordt niet opgeslagen"}[lang == "en"])
		}
		return esc(humanDuration(lang, r.Retention))
	})
	w.row("data_rights", false, func() string {
		if r.DataRights == nil {
			return ""
		}
		s := esc(valueLabel(lang, "data_rights.holder", r.DataRights.Holder))
		if r.DataRights.ResaleForbidden != nil && *r.DataRights.ResaleForbidden {
			s += esc(map[bool]string{true: "; resale forbidden", false: "; doorverkopen verboden"}[lang == "en"])
		}
		return s
	})
	w.row("open_data", false, func() string {
		if r.OpenData == nil {
			return ""
		}
		s := link(r.OpenData.URL, "")
		if r.OpenData.Licence != "" {
			s += ` (` + esc(r.OpenData.Licence) + `)`
		}
		return s
	})
	w.close()
	rows = nil
	for _, d := range r.DataSharing {
		period := dateTag(lang, d.Start) + " – " + dateTag(lang, d.End)
		rows = append(rows, []string{esc(d.Party), paragraphs(d.Purpose), period, esc(humanDuration(lang, d.Retention)), boolPtrText(lang, d.OnwardSharing)})
	}
	w.table("data_sharing", []string{"col.party", "col.purpose", "col.period", "col.retention", "col.onward"}, rows)
	add("privacy", "privacy")

	if personal || r.Correction != nil {
		w.correction()
		add("fout-in-uw-gegevens", "correction")
	}

	w.open()
	w.row("risks", personal, func() string {
		rk := r.Risks
		if rk == nil {
			return ""
		}
		var b strings.Builder
		for _, part := range []struct{ path, text string }{
			{"risks.chilling_effect", rk.ChillingEffect}, {"risks.discrimination", rk.Discrimination},
			{"risks.stacking", rk.Stacking}, {"risks.mitigations", rk.Mitigations},
		} {
			if part.text != "" && !r.IsWithheld(part.path) {
				b.WriteString(`<p><strong>` + esc(fieldLabel(lang, part.path)) + `:</strong> ` + strings.ReplaceAll(esc(part.text), "\n", "<br>") + `</p>`)
			}
		}
		return b.String()
	})
	w.row("ai_act", isAlg, func() string {
		a := r.AIAct
		if a == nil {
			return ""
		}
		s := esc(valueLabel(lang, "ai_act.category", a.Category)) + paragraphs(a.Basis)
		part := func(path, v string) {
			if v != "" {
				s += `<p>` + esc(fieldLabel(lang, path)) + `: ` + esc(v) + `</p>`
			}
		}
		part("ai_act.role", valueLabel(lang, "ai_act.role", a.Role))
		part("ai_act.annex_iii", a.AnnexIII)
		part("ai_act.annex_i", a.AnnexI)
		part("ai_act.exemption_6_3", a.Exemption)
		var duties []string
		for _, d := range a.Transparency {
			duties = append(duties, valueLabel(lang, "ai_act.transparency", d))
		}
		part("ai_act.transparency", strings.Join(duties, "; "))
		if a.FRIA != nil {
			s += `<p>` + esc(fieldLabel(lang, "ai_act.fria")) + `: ` + dateTag(lang, a.FRIA.Date) + ` ` + link(a.FRIA.URL, t(lang, "col.link")) + `</p>`
		}
		if a.EUDatabaseID != "" {
			s += `<p>` + esc(fieldLabel(lang, "ai_act.eu_database_id")) + `: ` + esc(a.EUDatabaseID) + `</p>`
		}
		return s
	})
	w.close()
	rows = nil
	for _, a := range r.Assessments {
		rows = append(rows, []string{esc(a.Type), dateTag(lang, a.Date), paragraphs(a.Summary), link(a.URL, "")})
	}
	w.table("assessments", []string{"col.type", "col.date", "col.summary", "col.link"}, rows)
	w.table("reviews", []string{"col.body", "col.advice", "col.response"}, w.reviewRows())
	rows = nil
	for _, e := range r.Exceptions {
		basis := esc(e.LegalBasis)
		// What the AI Act asks of the police's biometric identification,
		// so residents can see on what the exception rests.
		if e.Objective != "" {
			basis += `<p>` + esc(t(lang, "exc.objective")) + `: ` + esc(valueLabel(lang, "exceptions.objective", e.Objective)) + `</p>`
		}
		if e.NationalLaw != "" {
			basis += `<p>` + esc(t(lang, "exc.nationallaw")) + `: ` + esc(e.NationalLaw) + `</p>`
		}
		if a := e.Authorisation; a != nil {
			basis += `<p>` + esc(t(lang, "exc.authorisation")) + `: ` + esc(a.Authority) + " " + dateTag(lang, a.Date) + " " + esc(a.Reference) + `</p>`
		}
		rows = append(rows, []string{esc(e.Rule), paragraphs(e.Reason), basis, esc(e.ApprovedBy) + " " + dateTag(lang, e.ApprovedOn), dateTag(lang, e.Until)})
	}
	w.table("exceptions", []string{"col.rule", "col.reason", "col.legalbasis", "col.approvedby", "col.until"}, rows)
	add("risico", "risk")

	w.open()
	w.date("lifecycle.start", true, r.Lifecycle.Start)
	w.date("lifecycle.end", true, r.Lifecycle.End)
	w.text("lifecycle.extension_criteria", false, r.Lifecycle.ExtensionCriteria)
	w.row("evaluation.interval", false, func() string {
		if r.Evaluation.Interval == "" {
			return ""
		}
		return esc(humanDuration(lang, r.Evaluation.Interval))
	})
	w.date("evaluation.last", false, r.Evaluation.Last)
	w.text("evaluation.outcome", false, r.Evaluation.Outcome)
	w.close()
	add("looptijd", "time")

	w.open()
	w.row("security", false, func() string {
		s := r.Security
		if s == nil {
			return ""
		}
		var b strings.Builder
		if s.LastAudit != "" {
			b.WriteString(`<p>` + esc(fieldLabel(lang, "security.last_audit")) + `: ` + dateTag(lang, s.LastAudit) + `</p>`)
		}
		if s.AuditURL != "" && !r.IsWithheld("security.audit_url") {
			b.WriteString(`<p>` + link(s.AuditURL, fieldLabel(lang, "security.audit_url")) + `</p>`)
		}
		if !r.IsWithheld("security.measures") {
			b.WriteString(paragraphs(s.Measures))
		}
		return b.String()
	})
	w.row("supplier", false, func() string {
		s := r.Supplier
		if s == nil {
			return ""
		}
		out := esc(s.Name)
		if s.ContractEnd != "" {
			out += `<p>` + esc(fieldLabel(lang, "supplier.contract_end")) + `: ` + dateTag(lang, s.ContractEnd) + `</p>`
		}
		if len(s.Conditions) > 0 {
			out += `<p>` + esc(fieldLabel(lang, "supplier.conditions")) + `: ` + esc(strings.Join(s.Conditions, ", ")) + `</p>`
		}
		return out
	})
	w.close()
	add("beveiliging", "security")

	// Incidents show their type, dates and summary only (the summary is
	// written for publication; the rest are working notes).
	rows = nil
	for _, in := range r.Incidents {
		rows = append(rows, []string{esc(valueLabel(lang, "incidents.type", in.Type)), dateTimeTag(lang, in.Discovered), dateTimeTag(lang, in.Reported), paragraphs(in.Summary)})
	}
	w.table("incidents", []string{"col.type", "col.discovered", "col.reported", "col.summary"}, rows)
	add("incidenten", "incidents")

	if len(r.Links) > 0 || r.IsWithheld("links") {
		w.open()
		w.row("links", false, func() string {
			var b strings.Builder
			b.WriteString(`<ul class="plain">`)
			for _, l := range r.Links {
				b.WriteString(`<li>` + link(l.URL, l.Title) + `</li>`)
			}
			b.WriteString(`</ul>`)
			return b.String()
		})
		w.close()
		add("meer", "more")
	}
	return out
}
