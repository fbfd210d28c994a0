package principle

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// TestEveryRuleDeclaresWhatItReads: each built-in rule that checks
// records says which fields its verdict rests on, and each names a field
// of the record format; a public output relies on it to keep a verdict on a
// withheld field back.
func TestEveryRuleDeclaresWhatItReads(t *testing.T) {
	for _, r := range builtin {
		fields, ok := r.Reads()
		switch {
		case r.CheckRegister != nil && len(fields) > 0:
			t.Errorf("%s checks the register, not a record, yet declares fields %v", r.ID, fields)
		case r.CheckRegister == nil && !ok:
			t.Errorf("%s does not declare the fields it reads (readsTable)", r.ID)
		}
		for _, f := range fields {
			if _, ok := recordField(f); !ok {
				t.Errorf("%s declares %q, which is no field of a record", r.ID, f)
			}
		}
	}
	for id := range readsTable {
		if _, ok := byID[id]; !ok {
			t.Errorf("readsTable names %q, which is no rule", id)
		}
	}
	custom := &Rule{ID: "eigen-regel", custom: true}
	if _, ok := custom.Reads(); ok {
		t.Error("a custom rule claims to know what it reads")
	}
}

// TestRulesReadOnlyDeclaredFields holds each rule to the fields it
// declares: on every record of the bundled and example registers, of
// generated ones and of a few made to trip many rules, changing a field the
// rule does not declare (emptying it, or taking another record's value)
// leaves the rule's verdict (its findings' severities, fields and the law
// they cite) as it
// was. A rule that reads a field it does not declare fails here, naming
// the field.
func TestRulesReadOnlyDeclaredFields(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every rule on every record with every field changed")
	}
	cfg, _, err := config.Load("../../register")
	if err != nil {
		t.Fatal(err)
	}
	recs := append(readFolder(t, "../../register"), readFolder(t, "../../examples/dorp")...)
	recs = append(recs, generated(t, 40)...)
	recs = append(recs, decodeAll(t, trippingRecords...)...)
	reg := register.New("testdata", cfg, recs)
	ctx := &Context{day: newClock(day(testToday)), Config: cfg, Register: reg}
	verdict := func(rule *Rule, rec *record.Record) string {
		var out []string
		for _, f := range checkRecord(ctx, []*Rule{rule}, rec, nil) {
			out = append(out, f.Severity.String()+" "+f.Path+" "+f.Law.In("en"))
		}
		slices.Sort(out)
		return strings.Join(out, "; ")
	}
	top := reflect.TypeFor[record.Record]()
	for _, rule := range builtin {
		if rule.Check == nil {
			continue
		}
		fields, _ := rule.Reads()
		reported := map[string]bool{}
		for _, rec := range recs {
			if len(placeholder.Find(rec, cfg.Organisation)) > 0 {
				continue // never public, so no verdict of it is shown
			}
			base := verdict(rule, rec)
			try := func(key string, changed *record.Record) {
				if got := verdict(rule, changed); got != base && !reported[key] {
					t.Errorf("%s reads %s but does not declare it: on %s it gives %q, with %s changed %q", rule.ID, key, rec.ID, base, key, got)
					reported[key] = true
				}
			}
			for i := range top.NumField() {
				key := yamlKey(top.Field(i))
				if key == "" || key == "id" || key == "kind" || slices.Contains(fields, key) || reported[key] {
					continue
				}
				if below := declaredBelow(fields, key); len(below) > 0 {
					// Only some fields of the group are read: each other
					// one is changed on its own.
					for _, changed := range subVariants(recs, rec, i, below) {
						try(key+"."+changed.key, changed.rec)
					}
					continue
				}
				for _, v := range variants(recs, rec, i) {
					changed := *rec
					reflect.ValueOf(&changed).Elem().Field(i).Set(v)
					try(key, &changed)
				}
			}
		}
	}
}

// variants are the values the field i of rec is changed to: empty, and
// the different values of up to three records of its kind.
func variants(recs []*record.Record, rec *record.Record, i int) []reflect.Value {
	own := reflect.ValueOf(rec).Elem().Field(i)
	out := []reflect.Value{reflect.Zero(own.Type())}
	for _, o := range recs {
		if len(out) > 3 {
			break
		}
		v := reflect.ValueOf(o).Elem().Field(i)
		if o.Kind == rec.Kind && !reflect.DeepEqual(v.Interface(), own.Interface()) {
			out = append(out, v)
		}
	}
	return out
}

// declaredBelow lists the fields below key that fields names
// ("location.area" gives "area").
func declaredBelow(fields []string, key string) []string {
	var out []string
	for _, f := range fields {
		if sub, ok := strings.CutPrefix(f, key+"."); ok {
			out = append(out, sub)
		}
	}
	return out
}

// subVariant is rec with the field key of its group changed.
type subVariant struct {
	key string
	rec *record.Record
}

// subVariants changes, one at a time, each field of the group at the
// top-level field i of rec (a struct, or a pointer to one) that is not
// among declared: emptied, or set to another record's value.
func subVariants(recs []*record.Record, rec *record.Record, i int, declared []string) []subVariant {
	group := reflect.ValueOf(rec).Elem().Field(i)
	if group.Kind() == reflect.Pointer {
		if group.IsNil() {
			return nil
		}
		group = group.Elem()
	}
	var out []subVariant
	for j := range group.NumField() {
		key := yamlKey(group.Type().Field(j))
		if key == "" || slices.Contains(declared, key) {
			continue
		}
		values := []reflect.Value{reflect.Zero(group.Field(j).Type())}
		for _, o := range recs {
			ov := reflect.ValueOf(o).Elem().Field(i)
			if ov.Kind() == reflect.Pointer {
				if ov.IsNil() {
					continue
				}
				ov = ov.Elem()
			}
			values = append(values, ov.Field(j))
			if len(values) > 3 {
				break
			}
		}
		for _, v := range values {
			changed := *rec
			copyGroup := reflect.New(group.Type()).Elem()
			copyGroup.Set(group)
			copyGroup.Field(j).Set(v)
			field := reflect.ValueOf(&changed).Elem().Field(i)
			if field.Kind() == reflect.Pointer {
				field.Set(copyGroup.Addr())
			} else {
				field.Set(copyGroup)
			}
			out = append(out, subVariant{key, &changed})
		}
	}
	return out
}

// recordField finds the field of a record at the dotted YAML path p.
func recordField(p string) (reflect.StructField, bool) {
	t := reflect.TypeFor[record.Record]()
	var found reflect.StructField
	for part := range strings.SplitSeq(p, ".") {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return found, false
		}
		ok := false
		for i := range t.NumField() {
			if yamlKey(t.Field(i)) == part {
				found, t, ok = t.Field(i), t.Field(i).Type, true
				break
			}
		}
		if !ok {
			return found, false
		}
	}
	return found, true
}

func yamlKey(f reflect.StructField) string {
	key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if key == "-" || !f.IsExported() {
		return ""
	}
	return key
}

// recordKeys are the top-level YAML keys of a record.
func recordKeys() map[string]bool {
	keys := map[string]bool{}
	top := reflect.TypeFor[record.Record]()
	for i := range top.NumField() {
		if k := yamlKey(top.Field(i)); k != "" {
			keys[k] = true
		}
	}
	return keys
}

// readFolder decodes the records of a register folder.
func readFolder(t *testing.T, root string) []*record.Record {
	t.Helper()
	var texts []string
	for _, folder := range []string{"sensors", "algorithms"} {
		files, _ := filepath.Glob(filepath.Join(root, folder, "*.yaml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	if len(texts) == 0 {
		t.Fatalf("no records in %s", root)
	}
	return decodeAll(t, texts...)
}

func decodeAll(t *testing.T, texts ...string) []*record.Record {
	t.Helper()
	var recs []*record.Record
	for i, text := range texts {
		doc, fs := source.Parse(fmt.Sprint(i), []byte(text), source.DefaultLimits)
		if doc == nil {
			t.Fatalf("record %d: %v", i, fs)
		}
		rec := &record.Record{}
		if err := doc.Root.Decode(rec); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		rec.File = rec.Kind.Folder() + "/" + rec.ID + ".yaml"
		recs = append(recs, rec)
	}
	return recs
}

// trippingRecords are made to trip the rules that the registers above pass
// everywhere: banned capabilities, a late breach, a watched manufacturer, a
// private operator claiming legitimate interest, self-learning profiling.
var trippingRecords = []string{`
id: zz-sensor
kind: sensor
name: Meter
summary: Een meter.
status: active
organisation: {name: Bedrijf BV, type: private}
owner: {role: Beheerder, email: beheer@bedrijf.nl}
purpose: Meten.
sensor_type: camera
camera_regime: public_order
capabilities: [face_recognition, device_tracking, live_viewing]
personal_data: {processed: "no"}
dpia: {status: not_required, reason: geen}
legal_basis: {regime: gdpr, gdpr_ground: legitimate_interest}
lifecycle: {start: 2020-01-01}
evaluation: {interval: P5Y}
retention: P1Y
vendor: {manufacturer: Hikvision, model: X, country: CN}
data_rights: {holder: supplier}
data_sharing:
  - {party: Politie, purpose: opsporing, start: 2020-01-01, onward_sharing: true}
incidents:
  - {type: data_breach, discovered: 2025-08-01T10:00:00+02:00, reported: 2025-08-09T10:00:00+02:00, summary: Lek}
location: {description: Plein}
exceptions:
  - {rule: signage, reason: geen, approved_by: college, approved_on: 2020-01-01, until: 2030-01-01}
`, `
id: zz-algoritme
kind: algorithm
name: Model
summary: Een model.
status: active
organisation: {name: Gemeente, type: municipality}
owner: {role: Beheerder, email: beheer@gemeente.nl}
purpose: Voorspellen.
algorithm_type: machine_learning
role: profiling
affects_individuals: true
publication_category: other
self_learning: true
capabilities: [emotion_recognition]
personal_data: {processed: unknown, special_categories: true}
ai_act: {category: high_risk}
lifecycle: {start: 2020-01-01, end: 2021-01-01}
evaluation: {interval: P4Y, last: 2020-06-01}
datasets: [{name: BRP, personal_data: true}]
source_code: {unavailable_reason: geheim}
`, `
id: zz-politie
kind: sensor
status: active
organisation: {name: Politie, type: police}
sensor_type: camera
camera_regime: police
personal_data: {processed: "yes"}
legal_basis: {regime: police_data}
dpia: {status: not_required, reason: geen}
correction: {route: formulier, email: privacy@politie.nl, term: P4M}
incidents:
  - {type: data_breach, discovered: 2025-08-01T10:00:00+02:00, reported: 2025-08-09T10:00:00+02:00, summary: Lek}
`, `
id: zz-boa
kind: sensor
status: active
organisation: {name: Gemeente, type: municipality}
sensor_type: wifi_bluetooth_counter
personal_data: {processed: "yes"}
legal_basis: {regime: police_data, boa: true}
correction: {route: formulier, email: privacy@gemeente.nl, term: P4M}
incidents:
  - {type: data_breach, discovered: 2025-08-01T10:00:00+02:00, summary: Lek}
`, `
id: zz-politie-algoritme
kind: algorithm
status: active
organisation: {name: Politie, type: police}
role: automated_decision
affects_individuals: true
personal_data: {processed: "yes"}
legal_basis: {regime: police_data}
`}

// Whether an exception is unused or refused tells the verdict of the rule
// it names: both rest on what that rule reads.
func TestExceptionVerdictsRestOnTheNamedRule(t *testing.T) {
	rec := &record.Record{Kind: record.Sensor, Capabilities: []string{"face_recognition"},
		Exceptions: []record.Exception{{Rule: biometricBanID, Reason: "x"}}}
	for _, r := range []*Rule{exceptionUnused, exceptionRefused} {
		if r.RestsOnWithheld(rec) {
			t.Errorf("%s rests on a withheld field of a record that withholds nothing", r.ID)
		}
	}
	rec.Publication = &record.Publication{Withheld: []string{"capabilities"}, Reason: "Woo"}
	for _, r := range []*Rule{exceptionUnused, exceptionRefused} {
		if !r.RestsOnWithheld(rec) {
			t.Errorf("%s shows through what the named rule's verdict keeps back", r.ID)
		}
	}
}

// TestRulesCiteOnlyTheirPrinciples: a rule's findings cite its own
// principle, one it covers or cites, or the exceptions, on every record
// the reads test runs on. The site keeps back the ticks of the principles
// a kept-back rule may cite, and only those: a finding citing another
// would let its tick tell the verdict.
func TestRulesCiteOnlyTheirPrinciples(t *testing.T) {
	cfg, _, err := config.Load("../../register")
	if err != nil {
		t.Fatal(err)
	}
	recs := append(readFolder(t, "../../register"), readFolder(t, "../../examples/dorp")...)
	recs = append(recs, generated(t, 40)...)
	recs = append(recs, decodeAll(t, trippingRecords...)...)
	reg := register.New("testdata", cfg, recs)
	for _, today := range []string{testToday, "2028-03-01"} {
		ctx := &Context{day: newClock(day(today)), Config: cfg, Register: reg}
		for _, rule := range builtin {
			if rule.Check == nil {
				continue
			}
			// Every rule's finding may say an exception lowered it, or
			// could not (applyExceptions).
			own := map[string]bool{Anchor(rule.Ref): true, Anchor(refExceptions): true}
			for _, c := range append(slices.Clone(rule.Covers), rule.Cites...) {
				own[Anchor(c)] = true
			}
			reported := map[string]bool{}
			for _, rec := range recs {
				for _, f := range checkRecord(ctx, []*Rule{rule}, rec, nil) {
					for _, ref := range SplitRefs(f.Principle) {
						if a := Anchor(ref); !own[a] && !reported[a] {
							reported[a] = true
							t.Errorf("%s cites %s (on %s), not its principle %s nor one it covers %v or cites %v", rule.ID, ref, rec.ID, rule.Ref, rule.Covers, rule.Cites)
						}
					}
				}
			}
		}
	}
}

// TestAVerdictRestsOnTheFieldsItReadsOnly: a verdict is kept back for a
// withheld field it reads, a part of one or a whole one is part of, and
// shown for a withheld field beside those it reads: the risk analysis
// reads a sensor's area, not the camera's point.
func TestAVerdictRestsOnTheFieldsItReadsOnly(t *testing.T) {
	rule, _ := Lookup("risk-analysis")
	tests := []struct {
		withheld string
		want     bool
	}{
		{"location.point", false},
		{"location.description", false},
		{"location.area", true},
		{"location", true},
		{"risks.stacking", true},
		{"vendor", false},
	}
	for _, tt := range tests {
		rec := &record.Record{Kind: record.Sensor, Location: &record.Location{Area: "Centrum"},
			Publication: &record.Publication{Withheld: []string{tt.withheld}}}
		if got := rule.RestsOnWithheld(rec); got != tt.want {
			t.Errorf("%s withheld: rests on it = %v, want %v", tt.withheld, got, tt.want)
		}
	}
}
