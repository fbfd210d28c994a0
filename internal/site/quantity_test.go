package site

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// A quantity that is no count, or is withheld, is shown as not known: the
// record page says so, and the home page's device counts say "at least",
// counting the record as one device. None shows the default of 1 as if
// the register said it.
func TestQuantityNotKnownIsNotShownAsOne(t *testing.T) {
	sensor := func(id string, q int, invalid bool) *record.Record {
		return &record.Record{ID: id, Kind: record.Sensor, Name: id, Status: "active", SensorType: "camera",
			File: "sensors/" + id + ".yaml", Quantity: q, QuantityInvalid: invalid}
	}
	for _, tt := range []struct {
		name    string
		rec     *record.Record
		page    string // the record page's Aantal
		total   string // the home page's total of devices
		atLeast bool
	}{
		{"a count", sensor("telling", 12, false), "12", "14", false},
		{"none given", sensor("geen", 0, false), "1", "3", false},
		{"text", sensor("tekst", 0, true), "Onbekend: het aantal in de registratie is geen geldig getal", "3", true},
		{"below one", sensor("min", -3, true), "Onbekend: het aantal in de registratie is geen geldig getal", "3", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Beside it, a camera area of two.
			reg := register.New(t.TempDir(), config.Default(), []*record.Record{tt.rec, sensor("twee", 2, false)})
			out, _ := build(t, reg, Options{})
			page := read(t, out, "sensoren/"+tt.rec.ID+".html")
			if !strings.Contains(page, "<dt>Aantal</dt><dd>"+tt.page+"</dd>") {
				t.Errorf("record page does not show Aantal %q", tt.page)
			}
			want := `<td class="num">` + tt.total + `</td></tr></tfoot>`
			if tt.atLeast {
				want = `<td class="num">minstens ` + tt.total + `</td></tr></tfoot>`
			}
			if home := read(t, out, "index.html"); !strings.Contains(home, want) {
				t.Errorf("home page lacks %s", want)
			}
		})
	}
}

// A count of devices stays at the largest quantity the format takes, and
// never wraps to a negative number, however large the quantities added.
func TestAddDevicesSaturates(t *testing.T) {
	for _, tt := range []struct{ count, n, want int }{
		{3, 4, 7},
		{record.MaxQuantity - 1, 1, record.MaxQuantity},
		{record.MaxQuantity, record.MaxQuantity, record.MaxQuantity},
		{record.MaxQuantity, 1, record.MaxQuantity},
	} {
		if got := addDevices(tt.count, tt.n); got != tt.want {
			t.Errorf("addDevices(%d, %d) = %d, want %d", tt.count, tt.n, got, tt.want)
		}
	}
}
