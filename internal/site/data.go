package site

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// dataJobs are the open-data downloads, the schemas, the catalogue and the
// search indexes.
func (b *builder) dataJobs() []job {
	var schemaNames []string
	for name := range b.opts.Schemas {
		schemaNames = append(schemaNames, name)
	}
	slices.Sort(schemaNames)
	js := []job{
		{path: opendata.PathJSON, render: func(w *bytes.Buffer) error { return opendata.WriteJSON(w, b.reg) }},
		{path: opendata.PathSensorsCSV, render: func(w *bytes.Buffer) error { return opendata.WriteCSV(w, record.Sensor, b.public) }},
		{path: opendata.PathAlgosCSV, render: func(w *bytes.Buffer) error { return opendata.WriteCSV(w, record.Algorithm, b.public) }},
		{path: opendata.PathGeoJSON, render: func(w *bytes.Buffer) error { return opendata.WriteGeoJSON(w, b.public) }},
		{path: opendata.PathDCAT, render: func(w *bytes.Buffer) error {
			return opendata.WriteDCAT(w, b.cfg, period.Format(b.today), opendata.Datasets(schemaNames))
		}},
	}
	for _, name := range schemaNames {
		data := b.opts.Schemas[name]
		js = append(js, job{path: opendata.SchemaDir + name, render: func(w *bytes.Buffer) error { _, err := w.Write(data); return err }})
	}
	for _, lang := range b.langs {
		js = append(js, job{path: searchIndexPath(lang), render: func(w *bytes.Buffer) error { return b.writeSearchIndex(w, lang) }})
	}
	return js
}

func searchIndexPath(lang string) string { return "data/search." + lang + ".json" }

// searchEntry is one record in the search index. Short keys keep the index
// small for a register of ten thousand records.
type searchEntry struct {
	URL     string `json:"u"` // relative to the site root
	Name    string `json:"n"`
	Kind    string `json:"k"`
	Type    string `json:"t"`
	Area    string `json:"a,omitempty"`
	Summary string `json:"s"`
	ID      string `json:"i"`
}

func (b *builder) writeSearchIndex(w *bytes.Buffer, lang string) error {
	entries := make([]searchEntry, 0, len(b.public))
	for _, r := range b.public {
		e := searchEntry{URL: b.recordPath(lang, r), Name: r.Name, ID: r.ID, Kind: valueLabel(lang, "kind", string(r.Kind)), Type: typeLabel(lang, r)}
		if !r.IsWithheld("summary") {
			e.Summary = truncate(r.Summary, 200)
		}
		if a := area(r); a != "" {
			e.Area = a
		}
		entries = append(entries, e)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(entries)
}

// truncate shortens text to at most n runes at a word boundary.
func truncate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// typeLabel is the sensor type or algorithm type in words.
func typeLabel(lang string, r *record.Record) string {
	if r.Kind == record.Sensor {
		return valueLabel(lang, "sensor_type", r.SensorType)
	}
	return valueLabel(lang, "algorithm_type", r.AlgorithmType)
}

// area is the sensor's published area, or "".
func area(r *record.Record) string {
	if r.Location == nil || r.IsWithheld("location.area") {
		return ""
	}
	return strings.TrimSpace(r.Location.Area)
}
