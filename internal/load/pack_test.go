package load

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// TestPackKeepsEveryField: a finding packed and unpacked is the finding,
// field by field; a field added to finding.Finding fails here until pack
// keeps it too.
func TestPackKeepsEveryField(t *testing.T) {
	if n := reflect.TypeFor[finding.Finding]().NumField(); n != 12 {
		t.Fatalf("finding.Finding has %d fields; pack.go keeps 12: keep the new one too", n)
	}
	fs := []finding.Finding{
		{File: "sensors/a.yaml", Line: 3, Column: 5, Record: "a", Rule: "r1", Principle: "VNG 1", Severity: finding.Error,
			Message: label.Text{"mnl", "m"}, Help: label.Text{"hnl", "h"}, Law: label.Text{"AVG art. 5", "GDPR art. 5"}, Path: "/x", Key: true},
		{File: "sensors/a.yaml", Record: "a", Rule: "r1", Principle: "VNG 1", Severity: finding.Info, Message: label.Text{"", "other"}},
	}
	own := []finding.Finding{{File: "sensors/a.yaml", Line: 1, Column: 1, Record: "a", Rule: "schema", Severity: finding.Error,
		Message: label.Text{"", "bad"}}}
	var tx texts
	for _, c := range []struct {
		name         string
		own, checked []finding.Finding
	}{
		{"both", own, fs},
		{"the checklist's only", nil, fs},
		{"the file's own only", fs, nil},
	} {
		p, ok := tx.pack("sensors/a.yaml", "a", c.own, c.checked)
		if !ok {
			t.Fatalf("%s: not packed", c.name)
		}
		if got := tx.appendOwn(nil, "sensors/a.yaml", "a", p); !reflect.DeepEqual(got, c.own) {
			t.Errorf("%s: own unpacked\n%+v\nwant\n%+v", c.name, got, c.own)
		}
		if got := tx.appendChecked(nil, "sensors/a.yaml", "a", p); !reflect.DeepEqual(got, c.checked) || p.checkedLen() != len(c.checked) {
			t.Errorf("%s: the checklist's unpacked (%d)\n%+v\nwant\n%+v", c.name, p.checkedLen(), got, c.checked)
		}
	}
	for _, bad := range []finding.Finding{{File: "sensors/b.yaml", Record: "a"}, {File: "sensors/a.yaml", Record: "b"}, {File: "sensors/a.yaml", Record: "a", Line: -1}} {
		if _, ok := tx.pack("sensors/a.yaml", "a", fs[:1], []finding.Finding{bad}); ok {
			t.Errorf("%+v packed with a finding it does not fit", bad)
		}
	}
}

// TestInternAllocatesForNewTextsOnly: the findings of 100,000 records
// share some 21,000 texts; interning one held already makes nothing.
func TestInternAllocatesForNewTextsOnly(t *testing.T) {
	var tx texts
	s := sharedText{rule: "r1", message: label.Text{"mnl", "m"}, path: "/x"}
	first, _ := tx.intern(s)
	if n := testing.AllocsPerRun(100, func() {
		if i, _ := tx.intern(s); i != first {
			t.Fatal("a text held already was held again")
		}
	}); n != 0 {
		t.Errorf("interning a text held already allocates %v times, want 0", n)
	}
}

// TestInternAtFindsBySharedBytes: findings whose texts are the same bytes
// are numbered alike without their texts being hashed, as are those that
// say the same in bytes of their own; a text that differs gets a number
// of its own, and only the first bytes of a text are found by where they
// are.
func TestInternAtFindsBySharedBytes(t *testing.T) {
	var tx texts
	msg := strings.Repeat("Geen DPIA voor deze camera. ", 4)
	f := finding.Finding{Rule: "dpia", Severity: finding.Error, Message: label.Text{msg, "No DPIA."}, Path: "/dpia"}
	own := f
	own.Message = label.Text{strings.Clone(msg), "No DPIA."}
	other := f
	other.Message = label.Text{msg + "!", "No DPIA."}
	first, _ := tx.internAt(&f)
	for _, c := range []struct {
		name string
		f    finding.Finding
		same bool
	}{
		{"the same bytes", f, true},
		{"the same text in bytes of its own", own, true},
		{"another text", other, false},
	} {
		if i, ok := tx.internAt(&c.f); !ok || (i == first) != c.same {
			t.Errorf("%s: number %d, first %d", c.name, i, first)
		}
	}
	if len(tx.at) != 2 {
		t.Errorf("%d texts found by where they are, want the two numbered", len(tx.at))
	}
}

// TestFactsKeepTheKindsConstant: a record's kind, decoded from its file,
// is a string of its own; the facts a load keeps of it hold the constant
// instead, so that 100,000 copies of "sensor" are not kept.
func TestFactsKeepTheKindsConstant(t *testing.T) {
	for _, k := range record.Kinds {
		own := record.Kind(strings.Clone(string(k)))
		f := factsOf(&record.Record{ID: "x", Kind: own}, Spots{})
		if f.Kind != k || unsafe.StringData(string(f.Kind)) != unsafe.StringData(string(k)) {
			t.Errorf("facts of a %s keep the record's own copy of its kind", k)
		}
	}
}
