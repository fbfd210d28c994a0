package site

import (
	"crypto/sha256"
	"html/template"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/chain"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// The pages "Waar worden mijn gegevens gebruikt?" / "Where is my data
// used?": a list of the datasets the public records use, and for each
// dataset the records that use it, how a resident has wrong data corrected
// (GDPR art. 16, 17), and the recipients who must be told of a correction
// (art. 19), as package chain works them out for `register chain`. They are
// built from the public views only: a record that is not public, or a
// dataset, sharing agreement or route it withholds, is not on them.

// datasetSegment is the folder of the pages, per language (Dutch, English).
// People link to them, so it never changes.
var datasetSegment = label.Text{"gegevens", "datasets"}

var datasetWords = map[string]label.Text{
	"datasets":           {"Waar worden mijn gegevens gebruikt?", "Where is my data used?"},
	"datasets.intro":     {"De gemeente gebruikt gegevens uit registraties en andere bronnen in haar algoritmes en sensoren. Kies een gegevensbron om te zien welke registraties haar gebruiken, hoe u een fout laat verbeteren en aan wie de gegevens worden doorgegeven.", "The municipality uses data from registrations and other sources in its algorithms and sensors. Choose a dataset to see which records use it, how to have an error corrected and to whom the data is passed on."},
	"datasets.rights":    {"Staat er iets onjuists over u in? U mag vragen het te verbeteren of te verwijderen (AVG art. 16 en 17). De gemeente laat dat dan weten aan iedereen die de gegevens van haar kreeg (AVG art. 19).", "Is something about you wrong? You may ask to have it corrected or deleted (GDPR art. 16 and 17). The municipality then tells everyone who received the data from it (GDPR art. 19)."},
	"datasets.caption":   {"Gegevensbronnen", "Datasets"},
	"datasets.name":      {"Gegevensbron", "Dataset"},
	"datasets.personal":  {"Persoonsgegevens", "Personal data"},
	"datasets.records":   {"Registraties", "Records"},
	"datasets.recipient": {"Ontvangers", "Recipients"},
	"datasets.link":      {"Waar worden mijn gegevens gebruikt?", "Where is my data used?"},
	"dataset.title":      {"Waar worden gegevens uit %s gebruikt?", "Where is data from %s used?"},
	"dataset.personal":   {"Volgens de registraties bevat deze gegevensbron persoonsgegevens.", "According to the records, this dataset holds personal data."},
	"dataset.sources":    {"Waar de gegevens vandaan komen", "Where the data comes from"},
	"dataset.records":    {"Registraties die deze gegevens gebruiken", "Records that use this data"},
	"dataset.record":     {"Registratie", "Record"},
	"dataset.how":        {"Hoe", "How"},
	"dataset.route":      {"Fout in uw gegevens?", "Wrong data about you?"},
	"dataset.uses":       {"gebruikt", "uses"},
	"dataset.shares":     {"deelt met", "shares with"},
	"dataset.sensor":     {"gebruikt gegevens van sensor", "uses data of sensor"},
	"dataset.noroute":    {"Geen eigen route: u kunt terecht bij het meldpunt van de gemeente.", "No route of its own: you can turn to the municipality's desk."},
	"dataset.term":       {"Duurt ten hoogste %s.", "Takes at most %s."},
	"dataset.recipients": {"Ontvangers die een verbetering moeten horen (AVG art. 19)", "Recipients to be told of a correction (GDPR art. 19)"},
	"dataset.via":        {"via", "from"},
	"dataset.norecip":    {"Deze registraties delen de gegevens met niemand.", "These records share the data with no one."},
	"dataset.sharehid":   {"Van %d van deze registraties is niet openbaar met wie zij gegevens delen.", "For %d of these records it is not public with whom they share data."},
	"dataset.all":        {"Alle gegevensbronnen", "All datasets"},
}

// datasetPage is one dataset's page, worked out once for every language.
type datasetPage struct {
	chain.Name
	file string // the page's file name in datasetSegment
	res  chain.Result
}

type datasetRow struct {
	URL        string
	Name       string
	Personal   bool
	Records    int
	Recipients int
}

type datasetsBody struct {
	Rows []datasetRow
}

// datasetLink is a record on a dataset's page.
type datasetLink struct {
	URL  string
	Name string
}

type datasetUse struct {
	datasetLink
	Kind  string
	How   []string
	Route template.HTML // the route, as paragraphs
	// Contact is the route's desk, web page and e-mail address; Term how
	// long it takes. NoRoute is set when the record gives no route,
	// Withheld when it does not publish it.
	Contact           template.HTML
	Term              string
	NoRoute, Withheld bool
	DeskURL           string // the register's desk, for NoRoute
}

type datasetRecipient struct {
	Party string
	From  []datasetLink
}

type datasetBody struct {
	Personal    bool
	Sources     []chain.Source
	Uses        []datasetUse
	Recipients  []datasetRecipient
	ShareHidden string
	ListURL     string
}

// datasetPages works out the page of each dataset the public records use.
func (b *builder) datasetPages() []datasetPage {
	names := chain.Datasets(b.public)
	if len(names) == 0 {
		return nil
	}
	queries := make([]string, len(names))
	for i, n := range names {
		queries[i] = n.Name
	}
	ix := chain.NewIndexFor(b.public, queries)
	taken := map[string]bool{"index": true}
	pages := make([]datasetPage, 0, len(names))
	for _, n := range names {
		file := slug(n.Name)
		for i := 2; taken[file]; i++ {
			file = slug(n.Name) + "-" + strconv.Itoa(i)
		}
		taken[file] = true
		pages = append(pages, datasetPage{Name: n, file: file, res: ix.Find(n.Name)})
	}
	return pages
}

func (b *builder) datasetListPath(lang string) string {
	return b.prefix(lang) + datasetSegment[langIndex(lang)] + "/index.html"
}

func (b *builder) datasetPath(lang string, p datasetPage) string {
	return b.prefix(lang) + datasetSegment[langIndex(lang)] + "/" + p.file + ".html"
}

// datasetsURL is the list of datasets as linked from a page at root, or ""
// when no public record names a dataset.
func (b *builder) datasetsURL(lang, root string) string {
	if !b.usesDatasets() {
		return ""
	}
	return root + b.datasetListPath(lang)
}

// usesDatasets reports whether a public record names a dataset, as
// chain.Datasets has one: the first that does answers.
func (b *builder) usesDatasets() bool {
	for _, r := range b.public {
		for _, d := range r.Datasets {
			if len(chain.Words(d.Name)) > 0 {
				return true
			}
		}
	}
	return false
}

// datasetJobs are the list and the dataset pages, in every language.
func (b *builder) datasetJobs() []job {
	pages := b.datasetPages()
	if len(pages) == 0 {
		return nil
	}
	var js []job
	for _, lang := range b.langs {
		js = append(js, b.lazyPage("datasets", b.datasetListPath(lang), func() *Page {
			return b.page(lang, "", b.datasetListPath, t(lang, "datasets"), b.datasetsBody(lang, pages))
		}))
		for _, p := range pages {
			path := func(l string) string { return b.datasetPath(l, p) }
			j := b.lazyPage("dataset", path(lang), func() *Page {
				return b.page(lang, "", path, p.Name.Name, b.datasetBody(lang, p))
			})
			j.key = b.datasetKey(lang, j.path, p)
			js = append(js, j)
		}
	}
	return js
}

func (b *builder) datasetsBody(lang string, pages []datasetPage) datasetsBody {
	root := rootFor(b.datasetListPath(lang))
	var body datasetsBody
	for _, p := range pages {
		body.Rows = append(body.Rows, datasetRow{URL: root + b.datasetPath(lang, p), Name: p.Name.Name, Personal: p.Personal,
			Records: len(p.res.Uses), Recipients: len(p.res.Recipients)})
	}
	return body
}

func (b *builder) datasetBody(lang string, p datasetPage) datasetBody {
	root := rootFor(b.datasetPath(lang, p))
	body := datasetBody{Personal: p.Personal, Sources: p.res.Sources, ListURL: root + b.datasetListPath(lang)}
	linkTo := func(r *record.Record) datasetLink {
		return datasetLink{URL: root + b.recordPath(lang, r), Name: r.Name}
	}
	hidden := 0
	for _, u := range p.res.Uses {
		r := u.Record
		v := datasetUse{datasetLink: linkTo(r), Kind: label.Value(lang, "kind", string(r.Kind))}
		for _, d := range u.Datasets {
			v.How = append(v.How, t(lang, "dataset.uses")+": "+joinParen(d.Name, d.Description))
		}
		for _, s := range u.Shares {
			v.How = append(v.How, t(lang, "dataset.shares")+": "+joinParen(s.Party, s.Purpose))
		}
		for _, s := range u.Sensors {
			v.How = append(v.How, t(lang, "dataset.sensor")+": "+s.Name)
		}
		c := r.Correction
		switch {
		case r.IsWithheld("correction"):
			v.Withheld = true
		case c == nil || strings.TrimSpace(c.Route) == "":
			v.NoRoute, v.DeskURL = true, b.reportURL(lang, r)
		default:
			v.Route = template.HTML(paragraphs(c.Route))
			var contact []string
			if d := strings.TrimSpace(c.Desk); d != "" {
				contact = append(contact, esc(d))
			}
			if c.URL != "" {
				contact = append(contact, link(c.URL, ""))
			}
			if e := strings.TrimSpace(c.Email); e != "" {
				contact = append(contact, `<a href="mailto:`+esc(e)+`">`+esc(e)+`</a>`)
			}
			v.Contact = template.HTML(strings.Join(contact, " · "))
			if c.Term != "" {
				v.Term = tf(lang, "dataset.term", humanDuration(lang, c.Term))
			}
		}
		if r.IsWithheld("data_sharing") {
			hidden++
		}
		body.Uses = append(body.Uses, v)
	}
	for _, rc := range p.res.Recipients {
		v := datasetRecipient{Party: rc.Party}
		for _, r := range rc.From {
			v.From = append(v.From, linkTo(r))
		}
		body.Recipients = append(body.Recipients, v)
	}
	if hidden > 0 {
		body.ShareHidden = tf(lang, "dataset.sharehid", hidden)
	}
	return body
}

// joinParen writes "a (b)", or a alone when b is empty.
func joinParen(a, b string) string {
	a, b = strings.TrimSpace(a), strings.Join(strings.Fields(b), " ")
	if b == "" {
		return a
	}
	return a + " (" + b + ")"
}

// datasetKey returns the key of a dataset's page in lang at path, made of
// what datasetBody shows: the dataset and its chain, each record in it
// by what its public view, of which the page shows parts, follows from
// (viewSum). nil when a part cannot be hashed: the page is then rendered.
func (b *builder) datasetKey(lang, path string, p datasetPage) func() []byte {
	if b.keys.global == nil {
		return nil
	}
	return func() []byte {
		h := sha256.New()
		h.Write(b.keys.global)
		h.Write(appendStrings(nil, "dataset", lang, path, p.file))
		ok := true
		value := func(v any) {
			if ok && writeValue(h, v) != nil {
				ok = false
			}
		}
		rec := func(r *record.Record) {
			if sum := b.viewSum(r); sum != nil {
				h.Write(sum)
			} else {
				ok = false
			}
		}
		value(p.Name)
		value(p.res.Query)
		value(p.res.Sources)
		for _, u := range p.res.Uses {
			rec(u.Record)
			value(u.Datasets)
			value(u.Shares)
			value(len(u.Sensors))
			for _, s := range u.Sensors {
				rec(s)
			}
		}
		for _, rc := range p.res.Recipients {
			value(rc.Party)
			value(len(rc.From))
			for _, r := range rc.From {
				rec(r)
			}
		}
		if !ok {
			return nil
		}
		return h.Sum(nil)
	}
}
