package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// A value a record withholds within a list reads "niet openbaar" in its
// table cell, not an empty cell; where an element is withheld whole, the
// view leaves it out, and the cells of the others still say what their own
// elements withhold.
func TestWithheldTableCellsSaySo(t *testing.T) {
	incidents := []record.Incident{
		{Type: "data_breach", Discovered: "2025-01-01", Reported: "2025-01-02", Summary: "Eerste lek"},
		{Type: "other", Discovered: "2025-02-01", Reported: "2025-02-02", Summary: "Tweede voorval"},
	}
	for _, tt := range []struct {
		name     string
		withheld []string
		rows     [][]string // the cells of each row, as text
	}{
		{"a summary", []string{"incidents.0.summary"},
			[][]string{{"Datalek", "niet openbaar"}, {"Anders", "Tweede voorval"}}},
		{"an element whole, then a summary", []string{"incidents.0", "incidents.1.summary"},
			[][]string{{"Anders", "niet openbaar"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &record.Record{ID: "meter", Name: "Meter", Kind: record.Sensor, Status: "active", SensorType: "noise",
				File: "sensors/meter.yaml", Incidents: incidents,
				Publication: &record.Publication{Withheld: tt.withheld, Reason: "Woo"}}
			out, _ := build(t, register.New(t.TempDir(), config.Default(), []*record.Record{r}), Options{})
			page := read(t, out, "sensoren/meter.html")
			i := strings.Index(page, `id="t-incidents"`)
			if i < 0 {
				t.Fatal("no table of incidents")
			}
			body := page[i:]
			body = body[strings.Index(body, "<tbody>"):strings.Index(body, "</tbody>")]
			tags := regexp.MustCompile(`<[^>]*>`)
			var got [][]string
			for _, tr := range strings.Split(body, "<tr>")[1:] {
				var row []string
				for _, c := range regexp.MustCompile(`<t[hd][^>]*>(.*?)</t[hd]>`).FindAllStringSubmatch(tr, -1) {
					row = append(row, strings.TrimSpace(tags.ReplaceAllString(c[1], "")))
				}
				got = append(got, []string{row[0], row[len(row)-1]}) // type and summary
			}
			if len(got) != len(tt.rows) {
				t.Fatalf("%d rows %v, want %v", len(got), got, tt.rows)
			}
			for k := range got {
				if got[k][0] != tt.rows[k][0] || got[k][1] != tt.rows[k][1] {
					t.Errorf("row %d: %q, want %q", k, got[k], tt.rows[k])
				}
			}
		})
	}
}
