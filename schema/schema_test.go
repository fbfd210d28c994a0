package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/schema"
)

// refuseLoader fails every load: the schemas must resolve among themselves,
// never from disk or the network.
type refuseLoader struct{}

func (refuseLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("schema tried to load %s", url)
}

var compiled = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(refuseLoader{})
	files, err := schema.FS.ReadDir(".")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := schema.FS.ReadFile(f.Name())
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
		if err := c.AddResource(schema.BaseURL+f.Name(), doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range schema.Names {
		sch, err := c.Compile(schema.BaseURL + schema.File(name))
		if err != nil {
			return nil, fmt.Errorf("compile %s: %w", name, err)
		}
		out[name] = sch
	}
	return out, nil
})

func schemaFor(t *testing.T, kind string) *jsonschema.Schema {
	t.Helper()
	all, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	return all[kind]
}

// parseYAML reads YAML through the register's own reader, so values have the
// types the loader gives them (json.Number, dates as strings).
func parseYAML(t *testing.T, name string, data []byte) any {
	t.Helper()
	doc, found := source.Parse(name, data, source.DefaultLimits)
	if len(found) > 0 {
		t.Fatalf("%s: %v", name, found)
	}
	return doc.Value
}

func loadRecord(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := parseYAML(t, file, data).(map[string]any)
	if !ok {
		t.Fatalf("%s is not a mapping", file)
	}
	return m
}

// violation is one leaf error of a validation: where in the record, which
// keyword, and the library's message.
type violation struct{ at, keyword, msg string }

func (v violation) String() string { return fmt.Sprintf("%q %s: %s", v.at, v.keyword, v.msg) }

var english = message.NewPrinter(language.English)

func violations(err error) []violation {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []violation{{keyword: "not a validation error", msg: err.Error()}}
	}
	var out []violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			at := ""
			for _, seg := range e.InstanceLocation {
				at += "/" + seg
			}
			kw := strings.Join(e.ErrorKind.KeywordPath(), "/")
			out = append(out, violation{at: at, keyword: kw, msg: e.ErrorKind.LocalizedString(english)})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}

// op changes a record before validation: set a JSON pointer to a YAML value,
// or delete it when del is true.
type op struct {
	ptr  string
	yaml string
	del  bool
}

func set(ptr, yamlValue string) op { return op{ptr: ptr, yaml: yamlValue} }
func del(ptr string) op            { return op{ptr: ptr, del: true} }

func apply(t *testing.T, doc map[string]any, o op) {
	t.Helper()
	segs := strings.Split(o.ptr, "/")[1:]
	var parent any = doc
	for _, s := range segs[:len(segs)-1] {
		parent = child(t, parent, s, o.ptr)
	}
	last := segs[len(segs)-1]
	var v any
	if !o.del {
		v = parseYAML(t, "value", []byte("v: "+o.yaml)).(map[string]any)["v"]
	}
	switch p := parent.(type) {
	case map[string]any:
		if o.del {
			if _, ok := p[last]; !ok {
				t.Fatalf("delete %s: no such key", o.ptr)
			}
			delete(p, last)
		} else {
			p[last] = v
		}
	case []any:
		i, err := strconv.Atoi(last)
		if err != nil || i >= len(p) || o.del {
			t.Fatalf("cannot change %s", o.ptr)
		}
		p[i] = v
	default:
		t.Fatalf("cannot change %s: parent is %T", o.ptr, parent)
	}
}

func child(t *testing.T, v any, seg, ptr string) any {
	t.Helper()
	switch p := v.(type) {
	case map[string]any:
		c, ok := p[seg]
		if !ok {
			t.Fatalf("%s: no key %q", ptr, seg)
		}
		return c
	case []any:
		i, err := strconv.Atoi(seg)
		if err != nil || i >= len(p) {
			t.Fatalf("%s: no index %q", ptr, seg)
		}
		return p[i]
	}
	t.Fatalf("%s: %q is inside a %T", ptr, seg, v)
	return nil
}

var bases = map[string]string{
	"sensor":         "sensor-minimal.yaml",
	"sensor-full":    "sensor-full.yaml",
	"algorithm":      "algorithm-minimal.yaml",
	"algorithm-full": "algorithm-full.yaml",
}

func kindOf(base string) string { return strings.TrimSuffix(base, "-full") }

// check validates base with ops applied. With want nil the record must be
// valid; otherwise the errors must include want, and every error must lie at
// or under want.at so that an edit never breaks something it did not touch.
func check(t *testing.T, base string, ops []op, want *violation) {
	t.Helper()
	doc := loadRecord(t, bases[base])
	for _, o := range ops {
		apply(t, doc, o)
	}
	err := schemaFor(t, kindOf(base)).Validate(any(doc))
	if want == nil {
		if err != nil {
			t.Fatalf("want valid, got %v", violations(err))
		}
		return
	}
	if err == nil {
		t.Fatalf("want %v, got a valid record", *want)
	}
	got := violations(err)
	found := false
	for _, v := range got {
		if v.at == want.at && v.keyword == want.keyword && strings.Contains(v.msg, want.msg) {
			found = true
		}
		if v.at != want.at && !strings.HasPrefix(v.at, want.at+"/") {
			t.Errorf("unexpected violation elsewhere: %v", v)
		}
	}
	if !found {
		t.Errorf("want %v, got %v", *want, got)
	}
}

func bad(at, keyword, msg string) *violation { return &violation{at: at, keyword: keyword, msg: msg} }

func TestTestdataRecordsAreValid(t *testing.T) {
	for _, base := range []string{"sensor", "sensor-full", "algorithm", "algorithm-full"} {
		t.Run(base, func(t *testing.T) { check(t, base, nil, nil) })
	}
}

// The rows marked M in the record format.
var mandatory = map[string][]string{
	"sensor": {"id", "kind", "name", "summary", "status", "organisation", "owner", "purpose",
		"personal_data", "lifecycle", "evaluation", "sensor_type", "capabilities", "location"},
	"algorithm": {"id", "kind", "name", "summary", "status", "organisation", "owner", "purpose",
		"personal_data", "lifecycle", "evaluation", "algorithm_type", "role", "affects_individuals",
		"publication_category", "self_learning", "datasets", "source_code"},
}

func TestMandatoryTopLevelKeys(t *testing.T) {
	for kind, keys := range mandatory {
		for _, key := range keys {
			t.Run(kind+"/"+key, func(t *testing.T) {
				check(t, kind, []op{del("/" + key)}, bad("", "required", "'"+key+"'"))
			})
		}
	}
}

func TestRejects(t *testing.T) {
	long := strings.Repeat("a", 101)
	tests := []struct {
		name string
		base string
		ops  []op
		want *violation
	}{
		// Missing nested keys.
		{"owner without email", "sensor", []op{del("/owner/email")}, bad("/owner", "required", "'email'")},
		{"owner without role", "sensor", []op{del("/owner/role")}, bad("/owner", "required", "'role'")},
		{"organisation without type", "algorithm", []op{del("/organisation/type")}, bad("/organisation", "required", "'type'")},
		{"lifecycle without start", "sensor", []op{del("/lifecycle/start")}, bad("/lifecycle", "required", "'start'")},
		{"personal data without processed", "sensor", []op{del("/personal_data/processed")}, bad("/personal_data", "required", "'processed'")},
		{"location without description", "sensor", []op{del("/location/description")}, bad("/location", "required", "'description'")},
		{"point without lon", "sensor", []op{del("/location/point/lon")}, bad("/location/point", "required", "'lon'")},
		{"dataset without name", "algorithm-full", []op{del("/datasets/0/name")}, bad("/datasets/0", "required", "'name'")},
		{"decision without kind", "sensor-full", []op{del("/decisions/0/kind")}, bad("/decisions/0", "required", "'kind'")},
		{"link without url", "sensor-full", []op{del("/links/0/url")}, bad("/links/0", "required", "'url'")},

		// Unknown keys, at the top and nested.
		{"unknown top-level key", "sensor", []op{set("/colour", "rood")}, bad("", "additionalProperties", "'colour'")},
		{"algorithm key on a sensor", "sensor", []op{set("/algorithm_type", "rule_based")}, bad("", "additionalProperties", "'algorithm_type'")},
		{"sensor key on an algorithm", "algorithm", []op{set("/sensor_type", "camera")}, bad("", "additionalProperties", "'sensor_type'")},
		{"a person's name on the owner", "sensor", []op{set("/owner/name", "Jan Jansen")}, bad("/owner", "additionalProperties", "'name'")},
		{"unknown key in a point", "sensor", []op{set("/location/point/alt", "3")}, bad("/location/point", "additionalProperties", "'alt'")},
		{"unknown key in a list item", "algorithm-full", []op{set("/datasets/0/owner", "x")}, bad("/datasets/0", "additionalProperties", "'owner'")},
		{"unknown key in fria", "sensor-full", []op{set("/ai_act/fria/summary", "x")}, bad("/ai_act/fria", "additionalProperties", "'summary'")},

		// Wrong types.
		{"quantity as text", "sensor", []op{set("/quantity", "twaalf")}, bad("/quantity", "type", "want integer")},
		{"quantity as a fraction", "sensor", []op{set("/quantity", "1.5")}, bad("/quantity", "type", "want integer")},
		{"quantity zero", "sensor", []op{set("/quantity", "0")}, bad("/quantity", "minimum", "")},
		{"capabilities not a list", "sensor", []op{set("/capabilities", "video_recording")}, bad("/capabilities", "type", "want array")},
		{"empty capabilities", "sensor", []op{set("/capabilities", "[]")}, bad("/capabilities", "minItems", "")},
		{"duplicate capability", "sensor", []op{set("/capabilities", "[other, other]")}, bad("/capabilities", "uniqueItems", "")},
		{"yes is text, not a boolean", "algorithm", []op{set("/affects_individuals", "yes")}, bad("/affects_individuals", "type", "want boolean")},
		{"personal data as a word", "sensor", []op{set("/personal_data", "no")}, bad("/personal_data", "type", "want object")},
		{"kvk as a number", "sensor", []op{set("/organisation/kvk", "12345678")}, bad("/organisation/kvk", "type", "want string")},
		{"kvk too short", "sensor", []op{set("/organisation/kvk", `"1234"`)}, bad("/organisation/kvk", "pattern", "")},
		{"name as a number", "algorithm", []op{set("/name", "42")}, bad("/name", "type", "want string")},

		// Lengths and empty text.
		{"name over 100", "sensor", []op{set("/name", long)}, bad("/name", "maxLength", "")},
		{"summary over 400", "sensor", []op{set("/summary", strings.Repeat("b", 401))}, bad("/summary", "maxLength", "")},
		{"empty name", "sensor", []op{set("/name", `""`)}, bad("/name", "minLength", "")},
		{"blank purpose", "algorithm", []op{set("/purpose", `"   "`)}, bad("/purpose", "pattern", "")},
		{"empty owner role", "algorithm", []op{set("/owner/role", `""`)}, bad("/owner/role", "minLength", "")},

		// The kind matches the schema.
		{"algorithm kind in a sensor", "sensor", []op{set("/kind", "algorithm")}, bad("/kind", "const", "")},
		{"sensor kind in an algorithm", "algorithm", []op{set("/kind", "sensor")}, bad("/kind", "const", "")},

		// Coordinates.
		{"latitude over 90", "sensor", []op{set("/location/point/lat", "91")}, bad("/location/point/lat", "maximum", "")},
		{"longitude under -180", "sensor", []op{set("/location/point/lon", "-181")}, bad("/location/point/lon", "minimum", "")},
		{"RD x negative", "sensor-full", []op{set("/location/point_rd/x", "-1")}, bad("/location/point_rd/x", "minimum", "")},
		{"RD y north of the Netherlands", "sensor-full", []op{set("/location/point_rd/y", "700000")}, bad("/location/point_rd/y", "maximum", "")},
		{"RD y south of the Netherlands", "sensor-full", []op{set("/location/point_rd/y", "100000")}, bad("/location/point_rd/y", "minimum", "")},
		{"lat and lon swapped into RD", "sensor-full", []op{set("/location/point_rd", "{x: 5.12, y: 52.09}")}, bad("/location/point_rd/y", "minimum", "")},
		{"polygon of two pairs", "sensor-full", []op{set("/location/polygon", "[[5.1, 52.1], [5.2, 52.1]]")}, bad("/location/polygon", "minItems", "")},
		{"polygon pair of three", "sensor-full", []op{set("/location/polygon/1", "[5.1, 52.1, 3]")}, bad("/location/polygon/1", "maxItems", "")},
		{"polygon pair of one", "sensor-full", []op{set("/location/polygon/1", "[5.1]")}, bad("/location/polygon/1", "minItems", "")},
		{"polygon pair as lat, lon", "sensor-full", []op{set("/location/polygon/0", "[52.1, 185.0]")}, bad("/location/polygon/0/1", "maximum", "")},
		{"polygon pair with text", "sensor-full", []op{set("/location/polygon/0", "[oost, 52.1]")}, bad("/location/polygon/0/0", "type", "want number")},

		// Other patterns.
		{"exception rule not an id", "sensor-full", []op{set("/exceptions/0/rule", "Camera Temporary")}, bad("/exceptions/0/rule", "pattern", "")},
		{"withheld not a field path", "sensor-full", []op{set("/publication/withheld", "[Location Point]")}, bad("/publication/withheld/0", "pattern", "")},
		{"uses_sensors not an id", "algorithm-full", []op{set("/uses_sensors", "[Scanauto Noord]")}, bad("/uses_sensors/0", "pattern", "")},
		{"phone with letters", "sensor-full", []op{set("/owner/phone", "bel ons")}, bad("/owner/phone", "pattern", "")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.base, tc.ops, tc.want) })
	}
}

func TestIDPattern(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"cam-markt", true},
		{"a1", true},
		{"0-9", true},
		{"luchtmeter-2", true},
		{strings.Repeat("a", 63), true},
		{strings.Repeat("a", 64), false},
		{"a", false},
		{"Cam-Markt", false},
		{"-cam", false},
		{"cam_markt", false},
		{"cam markt", false},
		{"cam.markt", false},
		{"café", false},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			ops := []op{set("/id", strconv.Quote(tc.id))}
			for _, kind := range schema.Names {
				if tc.ok {
					check(t, kind, ops, nil)
				} else {
					check(t, kind, ops, bad("/id", "pattern", ""))
				}
			}
		})
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		base, ptr, value string
		ok               bool
		keyword          string // for a rejected value: the failing keyword at ptr
	}{
		// Dates: YYYY-MM-DD that exist, quoted or not.
		{"sensor", "/lifecycle/start", "2024-02-29", true, ""},
		{"sensor", "/lifecycle/start", `"2024-02-29"`, true, ""},
		{"sensor", "/lifecycle/start", "2025-02-30", false, "format"},
		{"sensor", "/lifecycle/start", "2025-2-3", false, "format"},
		{"sensor", "/lifecycle/start", "01-03-2025", false, "format"},
		{"sensor", "/lifecycle/start", "2025-03-01T10:00:00Z", false, "format"},
		{"sensor-full", "/decisions/0/date", "2025-13-01", false, "format"},
		{"algorithm-full", "/exceptions/0/until", "morgen", false, "format"},

		// Datetimes: RFC 3339 with a zone.
		{"sensor-full", "/incidents/0/discovered", "2025-04-01T09:00:00Z", true, ""},
		{"sensor-full", "/incidents/0/discovered", "2025-04-01T09:00:00.5+02:00", true, ""},
		{"sensor-full", "/incidents/0/discovered", `"2025-04-01 09:00"`, false, "format"},
		{"sensor-full", "/incidents/0/reported", "2025-04-01", false, "format"},

		// Durations: ISO 8601.
		{"sensor-full", "/evaluation/interval", "P1Y", true, ""},
		{"sensor-full", "/evaluation/interval", "P18M", true, ""},
		{"sensor-full", "/evaluation/interval", "P2W", true, ""},
		{"sensor-full", "/evaluation/interval", "P0Y6M", true, ""},
		{"sensor-full", "/evaluation/interval", "P1Y0D", true, ""},
		{"sensor-full", "/evaluation/interval", "P090D", true, ""},
		{"sensor-full", "/evaluation/interval", "P1DT0H", true, ""}, // a day, as register.yaml takes it
		// An evaluation interval counts whole days and is at least one,
		// as in register.yaml: no hours, and not zero.
		{"sensor-full", "/evaluation/interval", "P1DT12H", false, "pattern"},
		{"sensor-full", "/evaluation/interval", "PT48H", false, "pattern"},
		{"sensor-full", "/evaluation/interval", "P0D", false, "pattern"},
		{"sensor-full", "/evaluation/interval", "P0Y0M0D", false, "pattern"},
		{"sensor-full", "/evaluation/interval", "P00W", false, "pattern"},
		{"sensor-full", "/evaluation/interval", `"1 year"`, false, "format"},
		{"sensor-full", "/evaluation/interval", "1Y", false, "format"},
		{"sensor-full", "/evaluation/interval", "P", false, "format"},
		{"sensor-full", "/evaluation/interval", "P1D2Y", false, "format"},

		// Retention: a duration or not_stored.
		{"sensor-full", "/retention", "P28D", true, ""},
		{"sensor-full", "/retention", "not_stored", true, ""},
		{"sensor-full", "/retention", `"28 dagen"`, false, "format"},
		{"sensor-full", "/retention", "forever", false, "const"},
		{"sensor-full", "/data_sharing/0/retention", "P3Y", true, ""},
		{"sensor-full", "/data_sharing/0/retention", "altijd", false, "format"},

		// Email.
		{"sensor", "/owner/email", "privacy@voorbeeldstad.nl", true, ""},
		{"sensor", "/owner/email", "privacy.voorbeeldstad.nl", false, "format"},
		{"sensor", "/owner/email", "privacy@@voorbeeldstad.nl", false, "format"},
		{"sensor", "/owner/email", `"privacy @voorbeeldstad.nl"`, false, "format"},

		// Links: absolute http(s) URLs only.
		{"sensor-full", "/links/0/url", "http://voorbeeldstad.example/a", true, ""},
		{"sensor-full", "/links/0/url", "https://voorbeeldstad.example/a?b=c#d", true, ""},
		{"sensor-full", "/links/0/url", "ftp://voorbeeldstad.example/a", false, "pattern"},
		{"sensor-full", "/links/0/url", `"javascript:alert(1)"`, false, "pattern"},
		{"sensor-full", "/links/0/url", "www.voorbeeldstad.example", false, "format"},
		{"sensor-full", "/dpia/url", "mailto:privacy@voorbeeldstad.example", false, "pattern"},
		{"algorithm-full", "/source_code/url", "/code/parkeerscan", false, "format"},
		{"algorithm-full", "/legal_basis/links/0", "wetten.overheid.nl", false, "format"},

		// Withheld paths: fields, and list elements by index as the
		// publication filter reads them (record.Covers).
		{"algorithm-full", "/publication/withheld/0", "assessments.summary", true, ""},
		{"algorithm-full", "/publication/withheld/0", "assessments.0.summary", true, ""},
		{"algorithm-full", "/publication/withheld/0", "incidents.12", true, ""},
		{"algorithm-full", "/publication/withheld/0", "assessments.01.summary", false, "pattern"},
		{"algorithm-full", "/publication/withheld/0", "0.summary", false, "pattern"},
		{"algorithm-full", "/publication/withheld/0", "assessments..summary", false, "pattern"},
		{"algorithm-full", "/publication/withheld/0", "assessments.-1.summary", false, "pattern"},
	}
	for _, tc := range tests {
		t.Run(tc.ptr+"="+tc.value, func(t *testing.T) {
			var want *violation
			if !tc.ok {
				want = bad(tc.ptr, tc.keyword, "")
			}
			check(t, tc.base, []op{set(tc.ptr, tc.value)}, want)
		})
	}
}

// Each structural conditional (the rows marked S), both branches.
func TestConditionals(t *testing.T) {
	tests := []struct {
		name string
		base string
		ops  []op
		want *violation
	}{
		{"dpia not required with a reason", "sensor-full", []op{set("/dpia/status", "not_required")}, nil},
		{"dpia not required without a reason", "sensor-full", []op{set("/dpia/status", "not_required"), del("/dpia/reason")}, bad("/dpia", "required", "'reason'")},
		{"dpia done without a reason", "sensor-full", []op{set("/dpia/status", "done"), del("/dpia/reason")}, nil},
		{"dpia only a status", "sensor", []op{set("/dpia", "{status: in_progress}")}, nil},

		{"gdpr with a ground", "sensor-full", nil, nil},
		{"gdpr without a ground", "sensor-full", []op{del("/legal_basis/gdpr_ground")}, bad("/legal_basis", "required", "'gdpr_ground'")},
		{"police data without a ground", "sensor-full", []op{set("/legal_basis/regime", "police_data"), del("/legal_basis/gdpr_ground")}, nil},
		{"other regime without a ground", "algorithm", []op{set("/legal_basis", "{regime: other, law: Wet x}")}, nil},

		{"fixed with a point", "sensor", nil, nil},
		{"fixed with an RD point", "sensor", []op{del("/location/point"), set("/location/point_rd", "{x: 136000, y: 456000}")}, nil},
		{"fixed without a point", "sensor", []op{del("/location/point"), set("/location/area", "Binnenstad")}, bad("/location", "required", "'point'")},
		{"fixed without a point, RD named", "sensor", []op{del("/location/point")}, bad("/location", "required", "'point_rd'")},
		{"explicitly fixed without a point", "sensor", []op{del("/location/point"), set("/location/mobile", "false")}, bad("/location", "required", "'point'")},
		{"mobile with an area", "sensor", []op{del("/location/point"), set("/location/mobile", "true"), set("/location/area", "Heel Voorbeeldstad")}, nil},
		{"mobile with a polygon", "sensor", []op{del("/location/point"), set("/location/mobile", "true"), set("/location/polygon", "[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1]]")}, nil},
		{"mobile with only a point", "sensor", []op{set("/location/mobile", "true")}, bad("/location", "required", "'area'")},
		{"mobile with only a point, polygon named", "sensor", []op{set("/location/mobile", "true")}, bad("/location", "required", "'polygon'")},

		{"not public with a reason", "sensor-full", nil, nil},
		{"not public without a reason", "sensor-full", []op{del("/publication/reason")}, bad("/publication", "required", "'reason'")},
		{"public without a reason", "sensor-full", []op{set("/publication/public", "true"), del("/publication/reason")}, nil},
		{"publication only withheld fields", "sensor", []op{set("/publication", "{withheld: [vendor]}")}, nil},

		{"source code with only a reason", "algorithm", nil, nil},
		{"source code with only a url", "algorithm", []op{set("/source_code", "{url: 'https://code.example/x', licence: EUPL-1.2}")}, nil},
		{"source code with only a licence", "algorithm", []op{set("/source_code", "{licence: EUPL-1.2}")}, bad("/source_code", "required", "'url'")},
		{"source code empty", "algorithm", []op{set("/source_code", "{}")}, bad("/source_code", "required", "'unavailable_reason'")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.base, tc.ops, tc.want) })
	}
}

// The enums of the record format, value for value. Paths use [] for list items.
var enums = []struct {
	kind, path string
	values     []string
}{
	{"sensor", "status", []string{"planned", "in_development", "active", "suspended", "retired"}},
	{"sensor", "organisation.type", []string{"municipality", "police", "other_government", "private", "research", "other"}},
	{"sensor", "themes[]", []string{"organisatie-en-bedrijfsvoering", "cultuur-en-recreatie", "economie", "overheidsfinancien",
		"wonen", "internationaal", "migratie-en-integratie", "natuur-en-milieu", "onderwijs-en-wetenschap",
		"openbare-orde-en-veiligheid", "recht", "ruimte-en-infrastructuur", "sociale-zekerheid", "verkeer", "werk", "zorg-en-gezondheid"}},
	{"sensor", "decisions[].body", []string{"council", "college", "mayor", "other"}},
	{"sensor", "decisions[].kind", []string{"mandate", "authorisation", "extension", "permit"}},
	{"sensor", "legal_basis.regime", []string{"gdpr", "police_data", "other"}},
	{"sensor", "legal_basis.gdpr_ground", []string{"public_task", "legal_obligation", "legitimate_interest", "consent", "contract", "vital_interest"}},
	{"sensor", "personal_data.processed", []string{"yes", "no", "unknown"}},
	{"sensor", "dpia.status", []string{"done", "in_progress", "not_required", "not_done"}},
	{"sensor", "assessments[].type", []string{"IAMA", "FRAIA", "DEDA", "IRPA", "AIIA", "risk_analysis", "other"}},
	{"sensor", "ai_act.category", []string{"prohibited", "high_risk", "transparency", "minimal", "not_ai"}},
	{"sensor", "reviews[].body", []string{"ethics_committee", "audit_office", "dpo", "residents", "other"}},
	{"sensor", "data_rights.holder", []string{"municipality", "supplier", "shared"}},
	{"sensor", "incidents[].type", []string{"data_breach", "malfunction", "misuse", "other"}},
	{"sensor", "sensor_type", []string{"camera", "anpr_camera", "air_quality", "odour", "noise", "traffic_counter", "crowd_counter",
		"wifi_bluetooth_counter", "parking", "water_level", "weather", "waste_level", "drone", "smart_lighting", "other"}},
	{"sensor", "capabilities[]", []string{"video_recording", "live_viewing", "image_analysis", "people_counting", "vehicle_counting",
		"licence_plate_recognition", "face_recognition", "biometric_identification", "realtime_biometric_identification",
		"post_biometric_identification", "biometric_categorisation", "person_tracking", "re_identification",
		"emotion_recognition", "gait_recognition", "behaviour_detection_image", "behaviour_detection_sound",
		"audio_recording", "sound_level", "device_tracking", "environmental_measurement", "other"}},
	{"sensor", "camera_regime", []string{"public_order", "police", "traffic_management", "enforcement", "operational", "object_security", "private", "other", "unknown"}},
	{"sensor", "minimisation.measures[]", []string{"low_resolution", "privacy_masking", "on_device_processing", "aggregation_only",
		"hashing_rotating_salt", "truncation", "time_limited", "shutter", "other"}},
	{"sensor", "personal_data.special_categories_ground", []string{"explicit_consent", "employment_social_security", "vital_interests",
		"not_for_profit_body", "made_public", "legal_claims", "substantial_public_interest", "health_or_social_care", "public_health",
		"archiving_research_statistics"}},
	{"sensor", "ai_act.role", []string{"provider", "deployer", "provider_and_deployer"}},
	{"sensor", "ai_act.transparency[]", []string{"interaction", "generated_content", "emotion_recognition", "biometric_categorisation", "deepfake", "generated_text"}},
	{"sensor", "exceptions[].objective", []string{"victim_search", "imminent_threat", "serious_crime_suspect"}},
	{"algorithm", "algorithm_type", []string{"rule_based", "statistical", "machine_learning", "generative_ai", "hybrid"}},
	{"algorithm", "role", []string{"automated_decision", "decision_support", "prediction", "profiling", "informational"}},
	{"algorithm", "publication_category", []string{"high_risk_ai", "impactful", "other"}},
}

// pointer turns a path like "decisions[].body" into "/decisions/0/body".
func pointer(path string) string {
	return "/" + strings.ReplaceAll(strings.ReplaceAll(path, "[]", ".0"), ".", "/")
}

func TestEnums(t *testing.T) {
	props := map[string]map[string]map[string]any{}
	for _, kind := range schema.Names {
		props[kind] = propertyPaths(t, kind)
	}
	for _, e := range enums {
		t.Run(e.kind+"/"+e.path, func(t *testing.T) {
			node, ok := props[e.kind][e.path]
			if !ok {
				t.Fatalf("no property %s in the %s schema", e.path, e.kind)
			}
			var got []string
			for _, v := range asSlice(node["enum"]) {
				got = append(got, v.(string))
			}
			if !slices.Equal(got, e.values) {
				t.Errorf("enum = %v, want %v", got, e.values)
			}
			// A list of values is set as a one-item list, so that
			// uniqueItems does not interfere.
			ptr, value, at := pointer(e.path), "%s", pointer(e.path)
			if list, ok := strings.CutSuffix(e.path, "[]"); ok {
				ptr, value = pointer(list), "[%s]"
			}
			base := e.kind + "-full"
			for _, v := range e.values {
				check(t, base, []op{set(ptr, fmt.Sprintf(value, v))}, nil)
			}
			for _, v := range []string{"bogus", flipCase(e.values[0]), `"` + e.values[0] + ` "`} {
				check(t, base, []op{set(ptr, fmt.Sprintf(value, v))}, bad(at, "enum", ""))
			}
		})
	}
}

// flipCase turns "IAMA" into "iama" and "camera" into "CAMERA": enum values
// are case-sensitive.
func flipCase(s string) string {
	if strings.ToUpper(s) == s {
		return strings.ToLower(s)
	}
	return strings.ToUpper(s)
}

// --- The schema documents themselves ---

func readJSON(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := schema.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return m
}

func asSlice(v any) []any { s, _ := v.([]any); return s }

// resolve follows a $ref (local or into common.schema.json) from a node of file.
func resolve(t *testing.T, file string, node map[string]any) (string, map[string]any) {
	t.Helper()
	ref, ok := node["$ref"].(string)
	if !ok {
		return file, node
	}
	target, frag, _ := strings.Cut(ref, "#")
	if target != "" {
		file = target
	}
	var cur any = readJSON(t, file)
	for _, seg := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		cur = cur.(map[string]any)[seg]
	}
	m, ok := cur.(map[string]any)
	if !ok {
		t.Fatalf("%s: $ref %s does not resolve", file, ref)
	}
	return file, m
}

// merged returns the node with the keywords of the schema it references,
// the node's own keywords winning: what an editor shows for a property.
func merged(t *testing.T, file string, node map[string]any) (string, map[string]any) {
	t.Helper()
	out := map[string]any{}
	for {
		for k, v := range node {
			if _, ok := out[k]; !ok && k != "$ref" {
				out[k] = v
			}
		}
		if _, ok := node["$ref"]; !ok {
			return file, out
		}
		file, node = resolve(t, file, node)
	}
}

// propertyPaths lists every property a record of kind may hold, by path
// ("location.point.lat", "decisions[].body", "capabilities[]"), with its
// schema merged through $refs.
func propertyPaths(t *testing.T, kind string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	var walk func(file string, node map[string]any, path string)
	walk = func(file string, node map[string]any, path string) {
		file, node = merged(t, file, node)
		if path != "" {
			out[path] = node
		}
		if props, ok := node["properties"].(map[string]any); ok {
			for k, v := range props {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walk(file, v.(map[string]any), p)
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			walk(file, items, path+"[]")
		}
	}
	walk(schema.File(kind), readJSON(t, schema.File(kind)), "")
	return out
}

// recordPaths lists every path present in a record, the same way.
func recordPaths(v any, path string, out map[string]bool) {
	if path != "" {
		out[path] = true
	}
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			recordPaths(c, p, out)
		}
	case []any:
		for _, c := range x {
			recordPaths(c, path+"[]", out)
		}
	}
}

// The full test records hold every key of the record format, and the schemas
// allow exactly those keys: nothing missing, nothing invented.
func TestFullRecordsCoverEveryProperty(t *testing.T) {
	for _, kind := range schema.Names {
		t.Run(kind, func(t *testing.T) {
			schemaPaths := map[string]bool{}
			for p := range propertyPaths(t, kind) {
				// A polygon is a list of pairs; its pairs have no keys.
				if !strings.HasPrefix(p, "location.polygon[]") {
					schemaPaths[p] = true
				}
			}
			got := map[string]bool{}
			recordPaths(loadRecord(t, bases[kind+"-full"]), "", got)
			for p := range got {
				if strings.HasPrefix(p, "location.polygon[]") {
					delete(got, p)
				}
			}
			if d := diff(schemaPaths, got); d != "" {
				t.Errorf("schema vs full record: %s", d)
			}
		})
	}
}

func diff(a, b map[string]bool) string {
	var onlyA, onlyB []string
	for k := range a {
		if !b[k] {
			onlyA = append(onlyA, k)
		}
	}
	for k := range b {
		if !a[k] {
			onlyB = append(onlyB, k)
		}
	}
	sort.Strings(onlyA)
	sort.Strings(onlyB)
	if len(onlyA)+len(onlyB) == 0 {
		return ""
	}
	return fmt.Sprintf("only in schema %v; only in record %v", onlyA, onlyB)
}

// The keys of the format that both kinds share, taken from common.schema.json
// by both record schemas in the same way.
var shared = []string{"id", "name", "summary", "status", "organisation", "owner", "purpose", "problem",
	"alternatives", "themes", "decisions", "legal_basis", "processing_register_url", "personal_data", "dpia",
	"assessments", "risks", "ai_act", "lifecycle", "evaluation", "reviews", "retention", "data_rights",
	"data_sharing", "open_data", "security", "supplier", "incidents", "exceptions", "registered_on",
	"publication", "links"}

func TestSharedPropertiesComeFromCommon(t *testing.T) {
	for _, kind := range schema.Names {
		doc := readJSON(t, schema.File(kind))
		props := doc["properties"].(map[string]any)
		for _, key := range shared {
			p, ok := props[key].(map[string]any)
			if !ok {
				t.Errorf("%s: no property %s", kind, key)
				continue
			}
			if want := "common.schema.json#/$defs/" + key; p["$ref"] != want || len(p) != 1 {
				t.Errorf("%s.%s = %v, want only $ref %s", kind, key, p, want)
			}
		}
		var req []string
		for _, r := range asSlice(doc["required"]) {
			req = append(req, r.(string))
		}
		if !slices.Equal(req, mandatory[kind]) {
			t.Errorf("%s required = %v, want %v", kind, req, mandatory[kind])
		}
	}
}

func TestHeaders(t *testing.T) {
	for _, name := range append([]string{schema.Common}, schema.Names...) {
		doc := readJSON(t, schema.File(name))
		if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema = %v", name, doc["$schema"])
		}
		if c, _ := doc["$comment"].(string); !strings.HasPrefix(c, "record format v2") {
			t.Errorf("%s: $comment %q does not start with the format version", name, c)
		}
		// An absolute $id would make editors fetch the schema over the network.
		data, _ := schema.FS.ReadFile(schema.File(name))
		if bytes.Contains(data, []byte(`"$id"`)) {
			t.Errorf("%s: has an $id", name)
		}
		for _, ref := range regexp.MustCompile(`"\$ref": "([^"]*)"`).FindAllStringSubmatch(string(data), -1) {
			if !strings.HasPrefix(ref[1], "#/") && !strings.HasPrefix(ref[1], "common.schema.json#/") {
				t.Errorf("%s: $ref %s is neither local nor relative to common.schema.json", name, ref[1])
			}
		}
	}
}

var (
	defRE   = regexp.MustCompile(`/\$defs/[^/]+$`)
	titleRE = regexp.MustCompile(`^\S.*\S \([A-Z][^()]*\)$`)
	bilingo = " — "
)

// walkSchemas visits every subschema of every file with its location, except
// the if-conditions, which only test values and carry no documentation.
func walkSchemas(t *testing.T, visit func(where string, node map[string]any, isProperty bool)) {
	t.Helper()
	var walk func(where string, v any, isProperty bool)
	walk = func(where string, v any, isProperty bool) {
		node, ok := v.(map[string]any)
		if !ok {
			return
		}
		visit(where, node, isProperty)
		for _, kw := range []string{"properties", "$defs"} {
			if m, ok := node[kw].(map[string]any); ok {
				for k, c := range m {
					walk(where+"/"+kw+"/"+k, c, kw == "properties")
				}
			}
		}
		for _, kw := range []string{"items", "then", "else"} {
			walk(where+"/"+kw, node[kw], false)
		}
		for _, kw := range []string{"prefixItems", "anyOf", "allOf", "oneOf"} {
			for i, c := range asSlice(node[kw]) {
				walk(fmt.Sprintf("%s/%s/%d", where, kw, i), c, false)
			}
		}
	}
	for _, name := range append([]string{schema.Common}, schema.Names...) {
		file := schema.File(name)
		walk(file+"#", readJSON(t, file), false)
	}
}

func TestEveryPropertyHasDutchAndEnglishHelp(t *testing.T) {
	n := 0
	walkSchemas(t, func(where string, node map[string]any, isProperty bool) {
		documented := isProperty || defRE.MatchString(where)
		if !documented {
			return
		}
		file := where[:strings.Index(where, "#")]
		_, m := merged(t, file, node)
		n++
		title, _ := m["title"].(string)
		if !titleRE.MatchString(title) {
			t.Errorf("%s: title %q is not \"Nederlands (English)\"", where, title)
		}
		desc, _ := m["description"].(string)
		nl, en, ok := strings.Cut(desc, bilingo)
		if !ok || strings.Count(desc, bilingo) != 1 || len(nl) < 5 || len(en) < 5 || nl == en {
			t.Errorf("%s: description %q is not \"Nederlands. — English.\"", where, desc)
		}
	})
	if n < 150 {
		t.Errorf("checked only %d documented schemas; the walk is broken", n)
	}
}

func TestEnumsExplainEachValueInDutch(t *testing.T) {
	n := 0
	walkSchemas(t, func(where string, node map[string]any, _ bool) {
		vals := asSlice(node["enum"])
		if len(vals) == 0 {
			return
		}
		n++
		desc, _ := node["description"].(string)
		nl, _, _ := strings.Cut(desc, bilingo)
		for _, v := range vals {
			if !regexp.MustCompile(`(^|[ ;:])` + regexp.QuoteMeta(v.(string)) + ` = \S`).MatchString(nl) {
				t.Errorf("%s: the Dutch description does not explain %q as \"%s = ...\"", where, v, v)
			}
		}
	})
	if n != len(enums) {
		t.Errorf("found %d enums, want %d", n, len(enums))
	}
}

func TestEveryObjectIsClosed(t *testing.T) {
	n := 0
	walkSchemas(t, func(where string, node map[string]any, _ bool) {
		_, hasProps := node["properties"]
		if node["type"] != "object" && !hasProps {
			return
		}
		n++
		if node["type"] != "object" {
			t.Errorf("%s: has properties but is not of type object", where)
		}
		if node["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is not false", where)
		}
	})
	if n < 30 {
		t.Errorf("checked only %d objects; the walk is broken", n)
	}
}

func TestRecordAndRead(t *testing.T) {
	for _, name := range schema.Names {
		data, err := schema.Record(name)
		if err != nil {
			t.Fatalf("Record(%q): %v", name, err)
		}
		if !bytes.Contains(data, []byte(`"const": "`+name+`"`)) {
			t.Errorf("Record(%q) is not the %s schema", name, name)
		}
		again, err := schema.Read(name)
		if err != nil || !bytes.Equal(data, again) {
			t.Errorf("Read(%q) differs from Record(%q): %v", name, name, err)
		}
	}
	common, err := schema.Read(schema.Common)
	if err != nil || !bytes.Contains(common, []byte(`"$defs"`)) {
		t.Errorf("Read(common) = %d bytes, %v", len(common), err)
	}
	for _, bad := range []string{"common", "camera", "", "Sensor", "../schema"} {
		if _, err := schema.Record(bad); !errors.Is(err, schema.ErrUnknown) {
			t.Errorf("Record(%q) error = %v, want ErrUnknown", bad, err)
		}
	}
	for _, bad := range []string{"camera", "", "sensor.schema.json"} {
		if _, err := schema.Read(bad); !errors.Is(err, schema.ErrUnknown) {
			t.Errorf("Read(%q) error = %v, want ErrUnknown", bad, err)
		}
	}
}

// modelPaths lists the YAML paths of the Go record model, the same way as
// propertyPaths, so the schema and the decoder cannot drift apart: a key the
// schema allows but the model lacks would be silently dropped on load.
func modelPaths(t reflect.Type, path string, out map[string]bool) {
	switch t.Kind() {
	case reflect.Pointer:
		modelPaths(t.Elem(), path, out)
	case reflect.Slice:
		out[path+"[]"] = true
		modelPaths(t.Elem(), path+"[]", out)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" {
				continue
			}
			p := tag
			if path != "" {
				p = path + "." + tag
			}
			out[p] = true
			modelPaths(f.Type, p, out)
		}
	}
}

func TestSchemaMatchesTheRecordModel(t *testing.T) {
	model := map[string]bool{}
	modelPaths(reflect.TypeFor[record.Record](), "", model)
	delete(model, "location.polygon[]") // pairs are [2]float64, compared by the polygon tests
	union := map[string]bool{}
	for _, kind := range schema.Names {
		for p := range propertyPaths(t, kind) {
			if !strings.HasPrefix(p, "location.polygon[]") {
				union[p] = true
			}
		}
	}
	if d := diff(union, model); d != "" {
		t.Errorf("schemas vs record.Record: %s", d)
	}
}

// The design document, when it is next to the repository (../shared), lists
// the same top-level keys per kind and marks the same ones M.
// formatV2Keys are the top-level keys format v2 added to the design
// document's v1, per kind: switched_off says which capabilities are off.
var formatV2Keys = map[string][]string{
	"sensor":    {"format_version", "camera_regime", "correction", "switched_off"},
	"algorithm": {"format_version", "capabilities", "correction", "switched_off"},
}

func TestSchemaMatchesTheDesignDocument(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "record-format.md"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("record-format.md is not next to the repository")
	}
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}   // section -> keys
	marked := map[string][]string{} // section -> keys marked M
	section := ""
	row := regexp.MustCompile("^\\| `([a-z_]+)` \\| ([MSPRO]) \\|")
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.HasPrefix(line, "## Both kinds"):
			section = "both"
		case strings.HasPrefix(line, "## Sensor only"):
			section = "sensor"
		case strings.HasPrefix(line, "## Algorithm only"):
			section = "algorithm"
		case strings.HasPrefix(line, "## "):
			section = ""
		}
		if m := row.FindStringSubmatch(line); m != nil && section != "" {
			keys[section] = append(keys[section], m[1])
			if m[2] == "M" {
				marked[section] = append(marked[section], m[1])
			}
		}
	}
	for _, kind := range schema.Names {
		doc := readJSON(t, schema.File(kind))
		want := map[string]bool{}
		for _, k := range append(slices.Clone(keys["both"]), keys[kind]...) {
			want[k] = true
		}
		// The document describes format v1; these keys came with v2.
		for _, k := range formatV2Keys[kind] {
			want[k] = true
		}
		got := map[string]bool{}
		for k := range doc["properties"].(map[string]any) {
			got[k] = true
		}
		if d := diff(want, got); d != "" || len(want) < 40 {
			t.Errorf("%s keys, document vs schema (%d keys): %s", kind, len(want), d)
		}
		wantReq := append(slices.Clone(marked["both"]), marked[kind]...)
		var gotReq []string
		for _, r := range asSlice(doc["required"]) {
			gotReq = append(gotReq, r.(string))
		}
		if !slices.Equal(wantReq, gotReq) {
			t.Errorf("%s required: document %v, schema %v", kind, wantReq, gotReq)
		}
	}
}

func BenchmarkValidateFullSensor(b *testing.B) {
	all, err := compiled()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "sensor-full.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	doc, found := source.Parse("sensor-full.yaml", data, source.DefaultLimits)
	if len(found) > 0 {
		b.Fatal(found)
	}
	for b.Loop() {
		if err := all["sensor"].Validate(doc.Value); err != nil {
			b.Fatal(err)
		}
	}
}
