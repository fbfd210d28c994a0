package lifecycle

import (
	"encoding/json"
	"io"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

type jsonReport struct {
	AsOf    string        `json:"as_of"`
	Within  string        `json:"within"`
	Items   []jsonItem    `json:"items"`
	Summary map[Group]int `json:"summary"`
}

type jsonItem struct {
	Record string       `json:"record"`
	Name   string       `json:"name"`
	File   string       `json:"file"`
	What   What         `json:"what"`
	Date   string       `json:"date"`
	Group  Group        `json:"group"`
	Path   string       `json:"path"`
	Detail string       `json:"detail"`
	Owner  record.Owner `json:"owner"`
}

// WriteJSON prints the list as one JSON document.
func WriteJSON(w io.Writer, r Report) error {
	out := jsonReport{AsOf: period.Format(r.Today), Within: r.Within.String(), Items: []jsonItem{}, Summary: Count(r.Items)}
	for _, it := range r.Items {
		date := "" // an undated item has none
		if !it.Date.IsZero() {
			date = period.Format(it.Date)
		}
		out.Items = append(out.Items, jsonItem{Record: it.Record.ID, Name: it.Record.Name, File: it.Record.File,
			What: it.What, Date: date, Group: it.Group, Path: it.Path, Detail: it.Detail.In("en"), Owner: it.Record.Owner})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
