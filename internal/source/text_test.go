package source

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/message"
)

// Every finding of reading a file says in Dutch what is wrong and what to
// do, not the English again.
func TestEveryFindingHasDutch(t *testing.T) {
	tests := []struct {
		name string
		data string
		nl   []string // in the Dutch message and help
	}{
		{"empty file", "", []string{"bestand is leeg", "vul de velden"}},
		{"two documents", "id: a\n---\nid: b\n", []string{"meer dan één YAML-document", "scheidingsteken '---'"}},
		{"duplicate key", "id: a\nname: x\nid: b\n", []string{`sleutel "id" komt meer dan eens voor`, "haal de dubbele weg"}},
		{"integer key", "id: a\n1: x\n", []string{`sleutel "1" is geen tekst`, "aanhalingstekens"}},
		{"mapping as key", "? {a: 1}\n: x\n", []string{"sleutel (een mapping) is geen tekst"}},
		{"list as key", "? [a]\n: x\n", []string{"sleutel (een lijst) is geen tekst"}},
		{"merge key", "base: &b {x: 1}\nother:\n  <<: *b\n", []string{"samenvoegsleutels (<<)", "volledig uit"}},
		{"NaN", "quantity: .nan\n", []string{"NaN en oneindig zijn niet toegestaan", "eindig getal"}},
		{"text tagged as a number", "quantity: !!int abc\n", []string{"abc is geen geheel getal", "alleen cijfers"}},
		{"a number too large", "quantity: !!int 0x1ffffffffffffffffff\n", []string{"is te groot", "kleiner getal"}},
		{"NUL byte", "id: a\nname: b\x00c\n", []string{"NUL-byte", "UTF-8-tekst"}},
		{"invalid UTF-8", "id: a\nname: caf\xe9\n", []string{"geen geldige UTF-8", "codering"}},
		{"UTF-16 byte order mark", "\xff\xfei\x00d\x00", []string{"UTF-16", "sla het bestand op als UTF-8"}},
		{"unclosed bracket", "id: a\nname: [unclosed\nstatus: active\n", []string{"YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten"}},
		{"unclosed quote", "id: a\nname: \"unclosed\nstatus: active\n", []string{"YAML-syntaxfout: het bestand houdt onverwacht op", "verbeter de YAML-syntax"}},
		{"bad indentation", "id: a\nname: x\n  bad: indent\n", []string{"YAML-syntaxfout: hier mag geen 'sleutel: waarde' staan"}},
		{"tab indentation", "owner:\n\trole: x\n", []string{"YAML-syntaxfout: ", "geen tabs", "spaties"}},
		{"a list after a mapping", "a: b #c\n- d\n", []string{"YAML-syntaxfout: hier werd een sleutel verwacht"}},
		{"unknown anchor", "a: *x\n", []string{"YAML-syntaxfout: onbekend anker 'x' gebruikt"}},
		{"a bad escape", "name: \"a\\xZZ\"\n", []string{"YAML-syntaxfout: hier werd een hexadecimaal getal verwacht"}},
		{"a document marker in a quote", "name: \"a\n---\nb\"\n", []string{"YAML-syntaxfout: hier staat onverwacht een documentgrens"}},
		{"a tab before a list item", "name: a\n\t- b\n", []string{"YAML-syntaxfout: een tab verstoort hier de inspringing"}},
		{"block indentation 0", "name: |0\n  x\n", []string{"YAML-syntaxfout: de inspringing van een blok mag niet 0 zijn"}},
		{"an undefined tag handle", "name: !e!x y\n", []string{"YAML-syntaxfout: deze verkorte tag is nergens gedefinieerd"}},
		{"an unknown directive", "%FOO bar\n---\nid: a\n", []string{"YAML-syntaxfout: onbekende directive"}},
		{"another YAML version", "%YAML 2.0\n---\nid: a\n", []string{"YAML-syntaxfout: dit YAML-document is van een versie die niet gelezen kan worden"}},
		{"deep nesting", strings.Repeat("[", 40) + strings.Repeat("]", 40), []string{"dieper dan 32 niveaus", "inspringing"}},
		{"nesting past the parser's own limit", strings.Repeat("[", 10001), []string{"YAML-syntaxfout: de nesting is dieper dan 10000 niveaus"}},
		{"alias bomb", aliasBomb(), []string{"meer dan 1000 waarden", "ankers (&)"}},
		{"alias amplification", aliasAmplification(200, 900_000), []string{"meer dan 1048576 bytes tekst", "maak de verankerde waarde korter"}},
		{"too large", "name: " + strings.Repeat("x", 2<<20) + "\n", []string{"meer dan de grens van 1048576", "splits het bestand"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("sensors/x.yaml", []byte(tt.data), DefaultLimits)
			if len(fs) == 0 {
				t.Fatal("no finding")
			}
			f := fs[0]
			switch {
			case strings.TrimSpace(f.Message.In("nl")) == "", strings.TrimSpace(f.Help.In("nl")) == "":
				t.Fatalf("no Dutch: %q, %q (English %q)", f.Message.In("nl"), f.Help.In("nl"), f.Message.In("en"))
			case f.Message.In("nl") == f.Message.In("en"), f.Help.In("nl") == f.Help.In("en"):
				t.Errorf("the Dutch is the English: %q, %q", f.Message.In("nl"), f.Help.In("nl"))
			}
			for _, w := range tt.nl {
				if !strings.Contains(f.Message.In("nl")+"\n"+f.Help.In("nl"), w) {
					t.Errorf("Dutch lacks %q:\n%s\n%s", w, f.Message.In("nl"), f.Help.In("nl"))
				}
			}
		})
	}
}

// The English of a finding stays as it was: the parser's words after
// "YAML syntax error:", and the exported texts of an empty or large file.
func TestEnglishStaysTheParsers(t *testing.T) {
	_, fs := Parse("x.yaml", []byte("a: b #c\n- d\n"), DefaultLimits)
	if len(fs) != 1 || fs[0].Message.In("en") != "YAML syntax error: did not find expected key" {
		t.Errorf("%+v", fs)
	}
	_, fs = Parse("x.yaml", nil, DefaultLimits)
	if len(fs) != 1 || fs[0].Message.In("en") != MsgEmpty {
		t.Errorf("%+v", fs)
	}
	for w := range parserTexts {
		if parserTexts[w].In(message.English) != w {
			t.Errorf("%q is worded %q in English", w, parserTexts[w].In(message.English))
		}
	}
}
