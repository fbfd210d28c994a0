package natcompare

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/format"
)

// Formats are the report's formats.
var Formats = format.Set[*Report]{
	{Name: "text", Exts: []string{".txt"}, Write: func(w io.Writer, r *Report) error {
		_, err := io.WriteString(w, text(r))
		return err
	}},
	{Name: "json", Exts: []string{".json"}, Write: func(w io.Writer, r *Report) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}},
}

// Write prints the report in one of Formats.
func Write(w io.Writer, name string, r *Report) error {
	f, err := Formats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, r)
}

func text(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "National algorithm register: %d entries of %s", r.National, r.Organisation)
	if r.Others > 0 {
		fmt.Fprintf(&b, " (%d of other organisations left aside)", r.Others)
	}
	fmt.Fprintf(&b, "; here: %d public algorithms", r.Local)
	if r.NotPublic > 0 {
		fmt.Fprintf(&b, " (%d not public, not compared)", r.NotPublic)
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "\nMissing nationally (%d): public here, no entry there\n", len(r.MissingThere))
	for _, a := range r.MissingThere {
		fmt.Fprintf(&b, "  %s  %s  (%s)\n", a.ID, a.Name, a.File)
	}
	fmt.Fprintf(&b, "\nRegistered nationally but not here (%d)\n", len(r.MissingHere))
	for _, e := range r.MissingHere {
		fmt.Fprintf(&b, "  %s  %s", e.NationalID, e.Name)
		if e.URL != "" {
			fmt.Fprintf(&b, "  %s", e.URL)
		}
		b.WriteString("\n")
	}
	differ := 0
	for _, m := range r.Matched {
		if len(m.Differences) > 0 {
			differ++
		}
	}
	fmt.Fprintf(&b, "\nIn both (%d), %d with differences\n", len(r.Matched), differ)
	for _, m := range r.Matched {
		fmt.Fprintf(&b, "  %s = national %s", m.ID, m.NationalID)
		if m.By == "name" {
			fmt.Fprintf(&b, " (paired by name; add national_register.id: %q to the record)", m.NationalID)
		}
		if len(m.Differences) == 0 {
			b.WriteString(": the same\n")
			continue
		}
		b.WriteString("\n")
		for _, d := range m.Differences {
			fmt.Fprintf(&b, "    %s\n      here:     %s\n      national: %s\n", d.Field, short(d.Here), short(d.National))
		}
	}
	return b.String()
}

// short keeps a text to one line of some 160 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "(empty)"
	}
	if utf8.RuneCountInString(s) > 160 {
		r := []rune(s)
		return string(r[:157]) + "..."
	}
	return s
}
