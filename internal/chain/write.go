package chain

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// Formats are the output formats of Write.
var Formats = format.Set[Report]{
	{Name: "text", Exts: []string{".txt"}, Write: writeText},
	{Name: "json", Exts: []string{".json"}, Write: writeJSON},
}

// Report is a chain as a command prints it.
type Report struct {
	Result
	// Desk is the register's general correction desk (site.report_error_url),
	// named for a record that gives no route of its own.
	Desk string
	// Lang is the language of the text: "nl" or "en".
	Lang string
	// URL returns the public page of a record, or "" for none.
	URL func(*record.Record) string
	// Hidden counts the records left out because they are not public; the
	// text says so, without naming them.
	Hidden int
}

// Write writes the report in a format of Formats.
func Write(w io.Writer, name string, rep Report) error {
	if name == "" {
		name = "text"
	}
	f, err := Formats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, rep)
}

type jsonReport struct {
	Query      string          `json:"query"`
	Records    []jsonUse       `json:"records"`
	Recipients []jsonRecipient `json:"recipients"`
	Sources    []Source        `json:"sources"`
	Desk       string          `json:"correction_desk,omitempty"`
	Hidden     int             `json:"not_public,omitempty"`
}

type jsonUse struct {
	ID         string               `json:"id"`
	Kind       record.Kind          `json:"kind"`
	Name       string               `json:"name"`
	File       string               `json:"file"`
	URL        string               `json:"url,omitempty"`
	Datasets   []record.Dataset     `json:"datasets,omitempty"`
	Shares     []record.DataSharing `json:"shares,omitempty"`
	Sensors    []string             `json:"sensors,omitempty"`
	Recipients []string             `json:"recipients,omitempty"`
	Correction *record.Correction   `json:"correction"`
}

type jsonRecipient struct {
	Party string   `json:"party"`
	From  []string `json:"records"`
}

func writeJSON(w io.Writer, rep Report) error {
	out := jsonReport{Query: rep.Query, Records: []jsonUse{}, Recipients: []jsonRecipient{}, Sources: rep.Sources, Desk: rep.Desk, Hidden: rep.Hidden}
	if out.Sources == nil {
		out.Sources = []Source{}
	}
	for _, u := range rep.Uses {
		r := u.Record
		j := jsonUse{ID: r.ID, Kind: r.Kind, Name: r.Name, File: r.File, Datasets: u.Datasets, Shares: u.Shares, Correction: r.Correction}
		if rep.URL != nil {
			j.URL = rep.URL(r)
		}
		for _, s := range u.Sensors {
			j.Sensors = append(j.Sensors, s.ID)
		}
		for _, s := range r.DataSharing {
			j.Recipients = append(j.Recipients, s.Party)
		}
		out.Records = append(out.Records, j)
	}
	for _, rc := range rep.Recipients {
		j := jsonRecipient{Party: rc.Party}
		for _, r := range rc.From {
			j.From = append(j.From, r.ID)
		}
		out.Recipients = append(out.Recipients, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// words of the text report, Dutch first.
var texts = map[string]label.Text{
	"head":       {"Keten van %q", "Chain of %q"},
	"none":       {"Geen registratie gebruikt %q of deelt gegevens met %q.", "No record uses %q or shares data with %q."},
	"records":    {"Registraties (%d)", "Records (%d)"},
	"uses":       {"gebruikt", "uses"},
	"shares":     {"deelt met", "shares with"},
	"sensor":     {"gebruikt gegevens van sensor", "uses data of sensor"},
	"route":      {"Fout in uw gegevens?", "Wrong data about you?"},
	"noroute":    {"geen eigen route; meldpunt: %s", "no route of its own; desk: %s"},
	"noroutenod": {"geen route vastgelegd", "no route recorded"},
	"term":       {"duurt ten hoogste %s", "takes at most %s"},
	"recipients": {"Ontvangers die een verbetering moeten horen (AVG art. 19) (%d)", "Recipients to be told of a correction (GDPR art. 19) (%d)"},
	"norecip":    {"Geen ontvangers: de registraties delen deze gegevens met niemand.", "No recipients: the records share this data with no one."},
	"from":       {"via", "from"},
	"sources":    {"Bron: verbeter de fout eerst hier (%d)", "Source: correct the error here first (%d)"},
	"hidden":     {"Niet openbaar en niet doorzocht: %s; gebruik --internal.", "Not public and not searched: %s; use --internal."},
}

func (rep Report) t(key string) string {
	if rep.Lang == "en" {
		return texts[key][1]
	}
	return texts[key][0]
}

func writeText(w io.Writer, rep Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, rep.t("head")+"\n\n", rep.Query)
	if len(rep.Uses) == 0 {
		fmt.Fprintf(&b, rep.t("none")+"\n", rep.Query, rep.Query)
	} else {
		fmt.Fprintf(&b, rep.t("records")+"\n", len(rep.Uses))
		for _, u := range rep.Uses {
			r := u.Record
			fmt.Fprintf(&b, "  %s  %s (%s)\n", r.ID, r.Name, label.Value(rep.Lang, "kind", string(r.Kind)))
			if rep.URL != nil {
				if url := rep.URL(r); url != "" {
					fmt.Fprintf(&b, "      %s\n", url)
				}
			}
			for _, d := range u.Datasets {
				fmt.Fprintf(&b, "      %s: %s\n", rep.t("uses"), join(d.Name, d.Source))
			}
			for _, s := range u.Shares {
				fmt.Fprintf(&b, "      %s: %s\n", rep.t("shares"), join(s.Party, s.Purpose))
			}
			for _, s := range u.Sensors {
				fmt.Fprintf(&b, "      %s: %s (%s)\n", rep.t("sensor"), s.ID, s.Name)
			}
			fmt.Fprintf(&b, "      %s %s\n", rep.t("route"), rep.route(r))
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, rep.t("recipients")+"\n", len(rep.Recipients))
		if len(rep.Recipients) == 0 {
			b.WriteString("  " + rep.t("norecip") + "\n")
		}
		for _, rc := range rep.Recipients {
			ids := make([]string, len(rc.From))
			for i, r := range rc.From {
				ids[i] = r.ID
			}
			fmt.Fprintf(&b, "  %s (%s %s)\n", rc.Party, rep.t("from"), strings.Join(ids, ", "))
		}
		if len(rep.Sources) > 0 {
			b.WriteString("\n")
			fmt.Fprintf(&b, rep.t("sources")+"\n", len(rep.Sources))
			for _, s := range rep.Sources {
				fmt.Fprintf(&b, "  %s: %s\n", s.Dataset, s.Source)
			}
		}
	}
	if rep.Hidden > 0 {
		n := fmt.Sprintf("%d registraties", rep.Hidden)
		switch {
		case rep.Hidden == 1 && rep.Lang == "en":
			n = "1 record"
		case rep.Hidden == 1:
			n = "1 registratie"
		case rep.Lang == "en":
			n = fmt.Sprintf("%d records", rep.Hidden)
		}
		fmt.Fprintf(&b, "\n"+rep.t("hidden")+"\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// route says in a line how a resident has the record's data corrected.
func (rep Report) route(r *record.Record) string {
	c := r.Correction
	if c == nil || strings.TrimSpace(c.Route) == "" {
		if rep.Desk != "" {
			return fmt.Sprintf(rep.t("noroute"), rep.Desk)
		}
		return rep.t("noroutenod")
	}
	parts := []string{strings.Join(strings.Fields(c.Route), " ")}
	for _, s := range []string{c.Desk, c.URL, c.Email} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if c.Term != "" {
		parts = append(parts, fmt.Sprintf(rep.t("term"), label.Duration(rep.Lang, c.Term)))
	}
	return strings.Join(parts, " · ")
}

// join writes "a (b)", or a alone when b is empty.
func join(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if b == "" {
		return a
	}
	return a + " (" + strings.Join(strings.Fields(b), " ") + ")"
}
