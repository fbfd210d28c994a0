package site

import (
	"cmp"
	"github.com/voorbeeldstad/register/internal/config"
	"html/template"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

type countRow struct {
	Label   string
	URL     string
	Records int
	Devices int
	AtLeast bool // some quantity is not known: Devices is a lower bound
}

type reasonRow struct {
	Reason string
	Count  int
}

type dueRow struct {
	Name   string
	URL    string
	What   string
	Date   template.HTML
	Lapsed bool
	// Class and Icon mark a lapsed row by the severity of the rule that
	// judges it (ruleMark).
	Class, Icon string
}

type homeBody struct {
	Intro          string
	SearchURL      string
	Sensors        int
	Algorithms     int
	ListSensors    string
	ListAlgorithms string
	MapURL         string
	PrinciplesURL  string
	OpenDataURL    string
	DatasetsURL    string // "" without dataset pages
	SensorTypes    []countRow
	Categories     []countRow
	Devices        int
	DevicesAtLeast bool
	Unpublished    string
	Reasons        []reasonRow
	Skipped        string
	Lapsed         []dueRow
	LapsedMore     int
	New            []dueRow
}

// homeLimit caps the lapsed and new lists on the home page; the rest is
// on the list pages.
const homeLimit = 15

func (b *builder) homeBody(lang string) homeBody {
	p := b.pagePath(lang, "home")
	root := rootFor(p)
	who := b.cfg.Organisation
	if who == "" {
		who = t(lang, "introwho")
	}
	h := homeBody{
		Intro:          tf(lang, "intro", who),
		SearchURL:      root + b.pagePath(lang, "search"),
		ListSensors:    root + b.listPath(lang, record.Sensor),
		ListAlgorithms: root + b.listPath(lang, record.Algorithm),
		MapURL:         root + b.pagePath(lang, "map"),
		PrinciplesURL:  root + b.pagePath(lang, "principles"),
		OpenDataURL:    root + b.pagePath(lang, "opendata"),
		DatasetsURL:    b.datasetsURL(lang, root),
	}
	b.homeCounts(&h, lang, root)
	b.homeUnpublished(&h, lang)
	b.homeLapsed(&h, lang, root)
	h.New = b.homeNew(lang, root)
	return h
}

// homeCounts fills the totals and the per-type and per-category counts,
// most records first.
func (b *builder) homeCounts(h *homeBody, lang, root string) {
	types := map[string]*countRow{}
	cats := map[string]*countRow{}
	for _, r := range b.public {
		if r.Kind == record.Sensor {
			h.Sensors++
			key := countKey(r, "sensor_type", r.SensorType)
			c := types[key]
			if c == nil {
				c = b.countRowOf(r, lang, root, "sensor_type", facetType, r.SensorType)
				types[key] = c
			}
			c.Records++
			// A quantity withheld or given as no count is at least one
			// device: the total then says "at least".
			n, known := r.Devices()
			if !known || r.IsWithheld("quantity") {
				n, c.AtLeast, h.DevicesAtLeast = 1, true, true
			}
			c.Devices, h.Devices = addDevices(c.Devices, n), addDevices(h.Devices, n)
		} else {
			h.Algorithms++
			key := countKey(r, "publication_category", r.PublicationCategory)
			c := cats[key]
			if c == nil {
				c = b.countRowOf(r, lang, root, "publication_category", facetCategory, r.PublicationCategory)
				cats[key] = c
			}
			c.Records++
		}
	}
	h.SensorTypes = sortedCounts(types)
	h.Categories = sortedCounts(cats)
}

// countRowOf is the home page's row for the records whose field (their
// public view's) has value, linking its facet's page. A value withheld or
// not given is blank in the view and has no page: its row says so and
// links nowhere.
func (b *builder) countRowOf(r *record.Record, lang, root, field, f, value string) *countRow {
	switch countKey(r, field, value) {
	case withheldKey:
		return &countRow{Label: t(lang, "withheld")}
	case "":
		return &countRow{Label: t(lang, "notstated")}
	}
	return &countRow{Label: valueLabel(lang, field, value), URL: root + b.facetPath(lang, r.Kind, f, value)}
}

// withheldKey is countKey's for a withheld value: no value is written
// with a NUL.
const withheldKey = "\x00withheld"

// countKey groups the home page's counts: by the value, with a withheld
// one apart from one not given.
func countKey(r *record.Record, field, value string) string {
	if r.BlankedByWithholding(field, value) {
		return withheldKey
	}
	return value
}

// sortedCounts lists the rows most records first, then by label.
func sortedCounts(m map[string]*countRow) []countRow {
	var rows []countRow
	for _, c := range m {
		rows = append(rows, *c)
	}
	slices.SortFunc(rows, func(x, y countRow) int {
		return cmp.Or(cmp.Compare(y.Records, x.Records), cmp.Compare(x.Label, y.Label))
	})
	return rows
}

// homeUnpublished says how many records are left out and why, and how
// many files could not be read at all.
func (b *builder) homeUnpublished(h *homeBody, lang string) {
	if n := len(b.unpublished); n > 0 {
		h.Unpublished = plural(n, t(lang, "unpublished1"), t(lang, "unpublished"))
		// Many records give the same reason: each is made public (the
		// publication filter's FreeText) once.
		written := map[string]int{}
		for _, r := range b.unpublished {
			written[publish.Reason(r, lang)]++
		}
		reasons := map[string]int{}
		for reason, count := range written {
			reasons[b.pub.FreeText(reason, lang)] += count
		}
		for reason, count := range reasons {
			if reason == "" {
				reason = t(lang, "noreason")
			}
			h.Reasons = append(h.Reasons, reasonRow{reason, count})
		}
		slices.SortFunc(h.Reasons, func(x, y reasonRow) int {
			return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Reason, y.Reason))
		})
	}
	if n := len(b.skipped); n > 0 {
		h.Skipped = plural(n, t(lang, "skipped1"), t(lang, "skipped"))
	}
}

// homeLapsed lists the first homeLimit lapsed evaluations and life
// cycles and counts the rest.
func (b *builder) homeLapsed(h *homeBody, lang, root string) {
	for _, d := range b.lapsedList() {
		r := d.record
		if len(h.Lapsed) == homeLimit {
			h.LapsedMore++
			continue
		}
		what, class, icon := string(d.what), "sev-error", symError
		switch d.what {
		case lifecycle.Evaluation:
			// As the record's page marks it.
			what = t(lang, "due.evaluation")
			class, icon = b.ruleMark(ruleEvaluationLapsed)
		case lifecycle.Lifecycle:
			// An ended life cycle may be a legal breach (151c's fixed
			// term), which no setting lowers: always an error's mark.
			what = t(lang, "due.lifecycle")
		}
		h.Lapsed = append(h.Lapsed, dueRow{Name: r.Name, URL: root + b.recordPath(lang, r), What: what, Date: template.HTML(dateTag(lang, d.date)), Lapsed: true,
			Class: class, Icon: icon})
	}
}

// homeNew lists up to homeLimit public records added within NewWithin,
// newest first.
func (b *builder) homeNew(lang, root string) []dueRow {
	type added struct {
		r    *record.Record
		date string
	}
	var recent []added
	since := period.Format(b.today.Add(-NewWithin))
	today := b.todayStamp
	for _, r := range b.public {
		if d := b.addedOn(r); d >= since && d <= today {
			recent = append(recent, added{r, d})
		}
	}
	slices.SortStableFunc(recent, func(x, y added) int { return cmp.Or(cmp.Compare(y.date, x.date), cmp.Compare(x.r.Name, y.r.Name)) })
	var rows []dueRow
	for i, a := range recent {
		if i == homeLimit {
			break
		}
		rows = append(rows, dueRow{Name: a.r.Name, URL: root + b.recordPath(lang, a.r), What: typeLabel(lang, a.r), Date: template.HTML(dateTag(lang, a.date))})
	}
	return rows
}

type principleView struct {
	Anchor  string
	Ref     string
	Label   string
	Summary string
	Applies string
	Rules   []ruleView
}

type ruleView struct {
	ID    string
	Title string
	Why   string
	Basis string
	// Off says the municipality switched the rule off, wholly or in part.
	Off string
	// Home is set under the principle the rule cites, where its anchor is.
	Home bool
}

type principlesBody struct {
	Principles []principleView
	Deviations []deviationView
	// Settings are the checklist's settings the configuration set away
	// from their defaults (config.Change).
	Settings []settingView
}

// settingView is one setting of the checklist away from its default.
type settingView struct {
	Key, Value, Default, Where string
}

func newSettingView(lang string, c config.Change) settingView {
	value, def := c.Shown(lang)
	return settingView{Key: c.Key, Value: value, Default: def, Where: c.Where()}
}

func (b *builder) principlesBody(lang string) principlesBody {
	var out principlesBody
	i := langIndex(lang)
	for _, p := range principles {
		v := principleView{Anchor: Anchor(p.Ref), Ref: p.Ref, Label: p.Label[i], Summary: p.Summary[i]}
		for _, id := range b.ruleOrder() {
			r := b.rules[id]
			if slices.Contains(ruleAnchors(r), v.Anchor) {
				rv := ruleView{ID: r.ID, Title: r.Title[i], Why: r.Why[i], Basis: r.Basis[i], Home: slices.Contains(refAnchors(r.Ref), v.Anchor)}
				if d, ok := b.deviation[r.ID]; ok && d.Off() {
					rv.Off = t(lang, "notcheckedoff")
				} else if ok && d.PolicyOnly && d.Severity == finding.Off {
					rv.Off = t(lang, "partlycheckedoff")
				}
				v.Rules = append(v.Rules, rv)
			}
		}
		if len(p.Kinds) == 1 {
			v.Applies = t(lang, map[record.Kind]string{record.Sensor: "sensors", record.Algorithm: "algorithms"}[p.Kinds[0]])
		}
		out.Principles = append(out.Principles, v)
	}
	out.Deviations = b.deviationViews(lang, "", "")
	for j := range out.Deviations {
		out.Deviations[j].URL = "#rule-" + out.Deviations[j].ID
	}
	for _, c := range b.cfg.Changes {
		out.Settings = append(out.Settings, newSettingView(lang, c))
	}
	return out
}

// ruleOrder lists the rule ids in the order the caller gave them.
func (b *builder) ruleOrder() []string {
	ids := make([]string, 0, len(b.opts.Rules))
	for _, r := range b.opts.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

type download struct {
	URL    string
	Name   string
	Format string
	Title  string
}

type openDataBody struct {
	Downloads []download
	Schemas   []download
	Catalogue string
}

func (b *builder) openDataBody(lang, root string) openDataBody {
	var schemaNames []string
	for name := range b.opts.Schemas {
		schemaNames = append(schemaNames, name)
	}
	slices.Sort(schemaNames)
	var body openDataBody
	seen := map[string]bool{}
	for _, ds := range opendata.Datasets(nil) {
		for _, d := range ds.Distributions {
			if seen[d.Path] {
				continue
			}
			seen[d.Path] = true
			body.Downloads = append(body.Downloads, download{URL: root + d.Path, Name: strings.TrimPrefix(d.Path, "data/"), Format: d.MediaType, Title: d.Title.In(lang)})
		}
	}
	for _, s := range schemaNames {
		body.Schemas = append(body.Schemas, download{URL: root + opendata.SchemaDir + s, Name: s, Format: "application/schema+json"})
	}
	if b.baseURL() != nil {
		body.Catalogue = root + opendata.PathDCAT
	}
	return body
}

type searchBody struct {
	ListSensors    string
	ListAlgorithms string
}

type a11yBody struct {
	Contact string
	Date    template.HTML
}

// addDevices adds n devices to a count, which stays at the largest
// quantity the format takes rather than wrap: a count of that many is
// beyond any real register's, and a negative one would be wrong.
func addDevices(count, n int) int { return min(count+n, max(count, record.MaxQuantity)) }
