package sign

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

func cfg(t *testing.T, langs ...string) *config.Config {
	t.Helper()
	c := config.Default()
	c.Site.BaseURL = "https://register.voorbeeldstad.example/"
	if len(langs) > 0 {
		c.Languages = langs
	}
	return c
}

func camera() *record.Record {
	return &record.Record{ID: "cam-markt", Kind: record.Sensor, Name: "Camera's Markt", Status: "active",
		Organisation: record.Organisation{Name: "Gemeente Voorbeeldstad", Type: "municipality"},
		Purpose:      "Geweld in het uitgaansgebied voorkomen en opsporen. De camera's draaien alleen 's nachts.",
		Retention:    "P28D", SensorType: "camera", CameraRegime: record.RegimePublicOrder,
		Capabilities: []string{"video_recording", "live_viewing"}}
}

func TestPictograms(t *testing.T) {
	tests := []struct {
		r    record.Record
		want []string
	}{
		{record.Record{SensorType: "camera", Capabilities: []string{"video_recording"}}, []string{"camera"}},
		{record.Record{SensorType: "anpr_camera", Capabilities: []string{"licence_plate_recognition"}}, []string{"anpr"}},
		{record.Record{SensorType: "camera", Capabilities: []string{"people_counting"}}, []string{"camera", "counting"}},
		{record.Record{SensorType: "wifi_bluetooth_counter", Capabilities: []string{"people_counting", "device_tracking"}}, []string{"wifi", "counting"}},
		{record.Record{SensorType: "noise", Capabilities: []string{"sound_level"}}, []string{"sound"}},
		{record.Record{SensorType: "traffic_counter"}, []string{"counting"}},
		{record.Record{SensorType: "air_quality", Capabilities: []string{"environmental_measurement"}}, []string{"measuring"}},
		{record.Record{SensorType: "drone", Capabilities: []string{"video_recording", "audio_recording"}}, []string{"camera", "sound"}},
	}
	for _, tt := range tests {
		if got := IDs(For(&tt.r)); !slices.Equal(got, tt.want) {
			t.Errorf("%s %v: %v, want %v", tt.r.SensorType, tt.r.Capabilities, got, tt.want)
		}
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Geweld voorkomen. En opsporen.", "Geweld voorkomen."},
		{"  Drukte  meten\nin de binnenstad  ", "Drukte meten in de binnenstad"},
		{"Meten bijv. de drukte. Daarna tellen.", "Meten bijv. de drukte."},
		{"Is het druk? Dan sturen we bij.", "Is het druk?"},
		{strings.Repeat("woord ", 60), strings.TrimSpace(strings.Repeat("woord ", 36)) + "…"},
	}
	for _, tt := range tests {
		if got := Sentence(tt.in); got != tt.want {
			t.Errorf("Sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	s, err := New(camera(), nil, cfg(t))
	if err != nil {
		t.Fatal(err)
	}
	if s.URL != "https://register.voorbeeldstad.example/sensoren/cam-markt.html" || !s.PublicOrder || !s.English ||
		s.Purpose != "Geweld in het uitgaansgebied voorkomen en opsporen." || s.Retention != [2]string{"28 dagen", "28 days"} ||
		s.Operator != "Gemeente Voorbeeldstad" {
		t.Errorf("sign = %+v", s)
	}
	if s, _ := New(camera(), nil, cfg(t, "nl")); s.English {
		t.Error("English on a sign of a register that speaks only Dutch")
	}

	withheld := camera()
	withheld.Publication = &record.Publication{Withheld: []string{"retention", "purpose"}, Reason: "Woo 5.1"}
	if s, err := New(withheld, nil, cfg(t)); err != nil || s.Purpose != "niet openbaar" || s.Retention[0] != "niet openbaar" || s.Retention[1] != "not public" {
		t.Errorf("withheld: %+v, %v", s, err)
	}

	// Its purpose quoting what another record of the register keeps
	// back: the sign, posted in the street, does not show it.
	quoting, other := camera(), camera()
	quoting.Purpose = "Samen met de camera bij Kroeg De Gouden Leeuw geweld voorkomen."
	other.ID, other.Location = "cam-kroeg", &record.Location{Description: "Kroeg De Gouden Leeuw"}
	other.Publication = &record.Publication{Withheld: []string{"location.description"}}
	if s, err := New(quoting, publish.NewViewer([]*record.Record{quoting, other}), cfg(t)); err != nil || s.Purpose != "Samen met de camera bij niet openbaar geweld voorkomen." {
		t.Errorf("quoting another record's secret: %+v, %v", s, err)
	}

	hidden := camera()
	f := false
	hidden.Publication = &record.Publication{Public: &f, Reason: "Woo artikel 5.1 lid 2 onder h"}
	if _, err := New(hidden, nil, cfg(t)); !errors.Is(err, ErrNotPublic) || !strings.Contains(err.Error(), "Woo artikel 5.1") {
		t.Errorf("not public: %v", err)
	}
	alg := &record.Record{ID: "alg", Kind: record.Algorithm}
	if _, err := New(alg, nil, cfg(t)); !errors.Is(err, ErrNotSensor) {
		t.Errorf("algorithm: %v", err)
	}
	noBase := cfg(t)
	noBase.Site.BaseURL = ""
	if _, err := New(camera(), nil, noBase); err == nil || !strings.Contains(err.Error(), "site.base_url") {
		t.Errorf("no base URL: %v", err)
	}
}

// TestQRCodeDecodesToTheRecordsPage renders a sign on both papers, turns
// each page into an image and reads the QR code back with zbarimg.
func TestQRCodeDecodesToTheRecordsPage(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian: poppler-utils, zbar-tools); the QR code is not read back", tool)
		}
	}
	other := camera()
	other.ID, other.SensorType, other.CameraRegime, other.Capabilities = "wifi-station", "wifi_bluetooth_counter", "", []string{"people_counting", "device_tracking"}
	var signs []*Sign
	for _, r := range []*record.Record{camera(), other} {
		s, err := New(r, nil, cfg(t))
		if err != nil {
			t.Fatal(err)
		}
		signs = append(signs, s)
	}
	for _, paper := range []Paper{A4, A5} {
		t.Run(paper.Name, func(t *testing.T) {
			dir := t.TempDir()
			var buf bytes.Buffer
			if err := Write(&buf, signs, paper); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(dir, "bord.pdf")
			if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("pdftoppm", "-r", "100", "-png", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
			slices.Sort(pages)
			if len(pages) != len(signs) {
				t.Fatalf("%d pages, want %d", len(pages), len(signs))
			}
			for i, png := range pages {
				out, err := exec.Command("zbarimg", "--quiet", "--raw", png).Output()
				if err != nil {
					t.Fatalf("zbarimg %s: %v", filepath.Base(png), err)
				}
				if got := strings.TrimSpace(string(out)); got != signs[i].URL {
					t.Errorf("page %d: QR code says %q, want %q", i+1, got, signs[i].URL)
				}
			}
		})
	}
}

// A sign makes the sensor recognisable: it is refused, naming the fields,
// when what the record withholds would make it describe another sensor or
// leave out that it is the mayor's camera surveillance (Gemeentewet art.
// 151c), and made when what is withheld does not change what it shows.
func TestNewRefusesASignTheWithheldWouldFalsify(t *testing.T) {
	wifi := func() *record.Record {
		r := camera()
		r.ID, r.SensorType, r.CameraRegime, r.Capabilities = "wifi-station", "wifi_bluetooth_counter", "", []string{"people_counting", "device_tracking"}
		return r
	}
	with151c := func() *record.Record {
		r := camera()
		r.LegalBasis = &record.LegalBasis{Law: "Gemeentewet artikel 151c"}
		return r
	}
	for _, tt := range []struct {
		name     string
		r        *record.Record
		withheld []string
		refused  string // the fields the refusal names; "" when the sign is made
	}{
		{"a device tracker that withholds what it senses", wifi(), []string{"sensor_type", "capabilities"}, "sensor_type, capabilities"},
		{"a device tracker that withholds its counting", wifi(), []string{"capabilities.0"}, "capabilities.0"},
		{"a device tracker whose type says what its withheld capability does", wifi(), []string{"capabilities.1"}, ""},
		{"a 151c camera that withholds its regime and legal basis", with151c(), []string{"legal_basis", "camera_regime"}, "legal_basis, camera_regime"},
		{"a 151c camera that withholds its regime alone", camera(), []string{"camera_regime"}, "camera_regime"},
		{"a camera whose type says what its withheld capabilities do", camera(), []string{"capabilities"}, ""},
		{"a 151c camera whose law still names 151c", with151c(), []string{"camera_regime"}, ""},
		{"a camera that withholds what is not on its sign", camera(), []string{"location.description"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			r.Publication = &record.Publication{Withheld: tt.withheld, Reason: "Woo art. 5.1 lid 2 sub d: beveiliging"}
			s, err := New(r, nil, cfg(t))
			if tt.refused == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if want := For(r); !slices.Equal(IDs(s.Pictograms), IDs(want)) || s.PublicOrder != r.PublicOrder() {
					t.Errorf("sign shows %v, 151c %v; the sensor is %v, 151c %v", IDs(s.Pictograms), s.PublicOrder, IDs(want), r.PublicOrder())
				}
				return
			}
			if !errors.Is(err, ErrWithheld) || !strings.Contains(err.Error(), r.ID+" withholds "+tt.refused) ||
				!strings.Contains(err.Error(), "make the sign by hand") {
				t.Errorf("sign %+v, error %v; want a refusal naming %s", s, err, tt.refused)
			}
		})
	}
}

// TestFactsStayAboveTheQRCode lays signs out and measures where their text
// goes: the facts end above the QR code on either paper, in smaller type
// where they need it but never below minType, and the text beside the QR
// code stays on the page; a sign whose text cannot fit even so is refused,
// saying what to shorten.
func TestFactsStayAboveTheQRCode(t *testing.T) {
	crowded := func(operator, purpose int) *Sign {
		r := camera()
		r.Capabilities = append(r.Capabilities, "licence_plate_recognition", "device_tracking", "audio_recording", "people_counting")
		r.Organisation.Name = strings.TrimSpace(strings.Repeat("Stichting ", operator/10))
		r.Purpose = strings.TrimSpace(strings.Repeat("toezicht ", purpose/9)) + "."
		s, err := New(r, nil, cfg(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	plain, err := New(camera(), nil, cfg(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		s       *Sign
		paper   Paper
		shrinks bool   // whether the type is made smaller
		refused string // what the refusal says; "" when the sign is made
	}{
		{"a plain camera on A4", plain, A4, false, ""},
		{"a plain camera on A5", plain, A5, false, ""},
		{"five pictograms, a long operator and purpose on A4", crowded(100, 200), A4, true, ""},
		{"five pictograms, a long operator and purpose on A5", crowded(100, 200), A5, true, ""},
		{"an operator's name of 1500 characters on A4", crowded(1500, 200), A4, false,
			"the sign of cam-markt does not fit on A4: even in the smallest readable type its text runs into the QR code; shorten the operator's name (organisation.name, 1499 characters)"},
		{"an operator's name of 600 characters on A5", crowded(600, 200), A5, false, ", or print the sign on A4 (--paper a4)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := newPDF(tt.paper)
			if err != nil {
				t.Fatal(err)
			}
			at, err := page(pdf, tt.s, tt.paper)
			if tt.refused != "" {
				if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), tt.refused) {
					t.Errorf("placed %+v, error %v; want a refusal saying %q", at, err, tt.refused)
				}
				if err := Write(io.Discard, []*Sign{tt.s}, tt.paper); !errors.Is(err, ErrTooLong) {
					t.Errorf("written: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if at.factsEnd > at.qrTop || at.factsEnd <= at.factsTop {
				t.Errorf("the facts run from %.1f to %.1f, the QR code starts at %.1f", at.factsTop, at.factsEnd, at.qrTop)
			}
			if at.footEnd > tt.paper.H {
				t.Errorf("the text beside the QR code ends at %.1f, below the page (%.1f)", at.footEnd, tt.paper.H)
			}
			if (at.shrink > 0) != tt.shrinks || at.smallest < min(minType, 10*tt.paper.W/A4.W) {
				t.Errorf("type made smaller by %.2f, smallest %.1f pt; want smaller %v, not below %.1f", at.shrink, at.smallest, tt.shrinks, minType)
			}
		})
	}
}
