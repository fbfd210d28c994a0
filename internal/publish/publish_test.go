package publish_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

func TestCovers(t *testing.T) {
	tests := []struct {
		withheld, path string
		want           bool
	}{
		{"location", "location.point.lat", true},
		{"location.point", "location.point", true},
		{"location.point", "location.point_rd", false},
		{"location.point", "location", false},
		{"datasets.url", "datasets.0.url", true},
		{"datasets.url", "datasets.12.url", true},
		{"datasets.url", "datasets.url", true},
		{"datasets.0.url", "datasets.0.url", true},
		{"datasets.0.url", "datasets.1.url", false},
		{"datasets.0", "datasets.0.name", true},
		{"datasets", "datasets.3.source", true},
		{"measures", "measures.0.unit", true},
		{"legal_basis.links", "legal_basis.links.2", true},
		{"name", "names", false},
		{"supplier.name", "supplier", false},
	}
	for _, tt := range tests {
		if got := record.Covers(tt.withheld, tt.path); got != tt.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tt.withheld, tt.path, got, tt.want)
		}
	}
}

func withholding(paths ...string) *record.Publication {
	return &record.Publication{Reason: "Woo art. 5.1", Withheld: paths}
}

func TestViewLeavesOutWithheldValues(t *testing.T) {
	r := &record.Record{ID: "alg", Kind: record.Algorithm, Name: "Toeslag", Summary: "geheim-summary",
		Datasets:    []record.Dataset{{Name: "a", URL: "https://geheim.example/a"}, {Name: "b", URL: "https://geheim.example/b", Source: "bron-b"}},
		Supplier:    &record.Supplier{Name: "Leverancier BV", ContractEnd: "2030-01-01"},
		Incidents:   []record.Incident{{Type: "data_breach", Summary: "lek", DelayReason: "intern"}},
		Links:       []record.Link{{Title: "een", URL: "https://a.example"}, {Title: "twee", URL: "https://b.example"}},
		Publication: withholding("summary", "datasets.url", "supplier.name", "links.1", "datasets.1.source")}
	v := publish.View(r)
	data, _ := json.Marshal(v)
	for _, secret := range []string{"geheim", "Leverancier", "intern", "twee", "bron-b"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("view holds %q: %s", secret, data)
		}
	}
	for _, kept := range []string{"Toeslag", `"name":"b"`, "2030-01-01", "lek", "https://a.example"} {
		if !strings.Contains(string(data), kept) {
			t.Errorf("view lost %q: %s", kept, data)
		}
	}
	if r.Summary != "geheim-summary" || r.Datasets[0].URL == "" || r.Incidents[0].DelayReason == "" {
		t.Error("View changed the record it was given")
	}
	if !v.IsWithheld("datasets.0.url") || v.Publication.Reason != "Woo art. 5.1" {
		t.Error("the view lost its publication block, so renderers cannot say what is withheld")
	}
}

// TestViewSharesOnlyWhatNothingWithheldReaches: a view holds the record's
// own parts where nothing withheld lies in them, so a record that
// withholds one field is not copied whole, and its own copy of every part
// a withheld path reaches; making it changes nothing of the record, not
// even the list of what it withholds, to which the view adds the DPIA's
// address that is not public.
func TestViewSharesOnlyWhatNothingWithheldReaches(t *testing.T) {
	record := func(withheld ...string) *record.Record {
		return &record.Record{ID: "s", Kind: record.Sensor, Name: "Camera",
			Location:    &record.Location{Description: "Markt", Point: &record.Point{Lat: 52.1, Lon: 5.1}},
			Supplier:    &record.Supplier{Name: "Leverancier BV", ContractEnd: "2030-01-01"},
			Datasets:    []record.Dataset{{Name: "a", URL: "https://a.example"}, {Name: "b", URL: "https://b.example"}},
			Incidents:   []record.Incident{{Type: "data_breach", Summary: "lek", DelayReason: "intern"}},
			DPIA:        &record.DPIA{Status: "done", URL: "https://dpia.example"}, // not public: withheld
			Publication: withholding(withheld...)}
	}
	tests := []struct {
		withheld         []string
		ownSupplier      bool // the view's supplier is the record's
		ownLocation      bool
		ownDatasets      bool
		publicationNamed []string // the view's list of what is withheld
	}{
		{[]string{"supplier.name"}, false, true, true, []string{"supplier.name", "dpia.url"}},
		{[]string{"location.point"}, true, false, true, []string{"location.point", "dpia.url"}},
		{[]string{"datasets.url"}, true, true, false, []string{"datasets.url", "dpia.url"}},
		{[]string{"datasets.1"}, true, true, false, []string{"datasets.1", "dpia.url"}},
		{[]string{"location.description"}, true, false, true, []string{"location.description", "dpia.url"}},
		{nil, true, true, true, []string{"dpia.url"}},
	}
	for _, tt := range tests {
		r := record(tt.withheld...)
		before, _ := json.Marshal(r)
		v := publish.View(r)
		if after, _ := json.Marshal(r); string(after) != string(before) {
			t.Errorf("withheld %v: View changed the record:\n%s\nto\n%s", tt.withheld, before, after)
		}
		if got := v.Supplier == r.Supplier; got != tt.ownSupplier {
			t.Errorf("withheld %v: the view's supplier is the record's: %v, want %v", tt.withheld, got, tt.ownSupplier)
		}
		if got := v.Location == r.Location; got != tt.ownLocation {
			t.Errorf("withheld %v: the view's location is the record's: %v, want %v", tt.withheld, got, tt.ownLocation)
		}
		if got := len(v.Datasets) > 0 && &v.Datasets[0] == &r.Datasets[0]; got != tt.ownDatasets {
			t.Errorf("withheld %v: the view's datasets are the record's: %v, want %v", tt.withheld, got, tt.ownDatasets)
		}
		if v.Incidents[0].DelayReason != "" || r.Incidents[0].DelayReason != "intern" {
			t.Errorf("withheld %v: an incident's internal note is in the view or gone from the record", tt.withheld)
		}
		if !slices.Equal(v.Publication.Withheld, tt.publicationNamed) || !slices.Equal(r.Publication.Withheld, tt.withheld) {
			t.Errorf("withheld %v: the view names %v (want %v), the record %v", tt.withheld, v.Publication.Withheld, tt.publicationNamed, r.Publication.Withheld)
		}
	}
}

func TestViewWithholdsBothFormsOfThePosition(t *testing.T) {
	for _, w := range []string{"location.point", "location.point_rd", "location.point.lat", "location.point_rd.x", "location"} {
		r := &record.Record{ID: "s", Kind: record.Sensor, Location: &record.Location{Description: "Markt",
			Point: &record.Point{Lat: 52.1, Lon: 5.1}, PointRD: &record.PointRD{X: 155000, Y: 463000}},
			Point: &record.Point{Lat: 52.1, Lon: 5.1}, Publication: withholding(w)}
		v := publish.View(r)
		if v.Point != nil || v.Location != nil && (v.Location.Point != nil || v.Location.PointRD != nil) {
			t.Errorf("withheld %s: the view keeps a position: %+v %+v", w, v.Point, v.Location)
		}
	}
}

func TestViewOfANonPublicRecordIsNil(t *testing.T) {
	no := false
	for name, r := range map[string]*record.Record{
		"public: false":       {ID: "x", Publication: &record.Publication{Public: &no}},
		"invalid (fail shut)": {ID: "x", PublicationInvalid: true},
	} {
		if publish.View(r) != nil {
			t.Errorf("%s: got a view", name)
		}
	}
}

func TestRegisterDropsReferencesToRecordsThatAreNotPublic(t *testing.T) {
	no := false
	reg := register.New("", nil, []*record.Record{
		{ID: "cam-open", Kind: record.Sensor, Name: "Open camera"},
		{ID: "cam-geheim", Kind: record.Sensor, Name: "Geheime camera", Publication: &record.Publication{Public: &no, Reason: "Woo"}},
		{ID: "alg", Kind: record.Algorithm, UsesSensors: []string{"cam-open", "cam-geheim", "cam-kapot"}},
	})
	p := publish.Register(reg)
	if got := p.Register.ByID("alg").UsesSensors; !reflect.DeepEqual(got, []string{"cam-open"}) {
		t.Errorf("uses_sensors = %v, want only the public sensor", got)
	}
	if len(p.Unpublished) != 1 || p.Register.ByID("cam-geheim") != nil {
		t.Errorf("unpublished = %v", p.Unpublished)
	}
	fs := p.Findings(reg.ByID("alg"), []finding.Finding{{Rule: "register", Message: label.Text{"cam-geheim", "uses_sensors names cam-geheim (Geheime camera)"}}})
	if strings.Contains(fs[0].Message.In("en")+fs[0].Message.In("nl"), "geheim") {
		t.Errorf("finding names the non-public record: %+v", fs[0])
	}
}

func TestFindingsNeverQuoteAWithheldValue(t *testing.T) {
	r := &record.Record{ID: "cam", Kind: record.Sensor, Vendor: &record.Vendor{Manufacturer: "Hikvision"},
		Location: &record.Location{Description: "Damrak 1"}, Point: &record.Point{Lat: 52.3731, Lon: 4.8926},
		Publication: withholding("vendor", "location.point")}
	p := publish.Register(register.New("", nil, []*record.Record{r}))
	fs := p.Findings(r, []finding.Finding{
		{Rule: "z", Message: label.Text{"Fabrikant Hikvision staat op de lijst", "manufacturer Hikvision is on the watch list"}},
		{Rule: "x", Message: label.Text{"", "position 52.37310, 4.8926 is odd"}},
		{Rule: "y", Path: "/vendor/manufacturer", Message: label.Text{"", "something about the vendor"}, Help: label.Text{"", "fix it"}},
	})
	for _, f := range fs {
		for _, s := range []string{f.Message.In("en"), f.Message.In("nl"), f.Help.In("en"), f.Help.In("nl")} {
			if strings.Contains(s, "Hikvision") || strings.Contains(s, "52.37") || strings.Contains(s, "4.89") || strings.Contains(s, "vendor") {
				t.Errorf("finding %s quotes a withheld value: %q", f.Rule, s)
			}
		}
	}
	if fs[0].Message.In("nl") != "Fabrikant niet openbaar staat op de lijst" {
		t.Errorf("Dutch message = %q", fs[0].Message.In("nl"))
	}
}

func TestCheckFailsClosed(t *testing.T) {
	tests := []struct {
		name string
		pub  any
		want string // the finding's path, "" for none
	}{
		{"valid", map[string]any{"public": false, "reason": "Woo", "withheld": []any{"location.point"}}, ""},
		{"list index", map[string]any{"withheld": []any{"location.polygon", "datasets.0.url"}}, ""},
		{"withheld as text", map[string]any{"withheld": "location.point"}, "/publication/withheld"},
		{"Public with a capital", map[string]any{"Public": false}, "/publication/Public"},
		{"public as text", map[string]any{"public": "nee"}, "/publication/public"},
		{"block as a list", []any{"public", false}, "/publication"},
		{"block as text", "niet openbaar", "/publication"},
		{"unknown path", map[string]any{"withheld": []any{"locaton.point"}}, "/publication/withheld/0"},
		{"path of the other kind", map[string]any{"withheld": []any{"sensor_type"}}, "/publication/withheld/0"},
		{"path with spaces", map[string]any{"withheld": []any{" location"}}, "/publication/withheld/0"},
		{"number in a list", map[string]any{"withheld": []any{json.Number("3")}}, "/publication/withheld/0"},
		{"the id", map[string]any{"withheld": []any{"id"}}, "/publication/withheld/0"},
		{"index with a leading zero", map[string]any{"withheld": []any{"assessments.00.summary"}}, "/publication/withheld/0"},
		{"index of a field that is no list", map[string]any{"withheld": []any{"summary.0"}}, "/publication/withheld/0"},
		// A reason to keep something back that keeps nothing back.
		{"a reason alone", map[string]any{"reason": "Woo art. 5.1 lid 2 onder c"}, "/publication/reason"},
		{"a reason and an empty list", map[string]any{"reason": "Woo", "withheld": []any{}}, "/publication/reason"},
		{"a reason of a public record", map[string]any{"public": true, "reason": "Alles openbaar."}, ""},
		{"a reason of a record kept back", map[string]any{"public": false, "reason": "Woo"}, ""},
		{"a reason that says nothing", map[string]any{"reason": "-"}, ""},
		// The key with nothing under it: what was meant is not said.
		{"no value", nil, "/publication"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := map[string]any{"id": "x", "publication": tt.pub}
			kind := record.Algorithm
			if tt.name == "valid" {
				kind = record.Sensor
			}
			if tt.name == "list index" {
				raw["kind"] = "sensor"
			}
			fs := publish.Check(raw, kind)
			if tt.name == "list index" {
				// polygon is a sensor's; datasets an algorithm's: check each.
				fs = append(publish.Check(map[string]any{"publication": map[string]any{"withheld": []any{"location.polygon"}}}, record.Sensor),
					publish.Check(map[string]any{"publication": map[string]any{"withheld": []any{"datasets.0.url"}}}, record.Algorithm)...)
			}
			if tt.want == "" {
				if len(fs) > 0 {
					t.Fatalf("want no findings, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Path != tt.want || fs[0].Severity != finding.Error || fs[0].Rule != finding.RulePublication {
				t.Fatalf("want one error at %s, got %+v", tt.want, fs)
			}
		})
	}
}

func TestFieldsComeFromTheSchema(t *testing.T) {
	for kind, want := range map[record.Kind][]string{
		record.Sensor:    {"name", "location.point.lat", "vendor.model", "measures.unit", "incidents.summary", "legal_basis.links", "capabilities"},
		record.Algorithm: {"datasets.url", "source_code.unavailable_reason", "uses_sensors", "national_register.id"},
	} {
		got := map[string]publish.Field{}
		for _, f := range publish.Fields(kind) {
			got[f.Path] = f
		}
		for _, p := range want {
			if f, ok := got[p]; !ok || !f.Leaf {
				t.Errorf("%s: %s missing or not a leaf (%+v)", kind, p, f)
			}
		}
		if f := got["location"]; kind == record.Sensor && f.Leaf {
			t.Errorf("location is an object, not a leaf")
		}
		if _, ok := got["datasets"]; kind == record.Sensor && ok {
			t.Errorf("a sensor has no datasets")
		}
	}
}

// A withheld value quoted in a field that is shown would be published
// there: the record is held back, and the finding names the field that
// quotes it and the field withheld, never the value.
func TestCheckHoldsBackAQuotedSecret(t *testing.T) {
	withheld := func(ws ...any) map[string]any { return map[string]any{"withheld": ws, "reason": "Beveiliging"} }
	tests := []struct {
		name string
		raw  map[string]any
		want []string // the paths of the findings
	}{
		{"the supplier named in the purpose, in another case",
			map[string]any{"supplier": map[string]any{"name": "Kluisleverancier BV"}, "purpose": "Gekocht bij kluisleverancier bv.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld list element's value in a shown element",
			map[string]any{"decisions": []any{map[string]any{"reference": "https://geheim.example/b", "body": "zie https://geheim.example/b"}}, "publication": withheld("decisions.reference")},
			[]string{"/decisions/0/body"}},
		{"in the id too", map[string]any{"id": "cam-kluisleverancier", "location": map[string]any{"description": "Kluisleverancier"}, "publication": withheld("location.description")},
			[]string{"/id"}},
		{"the supplier written with other separators",
			map[string]any{"supplier": map[string]any{"name": "Kluisleverancier BV"}, "purpose": "Gekocht bij Kluis-\nleverancier B.V.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"quoted nowhere", map[string]any{"supplier": map[string]any{"name": "Kluisleverancier BV"}, "purpose": "Toezicht", "publication": withheld("supplier.name")}, nil},
		{"a short value is not looked for", map[string]any{"supplier": map[string]any{"name": "BV"}, "purpose": "Een BV", "publication": withheld("supplier.name")}, nil},
		{"a value short without its separators, quoted as a word",
			map[string]any{"supplier": map[string]any{"name": "X-12"}, "purpose": "Van het type x 12.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a value short without its separators, inside another word",
			map[string]any{"supplier": map[string]any{"name": "X-12"}, "purpose": "Zie data-x123 en AX-12.", "publication": withheld("supplier.name")},
			nil},
		{"a withheld name written decomposed, or with a zero-width space",
			map[string]any{"supplier": map[string]any{"name": "Ökotech Überwachung"}, "purpose": "Van O\u0308kotech U\u0308ber\u200bwachung.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld name written in full-width letters",
			map[string]any{"supplier": map[string]any{"name": "Kluisleverancier BV"}, "purpose": "Van \uff2b\uff4c\uff55\uff49\uff53\uff4c\uff45\uff56\uff45\uff52\uff41\uff4e\uff43\uff49\uff45\uff52 \uff22\uff36.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld name typed without its diacritics",
			map[string]any{"supplier": map[string]any{"name": "Coöperatie Zuidoogst"}, "purpose": "Van Cooperatie Zuidoogst.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld name typed with a diacritic it has not",
			map[string]any{"supplier": map[string]any{"name": "Societe Kluis"}, "purpose": "Van Société Kluis.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld name typed in part on a Cyrillic keyboard layout",
			map[string]any{"supplier": map[string]any{"name": "Kluisleverancier BV"}, "purpose": "Van \u041aluisleveran\u0441ier \u0412V.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld name in a link's escapes, or in HTML character references",
			map[string]any{"supplier": map[string]any{"name": "Bäckerei Ünal"}, "decisions": []any{map[string]any{"reference": "https://x.example/besluit?leverancier=B%C3%A4ckerei%20%C3%9Cnal"}},
				"purpose": "Van B&auml;ckerei &#220;nal.", "publication": withheld("supplier.name")},
			[]string{"/decisions/0/reference", "/purpose"}},
		{"a withheld name with its umlauts spelled out",
			map[string]any{"supplier": map[string]any{"name": "Bäckerei Ünal"}, "purpose": "Van Baeckerei Uenal.", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a withheld mailbox in a mailto link", map[string]any{"owner": map[string]any{"email": "geheim.team@x.example"},
			"links": []any{map[string]any{"url": "mailto:geheim.team%40x.example"}}, "publication": withheld("owner.email")}, []string{"/links/0/url"}},
		{"in another withheld field", map[string]any{"supplier": map[string]any{"name": "Kluis BV"}, "purpose": "Kluis BV", "publication": withheld("supplier.name", "purpose")}, nil},
		// The reason is shown beside every withheld field, on the site,
		// in the feed, the packet and on the sign.
		{"in the publication's own reason", map[string]any{"supplier": map[string]any{"name": "Kluis BV"},
			"publication": map[string]any{"withheld": []any{"supplier.name"}, "reason": "Kluis BV vroeg erom"}}, []string{"/publication/reason"}},
		{"a withheld reason may quote", map[string]any{"supplier": map[string]any{"name": "Kluis BV"},
			"publication": map[string]any{"withheld": []any{"supplier.name", "publication.reason"}, "reason": "Kluis BV vroeg erom"}}, nil},
		// A number is looked for as a text writes it: whole, to four to
		// six decimals rounded or cut off, with a point or a comma.
		{"withheld coordinates in the description", map[string]any{"location": map[string]any{"point": map[string]any{"lat": 52.234567, "lon": 6.178912},
			"description": "Afvalpunt op 52.234567, 6.178912"}, "publication": withheld("location.point")}, []string{"/location/description"}},
		{"a coordinate cut off, with a comma", map[string]any{"location": map[string]any{"point": map[string]any{"lat": 52.234567, "lon": 6.178912},
			"description": "Bij 52,2345 noorderbreedte"}, "publication": withheld("location.point")}, []string{"/location/description"}},
		{"a coordinate to two decimals says too little", map[string]any{"location": map[string]any{"point": map[string]any{"lat": 52.234567, "lon": 6.178912},
			"description": "Ergens rond 52.23"}, "publication": withheld("location.point")}, nil},
		{"a withheld whole number", map[string]any{"quantity": 1234, "purpose": "Wij plaatsen 1234 sensoren", "publication": withheld("quantity")}, []string{"/purpose"}},
		// What the record withholds of itself counts as what its block
		// names: a DPIA's url without public: true, the other form of a
		// withheld position.
		{"an internal DPIA's url in a link, with no publication block",
			map[string]any{"dpia": map[string]any{"status": "done", "url": "https://intranet.x.example/dpia-geheim.pdf"},
				"links": []any{map[string]any{"title": "Achtergrond", "url": "https://intranet.x.example/dpia-geheim.pdf"}}},
			[]string{"/links/0/url"}},
		{"an internal DPIA's url in a link, beside a block",
			map[string]any{"dpia": map[string]any{"status": "done", "url": "https://intranet.x.example/dpia-geheim.pdf", "public": false},
				"purpose": "Zie https://intranet.x.example/dpia-geheim.pdf", "publication": withheld("supplier.name")},
			[]string{"/purpose"}},
		{"a public DPIA's url may be quoted",
			map[string]any{"dpia": map[string]any{"status": "done", "url": "https://www.x.example/dpia.pdf", "public": true},
				"links": []any{map[string]any{"title": "DPIA", "url": "https://www.x.example/dpia.pdf"}}},
			nil},
		{"the other form of a withheld position", map[string]any{"location": map[string]any{"point": map[string]any{"lat": 52.234567, "lon": 6.178912},
			"point_rd": map[string]any{"x": 187654.321, "y": 443210.987}, "description": "Bij RD 187654.321"}, "publication": withheld("location.point")},
			[]string{"/location/description"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := publish.Check(tt.raw, record.Sensor)
			var got []string
			for _, f := range fs {
				got = append(got, f.Path)
				if f.Severity != finding.Error || f.Rule != finding.RulePublication {
					t.Errorf("finding %+v: want an error of the publication rule", f)
				}
				for _, lang := range []string{"nl", "en"} {
					if text := strings.ToLower(f.Message.In(lang) + f.Help.In(lang)); strings.Contains(text, "kluis") || strings.Contains(text, "geheim") {
						t.Errorf("the finding quotes the withheld value: %q", text)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings at %v, want %v", got, tt.want)
			}
		})
	}
}

// TestViewsShowReasonsWithoutSecrets: every view gives its reason as the
// public outputs show it, whether made for the register (Register) or by
// a writer from the records it was given (Records): a reason naming a
// record that is not public, or quoting another record's withheld value,
// reads "niet openbaar" there, and the record as loaded keeps it.
func TestViewsShowReasonsWithoutSecrets(t *testing.T) {
	f := false
	hidden := &record.Record{ID: "cam-bunker", Kind: record.Sensor, Name: "Camera Bunker", Publication: &record.Publication{Public: &f}}
	supplier := &record.Record{ID: "kluis", Kind: record.Sensor, Name: "Kluis", Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"},
		Publication: &record.Publication{Withheld: []string{"supplier.name"}}}
	shown := &record.Record{ID: "teller", Kind: record.Sensor, Name: "Teller",
		Publication: &record.Publication{Withheld: []string{"purpose"}, Reason: "Net als CAMERA BUNKER en Kluisbouw Noord BV."}}
	recs := []*record.Record{hidden, supplier, shown}
	const want = "Net als niet openbaar en niet openbaar."
	p := publish.Register(register.New("", nil, recs))
	if got := p.ViewOf(shown).Publication.Reason; got != want {
		t.Errorf("Register: reason %q, want %q", got, want)
	}
	if p.Verbatim(shown) {
		t.Error("the source of a record whose reason the view changes is published as written")
	}
	for _, v := range publish.Records(recs) {
		if v.ID == "teller" && v.Publication.Reason != want {
			t.Errorf("Records: reason %q, want %q", v.Publication.Reason, want)
		}
	}
	if shown.Publication.Reason != "Net als CAMERA BUNKER en Kluisbouw Noord BV." {
		t.Error("the record as loaded was changed")
	}
}

// A reason is written by hand: it loses another record's withheld value
// even where a public record shows the same text as its own, which the
// record texts' filter leaves (a supplier two records share, one of which
// keeps it back).
func TestReasonsLoseSecretsAPublicRecordAlsoShows(t *testing.T) {
	kept := &record.Record{ID: "kluis", Kind: record.Sensor, Name: "Kluis", Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"},
		Publication: &record.Publication{Withheld: []string{"supplier.name"}}}
	open := &record.Record{ID: "deur", Kind: record.Sensor, Name: "Deur", Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"}}
	reasoned := &record.Record{ID: "teller", Kind: record.Sensor, Name: "Teller",
		Publication: &record.Publication{Withheld: []string{"purpose"}, Reason: "Net als bij Kluisbouw Noord BV."}}
	recs := []*record.Record{kept, open, reasoned}
	p := publish.Register(register.New("", nil, recs))
	if got := p.ViewOf(open).Supplier.Name; got != "Kluisbouw Noord BV" {
		t.Fatalf("the public record's own supplier shows as %q", got)
	}
	const want = "Net als bij niet openbaar."
	if got := p.ViewOf(reasoned).Publication.Reason; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	if got := p.FreeText("Geleverd door Kluisbouw Noord BV", "en"); got != "Geleverd door not public" {
		t.Errorf("FreeText = %q", got)
	}
}

// The check reads numbers as the loader decodes them (json.Number), not
// only as Go values: withheld coordinates written out in the description
// of a parsed file hold the record back.
func TestCheckFindsAQuotedNumberInAParsedFile(t *testing.T) {
	doc, fs := source.Parse("sensors/s.yaml", []byte(`id: s
kind: sensor
location:
  description: "Afvalpunt op 52.234567, 6.178912"
  point: {lat: 52.234567, lon: 6.178912}
publication: {withheld: [location.point], reason: Beveiliging}
`), source.DefaultLimits)
	if doc == nil {
		t.Fatal(fs)
	}
	var got []string
	for _, f := range publish.Check(doc.Value, record.Sensor) {
		got = append(got, f.Path)
	}
	if !slices.Equal(got, []string{"/location/description"}) {
		t.Errorf("findings at %v, want /location/description", got)
	}
}

// TestAMisspeltPublicationBlockFailsClosed: a top-level key that is no
// field but looks meant as the publication block, by its name or by what
// it holds, keeps the record back as a malformed block does; another
// unknown key, or a field whose name begins alike, does not.
func TestAMisspeltPublicationBlockFailsClosed(t *testing.T) {
	block := map[string]any{"public": false, "reason": "Woo"}
	tests := []struct {
		key   string
		value any
		want  bool
	}{
		{"Publication", block, true},
		{"publicaton", block, true},
		{"publicatie", block, true},
		{"openbaarheid", map[string]any{"reden": "x"}, true},
		{"afscherming", map[string]any{"withheld": []any{"location"}}, true},
		{"notities", "geen", false},
		{"publication_category", "other", false},
	}
	for _, tt := range tests {
		raw := map[string]any{"id": "x", tt.key: tt.value}
		fs := publish.Check(raw, record.Algorithm)
		got := len(fs) == 1 && fs[0].Path == "/"+tt.key && fs[0].Key && fs[0].Severity == finding.Error
		if got != tt.want || !tt.want && len(fs) > 0 {
			t.Errorf("%s: findings %+v, want a finding %v", tt.key, fs, tt.want)
		}
	}
}

// A publication block indented under another field (in a list too) says
// nothing there, and the record would be published whole: it does not
// read cleanly. A field of the record format that is called public
// (dpia.public) is no such block.
func TestCheckFindsAPublicationBlockIndented(t *testing.T) {
	tests := []struct {
		name string
		raw  map[string]any
		want string // the finding's path, "" for none
	}{
		{"under signage", map[string]any{"signage": map[string]any{"present": true, "publication": map[string]any{"public": false}}}, "/signage/publication"},
		{"misspelt, deeper", map[string]any{"location": map[string]any{"extra": map[string]any{"Publicatie": map[string]any{"public": false}}}}, "/location/extra/Publicatie"},
		{"a withheld list in a list", map[string]any{"links": []any{map[string]any{"x": map[string]any{"withheld": []any{"location.point"}}}}}, "/links/0/x"},
		{"dpia.public is a field", map[string]any{"dpia": map[string]any{"status": "done", "public": true}}, ""},
		{"a withheld list under a field", map[string]any{"location": map[string]any{"withheld": []any{"point"}}}, "/location"},
		{"a withheld list under a field's field", map[string]any{"location": map[string]any{"point": map[string]any{"lat": 52.1, "withheld": []any{"lat"}}}}, "/location/point"},
		{"under another name, holding public", map[string]any{"security": map[string]any{"publicatiestatus": map[string]any{"public": false}}}, "/security/publicatiestatus"},
		{"named for openbaarheid", map[string]any{"security": map[string]any{"openbaarheid": "nee"}}, "/security/openbaarheid"},
		{"written out in a folded text", map[string]any{"security": map[string]any{"measures": "Hekwerk. publication: {public: false, reason: Woo art. 5.1}"}}, "/security/measures"},
		{"written out in a folded text, in mixed case", map[string]any{"security": map[string]any{"measures": "Hekwerk. PuBlication: {Public: false}"}}, "/security/measures"},
		{"a text that names a publication", map[string]any{"purpose": "Zie de publication: Woo-besluit 2024."}, ""},
		{"the block at the top", map[string]any{"publication": map[string]any{"public": false, "reason": "Woo"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := publish.Check(tt.raw, record.Sensor)
			if tt.want == "" {
				if len(fs) > 0 {
					t.Fatalf("want no findings, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Path != tt.want || fs[0].Severity != finding.Error {
				t.Fatalf("want one error at %s, got %+v", tt.want, fs)
			}
		})
	}
}

// A text another record withholds is public only where a public record
// shows it whole in the same field; in another field it reads "niet
// openbaar", and a value a record withholds by itself (an internal
// DPIA's url) is public nowhere.
func TestASecretIsPublicOnlyInTheFieldItIsWithheldFrom(t *testing.T) {
	const url = "https://intranet.voorbeeldstad.example/dpia-geheim.pdf"
	yes := true
	tests := []struct {
		name   string
		owner  *record.Record
		other  *record.Record
		shown  func(v *record.Record) string
		public bool
	}{
		{"a supplier as the other's supplier",
			&record.Record{ID: "a", Kind: record.Sensor, Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"}, Publication: &record.Publication{Withheld: []string{"supplier.name"}}},
			&record.Record{ID: "b", Kind: record.Sensor, Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"}},
			func(v *record.Record) string { return v.Supplier.Name }, true},
		{"a supplier as the other's purpose",
			&record.Record{ID: "a", Kind: record.Sensor, Supplier: &record.Supplier{Name: "Kluisbouw Noord BV"}, Publication: &record.Publication{Withheld: []string{"supplier.name"}}},
			&record.Record{ID: "b", Kind: record.Sensor, Purpose: "Kluisbouw Noord BV"},
			func(v *record.Record) string { return v.Purpose }, false},
		{"an internal DPIA as the other's public DPIA",
			&record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: url}},
			&record.Record{ID: "b", Kind: record.Sensor, DPIA: &record.DPIA{URL: url, Public: &yes}},
			func(v *record.Record) string {
				if v.DPIA == nil {
					return ""
				}
				return v.DPIA.URL
			}, false},
		{"an internal DPIA as the other's purpose",
			&record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: url}},
			&record.Record{ID: "b", Kind: record.Sensor, Purpose: url},
			func(v *record.Record) string { return v.Purpose }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := publish.Register(register.New("", nil, []*record.Record{tt.owner, tt.other}))
			got := tt.shown(p.ViewOf(tt.other))
			if public := got == tt.shown(tt.other); public != tt.public {
				t.Errorf("the other record shows %q; public: %v, want %v", got, public, tt.public)
			}
		})
	}
}

// An internal DPIA's url quoted otherwise written is a quote still: with
// http for https, without its scheme, with the default port, with a
// trailing slash, the host in capitals, without "www.", in punycode, or
// through "./", "../" or "//" in its path, which a browser follows to the
// same document.
func TestAnInternalDPIAWrittenOtherwiseIsAQuote(t *testing.T) {
	for _, tt := range []struct{ secret, quoted string }{
		{"https://intern.voorbeeldstad.example/dpia/geheim.pdf", "http://intern.voorbeeldstad.example/dpia/geheim.pdf"},
		{"https://intern.voorbeeldstad.example/dpia/geheim.pdf", "DPIA op intern.voorbeeldstad.example/dpia/geheim.pdf"},
		{"https://intern.voorbeeldstad.example/dpia/geheim.pdf", "https://intern.voorbeeldstad.example:443/dpia/geheim.pdf"},
		{"https://intern.voorbeeldstad.example/dpia/geheim.pdf", "https://INTERN.voorbeeldstad.example/dpia/geheim.pdf/"},
		{"https://www.voorbeeldstad.example/privacy/dpia-intern-alfa.pdf", "https://voorbeeldstad.example/privacy/dpia-intern-alfa.pdf"},
		{"https://www.voorbeeldstad.example/privacy/dpia-intern-alfa.pdf", "https://www.voorbeeldstad.example/privacy/./dpia-intern-alfa.pdf"},
		{"https://www.voorbeeldstad.example/privacy/dpia-intern-alfa.pdf", "https://www.voorbeeldstad.example/privacy/../privacy/dpia-intern-alfa.pdf"},
		{"https://www.voorbeeldstad.example/privacy/dpia-intern-alfa.pdf", "https://www.voorbeeldstad.example//privacy/dpia-intern-alfa.pdf"},
		{"https://dpia.bücher.example/intern/geheim.pdf", "https://dpia.xn--bcher-kva.example/intern/geheim.pdf"},
		{"https://dpia.xn--bcher-kva.example/intern/geheim.pdf", "https://dpia.bücher.example/intern/geheim.pdf"},
		// Label by label: one in punycode, the next in Unicode.
		{"https://dpia.bücher.münchen.example/intern/geheim.pdf", "https://dpia.xn--bcher-kva.münchen.example/intern/geheim.pdf"},
		{"https://dpia.bücher.münchen.example/intern/geheim.pdf", "https://dpia.bücher.xn--mnchen-3ya.example/intern/geheim.pdf"},
		{"https://dpia.xn--bcher-kva.xn--mnchen-3ya.example/intern/geheim.pdf", "https://dpia.bücher.xn--mnchen-3ya.example/intern/geheim.pdf"},
	} {
		secret, quoted := tt.secret, tt.quoted
		raw := map[string]any{"id": "a", "kind": "sensor", "dpia": map[string]any{"status": "done", "url": secret},
			"links": []any{map[string]any{"title": quoted, "url": "https://www.voorbeeldstad.example/x"}}}
		if len(publish.Check(raw, record.Sensor)) == 0 {
			t.Errorf("Check finds no quote in %q", quoted)
		}
		owner := &record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: secret}}
		other := &record.Record{ID: "b", Kind: record.Sensor, Purpose: quoted}
		p := publish.Register(register.New("", nil, []*record.Record{owner, other}))
		if got := p.ViewOf(other).Purpose; strings.Contains(strings.ToLower(got), "geheim") || strings.Contains(got, "intern-alfa") {
			t.Errorf("another record's purpose shows %q", got)
		}
	}
}

// Only a document's name is looked for on its own, not a folder's or a
// page's: an internal DPIA under /dpia/cameratoezicht/ or at
// /verwerkingsregister leaves the word in other texts alone.
func TestAnInternalDPIAsFolderIsNoSecretWord(t *testing.T) {
	for _, secret := range []string{
		"https://intranet.voorbeeldstad.example/dpia/cameratoezicht/",
		"https://intranet.voorbeeldstad.example/dpia/woz/verwerkingsregister",
	} {
		owner := &record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: secret}}
		other := &record.Record{ID: "b", Kind: record.Sensor, Purpose: "Cameratoezicht en het verwerkingsregister van de gemeente."}
		p := publish.Register(register.New("", nil, []*record.Record{owner, other}))
		if got := p.ViewOf(other).Purpose; got != other.Purpose {
			t.Errorf("with %s, another record's purpose shows %q", secret, got)
		}
	}
}

// An internal address with ;parameters is quoted without them too.
func TestAnInternalDPIAWithParametersIsQuotedWithout(t *testing.T) {
	owner := &record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: "https://intra.voorbeeldstad.example/d/charlie.pdf;jsessionid=A1B2C3"}}
	other := &record.Record{ID: "b", Kind: record.Sensor, Purpose: "Zie https://intra.voorbeeldstad.example/d/charlie.pdf voor de DPIA."}
	p := publish.Register(register.New("", nil, []*record.Record{owner, other}))
	if got := p.ViewOf(other).Purpose; strings.Contains(got, "charlie") {
		t.Errorf("another record's purpose shows %q", got)
	}
}

// A host of many labels in Unicode has its forms bounded, its whole ASCII
// form still among them.
func TestAManyLabelledHostIsBounded(t *testing.T) {
	secret := "https://" + strings.Repeat("bücher.", 12) + "example/intern/geheim.pdf"
	quoted := "https://" + strings.Repeat("xn--bcher-kva.", 12) + "example/intern/geheim.pdf"
	owner := &record.Record{ID: "a", Kind: record.Sensor, DPIA: &record.DPIA{URL: secret}}
	other := &record.Record{ID: "b", Kind: record.Sensor, Purpose: quoted}
	p := publish.Register(register.New("", nil, []*record.Record{owner, other}))
	if got := p.ViewOf(other).Purpose; strings.Contains(got, "geheim") {
		t.Errorf("another record's purpose shows %q", got)
	}
}
