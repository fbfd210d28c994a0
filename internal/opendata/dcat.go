package opendata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
)

// Distribution is one downloadable file of a dataset.
type Distribution struct {
	// Path is the file's path relative to the site root, e.g. "data/sensors.csv".
	Path      string
	MediaType string
	Title     Text
	// ConformsTo is the path of the JSON Schema the file follows, if any.
	ConformsTo string
}

// Text is a literal in Dutch and English.
type Text struct{ NL, EN string }

// Dataset is one dataset of the catalogue with its downloads.
type Dataset struct {
	// ID is a short name, used as the fragment of the dataset's identifier.
	ID            string
	Title         Text
	Description   Text
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
		Title:       Text{"Sensor- en algoritmeregister", "Sensor and algorithm register"},
		Description: Text{"Alle openbare registraties van sensoren en algoritmes, in het registerformaat.", "Every public record of a sensor or algorithm, in the record format."},
		Keywords:    []string{"sensoren", "algoritmes", "transparantie"},
		Distributions: []Distribution{
			{Path: PathJSON, MediaType: "application/json", Title: Text{"Register (JSON)", "Register (JSON)"}},
		},
	}
	for _, s := range schemas {
		whole.Distributions = append(whole.Distributions, Distribution{Path: SchemaDir + s, MediaType: "application/schema+json",
			Title: Text{"JSON Schema " + s, "JSON Schema " + s}})
	}
	return []Dataset{
		{
			ID:          "sensors",
			Title:       Text{"Sensorregister", "Sensor register"},
			Description: Text{"Camera's en sensoren in de openbare ruimte: wat ze doen, waar ze staan en wie verantwoordelijk is.", "Cameras and sensors in public space: what they do, where they are and who is responsible."},
			Keywords:    []string{"sensoren", "camera's", "openbare ruimte"},
			Distributions: []Distribution{
				{Path: PathSensorsCSV, MediaType: "text/csv", Title: Text{"Sensoren (CSV)", "Sensors (CSV)"}, ConformsTo: conform("sensor")},
				{Path: PathGeoJSON, MediaType: "application/geo+json", Title: Text{"Sensoren op de kaart (GeoJSON)", "Sensors on the map (GeoJSON)"}},
			},
		},
		{
			ID:          "algorithms",
			Title:       Text{"Algoritmeregister", "Algorithm register"},
			Description: Text{"Algoritmes die keuzes maken, besluiten voorbereiden of voorspellingen doen over inwoners.", "Algorithms that make choices, prepare decisions or make predictions about residents."},
			Keywords:    []string{"algoritmes", "AI", "besluiten"},
			Distributions: []Distribution{
				{Path: PathAlgosCSV, MediaType: "text/csv", Title: Text{"Algoritmes (CSV)", "Algorithms (CSV)"}, ConformsTo: conform("algorithm")},
			},
		},
		whole,
	}
}

func lang(t Text) []map[string]string {
	var out []map[string]string
	if t.NL != "" {
		out = append(out, map[string]string{"@value": t.NL, "@language": "nl"})
	}
	if t.EN != "" {
		out = append(out, map[string]string{"@value": t.EN, "@language": "en"})
	}
	return out
}

// ErrNoBaseURL is returned for a catalogue without the site's address: DCAT
// names every catalogue, dataset and distribution by an absolute IRI, and a
// harvester drops what has none.
var ErrNoBaseURL = errors.New("the DCAT catalogue needs the public site's address: set site.base_url in register.yaml (for example https://register.mijnstad.nl/)")

// WriteDCAT writes a DCAT-AP catalogue (JSON-LD) of the datasets. URLs are
// absolute when the site's base URL is configured, else relative to the site
// root. modified is the date of the build (YYYY-MM-DD).
func WriteDCAT(w io.Writer, cfg *config.Config, modified string, datasets []Dataset) error {
	if cfg == nil || strings.TrimSpace(cfg.Site.BaseURL) == "" {
		return ErrNoBaseURL
	}
	base := strings.TrimSuffix(cfg.Site.BaseURL, "/") + "/"
	url := func(p string) string { return base + p }
	title, org, email := "Sensor- en algoritmeregister", "", ""
	if cfg != nil {
		title, org, email = cfg.Site.Title, cfg.Organisation, cfg.Site.ContactEmail
	}
	publisher := map[string]any{"@type": "foaf:Agent", "foaf:name": org}
	var ds []map[string]any
	for _, d := range datasets {
		var dists []map[string]any
		for _, x := range d.Distributions {
			dist := map[string]any{
				"@id":            url(x.Path),
				"@type":          "dcat:Distribution",
				"dct:title":      lang(x.Title),
				"dcat:accessURL": map[string]string{"@id": url(x.Path)},
				"dcat:downloadURL": map[string]string{
					"@id": url(x.Path),
				},
				"dcat:mediaType": map[string]string{"@id": "https://www.iana.org/assignments/media-types/" + x.MediaType},
				"dct:modified":   map[string]string{"@value": modified, "@type": "xsd:date"},
			}
			if x.ConformsTo != "" {
				dist["dct:conformsTo"] = map[string]string{"@id": url(x.ConformsTo)}
			}
			dists = append(dists, dist)
		}
		entry := map[string]any{
			"@id":               url(PathDCAT) + "#" + d.ID,
			"@type":             "dcat:Dataset",
			"dct:title":         lang(d.Title),
			"dct:description":   lang(d.Description),
			"dcat:keyword":      d.Keywords,
			"dct:publisher":     publisher,
			"dct:modified":      map[string]string{"@value": modified, "@type": "xsd:date"},
			"dct:language":      map[string]string{"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
			"dct:accessRights":  map[string]string{"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
			"dcat:distribution": dists,
		}
		if email != "" {
			entry["dcat:contactPoint"] = map[string]any{"@type": "vcard:Organization", "vcard:fn": org, "vcard:hasEmail": map[string]string{"@id": "mailto:" + email}}
		}
		ds = append(ds, entry)
	}
	doc := map[string]any{
		"@context": map[string]string{
			"dcat":  "http://www.w3.org/ns/dcat#",
			"dct":   "http://purl.org/dc/terms/",
			"foaf":  "http://xmlns.com/foaf/0.1/",
			"vcard": "http://www.w3.org/2006/vcard/ns#",
			"xsd":   "http://www.w3.org/2001/XMLSchema#",
		},
		"@id":           url(PathDCAT),
		"@type":         "dcat:Catalog",
		"dct:title":     lang(Text{title, ""}),
		"dct:publisher": publisher,
		"dct:modified":  map[string]string{"@value": modified, "@type": "xsd:date"},
		"dcat:dataset":  ds,
	}
	if base != "" {
		doc["foaf:homepage"] = map[string]string{"@id": base}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write dcat catalogue: %w", err)
	}
	return nil
}
