package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/message"
)

// Every text of the command line is written in both languages, and the
// Dutch takes the same arguments as the English.
func TestEveryMessageHasBothLanguages(t *testing.T) {
	all := message.All()
	if len(all) < 50 {
		t.Fatalf("only %d texts: the catalogue did not load", len(all))
	}
	seen := map[string]bool{}
	for _, m := range all {
		if err := m.Check(); err != nil {
			t.Error(err)
		}
		if seen[m.In(message.English)] {
			t.Errorf("%q is declared twice: one place per text", m.In(message.English))
		}
		seen[m.In(message.English)] = true
	}
}

// languageSource is where a run takes its language from.
type languageSource struct {
	name      string
	flag      string // --lang
	languages string // register.yaml's languages, "" for none
	env       map[string]string
	want      string
	// bare is the language when register.yaml cannot be read: the root
	// given is not a register.
	bare string
}

var languageSources = []languageSource{
	{"nothing set", "", "", nil, message.English, message.English},
	{"--lang nl", "nl", "", nil, message.Dutch, message.Dutch},
	{"--lang en over a Dutch register", "en", "[nl, en]", map[string]string{"LANG": "nl_NL.UTF-8"}, message.English, message.English},
	{"--lang nl over an English register", "nl", "[en]", nil, message.Dutch, message.Dutch},
	{"register.yaml's first language", "", "[nl, en]", nil, message.Dutch, message.English},
	{"register.yaml before LANG", "", "[en, nl]", map[string]string{"LANG": "nl_NL.UTF-8"}, message.English, message.Dutch},
	{"LANG when register.yaml names none", "", "", map[string]string{"LANG": "nl_NL.UTF-8"}, message.Dutch, message.Dutch},
	{"LC_ALL before LANG", "", "", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, message.English, message.English},
	{"LC_MESSAGES before LANG", "", "", map[string]string{"LC_MESSAGES": "nl_BE.UTF-8", "LANG": "C.UTF-8"}, message.Dutch, message.Dutch},
	{"another locale is English", "", "", map[string]string{"LANG": "de_DE.UTF-8"}, message.English, message.English},
}

// setLocale sets the locale variables of env, and clears the others.
func setLocale(t *testing.T, env map[string]string) {
	t.Helper()
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(v, env[v])
	}
}

// The command line speaks the language of --lang, else register.yaml's
// first language, else the locale's, else English: its help, its usage
// errors, the errors of files it cannot read and what a command did.
func TestCommandsSpeakTheRunsLanguage(t *testing.T) {
	commands := []struct {
		name   string
		args   func(root string) []string
		code   int
		en, nl []string // in stdout and stderr together
		bare   bool     // the root given is not a register
	}{
		{"help lists the commands", func(root string) []string { return []string{"--help"} }, ExitOK,
			[]string{"Validate the register and check every record against the principles", "Usage:", "Available Commands:", "help for register"},
			[]string{"Valideer het register en toets elke registratie aan de principes", "Gebruik:", "Opdrachten:", "uitleg bij register"}, false},
		{"a command's help", func(root string) []string { return []string{"check", "--help"} }, ExitOK,
			[]string{"Global Flags:", "language of messages, findings and summaries", `(default "error")`, "then runs the principles checklist"},
			[]string{"Algemene opties:", "taal van meldingen, bevindingen en samenvattingen", `(standaard "error")`, "toetst daarna elke ingelezen registratie"}, false},
		{"unknown command", func(root string) []string { return []string{"valideer"} }, ExitError,
			[]string{`register: unknown command "valideer" for "register"`, "Run 'register --help' for usage."},
			[]string{`register: onbekende opdracht "valideer" voor "register"`, "Zie 'register --help' voor het gebruik."}, false},
		{"unknown flag", func(root string) []string { return []string{"validate", "--bogus"} }, ExitError,
			[]string{"register: unknown flag: --bogus"},
			[]string{"register: onbekende optie: --bogus"}, false},
		{"unknown format", func(root string) []string { return []string{"check", "--format", "xml"} }, ExitError,
			[]string{`register: unknown format "xml": use `},
			[]string{`register: onbekend formaat "xml": kies `}, false},
		{"too many arguments", func(root string) []string { return []string{"history", "a", "b"} }, ExitError,
			[]string{"register: accepts 1 arg(s), received 2"},
			[]string{"register: verwacht 1 argument(en), maar kreeg er 2"}, false},
		{"no register", func(root string) []string { return []string{"validate", "--root", root + "/ontbreekt"} }, ExitError,
			[]string{"ontbreekt is not a folder; pass --root with the folder that holds sensors/ and algorithms/"},
			[]string{"ontbreekt is geen map; geef met --root de map op waarin sensors/ en algorithms/ staan"}, true},
		{"serve's longer help", func(root string) []string { return []string{"serve", "--help"} }, ExitOK,
			[]string{"so a steward\ncan preview"}, []string{"zodat een beheerder\nhet register kan bekijken"}, false},
		{"sign's longer help", func(root string) []string { return []string{"sign", "--help"} }, ExitOK,
			[]string{"makes the sign for a sensor in public space"}, []string{"maakt het bord voor een sensor in de openbare ruimte"}, false},
		{"chain's longer help", func(root string) []string { return []string{"chain", "--help"} }, ExitOK,
			[]string{"follows personal data through the register"}, []string{"volgt persoonsgegevens door het register"}, false},
		{"quality's longer help", func(root string) []string { return []string{"quality", "--help"} }, ExitOK,
			[]string{"how far the register is from complete"}, []string{"hoe ver het register van volledig is"}, false},
		{"compare's longer help", func(root string) []string { return []string{"compare", "national", "--help"} }, ExitOK,
			[]string{"keeps\nthe entries of the register's organisation"}, []string{"houdt de\nitems van de organisatie van het register"}, false},
		{"export's longer help", func(root string) []string { return []string{"export", "--help"} }, ExitOK,
			[]string{"in a format another register or platform reads"}, []string{"in een formaat dat een ander register of platform leest"}, false},
		{"import notification's longer help", func(root string) []string { return []string{"import", "notification", "--help"} }, ExitOK,
			[]string{"duty to report"}, []string{"meldplicht"}, false},
		{"federate's longer help", func(root string) []string { return []string{"federate", "--help"} }, ExitOK,
			[]string{"writes one national site with open data", "read only the registers of this province"},
			[]string{"schrijft één landelijke site met open data", "lees alleen de registers van deze provincie"}, false},
		{"packet's longer help", func(root string) []string { return []string{"packet", "--help"} }, ExitOK,
			[]string{"prepares a meeting of the ethics committee", "also put these records on the agenda"},
			[]string{"bereidt een vergadering van de ethische commissie voor", "zet ook deze registraties op de agenda"}, false},
		{"build's longer help", func(root string) []string { return []string{"build", "--help"} }, ExitOK,
			[]string{"writes the public register as a static website"},
			[]string{"schrijft het openbare register als statische website"}, false},
		{"import csv's longer help", func(root string) []string { return []string{"import", "csv", "--help"} }, ExitOK,
			[]string{"turns a spreadsheet (saved as CSV"}, []string{"maakt van een spreadsheet (bewaard als CSV"}, false},
		{"import json's longer help", func(root string) []string { return []string{"import", "json", "--help"} }, ExitOK,
			[]string{"reads records from JSON and writes one record file per entry"}, []string{"leest registraties uit JSON en schrijft één registratiebestand per item"}, false},
		{"changes's longer help", func(root string) []string { return []string{"changes", "--help"} }, ExitOK,
			[]string{"the register's public change feed"}, []string{"de openbare wijzigingenfeed van het register"}, false},
		{"history's longer help", func(root string) []string { return []string{"history", "--help"} }, ExitOK,
			[]string{"lists the commits that changed a record"}, []string{"toont de commits die een registratie veranderden"}, false},
		{"migrate's longer help", func(root string) []string { return []string{"migrate", "--help"} }, ExitOK,
			[]string{"upgrades\nthe older ones to the current version (v"}, []string{"zet de\noudere om naar de huidige versie (v"}, false},
		{"rules's longer help", func(root string) []string { return []string{"rules", "--help"} }, ExitOK,
			[]string{"lists every rule of the principles checklist"}, []string{"toont elke regel van de toetslijst"}, false},
		{"explain's longer help", func(root string) []string { return []string{"explain", "--help"} }, ExitOK,
			[]string{"prints why a rule of the checklist exists"}, []string{"toont waarom een regel van de toetslijst bestaat"}, false},
		{"schema's longer help", func(root string) []string { return []string{"schema", "--help"} }, ExitOK,
			[]string{"Save them in one folder"}, []string{"Bewaar ze\nin één map"}, false},
		{"due's list", func(root string) []string { return []string{"due", "--as-of", "2026-11-24"} }, ExitOK,
			[]string{"Due as of 2026-11-24 (window "}, []string{"Af te handelen per 2026-11-24 (termijn "}, false},
		{"a build into the register's record folder", func(root string) []string { return []string{"build", "--out", root + "/sensors"} }, ExitError,
			[]string{"sensors is the register's record folder", "write the output outside sensors/ and algorithms/"},
			[]string{"sensors is de map met registraties", "schrijf de uitvoer buiten sensors/ en algorithms/"}, false},
		{"findings and summary", func(root string) []string { return []string{"check"} }, ExitOK,
			[]string{"1 record, no problems found"},
			[]string{"1 registratie, geen problemen gevonden"}, false},
	}
	for _, src := range languageSources {
		for _, c := range commands {
			t.Run(src.name+"/"+c.name, func(t *testing.T) {
				setLocale(t, src.env)
				config := checkConfig
				if src.languages != "" {
					config += "languages: " + src.languages + "\n"
				}
				root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": config})
				args := c.args(root)
				if !hasFlag(args, "--root") {
					args = append(args, "--root="+root)
				}
				if src.flag != "" {
					args = append(args, "--lang", src.flag)
				}
				out, errOut, code := run(t, args...)
				if code != c.code {
					t.Errorf("%v: exit %d, want %d\n%s%s", args, code, c.code, out, errOut)
				}
				lang := src.want
				if c.bare {
					lang = src.bare
				}
				want, other := c.en, c.nl
				if lang == message.Dutch {
					want, other = c.nl, c.en
				}
				for _, w := range want {
					if !strings.Contains(out+errOut, w) {
						t.Errorf("%v: output lacks %q:\n%s%s", args, w, out, errOut)
					}
				}
				for _, w := range other {
					if strings.Contains(out+errOut, w) {
						t.Errorf("%v: output in the other language, %q:\n%s%s", args, w, out, errOut)
					}
				}
			})
		}
	}
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag || strings.HasPrefix(a, flag+"=") {
			return true
		}
	}
	return false
}

// A --lang that is neither nl nor en is a usage error for every command,
// said in the language the run would otherwise speak.
func TestBadLangIsAUsageError(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{nil, `register: --lang "fr": use nl or en`},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, `register: --lang "fr": kies nl of en`},
	} {
		setLocale(t, tt.env)
		root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": validSensor})
		for _, args := range [][]string{{"rules"}, {"validate"}, {"schema", "sensor"}} {
			out, errOut, code := run(t, append(args, "--root", root, "--lang", "fr")...)
			if code != ExitError || !strings.Contains(errOut, tt.want) {
				t.Errorf("%v with %v: exit %d, stderr %q; want exit 2 and %q\n%s", args, tt.env, code, errOut, tt.want, out)
			}
		}
	}
}

// What a command did, and the errors of the files it reads, in each
// language (--lang; the sources of the language are tested above).
func TestCommandsReportInBothLanguages(t *testing.T) {
	eachLanguage(t, []langCase{
		{"import csv, a dry run", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "sensoren.csv")
			if err := os.WriteFile(file, []byte(spreadsheet), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"import", "csv", file, "--dry-run"}
		}, ExitFindings,
			[]string{"--- would write ", "yaml (line 2)", "3 rows read, 1 record would be created (dry run: nothing written), 1 of them incomplete", "\n1 record, "},
			[]string{"--- zou schrijven: ", "yaml (regel 2)", "3 rijen gelezen, 1 registratie zou worden aangemaakt (proefrun: niets geschreven), waarvan 1 onvolledig", "\n1 registratie, "}},
		{"import csv of a file that does not exist", func(t *testing.T, root string) []string {
			return []string{"import", "csv", filepath.Join(root, "ontbreekt.csv")}
		}, ExitError,
			[]string{"ontbreekt.csv: stat ", "ontbreekt.csv: no such file or directory"},
			[]string{"ontbreekt.csv lezen: ", "ontbreekt.csv: dit bestand of deze map bestaat niet"}},
		{"import without a source", func(t *testing.T, root string) []string { return []string{"import"} }, ExitError,
			[]string{"import needs a source: register import csv FILE"},
			[]string{"import verwacht een bron: register import csv BESTAND"}},
		{"new", func(t *testing.T, root string) []string { return []string{"new", "sensor", "geluid-plein"} }, ExitOK,
			[]string{"created ", "geluid-plein.yaml", "next: replace every \"(vul in)\""},
			[]string{"aangemaakt: ", "geluid-plein.yaml", "volgende stap: vervang elke \"(vul in)\""}},
		{"new with an id in use", func(t *testing.T, root string) []string { return []string{"new", "sensor", "cam-markt"} }, ExitError,
			[]string{"already exists and is left unchanged"},
			[]string{"bestaat al en blijft ongewijzigd"}},
		{"init", func(t *testing.T, root string) []string {
			return []string{"init", filepath.Join(t.TempDir(), "nieuw"), "--organisation", "Gemeente Heidebeek"}
		}, ExitOK,
			[]string{"created ", "initialised an empty Git repository in", "next: read "},
			[]string{"aangemaakt: ", "lege Git-repository aangemaakt in", "volgende stap: lees "}},
		{"init without an organisation", func(t *testing.T, root string) []string { return []string{"init", t.TempDir()} }, ExitError,
			[]string{"init needs --organisation"},
			[]string{"init verwacht --organisation"}},
		{"schema of an unknown kind", func(t *testing.T, root string) []string { return []string{"schema", "camera"} }, ExitError,
			[]string{`no schema called "camera"`},
			[]string{`er is geen schema "camera"`}},
		{"a date that is none", func(t *testing.T, root string) []string { return []string{"check", "--as-of", "2026-13-01"} }, ExitError,
			[]string{`--as-of: "2026-13-01" is not a date in the form YYYY-MM-DD`},
			[]string{`--as-of: "2026-13-01" is geen datum in de vorm JJJJ-MM-DD`}},
		{"a duration that is none", func(t *testing.T, root string) []string { return []string{"due", "--within", "3 maanden"} }, ExitError,
			[]string{`--within: "3 maanden" is not an ISO 8601 duration such as P1Y, P6M or P90D`},
			[]string{`--within: "3 maanden" is geen ISO 8601-duur zoals P1Y, P6M of P90D`}},
		{"a notification received tomorrow", func(t *testing.T, root string) []string {
			return []string{"import", "notification", filepath.Join(root, "melding.yaml"), "--received", "2999-01-01"}
		}, ExitError,
			[]string{"--received 2999-01-01 is after today ("},
			[]string{"--received 2999-01-01 ligt na vandaag ("}},
		{"a catalogue without the site's address", func(t *testing.T, root string) []string { return []string{"export", "--format", "dcat"} }, ExitError,
			[]string{"the DCAT catalogue needs the public site's address: set site.base_url"},
			[]string{"de DCAT-catalogus heeft het adres van de openbare site nodig: zet site.base_url"}},
		{"a sign without the site's address", func(t *testing.T, root string) []string {
			return []string{"sign", "cam-markt", "--out", filepath.Join(t.TempDir(), "bord.pdf")}
		}, ExitError,
			[]string{"register.yaml has no site.base_url: set it to where the site is published"},
			[]string{"register.yaml heeft geen site.base_url: zet daar het adres waar de site staat"}},
		{"a file outside the register", func(t *testing.T, root string) []string {
			return []string{"validate", filepath.Join(t.TempDir(), "elders.yaml")}
		}, ExitError,
			[]string{"elders.yaml is not inside the register "},
			[]string{"elders.yaml staat niet in het register "}},
		{"explain a typo", func(t *testing.T, root string) []string { return []string{"explain", "signge"} }, ExitError,
			[]string{`unknown rule "signge"; did you mean signage?`},
			[]string{`onbekende regel "signge"; bedoelt u signage?`}},
		{"build", func(t *testing.T, root string) []string {
			return []string{"build", "--as-of", "2026-11-24", "--out", filepath.Join(t.TempDir(), "site")}
		}, ExitOK,
			[]string{"Built ", " pages, ", "files changed.", "register: warning: site.base_url is empty in register.yaml"},
			[]string{" gebouwd: ", " pagina's, ", "bestanden gewijzigd.", "register: waarschuwing: site.base_url is leeg in register.yaml"}},
		{"packet", func(t *testing.T, root string) []string {
			return []string{"packet", "--as-of", "2026-11-24", "--out", filepath.Join(t.TempDir(), "stuk.md")}
		}, ExitOK,
			[]string{"wrote ", "stuk.md (md): "},
			[]string{"stuk.md geschreven (md): "}},
		{"serve with a bad --poll", func(t *testing.T, root string) []string { return []string{"serve", "--poll", "0s"} }, ExitError,
			[]string{"--poll must be positive"},
			[]string{"--poll moet groter zijn dan nul"}},
		{"history outside Git", func(t *testing.T, root string) []string { return []string{"history", "cam-markt"} }, ExitError,
			[]string{"no history available: the register at"},
			[]string{"geen geschiedenis beschikbaar: het register in"}},
		{"explain a legal rule", func(t *testing.T, root string) []string { return []string{"explain", "biometric-ban"} }, ExitOK,
			[]string{"biometric-ban: No biometric surveillance\nGeen biometrische surveillance\n", "Principle: VNG 2.1\nBasis\n  law for",
				"Severity:  error", "A duty that follows from law cannot be switched off", "\nWhy\n", "\nWhat satisfies it\n", "\nExample\n"},
			[]string{"biometric-ban: Geen biometrische surveillance\nNo biometric surveillance\n", "Principe: VNG 2.1\nGrondslag\n  wet voor",
				"Ernst:    error", "Een plicht die uit de wet volgt, kan niet", "\nWat eraan voldoet\n", "\nVoorbeeld\n"}},
		{"explain what satisfies a rule", func(t *testing.T, root string) []string { return []string{"explain", "signage"} }, ExitOK,
			[]string{"\nWhat satisfies it\n  A public-order camera, a camera that processes personal data,"},
			[]string{"\nWat eraan voldoet\n  Een camera voor de openbare orde, een camera die persoonsgegevens verwerkt"}},
		{"explain a rule whose example has a comment", func(t *testing.T, root string) []string { return []string{"explain", "camera-regime"} }, ExitOK,
			[]string{"camera_regime: public_order   # the mayor's camera surveillance under Gemeentewet 151c"},
			[]string{"camera_regime: public_order   # cameratoezicht door de burgemeester onder Gemeentewet 151c"}},
		{"explain a rule the configuration lowered", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "register.yaml"), "rules:\n  security-audit: {severity: off, reason: De regio auditeert.}\n")
			return []string{"explain", "security-audit"}
		}, ExitOK,
			[]string{"Severity:  off (default warning, changed in register.yaml or the environment)"},
			[]string{"Ernst:    off (standaard warning, gewijzigd in register.yaml of de omgeving)"}},
		{"quality", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "register.yaml"), "rules:\n  security-audit: {severity: off, reason: De regio auditeert.}\n")
			return []string{"quality", "--as-of", "2026-11-24"}
		}, ExitOK,
			[]string{"Register quality on 2026-11-24: 1 record", "Fill rate per field", "Records without findings, per principle",
				"Not changed in over a term (P4Y)", "not known: the register is not in a Git repository with its full history",
				"Evaluations overdue", "Rules switched off or lowered", "; reason: De regio auditeert.", "Placeholders\n  none"},
			[]string{"Kwaliteit van het register op 2026-11-24: 1 registratie", "Vulgraad per veld", "Registraties zonder bevindingen, per principe",
				"Niet gewijzigd in meer dan een bestuursperiode (P4Y)", "niet bekend: het register staat niet in een Git-repository met de volledige geschiedenis",
				"Evaluaties te laat", "Regels uitgezet of verlaagd", "; reden: De regio auditeert.", "Invulteksten\n  geen"}},
		{"compare national", func(t *testing.T, root string) []string {
			return []string{"compare", "national", nationalFile(t, root), "--organisation", "Gemeente Proef"}
		}, ExitOK,
			[]string{"National algorithm register: 2 entries of Gemeente Proef; here: 1 public algorithms", "Missing nationally (0): public here, no entry there",
				"Registered nationally but not here (1)", "In both (1), 1 with differences", "parkeren = national 101", "here:     Parkeervergunning toetsen", "national: Parkeren"},
			[]string{"Landelijk Algoritmeregister: 2 items van Gemeente Proef; hier: 1 openbare algoritmes", "Ontbreekt landelijk (0): hier openbaar, daar geen item",
				"Landelijk geregistreerd, maar hier niet (1)", "In beide (1), waarvan 1 met verschillen", "parkeren = landelijk 101", "hier:      Parkeervergunning toetsen", "landelijk: Parkeren"}},
		{"compare national with a file that does not exist", func(t *testing.T, root string) []string {
			return []string{"compare", "national", filepath.Join(root, "geen.json")}
		}, ExitError,
			[]string{"register: read ", "geen.json: no such file or directory"},
			[]string{"geen.json lezen: ", "geen.json: dit bestand of deze map bestaat niet"}},
		{"compare national with a folder for a file", func(t *testing.T, root string) []string {
			return []string{"compare", "national", filepath.Join(root, "sensors")}
		}, ExitError,
			[]string{"sensors is a folder; give the file of the national register's entries (JSON)"},
			[]string{"sensors is een map; geef het bestand met de items van het landelijke register (JSON)"}},
		{"federate without a base_url", func(t *testing.T, root string) []string {
			fed := filepath.Join(t.TempDir(), "federation.yaml")
			appendFile(t, fed, "registers:\n  - {organisation: Gemeente A, code: GM0001, source: "+root+"}\n")
			return []string{"federate", fed, "--out", filepath.Join(t.TempDir(), "landelijk")}
		}, ExitOK,
			[]string{"register: no DCAT catalogue: set base_url in federation.yaml (the national site's address) to publish one"},
			[]string{"register: geen DCAT-catalogus: zet base_url in federation.yaml (het adres van de landelijke site) om er een te publiceren"}},
		{"a build into a folder that is no site", func(t *testing.T, root string) []string {
			dir := filepath.Join(t.TempDir(), "docs")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			appendFile(t, filepath.Join(dir, "notes.txt"), "mine\n")
			return []string{"build", "--out", dir}
		}, ExitError,
			[]string{"docs is not empty and was not built by register; choose another --out"},
			[]string{"docs is niet leeg en is niet door register gebouwd; kies een andere --out"}},
		{"validate a record that does not follow the schema", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "sensors", "cam-markt.yaml"), "nmae: Camera\nquantity: veel\n")
			return []string{"validate"}
		}, ExitFindings,
			[]string{`unknown field "nmae"`, `did you mean "name"?`, "quantity must be a whole number, not text", "write a number without quotes"},
			[]string{`onbekend veld "nmae"`, `bedoelt u "name"?`, "quantity moet een geheel getal zijn, niet tekst", "schrijf een getal zonder aanhalingstekens"}},
		{"check a record that does not follow the schema", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "sensors", "cam-markt.yaml"), "status2: actief\n")
			return []string{"check"}
		}, ExitFindings,
			[]string{`unknown field "status2"`, `did you mean "status"?`},
			[]string{`onbekend veld "status2"`, `bedoelt u "status"?`}},
		{"check a register with a record copied under another name", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "sensors", "cam-kopie.yaml"), checkCamera)
			return []string{"check"}
		}, ExitFindings,
			[]string{`id "cam-markt" does not match the file name "cam-kopie.yaml"`, "set id: cam-kopie",
				`id "cam-markt" is already used by sensors/cam-markt.yaml`, "ids are unique across the register"},
			[]string{`id "cam-markt" past niet bij de bestandsnaam "cam-kopie.yaml"`, "zet id: cam-kopie",
				`id "cam-markt" is al in gebruik door sensors/cam-markt.yaml`, "een id komt maar één keer voor in het register"}},
		{"validate a file that is not YAML", func(t *testing.T, root string) []string {
			appendFile(t, filepath.Join(root, "sensors", "kapot.yaml"), "id: kapot\nname: [open\n")
			appendFile(t, filepath.Join(root, "sensors", "leeg.yaml"), "")
			return []string{"validate"}
		}, ExitFindings,
			[]string{"YAML syntax error: a '[' opened on this line is not closed", "file is empty", "write the record's fields, or remove the file"},
			[]string{"YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten", "bestand is leeg", "vul de velden van de registratie in"}},
		{"import csv of the national register's export without its map", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "algoritmes.csv")
			appendFile(t, file, "Algoritme-ID;Naam;Link naar algoritmeregister;Korte omschrijving\n12;Toeslag;https://x.example;Kort.\n;;;\n")
			return []string{"import", "csv", file, "--kind", "algorithm", "--dry-run"}
		}, ExitFindings,
			[]string{`column "Algoritme-ID" is not a field of the record format and is left out; its text on line 2 is not imported`,
				"try --map algoritmeregister-csv", "line 3 is blank and skipped"},
			[]string{`kolom "Algoritme-ID" is geen veld van het registratieformaat en wordt weggelaten; de tekst op regel 2 wordt niet geïmporteerd`,
				"probeer --map algoritmeregister-csv", "regel 3 is leeg en overgeslagen"}},
		{"import csv with a ready-made map's notes", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "algoritmes.csv")
			appendFile(t, file, "Algoritme-ID;Naam;Risicobeheer;Begindatum\n12;Toeslag;Controle.;1-1-25\n")
			return []string{"import", "csv", file, "--kind", "algorithm", "--map", "algoritmeregister-csv", "--dry-run"}
		}, ExitFindings,
			[]string{"the standard's Risicobeheer is one text; it is kept whole as risks.mitigations",
				`"1-1-25" has a two-digit year; write the year in full; the row is skipped`},
			[]string{"Risicobeheer is in de standaard één tekst; die wordt in zijn geheel overgenomen als risks.mitigations",
				`"1-1-25" heeft een jaartal van twee cijfers; schrijf het jaar voluit; de rij wordt overgeslagen`}},
		{"export to the national register of a record it cannot take", func(t *testing.T, root string) []string {
			data, err := os.ReadFile(filepath.Join("..", "export", "testdata", "register", "algorithms", "oud-model.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(root, "algorithms"), 0o755); err != nil {
				t.Fatal(err)
			}
			appendFile(t, filepath.Join(root, "algorithms", "oud-model.yaml"), string(data))
			return []string{"export", "--format", "algoritmeregister", "--out", filepath.Join(t.TempDir(), "lars.json")}
		}, ExitFindings,
			[]string{"the national algorithm register requires contact_email, and the record gives no value for it"},
			[]string{"het landelijke algoritmeregister vereist contact_email, maar de registratie geeft daar geen waarde voor"}},
		{"a root that is no register", func(t *testing.T, root string) []string {
			if err := os.RemoveAll(filepath.Join(root, "sensors")); err != nil {
				t.Fatal(err)
			}
			return []string{"validate"}
		}, ExitError,
			[]string{"not a register: ", " has no sensors/ or algorithms/ folder; pass --root with the folder that holds them"},
			[]string{"geen register: ", " heeft geen map sensors/ of algorithms/; geef met --root de map op waarin die staan"}},
		{"new of a kind that is none", func(t *testing.T, root string) []string { return []string{"new", "camera", "cam-plein"} }, ExitError,
			[]string{`unknown kind "camera": use sensor or algorithm`},
			[]string{`onbekende soort "camera": kies sensor of algorithm`}},
		{"new with an id that breaks the rule", func(t *testing.T, root string) []string { return []string{"new", "sensor", "Cam_Plein"} }, ExitError,
			[]string{`"Cam_Plein" is not a valid id: it has capital letters; an id is 2 to 63 characters`},
			[]string{`"Cam_Plein" is geen geldig id: het bevat hoofdletters; een id is 2 tot 63 tekens`}},
		{"import csv of Amsterdam's template without its map", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "sensoren.csv")
			appendFile(t, file, "Referentie;Kies soort / type sensor;Latitude;Longitude\nS1;Geluidsensor;52,37;4,89\n")
			return []string{"import", "csv", file, "--kind", "sensor", "--dry-run"}
		}, ExitError,
			[]string{"no column gives the name (Naam) or id of the records; the headers match the ready-made map amsterdam-bulk: try --map amsterdam-bulk"},
			[]string{"geen kolom geeft de naam (Naam) of het id van de registraties; de kolomkoppen passen bij de kant-en-klare koppeling amsterdam-bulk: probeer --map amsterdam-bulk"}},
		{"import csv of an empty file", func(t *testing.T, root string) []string {
			file := filepath.Join(t.TempDir(), "leeg.csv")
			appendFile(t, file, "")
			return []string{"import", "csv", file, "--dry-run"}
		}, ExitError,
			[]string{"leeg.csv: the file is empty; it needs a header row and one row per record"},
			[]string{"leeg.csv lezen: het bestand is leeg; het heeft een rij met kolomkoppen nodig en een rij per registratie"}},
		{"migrate, a dry run", func(t *testing.T, root string) []string { return []string{"migrate", "--dry-run"} }, ExitOK,
			[]string{"1 record (1 in format v"},
			[]string{"1 registratie (1 in formaat v"}},
	}, func(t *testing.T, lang string, tt langCase, out string) {
		other := tt.en
		if lang == message.English {
			other = tt.nl
		}
		for _, w := range other {
			if strings.Contains(out, w) && !slices.Contains(tt.want(lang), w) {
				t.Errorf("output in the other language, %q:\n%s", w, out)
			}
		}
	})
}

// langCase is a command run in English and in Dutch on a small register:
// its exit code, and what it says in each language.
type langCase struct {
	name   string
	args   func(t *testing.T, root string) []string
	code   int
	en, nl []string
}

// want is what the case says in lang.
func (tt langCase) want(lang string) []string {
	if lang == message.Dutch {
		return tt.nl
	}
	return tt.en
}

// eachLanguage runs each case in each language and checks its exit code
// and that it says what it should in the run's language; more checks the
// output (standard output, then standard error) further.
func eachLanguage(t *testing.T, tests []langCase, more func(t *testing.T, lang string, tt langCase, out string)) {
	for _, lang := range []string{message.English, message.Dutch} {
		for _, tt := range tests {
			t.Run(lang+"/"+tt.name, func(t *testing.T) {
				root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
				args := append(tt.args(t, root), "--root", root, "--lang", lang)
				out, errOut, code := run(t, args...)
				if code != tt.code {
					t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
				}
				for _, w := range tt.want(lang) {
					if !strings.Contains(out+errOut, w) {
						t.Errorf("output lacks %q:\n%s%s", w, out, errOut)
					}
				}
				more(t, lang, tt, out+errOut)
			})
		}
	}
}

// build's checklist summary and its list of the rules the configuration
// switched off or lowered speak the run's language, the law included.
func TestBuildSummarySpeaksTheRunsLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang        string
		want, other []string
	}{
		{message.English, []string{
			"register: checklist: 1 record, ",
			"register: 2 rules switched off or lowered by the configuration (the site lists each with its reason):",
			"biometric-ban: off (default error), set in REGISTER_RULES_BIOMETRIC_BAN; only its policy part: for identifying people by their face, body or gait, live or after the fact, for emotion recognition at work and in education, and for biometric categorisation by race, political opinions, religion, sexual orientation and other sensitive traits it follows from law (GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g)) and still runs; no reason given",
			"security-audit: off (default warning), set in register.yaml:",
			"; reason: De regio auditeert het netwerk.",
		}, []string{"toetsing:", "registratie", "uitgezet", "standaard", "AVG"}},
		{message.Dutch, []string{
			"register: toetsing: 1 registratie, ",
			"register: 2 regels uitgezet of verlaagd door de instellingen (de site noemt bij elke regel de reden):",
			"biometric-ban: off (standaard error), ingesteld in REGISTER_RULES_BIOMETRIC_BAN; alleen het beleidsdeel: ",
			"volgt de regel uit de wet (AVG art. 9 lid 1",
			"en blijft gelden; geen reden gegeven",
			"security-audit: off (standaard warning), ingesteld in register.yaml:",
			"; reden: De regio auditeert het netwerk.",
		}, []string{"checklist:", " record,", "switched off", "default", "GDPR", "no reason"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			setLocale(t, nil)
			t.Setenv("REGISTER_RULES_BIOMETRIC_BAN", "off")
			root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera,
				"register.yaml": checkConfig + "rules:\n  security-audit: {severity: off, reason: De regio auditeert het netwerk.}\n"})
			_, stderr, code := run(t, "build", "--root", root, "--lang", tt.lang, "--out", filepath.Join(t.TempDir(), "public"))
			if code != ExitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			for _, want := range tt.want {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			for _, other := range tt.other {
				if strings.Contains(stderr, other) {
					t.Errorf("stderr holds %q of the other language:\n%s", other, stderr)
				}
			}
		})
	}
}

// appendFile adds text to the end of file, creating it when it is not
// there.
func appendFile(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// nationalFile adds an algorithm to the register at root and returns a
// file of the national register with two entries of its organisation: the
// same algorithm under another name, and one that is not in the register.
func nationalFile(t *testing.T, root string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, "algorithms"), 0o755); err != nil {
		t.Fatal(err)
	}
	appendFile(t, filepath.Join(root, "algorithms", "parkeren.yaml"), `id: parkeren
kind: algorithm
name: Parkeervergunning toetsen
summary: Toetst aanvragen.
status: active
national_register: {id: "101"}
`)
	file := filepath.Join(t.TempDir(), "algoritmes.json")
	appendFile(t, file, `[{"id": "101", "title": "Parkeren", "organisatie": "Gemeente Proef", "status": "in_gebruik"},
 {"id": "102", "title": "Alleen daar", "organisatie": "Gemeente Proef", "status": "in_gebruik"}]`)
	return file
}

// A list too long to show whole shows its first names and counts the
// rest, in the run's language.
func TestShortList(t *testing.T) {
	tests := []struct {
		names  []string
		en, nl string
	}{
		{[]string{"a"}, "a", "a"},
		{[]string{"a", "b", "c"}, "a, b, c", "a, b, c"},
		{[]string{"a", "b", "c", "d"}, "a, b, c and 1 more", "a, b, c en nog 1"},
		{[]string{"a", "b", "c", "d", "e", "f"}, "a, b, c and 3 more", "a, b, c en nog 3"},
	}
	for _, tt := range tests {
		if got := shortList(tt.names).In(message.English); got != tt.en {
			t.Errorf("%v in English: %q, want %q", tt.names, got, tt.en)
		}
		if got := shortList(tt.names).In(message.Dutch); got != tt.nl {
			t.Errorf("%v in Dutch: %q, want %q", tt.names, got, tt.nl)
		}
	}
}
