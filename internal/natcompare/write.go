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

// text is the report as plain text, in r.TextLanguage.
func text(r *Report) string {
	lang := r.TextLanguage
	var b strings.Builder
	b.WriteString(msgHead.Format(lang, r.National, r.Organisation))
	if r.Others > 0 {
		b.WriteString(msgOthers.Format(lang, r.Others))
	}
	b.WriteString(msgLocal.Format(lang, r.Local))
	if r.NotPublic > 0 {
		b.WriteString(msgNotPublic.Format(lang, r.NotPublic))
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "\n%s\n", msgMissingThere.Format(lang, len(r.MissingThere)))
	for _, a := range r.MissingThere {
		fmt.Fprintf(&b, "  %s  %s  (%s)\n", a.ID, a.Name, a.File)
	}
	fmt.Fprintf(&b, "\n%s\n", msgMissingHere.Format(lang, len(r.MissingHere)))
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
	fmt.Fprintf(&b, "\n%s\n", msgInBoth.Format(lang, len(r.Matched), differ))
	for _, m := range r.Matched {
		b.WriteString("  " + msgPaired.Format(lang, m.ID, m.NationalID))
		if m.By == "name" {
			b.WriteString(msgByName.Format(lang, m.NationalID))
		}
		if len(m.Differences) == 0 {
			b.WriteString(msgSame.In(lang) + "\n")
			continue
		}
		b.WriteString("\n")
		for _, d := range m.Differences {
			fmt.Fprintf(&b, "    %s\n      %s\n      %s\n", d.Field, msgHere.Format(lang, short(lang, d.Here)), msgNational.Format(lang, short(lang, d.National)))
		}
	}
	return b.String()
}

// short keeps a text to one line of some 160 characters.
func short(lang, s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return msgEmpty.In(lang)
	}
	if utf8.RuneCountInString(s) > 160 {
		r := []rune(s)
		return string(r[:157]) + "..."
	}
	return s
}
