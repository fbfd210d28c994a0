package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/field"
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

func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// The columns an open-data user reads first, by field path, each kind's
// between the identity and the fields both kinds share; every other field
// of the table follows in the table's order. Names come from the field
// table (internal/field).
var (
	leadFirst     = []string{"id", "name", "status"}
	leadSensor    = []string{"sensor_type", "capabilities", "quantity", "location.description", "location.area", "location.point.lat", "location.point.lon", "location.mobile", "signage.present", "vendor.manufacturer"}
	leadAlgorithm = []string{"algorithm_type", "role", "affects_individuals", "publication_category", "self_learning", "datasets", "source_code.url", "uses_sensors", "national_register.url"}
	leadShared    = []string{"summary", "purpose", "organisation.name", "organisation.type", "owner.role", "owner.email", "themes", "personal_data.processed", "dpia.status", "retention", "lifecycle.start", "lifecycle.end", "evaluation.interval", "evaluation.last", "ai_act.category", "registered_on"}
)

// cells are the fields whose cell is not simply their value: a sensor
// counts as one device when no quantity is given (and as none known when
// the one given is no count), the position may come
// from RD coordinates, and datasets are listed by name when that is all
// they say.
var cells = map[string]func(r *record.Record) string{
	"quantity": func(r *record.Record) string {
		if n, ok := r.Devices(); ok {
			return strconv.Itoa(n)
		}
		return "" // given but no count: not known
	},
	"location.point.lat": func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lat)
		}
		return ""
	},
	"location.point.lon": func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lon)
		}
		return ""
	},
	"datasets": datasetsCell,
}

var (
	sensorColumns    = columns(record.Sensor, leadSensor)
	algorithmColumns = columns(record.Algorithm, leadAlgorithm)
)

// columns lists a kind's columns: the lead columns, then a column for every
// other field of the field table with one, so the CSV carries every public
// field and imports again into the same records.
func columns(kind record.Kind, own []string) []column {
	leaves := map[string]record.Leaf{}
	for _, l := range record.Leaves() {
		leaves[l.Path] = l
	}
	col := func(f field.Field) column {
		value := cells[f.Path]
		if value == nil {
			value = leafCell(leaves[f.Path])
		}
		return column{name: f.Column(), field: f.Path, value: value}
	}
	var cols []column
	lead := map[string]bool{}
	for _, p := range slices.Concat(leadFirst, own, leadShared) {
		f, _ := field.Lookup(p)
		cols = append(cols, col(f))
		lead[p] = true
	}
	for _, f := range field.Leaves() {
		if !lead[f.Path] && f.Column() != "" && f.For(kind) {
			cols = append(cols, col(f))
		}
	}
	return cols
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
	return WriteCSVKept(w, kind, recs, nil)
}

// WriteCSVKept is WriteCSV with the rows kept in kept (see Pieces): a
// row kept is written as it is, the others are made and handed to kept.
func WriteCSVKept(w io.Writer, kind record.Kind, recs []*record.Record, kept Pieces) error {
	if kind != record.Sensor && kind != record.Algorithm {
		return fmt.Errorf("write csv: unknown kind %q", kind)
	}
	cols := columnsFor(kind)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	// Each row is encoded on its own, so that it can be kept: RFC 4180
	// rows do not depend on each other. The writer writes into the
	// buffer the rows are made in.
	m := newPieceMaker(w, recs, kept)
	cw := csvcell.NewWriter(&m.buf)
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	if err := m.write(m.buf.Bytes()); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	encode := func(_ *bytes.Buffer, r *record.Record) error {
		for i, c := range cols {
			if r.IsWithheld(c.field) {
				row[i] = ""
				continue
			}
			row[i] = c.value(r)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
		return cw.Flush()
	}
	for _, r := range recs {
		if r == nil || !r.IsPublic() || r.Kind != kind {
			continue
		}
		data, err := m.piece(r, "csv", encode)
		if err != nil {
			return fmt.Errorf("write %s csv: %w", kind, err)
		}
		if err := m.put(r, "csv", data); err != nil {
			return fmt.Errorf("write %s csv: %w", kind, err)
		}
	}
	return nil
}
