package quality

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// TestUnreadFilesCountAgainstTheRegister: a record file that could not be
// read is named with its position and why, is one of the records, fills
// no field and satisfies no principle, in every format. It used to be left
// out unsaid, which made the register look better.
func TestUnreadFilesCountAgainstTheRegister(t *testing.T) {
	broken := func(file string, line, col int, en, nl string) finding.Finding {
		return finding.Finding{File: file, Line: line, Column: col, Rule: finding.RuleYAML, Severity: finding.Error,
			Message: label.Text{nl, en}, Help: label.Text{"voer register validate uit", "run register validate"}}
	}
	tests := []struct {
		name   string
		unread []finding.Finding
		kind   record.Kind
		files  []string // the report's unreadable files
		text   string   // a line of the English text report
		textNL string
	}{
		{"a syntax error", []finding.Finding{broken("sensors/kapot.yaml", 1, 5, "YAML syntax error", "YAML-syntaxfout")},
			record.Sensor, []string{"sensors/kapot.yaml"},
			"  sensors/kapot.yaml:1:5: YAML syntax error (run register validate)",
			"  sensors/kapot.yaml:1:5: YAML-syntaxfout (voer register validate uit)"},
		{"a file that may not be read", []finding.Finding{broken("algorithms/dicht.yaml", 0, 0, "file cannot be read: permission denied", "bestand kan niet worden gelezen: geen toegang")},
			record.Algorithm, []string{"algorithms/dicht.yaml"},
			"  algorithms/dicht.yaml: file cannot be read: permission denied (run register validate)",
			"  algorithms/dicht.yaml: bestand kan niet worden gelezen: geen toegang (voer register validate uit)"},
		{"two errors in one file", []finding.Finding{
			broken("sensors/dubbel.yaml", 7, 1, "duplicate key", "dubbele sleutel"),
			broken("sensors/dubbel.yaml", 3, 1, "wrong", "fout"),
		}, record.Sensor, []string{"sensors/dubbel.yaml"},
			"  sensors/dubbel.yaml:3:1: wrong (run register validate)",
			"  sensors/dubbel.yaml:3:1: fout (voer register validate uit)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := newRegister(t, "", good, stale, alg)
			fs := principle.Run(reg, principle.Options{Today: today})
			before := Measure(Input{Register: reg, Findings: fs, Today: today})
			rep := Measure(Input{Register: reg, Findings: fs, Today: today, Unread: tt.unread})

			if rep.Records != before.Records+len(tt.files) {
				t.Errorf("records %d, want %d", rep.Records, before.Records+len(tt.files))
			}
			var got []string
			for _, u := range rep.Unreadable {
				got = append(got, u.File)
			}
			if strings.Join(got, " ") != strings.Join(tt.files, " ") {
				t.Errorf("unreadable %q, want %q", got, tt.files)
			}
			// Every field of its kind is counted over one record more,
			// filled by none of it.
			for i, f := range rep.Fields {
				b := before.Fields[i]
				wantOf := b.Of
				if f.Kind == tt.kind {
					wantOf++
				}
				if f.Of != wantOf || f.Filled != b.Filled {
					t.Errorf("field %s %s: %d of %d, want %d of %d", f.Kind, f.Path, f.Filled, f.Of, b.Filled, wantOf)
				}
			}
			// No principle reads better; those of its kind read worse.
			worse := 0
			for i, p := range rep.Principles {
				b := before.Principles[i]
				if p.Clean != b.Clean || p.Of < b.Of || p.Of > b.Of+1 {
					t.Errorf("principle %s: %d of %d, before %d of %d", p.Principle, p.Clean, p.Of, b.Clean, b.Of)
				}
				if p.Of == b.Of+1 {
					worse++
				}
			}
			if worse == 0 {
				t.Error("no principle counts the unread file")
			}

			for _, c := range []struct{ lang, want string }{{message.English, tt.text}, {message.Dutch, tt.textNL}} {
				rep.TextLanguage = c.lang
				var b bytes.Buffer
				if err := Write(&b, "text", rep); err != nil {
					t.Fatal(err)
				}
				head := msgUnreadableHead.In(c.lang) + "\n" + c.want + "\n"
				if !strings.Contains(b.String(), head) {
					t.Errorf("%s text lacks\n%s\nin\n%s", c.lang, head, b.String())
				}
			}
			var b bytes.Buffer
			if err := Write(&b, "json", rep); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Records    int
				Unreadable []struct {
					File         string
					Line, Column int
					Reason       string
				}
			}
			if err := json.Unmarshal(b.Bytes(), &doc); err != nil || doc.Records != rep.Records || len(doc.Unreadable) != len(tt.files) ||
				doc.Unreadable[0].File != tt.files[0] || doc.Unreadable[0].Reason == "" {
				t.Errorf("json (%v): %s", err, b.String())
			}
			b.Reset()
			if err := Write(&b, "html", rep); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "<li>"+rep.Unreadable[0].Position()+": ") {
				t.Errorf("the page does not name %s", rep.Unreadable[0].Position())
			}
		})
	}
}

// TestNoUnreadFilesChangesNothing: a register whose files all read gets
// the report it always had, with an empty list in the JSON.
func TestNoUnreadFilesChangesNothing(t *testing.T) {
	rep := measure(t, "", nil)
	var b bytes.Buffer
	rep.TextLanguage = message.English
	if err := Write(&b, "text", rep); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), msgUnreadableHead.In(message.English)) {
		t.Errorf("the text names unreadable files:\n%s", b.String())
	}
	b.Reset()
	if err := Write(&b, "json", rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"unreadable": []`) {
		t.Errorf("json: %s", b.String())
	}
}
