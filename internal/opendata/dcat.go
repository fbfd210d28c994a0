package opendata

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
)

// Distribution is one downloadable file of a dataset.
type Distribution struct {
	// Path is the file's path relative to the site root, e.g. "data/sensors.csv".
	Path      string
	MediaType string
	Title     label.Text
	// ConformsTo is the path of the JSON Schema the file follows, if any.
	ConformsTo string
}

// Dataset is one dataset of the catalogue with its downloads.
type Dataset struct {
	// ID is a short name, used as the fragment of the dataset's identifier.
	ID string
	// Kinds are the kinds of record it holds; its modified date is the
	// newest change to one of them.
	Kinds []record.Kind
	// Page is the site's page that presents it, from the site root.
	Page          string
	Title         label.Text
	Description   label.Text
	Keywords      []string
	Distributions []Distribution
}

// Paths of the downloads, relative to the site root. The site links to them
// and the catalogue describes them; the export command writes the same names.
const (
	PathJSON       = "data/register.json"
	PathSensorsCSV = "data/sensors.csv"
	PathAlgosCSV   = "data/algorithms.csv"
	PathGeoJSON    = "data/sensors.geojson"
	PathDCAT       = "data/catalog.jsonld"
	SchemaDir      = "data/schema/"
)

// Datasets returns the register's datasets: the sensor register, the
// algorithm register, and the whole register. schemas are the published
// schema file names (under SchemaDir); a name containing "sensor" or
// "algorithm" is attached to that kind's files.
func Datasets(schemas []string) []Dataset {
	conform := func(kind string) string {
		for _, s := range schemas {
			if strings.Contains(s, kind) {
				return SchemaDir + s
			}
		}
		return ""
	}
	whole := Dataset{
		ID:          "register",
		Kinds:       record.Kinds,
		Title:       label.Text{"Sensor- en algoritmeregister", "Sensor and algorithm register"},
		Description: label.Text{"Alle openbare registraties van sensoren en algoritmes, in het registerformaat.", "Every public record of a sensor or algorithm, in the record format."},
		Keywords:    []string{"sensoren", "algoritmes", "transparantie"},
		Distributions: []Distribution{
			{Path: PathJSON, MediaType: "application/json", Title: label.Text{"Register (JSON)", "Register (JSON)"}},
		},
	}
	for _, s := range schemas {
		whole.Distributions = append(whole.Distributions, Distribution{Path: SchemaDir + s, MediaType: "application/schema+json",
			Title: label.Text{"JSON Schema " + s, "JSON Schema " + s}})
	}
	return []Dataset{
		{
			ID:          "sensors",
			Kinds:       []record.Kind{record.Sensor},
			Title:       label.Text{"Sensorregister", "Sensor register"},
			Description: label.Text{"Camera's en sensoren in de openbare ruimte: wat ze doen, waar ze staan en wie verantwoordelijk is.", "Cameras and sensors in public space: what they do, where they are and who is responsible."},
			Keywords:    []string{"sensoren", "camera's", "openbare ruimte"},
			Distributions: []Distribution{
				{Path: PathSensorsCSV, MediaType: "text/csv", Title: label.Text{"Sensoren (CSV)", "Sensors (CSV)"}, ConformsTo: conform("sensor")},
				{Path: PathGeoJSON, MediaType: "application/geo+json", Title: label.Text{"Sensoren op de kaart (GeoJSON)", "Sensors on the map (GeoJSON)"}},
			},
		},
		{
			ID:          "algorithms",
			Kinds:       []record.Kind{record.Algorithm},
			Title:       label.Text{"Algoritmeregister", "Algorithm register"},
			Description: label.Text{"Algoritmes die keuzes maken, besluiten voorbereiden of voorspellingen doen over inwoners.", "Algorithms that make choices, prepare decisions or make predictions about residents."},
			Keywords:    []string{"algoritmes", "AI", "besluiten"},
			Distributions: []Distribution{
				{Path: PathAlgosCSV, MediaType: "text/csv", Title: label.Text{"Algoritmes (CSV)", "Algorithms (CSV)"}, ConformsTo: conform("algorithm")},
			},
		},
		whole,
	}
}

// lang is a text as JSON-LD language-tagged literals, a language without
// words left out.
func lang(t label.Text) []map[string]string {
	var out []map[string]string
	for _, l := range []string{"nl", "en"} {
		if v := t.In(l); v != "" {
			out = append(out, map[string]string{"@value": v, "@language": l})
		}
	}
	return out
}

// Dates say when the register's open data began and last changed, from its
// Git history, so a harvester sees a change only when there was one (never
// the date of the build).
type Dates struct {
	// Issued is the date of the register's first commit (YYYY-MM-DD).
	Issued string
	// Changed is, per kind, the date of the newest commit that changed a
	// public record of that kind (YYYY-MM-DD). A kind without a date
	// leaves its datasets without dct:modified.
	Changed map[record.Kind]string
}

// modified is the newest date of the kinds given.
func (d Dates) modified(kinds []record.Kind) string {
	out := ""
	for _, k := range kinds {
		out = max(out, d.Changed[k])
	}
	return out
}

// ErrNoBaseURL is returned for a catalogue without the site's address: DCAT
// names every catalogue, dataset and distribution by an absolute IRI, and a
// harvester drops what has none.
var ErrNoBaseURL = message.New("the DCAT catalogue needs the public site's address: set site.base_url in register.yaml (for example https://register.mijnstad.nl/)",
	"de DCAT-catalogus heeft het adres van de openbare site nodig: zet site.base_url in register.yaml (bijvoorbeeld https://register.mijnstad.nl/)").Err()

// Vocabularies DCAT-AP and DCAT-AP-NL take their values from.
const (
	euAuthority   = "http://publications.europa.eu/resource/authority/"
	owmsTerms     = "http://standaarden.overheid.nl/owms/terms/"
	ianaMediaType = "https://www.iana.org/assignments/media-types/"
)

// fileTypes maps a media type to the EU file-type authority's code.
var fileTypes = map[string]string{
	"text/csv": "CSV", "application/json": "JSON", "application/geo+json": "GEOJSON",
	"application/schema+json": "JSON", "application/ld+json": "JSON_LD",
}

// WriteDCAT writes a DCAT-AP-NL catalogue (JSON-LD) of the datasets: every
// node has an absolute IRI under the site's base URL (ErrNoBaseURL without
// one), the publisher is the configured URI (open_data.publisher_uri, else
// the site's own), every distribution carries the licence, and dates come
// from the register's history.
func WriteDCAT(w io.Writer, cfg *config.Config, dates Dates, datasets []Dataset) error {
	if cfg == nil || strings.TrimSpace(cfg.Site.BaseURL) == "" {
		return ErrNoBaseURL
	}
	c := newCatalogue(cfg, dates)
	title, org := cfg.Site.Title, cfg.Organisation
	if title == "" {
		title = "Sensor- en algoritmeregister"
	}
	if org == "" {
		org = title
	}
	publisher := map[string]any{"@id": c.publisher, "@type": "foaf:Agent", "foaf:name": org}
	// A contact point: the register's mailbox, else the site itself.
	contact := map[string]any{"@id": c.contact, "@type": "vcard:Organization", "vcard:fn": org}
	if email := strings.TrimSpace(cfg.Site.ContactEmail); email != "" && !strings.ContainsAny(email, " <>\"") {
		contact["vcard:hasEmail"] = dcatID("mailto:" + email)
	} else {
		contact["vcard:hasURL"] = dcatID(c.base)
	}
	var ds []map[string]any
	for _, d := range datasets {
		ds = append(ds, c.dataset(d))
	}
	catalogue := map[string]any{
		"@id":                c.url(PathDCAT),
		"@type":              "dcat:Catalog",
		"dct:title":          lang(label.Text{title, ""}),
		"dct:description":    lang(label.Text{"Open data van het sensor- en algoritmeregister van " + org + ": de openbare registraties van sensoren en algoritmes.", "Open data of the sensor and algorithm register of " + org + ": the public records of sensors and algorithms."}),
		"dct:publisher":      dcatID(c.publisher),
		"foaf:homepage":      dcatID(c.base),
		"dct:language":       c.languages,
		"dct:license":        dcatID(c.licence),
		"dcat:themeTaxonomy": dcatID(euAuthority + "data-theme"),
		"dcat:dataset":       ds,
	}
	if m := dates.modified(record.Kinds); m != "" {
		catalogue["dct:modified"] = dcatDate(m)
	}
	if dates.Issued != "" {
		catalogue["dct:issued"] = dcatDate(dates.Issued)
	}
	doc := map[string]any{
		"@context": map[string]string{
			"dcat":  "http://www.w3.org/ns/dcat#",
			"dct":   "http://purl.org/dc/terms/",
			"foaf":  "http://xmlns.com/foaf/0.1/",
			"vcard": "http://www.w3.org/2006/vcard/ns#",
			"xsd":   "http://www.w3.org/2001/XMLSchema#",
		},
		"@graph": []any{catalogue, publisher, contact},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write dcat catalogue: %w", err)
	}
	return nil
}

// dcatCatalogue holds what every dataset and distribution of a catalogue
// refers to.
type dcatCatalogue struct {
	base      string // the site's address, ending in a slash
	publisher string // the publisher's IRI
	contact   string // the contact point's IRI
	licence   string
	languages []map[string]string
	themes    []map[string]string
	dates     Dates
}

// newCatalogue reads the catalogue's shared values from the configuration,
// whose site.base_url is set.
func newCatalogue(cfg *config.Config, dates Dates) *dcatCatalogue {
	c := &dcatCatalogue{base: strings.TrimSuffix(strings.TrimSpace(cfg.Site.BaseURL), "/") + "/", dates: dates,
		publisher: cfg.OpenData.PublisherURI, licence: cfg.OpenData.Licence,
		themes: []map[string]string{dcatID(euAuthority + "data-theme/GOVE"), dcatID(owmsTerms + "Bestuur")}}
	if c.publisher == "" {
		c.publisher = c.url(PathDCAT) + "#publisher"
	}
	c.contact = c.url(PathDCAT) + "#contact"
	if c.licence == "" {
		c.licence = config.DefaultLicence
	}
	c.languages = []map[string]string{}
	for _, l := range cfg.Languages {
		code := map[string]string{"nl": "NLD", "en": "ENG"}[l]
		if code != "" {
			c.languages = append(c.languages, dcatID(euAuthority+"language/"+code))
		}
	}
	if len(c.languages) == 0 {
		c.languages = append(c.languages, dcatID(euAuthority+"language/NLD"))
	}
	return c
}

// url is the absolute IRI of a path on the site.
func (c *dcatCatalogue) url(p string) string { return c.base + p }

// dcatID is a JSON-LD reference to the node u.
func dcatID(u string) map[string]string { return map[string]string{"@id": u} }

// dcatDate is a JSON-LD date (YYYY-MM-DD).
func dcatDate(d string) map[string]string { return map[string]string{"@value": d, "@type": "xsd:date"} }

// dataset is the catalogue's node for a dataset, with its distributions.
func (c *dcatCatalogue) dataset(d Dataset) map[string]any {
	modified := c.dates.modified(d.Kinds)
	var dists []map[string]any
	for _, x := range d.Distributions {
		dists = append(dists, c.distribution(x, modified))
	}
	iri := c.url(PathDCAT) + "#" + d.ID
	entry := map[string]any{
		"@id":                    iri,
		"@type":                  "dcat:Dataset",
		"dct:identifier":         iri,
		"dct:title":              lang(d.Title),
		"dct:description":        lang(d.Description),
		"dcat:keyword":           d.Keywords,
		"dcat:theme":             c.themes,
		"dct:publisher":          dcatID(c.publisher),
		"dcat:contactPoint":      dcatID(c.contact),
		"dct:language":           c.languages,
		"dct:accessRights":       dcatID(euAuthority + "access-right/PUBLIC"),
		"dct:accrualPeriodicity": dcatID(euAuthority + "frequency/IRREG"),
		"dcat:distribution":      dists,
		"dcat:landingPage":       dcatID(c.base),
	}
	if modified != "" {
		entry["dct:modified"] = dcatDate(modified)
	}
	if c.dates.Issued != "" {
		entry["dct:issued"] = dcatDate(c.dates.Issued)
	}
	return entry
}

// distribution is the catalogue's node for a distribution of a dataset
// last changed on modified (empty when not known).
func (c *dcatCatalogue) distribution(x Distribution, modified string) map[string]any {
	dist := map[string]any{
		"@id":              c.url(x.Path),
		"@type":            "dcat:Distribution",
		"dct:title":        lang(x.Title),
		"dct:description":  lang(x.Title),
		"dcat:accessURL":   dcatID(c.url(x.Path)),
		"dcat:downloadURL": dcatID(c.url(x.Path)),
		"dcat:mediaType":   dcatID(ianaMediaType + x.MediaType),
		"dct:license":      dcatID(c.licence),
	}
	if ft := fileTypes[x.MediaType]; ft != "" {
		dist["dct:format"] = dcatID(euAuthority + "file-type/" + ft)
	}
	if modified != "" {
		dist["dct:modified"] = dcatDate(modified)
	}
	if x.ConformsTo != "" {
		dist["dct:conformsTo"] = dcatID(c.url(x.ConformsTo))
	}
	return dist
}
