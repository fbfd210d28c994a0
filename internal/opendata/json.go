package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Register is the shape of register.json: who publishes it and every public
// record in the record format, sensors first, then algorithms, by id.
type Register struct {
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title,omitempty"`
	// Unpublished counts the records left out because they are not public,
	// so a reader knows the list is not the whole register.
	Unpublished int `json:"unpublished_records"`
	// Checklist says how the register's configuration changed the
	// checklist: every deviation from the defaults is public.
	Checklist Checklist `json:"checklist"`
	Records   []any     `json:"records"`
}

// Checklist is the checklist's configuration as register.json publishes it.
// It is an object, so a reader that takes the one list of objects in the
// file as the records still finds them.
type Checklist struct {
	// Deviations are the rules switched off or set below their default
	// severity; empty when the register checks by the defaults.
	Deviations []Deviation `json:"deviations"`
	// Settings are the checklist's settings set away from their defaults
	// (a limit, a date a duty applies from); empty when there are none.
	Settings []Setting `json:"settings"`
}

// Setting is one setting of the checklist away from its default.
type Setting struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Default string `json:"default"`
	// SetIn is where: "register.yaml:12:3" or an environment variable.
	SetIn string `json:"set_in"`
}

// settings lists the configuration's settings of the checklist away from
// their defaults.
func settings(cfg *config.Config) []Setting {
	out := []Setting{}
	for _, c := range cfg.Changes {
		out = append(out, Setting{Key: c.Key, Value: c.Value, Default: c.Default, SetIn: c.Where()})
	}
	return out
}

// Deviation is one rule the configuration switched off or lowered.
type Deviation struct {
	Rule      string `json:"rule"`
	Principle string `json:"principle"`
	Severity  string `json:"severity"`
	Default   string `json:"default"`
	// SetIn is where: "register.yaml:12:3" or an environment variable.
	SetIn  string `json:"set_in"`
	Reason string `json:"reason"`
	// Law cites the articles when the rule follows from law, wholly or in
	// part; Effect then says that the setting did not silence them.
	Law    string `json:"law,omitempty"`
	Effect string `json:"effect"`
}

// deviations lists the configuration's changes to the checklist.
func deviations(cfg *config.Config) []Deviation {
	out := []Deviation{}
	for _, d := range principle.Deviations(cfg) {
		r := d.Rule
		effect := "the rule runs at the lower severity"
		switch {
		case d.Refused:
			effect = "refused: the rule follows from law and runs at its default"
		case d.PolicyOnly:
			effect = "only the rule's policy findings changed; " + r.LawScope.In("en") + " it follows from law and runs at its default"
		case d.Setting.Severity == finding.Off:
			effect = "the rule does not run"
		}
		out = append(out, Deviation{Rule: r.ID, Principle: r.Ref, Severity: d.Setting.Severity.String(), Default: r.Default.String(),
			SetIn: d.Setting.Where(), Reason: d.Setting.Reason, Law: r.Law.In("en"), Effect: effect})
	}
	return out
}

// WriteJSON writes the register's public records as JSON, in one document:
// the shape of register.json before it was split into parts, which export
// writes. It is written record by record, never held in memory whole.
func WriteJSON(w io.Writer, reg *register.Register) error {
	pub := publish.Register(reg)
	out := registerHead(reg.Config, len(pub.Unpublished))
	out.Records = []any{}
	head, err := indented(out, "")
	if err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	return writeRecords(w, head, pub.Register.Records, nil)
}

// registerHead is what register.json says besides the records.
func registerHead(cfg *config.Config, unpublished int) Register {
	out := Register{Unpublished: unpublished, Checklist: Checklist{Deviations: deviations(cfg), Settings: settings(cfg)}}
	if cfg != nil {
		out.Organisation = cfg.Organisation
		out.Title = cfg.Site.Title
	}
	return out
}

// writeRecords writes head, an indented document whose last field is an
// empty "records" list, with the public views recs in that list, one by
// one as the encoder would place them, each taken from kept when it holds
// it (see Pieces).
func writeRecords(w io.Writer, head []byte, recs []*record.Record, kept Pieces) error {
	const empty = "\n \"records\": []\n}\n"
	if len(recs) == 0 || !bytes.HasSuffix(head, []byte(empty)) {
		_, err := w.Write(head)
		return err
	}
	// The records are views already: the maker hands them on as they are.
	m := &pieceMaker{out: w, kept: kept}
	if err := m.write(head[:len(head)-len("]\n}\n")]); err != nil {
		return err
	}
	enc := json.NewEncoder(&m.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", " ")
	encode := func(buf *bytes.Buffer, v *record.Record) error {
		var rec any = v
		if !publish.Plain(v) {
			mv, err := publish.Map(v)
			if err != nil {
				return err
			}
			rec = mv
		}
		// A plain view as it is, which is the same JSON as publish.Map
		// without the round trip.
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("write register.json: %w", err)
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
		return nil
	}
	for i, v := range recs {
		data, err := m.piece(v, "json", encode)
		if err != nil {
			return err
		}
		sep := ",\n  "
		if i == 0 {
			sep = "\n  "
		}
		if err := m.writeString(sep); err != nil {
			return err
		}
		if err := m.put(v, "json", data); err != nil {
			return err
		}
	}
	return m.writeString("\n ]\n}\n")
}

// The site publishes register.json as an index (Index) and the records in
// parts of PartSize (Part), so no file grows with the register and a change
// to one record rewrites one part.
const (
	// PartSize is the number of records in a part of register.json.
	PartSize = 1000
	// PartDir is the folder of the parts, beside register.json.
	PartDir = "data/register/"
)

// Index is the shape of the site's register.json: what the register says
// besides its records, and the parts that hold them, in order.
type Index struct {
	Organisation string    `json:"organisation,omitempty"`
	Title        string    `json:"title,omitempty"`
	Unpublished  int       `json:"unpublished_records"`
	Checklist    Checklist `json:"checklist"`
	// RecordCount is the number of public records in all parts together.
	RecordCount int       `json:"record_count"`
	Parts       []PartRef `json:"parts"`
}

// PartRef links a part of register.json.
type PartRef struct {
	// URL is the part's address relative to register.json
	// ("register/1.json").
	URL     string `json:"url"`
	Records int    `json:"records"`
}

// Part is the shape of a part of register.json: its number, the number of
// parts, the index it belongs to, and its records in the record format.
type Part struct {
	Part    int    `json:"part"`
	Parts   int    `json:"parts"`
	Index   string `json:"index"` // relative to the part: "../register.json"
	Records []any  `json:"records"`
}

// PartCount is the number of parts of register.json for n public records:
// at least one, so an empty register still links a part with its empty list.
func PartCount(n int) int { return max(1, (n+PartSize-1)/PartSize) }

// PartPath is the path of part n (from 1) of register.json, from the site
// root.
func PartPath(n int) string { return PartDir + strconv.Itoa(n) + ".json" }

// PublicRecords are the public views of reg's records register.json
// publishes, in its order: sensors first, then algorithms, by id.
func PublicRecords(pub *publish.Public) []*record.Record { return pub.Register.Records }

// WriteIndex writes the site's register.json for a register of records
// public records (the public views of pub, see PublicRecords).
func WriteIndex(w io.Writer, pub *publish.Public) error {
	recs := PublicRecords(pub)
	idx := Index{RecordCount: len(recs), Parts: []PartRef{}}
	head := registerHead(pub.Register.Config, len(pub.Unpublished))
	idx.Organisation, idx.Title, idx.Unpublished, idx.Checklist = head.Organisation, head.Title, head.Unpublished, head.Checklist
	for n := 1; n <= PartCount(len(recs)); n++ {
		lo, hi := partRange(n, len(recs))
		idx.Parts = append(idx.Parts, PartRef{URL: strings.TrimPrefix(PartPath(n), "data/"), Records: hi - lo})
	}
	data, err := indented(idx, "")
	if err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	_, err = w.Write(data)
	return err
}

// WritePart writes part n of the site's register.json (see WriteIndex).
func WritePart(w io.Writer, pub *publish.Public, n int) error { return WritePartKept(w, pub, n, nil) }

// WritePartKept is WritePart with the records' entries kept in kept (see
// Pieces).
func WritePartKept(w io.Writer, pub *publish.Public, n int, kept Pieces) error {
	recs := PublicRecords(pub)
	count := PartCount(len(recs))
	if n < 1 || n > count {
		return fmt.Errorf("write register.json: no part %d of %d", n, count)
	}
	lo, hi := partRange(n, len(recs))
	head, err := indented(Part{Part: n, Parts: count, Index: "../register.json", Records: []any{}}, "")
	if err != nil {
		return fmt.Errorf("write register.json: %w", err)
	}
	return writeRecords(w, head, recs[lo:hi], kept)
}

// partRange is the range of records in part n of a register of total.
func partRange(n, total int) (int, int) {
	return min((n-1)*PartSize, total), min(n*PartSize, total)
}

// indented encodes v as register.json does: indented by a space a level
// from prefix, with <, > and & as they are.
func indented(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
