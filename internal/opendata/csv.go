package opendata

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// column is one CSV column: its header, the record field it shows (for the
// withheld check) and how to read it.
type column struct {
	name  string
	field string
	value func(r *record.Record) string
}

func loc(r *record.Record, f func(*record.Location) string) string {
	if r.Location == nil {
		return ""
	}
	return f(r.Location)
}

func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// common are the columns both kinds share, first in each file.
var common = []column{
	{"id", "id", func(r *record.Record) string { return r.ID }},
	{"name", "name", func(r *record.Record) string { return r.Name }},
	{"status", "status", func(r *record.Record) string { return r.Status }},
}

// shared follow the kind's own columns.
var shared = []column{
	{"summary", "summary", func(r *record.Record) string { return r.Summary }},
	{"purpose", "purpose", func(r *record.Record) string { return r.Purpose }},
	{"organisation", "organisation.name", func(r *record.Record) string { return r.Organisation.Name }},
	{"organisation_type", "organisation.type", func(r *record.Record) string { return r.Organisation.Type }},
	{"owner_role", "owner.role", func(r *record.Record) string { return r.Owner.Role }},
	{"owner_email", "owner.email", func(r *record.Record) string { return r.Owner.Email }},
	{"themes", "themes", func(r *record.Record) string { return strings.Join(r.Themes, ";") }},
	{"personal_data", "personal_data.processed", func(r *record.Record) string { return r.PersonalData.Processed }},
	{"dpia_status", "dpia.status", func(r *record.Record) string {
		if r.DPIA == nil {
			return ""
		}
		return r.DPIA.Status
	}},
	{"retention", "retention", func(r *record.Record) string { return r.Retention }},
	{"lifecycle_start", "lifecycle.start", func(r *record.Record) string { return r.Lifecycle.Start }},
	{"lifecycle_end", "lifecycle.end", func(r *record.Record) string { return r.Lifecycle.End }},
	{"evaluation_interval", "evaluation.interval", func(r *record.Record) string { return r.Evaluation.Interval }},
	{"evaluation_last", "evaluation.last", func(r *record.Record) string { return r.Evaluation.Last }},
	{"ai_act_category", "ai_act.category", func(r *record.Record) string {
		if r.AIAct == nil {
			return ""
		}
		return r.AIAct.Category
	}},
	{"registered_on", "registered_on", func(r *record.Record) string { return r.RegisteredOn }},
}

var sensorColumns = withRest(record.Sensor, concat(common, []column{
	{"sensor_type", "sensor_type", func(r *record.Record) string { return r.SensorType }},
	{"capabilities", "capabilities", func(r *record.Record) string { return strings.Join(r.Capabilities, ";") }},
	{"quantity", "quantity", func(r *record.Record) string {
		if r.Quantity == 0 {
			return "1"
		}
		return strconv.Itoa(r.Quantity)
	}},
	{"location", "location.description", func(r *record.Record) string {
		return loc(r, func(l *record.Location) string { return l.Description })
	}},
	{"area", "location.area", func(r *record.Record) string { return loc(r, func(l *record.Location) string { return l.Area }) }},
	{"lat", "location.point", func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lat)
		}
		return ""
	}},
	{"lon", "location.point", func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lon)
		}
		return ""
	}},
	{"mobile", "location.mobile", func(r *record.Record) string {
		return loc(r, func(l *record.Location) string { return strconv.FormatBool(l.Mobile) })
	}},
	{"signage", "signage.present", func(r *record.Record) string {
		if r.Signage == nil {
			return ""
		}
		return boolText(r.Signage.Present)
	}},
	{"manufacturer", "vendor.manufacturer", func(r *record.Record) string {
		if r.Vendor == nil {
			return ""
		}
		return r.Vendor.Manufacturer
	}},
}, shared))

var algorithmColumns = withRest(record.Algorithm, concat(common, []column{
	{"algorithm_type", "algorithm_type", func(r *record.Record) string { return r.AlgorithmType }},
	{"role", "role", func(r *record.Record) string { return r.Role }},
	{"affects_individuals", "affects_individuals", func(r *record.Record) string { return boolText(r.AffectsIndividuals) }},
	{"publication_category", "publication_category", func(r *record.Record) string { return r.PublicationCategory }},
	{"self_learning", "self_learning", func(r *record.Record) string { return boolText(r.SelfLearning) }},
	{"datasets", "datasets", func(r *record.Record) string { return datasetsCell(r) }},
	{"source_code_url", "source_code.url", func(r *record.Record) string {
		if r.SourceCode == nil {
			return ""
		}
		return r.SourceCode.URL
	}},
	{"uses_sensors", "uses_sensors", func(r *record.Record) string { return strings.Join(r.UsesSensors, ";") }},
	{"national_register_url", "national_register.url", func(r *record.Record) string {
		if r.NationalRegister == nil {
			return ""
		}
		return r.NationalRegister.URL
	}},
}, shared))

func concat(parts ...[]column) []column {
	var out []column
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// withRest adds a column for every field of the record format the named
// columns do not show, headed by its dotted path (owner.department,
// source_code.unavailable_reason, decisions), so the CSV carries every
// public field and imports again into the same records.
func withRest(kind record.Kind, cols []column) []column {
	covered := map[string]bool{"kind": true, "format_version": true} // structure, not content
	for _, c := range cols {
		covered[c.field] = true
	}
	for _, l := range record.Leaves() {
		if covered[l.Path] || covered[parentOf(l.Path)] || l.Kind != "" && l.Kind != kind {
			continue
		}
		cols = append(cols, column{name: l.Path, field: l.Path, value: leafCell(l)})
	}
	return cols
}

func parentOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// leafCell writes one field as a cell: texts as they are, lists of texts
// joined with "; " (as a JSON array when an item would not survive that),
// lists of objects as a JSON array of their public parts.
func leafCell(l record.Leaf) func(r *record.Record) string {
	return func(r *record.Record) string {
		v, ok := l.Get(r)
		if !ok {
			return ""
		}
		switch t := v.(type) {
		case string:
			return t
		case bool:
			return strconv.FormatBool(t)
		case int:
			return strconv.Itoa(t)
		case float64:
			return coord(t)
		case []string:
			return ListCell(t)
		}
		return objectsCell(r, l.Path, v)
	}
}

// ListCell joins a list of texts with ";", or writes it as a JSON array
// when an item holds a ";", is empty or has spaces at its ends, or the cell
// would start with "[", so that splitting at ";" gives the items back.
func ListCell(items []string) string {
	plain := len(items) > 0 && !strings.HasPrefix(items[0], "[")
	for _, it := range items {
		if it == "" || strings.Contains(it, ";") || strings.TrimSpace(it) != it {
			plain = false
		}
	}
	if plain {
		return strings.Join(items, ";")
	}
	return jsonCell(items)
}

func jsonCell(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// objectsCell writes a list of objects as JSON, without the parts the record
// withholds and the internal parts of incidents, as the public view leaves
// them out (publish.Prune drops the keys a view would leave empty).
func objectsCell(r *record.Record, path string, v any) string {
	if path != "incidents" && (r.Publication == nil || len(r.Publication.Withheld) == 0) {
		return jsonCell(v) // nothing to leave out: the fields in the record's order
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var items any
	if err := json.Unmarshal(b, &items); err != nil {
		return ""
	}
	return jsonCell(publish.Prune(r, path, items))
}

// datasetsCell lists the datasets by name when that is all they say, and as
// JSON objects otherwise.
func datasetsCell(r *record.Record) string {
	names := make([]string, 0, len(r.Datasets))
	for _, d := range r.Datasets {
		shown := func(field string, has bool) bool { return has && !r.IsWithheld("datasets."+field) }
		if shown("source", d.Source != "") || shown("description", d.Description != "") ||
			shown("personal_data", d.PersonalData != nil) || shown("url", d.URL != "") {
			return objectsCell(r, "datasets", r.Datasets)
		}
		names = append(names, d.Name)
	}
	if len(names) == 0 {
		return ""
	}
	return ListCell(names)
}

// Columns returns the CSV header for a kind.
func Columns(kind record.Kind) []string {
	cols := columnsFor(kind)
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func columnsFor(kind record.Kind) []column {
	if kind == record.Algorithm {
		return algorithmColumns
	}
	return sensorColumns
}

// WriteCSV writes the public records of one kind as CSV (RFC 4180: CRLF line
// ends, quoted where needed; UTF-8; dates as in the record, ISO 8601). Lists
// are joined with ";". No cell starts a formula (csvcell). Withheld fields are left empty. Records of the other
// kind are skipped, so the whole register may be passed.
func WriteCSV(w io.Writer, kind record.Kind, recs []*record.Record) error {
	if kind != record.Sensor && kind != record.Algorithm {
		return fmt.Errorf("write csv: unknown kind %q", kind)
	}
	cols := columnsFor(kind)
	cw := csvcell.NewWriter(w)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	for _, r := range publish.Records(recs) {
		if r.Kind != kind {
			continue
		}
		for i, c := range cols {
			if r.IsWithheld(c.field) {
				row[i] = ""
				continue
			}
			row[i] = c.value(r)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write %s csv: %w", kind, err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	return nil
}
