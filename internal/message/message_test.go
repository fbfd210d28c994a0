package message

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string
		err    string
	}{
		{"no verbs", []string{}, ""},
		{"100%% sure", []string{}, ""},
		{"wrote %d pages to %s", []string{"d", "s"}, ""},
		{"%[2]s: %[1]d pagina's", []string{"d", "s"}, ""},
		{"%-8s %5.2f %+q %#v", []string{"s", "f", "q", "v"}, ""},
		{"%[1]s and %[1]s again", []string{"s"}, ""},
		{"%[2]s in %.2[3]fs, %[1]d changed", []string{"d", "s", "f"}, ""},
		{"%6.2f", []string{"f"}, ""},
		{"%[1]s and %[1]d", nil, "argument 1 read as %s and %d"},
		{"%[2]s only", nil, "skipped"},
		{"trailing %", nil, "ends in %"},
		{"%[x]s", nil, "bad argument index"},
		{"%[1s", nil, "unclosed"},
		{"read %s: %w", nil, "use %v"},
	}
	for _, tt := range tests {
		got, err := Verbs(tt.format)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Verbs(%q): error %v, want one with %q", tt.format, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Verbs(%q) = %v, %v; want %v", tt.format, got, err, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		en, nl string
		err    string
	}{
		{"wrote %d pages to %s", "%[2]s: %[1]d pagina's geschreven", ""},
		{"no records", "geen registraties", ""},
		{"wrote %d pages", "", "no Dutch text"},
		{" ", "geen", "no English text"},
		{"wrote %d pages to %s", "%d pagina's geschreven", "takes [d s]"},
		{"wrote %d pages", "%s pagina's geschreven", "takes [d]"},
		{"%d of %d", "%[2]d van %[1]d", ""},
	}
	for _, tt := range tests {
		err := (&Text{pair: label.Text{tt.nl, tt.en}}).Check()
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("Check(%q, %q) = %v, want %q", tt.en, tt.nl, err, tt.err)
		}
	}
}

func TestFormatPicksTheLanguage(t *testing.T) {
	m := New("wrote %d pages to %s", "%[2]s: %[1]d pagina's geschreven")
	if got := m.Format(Dutch, 3, "public"); got != "public: 3 pagina's geschreven" {
		t.Errorf("Dutch: %q", got)
	}
	for _, lang := range []string{English, "", "fr"} {
		if got := m.Format(lang, 3, "public"); got != "wrote 3 pages to public" {
			t.Errorf("%q: %q", lang, got)
		}
	}
	if !slices.Contains(All(), m) {
		t.Error("All does not hold a text made with New")
	}
}

func TestFromEnvironment(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ""},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, Dutch},
		{map[string]string{"LANG": "nl_BE"}, Dutch},
		{map[string]string{"LANG": "nl"}, Dutch},
		{map[string]string{"LANG": "en_GB.UTF-8"}, English},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LANG": "de_DE.UTF-8"}, English},
		// LC_ALL goes before LC_MESSAGES, which goes before LANG.
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "nl_NL"}, English},
		{map[string]string{"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, Dutch},
		{map[string]string{"LC_ALL": "", "LANG": "nl_NL.UTF-8"}, Dutch},
	}
	for _, tt := range tests {
		if got := FromEnvironment(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]string{"nl": Dutch, "NL": Dutch, " en ": English, "fr": "", "": "", "nederlands": ""} {
		got, ok := Parse(in)
		if got != want || ok != (want != "") {
			t.Errorf("Parse(%q) = %q, %v", in, got, ok)
		}
	}
}

func TestCount(t *testing.T) {
	c := NewCount("%d sign to %s", "%d signs to %s", "%[2]s: %[1]d bord", "%[2]s: %[1]d borden")
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{English, 1, "1 sign to bord.pdf"},
		{English, 0, "0 signs to bord.pdf"},
		{English, 14, "14 signs to bord.pdf"},
		{Dutch, 1, "bord.pdf: 1 bord"},
		{Dutch, 2, "bord.pdf: 2 borden"},
	} {
		if got := c.Format(tt.lang, tt.n, "bord.pdf"); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// An argument worded in each language is worded in the text's language,
// and a phrase keeps its arguments until its language is known.
func TestLingualArguments(t *testing.T) {
	field := New("the record", "de registratie")
	missing := New("%s lacks %q", "%[2]q ontbreekt in %[1]s")
	p := missing.With(field, "name")
	for _, tt := range []struct {
		lang, want string
	}{
		{English, `the record lacks "name"`},
		{Dutch, `"name" ontbreekt in de registratie`},
	} {
		if got := p.In(tt.lang); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.lang, got, tt.want)
		}
		if got := missing.Format(tt.lang, field, "name"); got != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	nested := New("%s, and more", "%s, en meer").With(p)
	if got := nested.In(Dutch); got != `"name" ontbreekt in de registratie, en meer` {
		t.Errorf("nested phrase: %q", got)
	}
	if (Phrase{}).In(Dutch) != "" {
		t.Error("the zero phrase is not empty")
	}
}

// An error of a text says it in either language, and one made with ErrOf
// is its sentinel's kind.
func TestErr(t *testing.T) {
	sentinel := errors.New("not a register")
	m := New("%s is not a folder", "%s is geen map")
	for _, tt := range []struct {
		err    error
		is     bool
		en, nl string
	}{
		{m.Err("x"), false, "x is not a folder", "x is geen map"},
		{m.ErrOf(sentinel, "x"), true, "x is not a folder", "x is geen map"},
	} {
		l, ok := tt.err.(Lingual)
		if !ok {
			t.Fatalf("%v is not lingual", tt.err)
		}
		if tt.err.Error() != tt.en || l.In(Dutch) != tt.nl || errors.Is(tt.err, sentinel) != tt.is {
			t.Errorf("%v: Dutch %q, is the sentinel %v", tt.err, l.In(Dutch), errors.Is(tt.err, sentinel))
		}
	}
}
