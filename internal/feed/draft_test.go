package feed

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
)

// TestEntriesKeepDraftValuesOut: a record committed first as a draft (the
// template's words and position) was not public then. Once it is filled
// in and public, the feed shows it as added then, without the draft's
// values, and no entry for the draft itself.
func TestEntriesKeepDraftValuesOut(t *testing.T) {
	num := func(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', -1, 64)) }
	lat := num(placeholder.OriginLat)
	draft := map[string]any{"id": "meter", "kind": "sensor", "name": "Meter", "purpose": placeholder.Fill,
		"location": map[string]any{"point": map[string]any{"lat": lat, "lon": num(placeholder.OriginLon)}}}
	now := &record.Record{ID: "meter", Kind: record.Sensor, Name: "Meter", Purpose: "Drukte meten op de Markt",
		Organisation: record.Organisation{Name: "Gemeente Voorbeeldstad"},
		Location:     &record.Location{Point: &record.Point{Lat: 52.233, Lon: placeholder.OriginLon}}}
	cs := &history.ChangeSet{Records: []history.RecordChange{
		{Op: history.Added, File: "sensors/meter.yaml", Commits: []history.Change{
			{Commit: "d2", When: at("2026-03-02T10:00:00+01:00"), Op: history.Changed, File: "sensors/meter.yaml",
				Fields: []fielddiff.Change{
					{Path: "/location/point/lat", Op: fielddiff.Changed, Old: lat, New: num(52.233)},
					{Path: "/purpose", Op: fielddiff.Changed, Old: placeholder.Fill, New: "Drukte meten op de Markt"},
				}},
			{Commit: "d1", When: at("2026-03-01T10:00:00+01:00"), Op: history.Added, File: "sensors/meter.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Added, New: draft}}},
		}},
	}}
	o := Options{Language: "nl", BaseURL: "https://register.example/",
		Record: func(f string) *record.Record {
			if f == "sensors/meter.yaml" {
				return now
			}
			return nil
		}}
	es := Entries(cs, o)
	if len(es) != 1 {
		t.Fatalf("%d entries, want 1 (the record filled in, not the draft): %+v", len(es), es)
	}
	out := strings.Join(es[0].Lines, "\n")
	for _, leak := range []string{placeholder.Fill, string(lat)} {
		if strings.Contains(out, leak) {
			t.Errorf("the feed shows the draft's %q:\n%s", leak, out)
		}
	}
	if es[0].Op != history.Added || out != "Nieuw in het register." {
		t.Errorf("the record filled in is shown as %s:\n%s; want an addition", es[0].Op, out)
	}
}
