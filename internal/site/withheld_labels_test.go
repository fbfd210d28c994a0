package site

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// TestWithheldTypeAndStatusSayNotPublic: a sensor that withholds its type
// and status shows "niet openbaar" in the list's cells, on its page and
// in the map's tooltip, not a blank, an empty status badge or a dangling
// dash.
func TestWithheldTypeAndStatusSayNotPublic(t *testing.T) {
	r := &record.Record{ID: "meter-w1", Kind: record.Sensor, Name: "Meter W1", Status: "active", SensorType: "air_quality",
		Location:    &record.Location{Description: "Dak", Point: &record.Point{Lat: 52.1, Lon: 5.1}},
		Point:       &record.Point{Lat: 52.1, Lon: 5.1},
		Publication: &record.Publication{Withheld: []string{"sensor_type", "status"}, Reason: "Woo"}}
	out, _ := build(t, register.New(t.TempDir(), nil, []*record.Record{r}), Options{})
	tests := []struct {
		page      string
		want      []string
		forbidden []string
	}{
		{"sensoren/index.html", []string{`<td>niet openbaar</td>`, `<span class="withheld"><span class="icon" aria-hidden="true">🔒</span>niet openbaar</span>`},
			[]string{`status-"`, `</a></th><td></td>`}},
		{"en/sensors/index.html", []string{`<td>not public</td>`}, []string{`status-"`, `</a></th><td></td>`}},
		{"sensoren/meter-w1.html", []string{`niet openbaar`}, []string{`status-"`}},
		{"kaart.html", []string{`<title>Meter W1 – niet openbaar</title>`}, []string{`Meter W1 – <`}},
	}
	for _, tt := range tests {
		page := read(t, out, tt.page)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", tt.page, w)
			}
		}
		for _, f := range tt.forbidden {
			if strings.Contains(page, f) {
				t.Errorf("%s shows %s", tt.page, f)
			}
		}
	}
}
