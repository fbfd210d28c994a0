package history

import (
	"errors"
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/label"
)

// A problem reads in either language: in full for the register's staff,
// and as a summary without the reader's or the repository's words for the
// public. Only a version that does not read is kept between runs.
func TestProblemWords(t *testing.T) {
	found := []fielddiff.Found{{Line: 4, Column: 9, Message: label.Text{"GEHEIM is geen geheel getal", "GEHEIM is not a whole number"}}}
	for _, tt := range []struct {
		name                 string
		p                    *Problem
		en, nl               string
		summaryEN, summaryNL string
		kept                 bool
	}{
		{"does not read", &Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.OldVersion, Found: found}},
			"old version: line 4, column 9: GEHEIM is not a whole number", "oude versie: regel 4, kolom 9: GEHEIM is geen geheel getal",
			"the old version does not read as a record", "de oude versie is niet als registratie te lezen", true},
		{"not in the repository", &Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.NewVersion}, Err: "object not found"},
			"new version: cannot be read from the repository: object not found", "nieuwe versie: niet uit de repository te lezen: object not found",
			"the new version cannot be read from the repository", "de nieuwe versie is niet uit de repository te lezen", false},
		{"another error of the reader", problemOf(errors.New("something else")),
			"a version: something else", "een versie: something else",
			"a version does not read as a record", "een versie is niet als registratie te lezen", false},
	} {
		if got := tt.p.In("en"); got != tt.en {
			t.Errorf("%s in English: %q, want %q", tt.name, got, tt.en)
		}
		if got := tt.p.In("nl"); got != tt.nl {
			t.Errorf("%s in Dutch: %q, want %q", tt.name, got, tt.nl)
		}
		if got := tt.p.Summary("en"); got != tt.summaryEN {
			t.Errorf("%s, summary in English: %q, want %q", tt.name, got, tt.summaryEN)
		}
		if got := tt.p.Summary("nl"); got != tt.summaryNL {
			t.Errorf("%s, summary in Dutch: %q, want %q", tt.name, got, tt.summaryNL)
		}
		if tt.p.kept() != tt.kept {
			t.Errorf("%s: kept %v, want %v", tt.name, tt.p.kept(), tt.kept)
		}
	}
}
