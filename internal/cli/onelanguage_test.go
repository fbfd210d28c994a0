package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/message"
)

// The words only one of the two languages uses, as the errors below would
// say them: a run that speaks one language must show none of the other's.
// Paths and quoted values are left out before looking (see otherWords).
var onlyWords = map[string][]string{
	message.English: {"the", "use", "or", "and", "not", "holds", "see", "run", "usage", "too", "many", "links",
		"did", "find", "expected", "folder", "file", "line", "most", "characters", "unknown", "format", "give",
		"such", "leads", "nowhere", "loop", "extension", "says", "needs", "example", "key", "has", "add"},
	message.Dutch: {"de", "het", "een", "gebruik", "kies", "niet", "zie", "voor", "map", "bestand", "regel",
		"tekens", "onbekend", "onbekende", "formaat", "staat", "leidt", "nergens", "heen", "naar", "zichzelf",
		"geef", "zoals", "extensie", "bepaalt", "verwacht", "sleutel", "voorbeeld", "kring", "leeg"},
}

// quoted and pathLike are what otherWords leaves out: values the user
// gave, which are in no language of ours.
var (
	quoted   = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'[^'\n]*'`)
	pathLike = regexp.MustCompile(`\S*[/\\]\S*|\S+\.(?:yaml|docx|md|html|pdf|git)\b`)
	wordOf   = regexp.MustCompile(`\p{L}+`)
)

// otherWords lists the words of out that only the language other than
// lang uses. The severity words (error, warning) stay English for tools.
func otherWords(lang, out string) []string {
	other := message.Dutch
	if lang == message.Dutch {
		other = message.English
	}
	out = quoted.ReplaceAllString(out, " ")
	out = pathLike.ReplaceAllString(out, " ")
	var found []string
	for _, w := range wordOf.FindAllString(strings.ToLower(out), -1) {
		if slices.Contains(onlyWords[other], w) && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	return found
}

// The errors the command line passes on from the packages it calls (an
// unknown --format, init's and federate's refusals, a file that cannot be
// read) speak the run's language whole: in a Dutch run no English phrase
// sits beside the Dutch "Zie 'register --help'", and an English run has
// no Dutch.
func TestErrorsSpeakOneLanguage(t *testing.T) {
	eachLanguage(t, []langCase{
		{"rules with an unknown format", func(t *testing.T, root string) []string {
			return []string{"rules", "--format", "xml"}
		}, ExitError, []string{`unknown format "xml": use text or json`}, []string{`onbekend formaat "xml": kies text of json`}},
		{"changes with an unknown format", func(t *testing.T, root string) []string {
			return []string{"changes", "--since", "v1", "--format", "xml"}
		}, ExitError, []string{`unknown format "xml": use text, json or atom`}, []string{`onbekend formaat "xml": kies text, json of atom`}},
		{"history with an unknown format", func(t *testing.T, root string) []string {
			return []string{"history", "cam-markt", "--format", "xml"}
		}, ExitError, []string{`unknown format "xml": use text or json`}, []string{`onbekend formaat "xml": kies text of json`}},
		{"packet to a file of no format", func(t *testing.T, root string) []string {
			return []string{"packet", "--as-of", "2026-11-24", "--out", filepath.Join(t.TempDir(), "p.docx")}
		}, ExitError, []string{"p.docx: the extension says the format: use .html, .md or .pdf"},
			[]string{"p.docx: de extensie bepaalt het formaat: gebruik .html, .md of .pdf"}},
		{"init into a folder that is not empty", func(t *testing.T, root string) []string {
			dir := filepath.Join(t.TempDir(), "newreg")
			if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			return []string{"init", dir, "--organisation", "Gemeente Heidebeek"}
		}, ExitError, []string{"the folder is not empty: ", " holds .git; init writes a new register into an empty or new folder only"},
			[]string{"de map is niet leeg: in ", " staat .git; init schrijft een nieuw register alleen in een lege of nieuwe map"}},
		{"init into a file", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "newreg")
			appendFile(t, file, "x")
			return []string{"init", file, "--organisation", "Gemeente Heidebeek"}
		}, ExitError, []string{" is a file, not a folder; init writes a new register into an empty or new folder"},
			[]string{" is een bestand, geen map; init schrijft een nieuw register in een lege of nieuwe map"}},
		{"init with an organisation of two lines", func(t *testing.T, root string) []string {
			return []string{"init", filepath.Join(t.TempDir(), "nieuw"), "--organisation", "Gemeente\nHeidebeek"}
		}, ExitError, []string{"use one line of at most 100 characters"}, []string{"gebruik één regel van hoogstens 100 tekens"}},
		{"init with an organisation too long", func(t *testing.T, root string) []string {
			return []string{"init", filepath.Join(t.TempDir(), "nieuw"), "--organisation", "Gemeente " + strings.Repeat("a", 100)}
		}, ExitError, []string{"use one line of at most 100 characters"}, []string{"gebruik één regel van hoogstens 100 tekens"}},
		{"init with a blank organisation", func(t *testing.T, root string) []string {
			return []string{"init", filepath.Join(t.TempDir(), "nieuw"), "--organisation", "  "}
		}, ExitError, []string{"init needs --organisation"}, []string{"init verwacht --organisation"}},
		{"init with a domain that is none", func(t *testing.T, root string) []string {
			return []string{"init", filepath.Join(t.TempDir(), "nieuw"), "--organisation", "Gemeente Heidebeek", "--domain", "heide beek"}
		}, ExitError, []string{"give a web domain such as heidebeek.nl"}, []string{"geef een webdomein zoals heidebeek.nl"}},
		{"federate a file that is not YAML", func(t *testing.T, root string) []string {
			fed := filepath.Join(t.TempDir(), "fed.yaml")
			appendFile(t, fed, "registers: [\n  - : :\n")
			return []string{"federate", fed, "--out", filepath.Join(t.TempDir(), "landelijk")}
		}, ExitError, []string{"not YAML: YAML syntax error: ", "(see the example in the README)"},
			[]string{"geen YAML: YAML-syntaxfout: ", "(zie het voorbeeld in de README)"}},
		{"federate a file with an unknown key", func(t *testing.T, root string) []string {
			fed := filepath.Join(t.TempDir(), "fed.yaml")
			appendFile(t, fed, "titel: Landelijk\nregisters: []\n")
			return []string{"federate", fed, "--out", filepath.Join(t.TempDir(), "landelijk")}
		}, ExitError, []string{`unknown key "titel": use title, organisation, base_url, publisher_uri and registers`},
			[]string{`onbekende sleutel "titel": gebruik title, organisation, base_url, publisher_uri en registers`}},
		{"federate a register without a code", func(t *testing.T, root string) []string {
			fed := filepath.Join(t.TempDir(), "fed.yaml")
			appendFile(t, fed, "registers:\n  - {organisation: Gemeente A, source: "+root+"}\n")
			return []string{"federate", fed, "--out", filepath.Join(t.TempDir(), "landelijk")}
		}, ExitError, []string{"Gemeente A has no code; add its CBS municipality code (code: GM0344)"},
			[]string{"Gemeente A heeft geen code; voeg de CBS-gemeentecode toe (code: GM0344)"}},
		{"federate a file that does not exist", func(t *testing.T, root string) []string {
			return []string{"federate", filepath.Join(t.TempDir(), "fed.yaml"), "--out", filepath.Join(t.TempDir(), "landelijk")}
		}, ExitError, []string{"fed.yaml: no such file or directory"}, []string{"fed.yaml: dit bestand of deze map bestaat niet"}},
		{"a symlink that points to itself", func(t *testing.T, root string) []string {
			if err := os.Symlink("lus.yaml", filepath.Join(root, "sensors", "lus.yaml")); err != nil {
				t.Skip(err)
			}
			return []string{"check", "--as-of", "2026-11-24"}
		}, ExitFindings, []string{"symlink leads in a loop: it points back to itself"},
			[]string{"symlink gaat in een kring: hij wijst terug naar zichzelf"}},
		{"register.yaml a symlink out of the register", func(t *testing.T, root string) []string {
			outside := filepath.Join(t.TempDir(), "instellingen.yaml")
			if err := os.WriteFile(outside, []byte(checkConfig), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(root, "register.yaml")
			if err := os.Remove(cfg); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, cfg); err != nil {
				t.Skip(err)
			}
			return []string{"due", "--as-of", "2026-11-24"}
		}, ExitError, []string{"is a symlink that leads outside the register; replace it with the file itself"},
			[]string{"is een symlink die buiten het register leidt; vervang hem door het bestand zelf"}},
		{"packet of an id the register does not hold", func(t *testing.T, root string) []string {
			return []string{"packet", "--ids", "cam-zqx", "--out", filepath.Join(t.TempDir(), "p.md")}
		}, ExitError, []string{"--ids cam-zqx: no record with this id in the register"},
			[]string{"--ids cam-zqx: geen registratie met deze id in het register"}},
		{"build into a symlink in a loop", func(t *testing.T, root string) []string {
			out := filepath.Join(t.TempDir(), "site")
			if err := os.Symlink(out, out); err != nil {
				t.Skip(err)
			}
			return []string{"build", "--out", out}
		}, ExitError, []string{"a symlink that leads nowhere or in a loop"},
			[]string{"een symlink die nergens heen leidt of in een kring gaat"}},
	}, func(t *testing.T, lang string, _ langCase, out string) {
		// The error, and for a check the report, must be one language.
		if words := otherWords(lang, out); len(words) > 0 {
			t.Errorf("a %s run says %q in the other language:\n%s", lang, words, out)
		}
	})
}

// otherWords finds the other language's words outside paths and quotes.
func TestOtherWords(t *testing.T) {
	for _, tt := range []struct {
		lang, out string
		want      []string
	}{
		{message.Dutch, "register: p.docx: de extensie bepaalt het formaat: gebruik .html, .md or .pdf", []string{"or"}},
		{message.Dutch, `register: organisatie "use the folder": kies één regel in /tmp/the/folder`, nil},
		{message.English, "register: unknown format \"xml\": use text or json\nZie 'register --help' voor het gebruik.", []string{"zie", "voor", "het", "gebruik"}},
		{message.English, "sensors/lus.yaml: error: symlink leads in a loop", nil},
	} {
		if got := otherWords(tt.lang, tt.out); !slices.Equal(got, tt.want) {
			t.Errorf("otherWords(%s, %q) = %q, want %q", tt.lang, tt.out, got, tt.want)
		}
	}
}
