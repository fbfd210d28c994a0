// Package natcompare compares a register's algorithms with the
// municipality's entries on the national algorithm register, both ways:
// which of its public algorithms are missing there, which entries differ
// from the record, and which are registered nationally but not here. The
// national entries are read as register import json reads them (its v1.0
// API entries, its public listing, or its first standard), so a field
// means the same in both places.
package natcompare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Report is the comparison.
type Report struct {
	Organisation string `json:"organisation"`
	// National counts the organisation's entries in the file; Others the
	// entries of other organisations, which were left aside.
	National int `json:"national_entries"`
	Others   int `json:"other_organisations_entries"`
	// Local counts the register's public algorithms compared; NotPublic
	// those that are not public, which the national register should not
	// show and are not compared.
	Local     int `json:"public_algorithms"`
	NotPublic int `json:"not_public_algorithms"`
	// Matched are the algorithms found in both, with their differences.
	Matched []Match `json:"matched"`
	// MissingThere are public algorithms with no national entry.
	MissingThere []Algorithm `json:"missing_nationally"`
	// MissingHere are national entries with no record in the register.
	MissingHere []Entry `json:"missing_here"`

	// TextLanguage is the language of the text report: "nl" for Dutch,
	// English otherwise. The JSON keeps its English keys and values.
	TextLanguage string `json:"-"`
}

// Match is an algorithm in both registers.
type Match struct {
	ID         string `json:"id"`
	NationalID string `json:"national_id"`
	Name       string `json:"name"`
	// By says how they were paired: "national_id" (the record names the
	// entry's id) or "name" (the same name, and the record does not name
	// the national id yet).
	By          string       `json:"matched_by"`
	Differences []Difference `json:"differences"`
}

// Difference is one field whose value differs.
type Difference struct {
	Field    string `json:"field"`
	Here     string `json:"here"`
	National string `json:"national"`
}

// Algorithm is a record of the register.
type Algorithm struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	File string `json:"file"`
}

// Entry is an entry of the national register.
type Entry struct {
	NationalID string `json:"national_id"`
	Name       string `json:"name"`
	URL        string `json:"url,omitempty"`
	Line       int    `json:"line"`
}

// Input is what a comparison reads.
type Input struct {
	Register *register.Register
	// Name is the national file's name, shown in errors; Data its content.
	Name string
	Data []byte
	// Organisation selects the entries; "" means the register's own
	// (register.yaml's organisation).
	Organisation string
}

// Compare reads the national entries and compares them with the register.
// An error means the file cannot be read as national register entries.
func Compare(in Input) (*Report, error) {
	org := strings.TrimSpace(in.Organisation)
	if org == "" && in.Register != nil && in.Register.Config != nil {
		org = strings.TrimSpace(in.Register.Config.Organisation)
	}
	if org == "" {
		return nil, msgWhichOrganisation.Err()
	}
	// A fixed clock: the import dates a note in each file it would write,
	// which the comparison does not use.
	res, err := importcsv.ReadJSON(in.Name, in.Data, importcsv.Options{Kind: record.Algorithm, Now: time.Unix(0, 0).UTC()})
	if err != nil {
		return nil, err
	}
	rep := &Report{Organisation: org, Matched: []Match{}, MissingThere: []Algorithm{}, MissingHere: []Entry{}}
	type national struct {
		rec  record.Record
		line int
		ours bool // under the organisation's name
	}
	// Every entry is kept: a record that names its entry's id is paired
	// with it whatever the file calls the organisation ("Gemeente
	// Amsterdam" for register.yaml's "Amsterdam"); only pairing by name,
	// and what is missing here, keep to the organisation's name.
	var entries []national
	for _, r := range res.Records {
		var rec record.Record
		if err := yaml.Unmarshal(r.Data, &rec); err != nil {
			return nil, fmt.Errorf("read %s: the entry on line %d: %w", in.Name, r.Line, err)
		}
		entries = append(entries, national{rec, r.Line, sameText(rec.Organisation.Name, org)})
	}

	var local []*record.Record
	if in.Register != nil {
		for _, r := range in.Register.OfKind(record.Algorithm) {
			if r.IsPublic() {
				local = append(local, r)
			} else {
				rep.NotPublic++
			}
		}
	}
	rep.Local = len(local)

	used := make([]bool, len(entries))
	pair := func(r *record.Record) (int, string) {
		if r.NationalRegister != nil && strings.TrimSpace(r.NationalRegister.ID) != "" {
			for i, e := range entries {
				if !used[i] && nationalID(e.rec) == strings.TrimSpace(r.NationalRegister.ID) {
					return i, "national_id"
				}
			}
			// The record names an entry that is not in the file: a name
			// that matches another entry is not the same algorithm.
			return -1, ""
		}
		for i, e := range entries {
			if !used[i] && e.ours && sameText(e.rec.Name, r.Name) {
				return i, "name"
			}
		}
		return -1, ""
	}
	for _, r := range local {
		i, by := pair(r)
		if i < 0 {
			rep.MissingThere = append(rep.MissingThere, Algorithm{ID: r.ID, Name: strings.TrimSpace(r.Name), File: r.File})
			continue
		}
		used[i] = true
		m := Match{ID: r.ID, NationalID: nationalID(entries[i].rec), Name: strings.TrimSpace(r.Name), By: by,
			Differences: differences(r, &entries[i].rec)}
		if !entries[i].ours {
			// Paired by its id under another name: the name is shown.
			m.Differences = append(m.Differences, Difference{Field: "organisation.name", Here: org, National: strings.TrimSpace(entries[i].rec.Organisation.Name)})
		}
		if m.Differences == nil {
			m.Differences = []Difference{}
		}
		rep.Matched = append(rep.Matched, m)
	}
	for i, e := range entries {
		switch {
		case e.ours || used[i]:
			rep.National++
		default:
			rep.Others++
		}
		if !used[i] && e.ours {
			url := ""
			if e.rec.NationalRegister != nil {
				url = e.rec.NationalRegister.URL
			}
			rep.MissingHere = append(rep.MissingHere, Entry{NationalID: nationalID(e.rec), Name: strings.TrimSpace(e.rec.Name), URL: url, Line: e.line})
		}
	}
	slices.SortFunc(rep.Matched, func(a, b Match) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(rep.MissingThere, func(a, b Algorithm) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(rep.MissingHere, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.NationalID, b.NationalID))
	})
	return rep, nil
}

func nationalID(r record.Record) string {
	if r.NationalRegister == nil {
		return ""
	}
	return strings.TrimSpace(r.NationalRegister.ID)
}

// field is a field both registers hold, with how to read it from a record
// and how to compare it.
type field struct {
	path string
	get  func(*record.Record) string
	same func(here, there string) bool
}

// fields are compared only where the national entry has a value: the
// public listing holds a few fields, the v1.0 entry most, and a field the
// file does not carry is not a difference.
var fields = []field{
	{"name", func(r *record.Record) string { return r.Name }, sameText},
	{"summary", func(r *record.Record) string { return r.Summary }, sameText},
	{"purpose", func(r *record.Record) string { return r.Purpose }, sameText},
	{"status", func(r *record.Record) string { return r.Status }, sameStatus},
	{"organisation.name", func(r *record.Record) string { return r.Organisation.Name }, sameText},
	{"owner.email", func(r *record.Record) string { return r.Owner.Email }, sameText},
	{"legal_basis.law", func(r *record.Record) string {
		if r.LegalBasis == nil {
			return ""
		}
		return r.LegalBasis.Law
	}, sameText},
	{"lifecycle.start", func(r *record.Record) string { return r.Lifecycle.Start }, sameMonth},
	{"lifecycle.end", func(r *record.Record) string { return r.Lifecycle.End }, sameMonth},
	{"themes", func(r *record.Record) string { return strings.Join(sorted(r.Themes), ", ") }, sameText},
	{"publication_category", func(r *record.Record) string { return r.PublicationCategory }, sameText},
	{"human_oversight", func(r *record.Record) string { return r.HumanOversight }, sameText},
	{"alternatives", func(r *record.Record) string { return r.Alternatives }, sameText},
	{"explanation", func(r *record.Record) string { return r.Explanation }, sameText},
	{"processing_register_url", func(r *record.Record) string { return r.ProcessingRegisterURL }, sameText},
	{"risks.mitigations", func(r *record.Record) string {
		if r.Risks == nil {
			return ""
		}
		return r.Risks.Mitigations
	}, sameText},
	{"supplier.name", func(r *record.Record) string {
		if r.Supplier == nil {
			return ""
		}
		return r.Supplier.Name
	}, sameText},
	{"source_code.url", func(r *record.Record) string {
		if r.SourceCode == nil {
			return ""
		}
		return r.SourceCode.URL
	}, sameText},
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

// differences lists the fields the national entry fills with another
// value than the record.
func differences(here, there *record.Record) []Difference {
	var out []Difference
	for _, f := range fields {
		t := strings.TrimSpace(f.get(there))
		if t == "" {
			continue
		}
		h := strings.TrimSpace(f.get(here))
		if !f.same(h, t) {
			out = append(out, Difference{Field: f.path, Here: h, National: t})
		}
	}
	return out
}

// sameText compares texts as a reader would: runs of white space (a line
// break in a YAML block, two spaces after a full stop) count as one space.
// Anything else, case included, is a difference to resolve.
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// statusGroup is the national register's three states a status falls in:
// the standard knows in development, in use and out of use, and the record
// format more (planned, suspended), as register export maps them.
func statusGroup(s string) string {
	switch strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")) {
	case "planned", "in development", "in ontwikkeling":
		return "in_development"
	case "active", "in gebruik", "in use":
		return "active"
	case "suspended", "retired", "buiten gebruik", "out of use":
		return "retired"
	}
	return s
}

func sameStatus(a, b string) bool { return statusGroup(a) == statusGroup(b) }

// sameMonth compares dates to the month: the standard records begin and
// end dates as year and month.
func sameMonth(a, b string) bool {
	month := func(s string) string {
		if len(s) >= 7 {
			return s[:7]
		}
		return s
	}
	return month(a) == month(b)
}
