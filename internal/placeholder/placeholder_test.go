package placeholder

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, org string
		r         record.Record
		want      []string // paths
	}{
		{"a clean record", "Gemeente Heidebeek", record.Record{Name: "Camera Markt", Owner: record.Owner{Email: "toezicht@heidebeek.nl"}}, nil},
		{"words, a mailbox and a position", "Gemeente Heidebeek", record.Record{Name: "Camera " + Fill, Owner: record.Owner{Email: Mailbox},
			Location: &record.Location{PointRD: &record.PointRD{X: OriginX, Y: OriginY}}}, []string{"/name", "/owner/email", "/location/point_rd"}},
		{"the documentation's town is its own", "Gemeente Voorbeeldstad", record.Record{Owner: record.Owner{Email: "a@www.voorbeeldstad.example"}}, nil},
		{"the documentation's town in another's register", "", record.Record{Organisation: record.Organisation{Name: "Gemeente Heidebeek"},
			Links: []record.Link{{URL: "https://www.voorbeeldstad.example/x"}}}, []string{"/links/0/url"}},
		{"the position in WGS84", "", record.Record{Location: &record.Location{Point: &record.Point{Lat: OriginLat, Lon: OriginLon}}}, []string{"/location/point"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(&tt.r, tt.org) {
				got = append(got, m.Path)
				if m.What.In("en") == "" || m.What.In("nl") == "" {
					t.Errorf("%s: no words for the mark", m.Path)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("marks at %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("marks at %v, want %v", got, tt.want)
				}
			}
		})
	}
	if Find(nil, "") != nil {
		t.Error("a nil record has marks")
	}
}

// TestInTextFolds compares inText, which folds a text only when it may
// hold a mark, with folding every text first.
func TestInTextFolds(t *testing.T) {
	reference := func(s, own string) (Mark, bool) {
		low := fold(s)
		for _, m := range textMarks {
			// The mark as a word of its own: not followed by a letter or digit.
			if regexp.MustCompile(regexp.QuoteMeta(m[1]) + `([^\pL\pN]|$)`).MatchString(low) {
				return Mark{What: label.Text{"de invultekst " + strconv.Quote(m[0]) + " uit het sjabloon", "the template's text " + strconv.Quote(m[0])}}, true
			}
		}
		for _, host := range exampleHost.FindAllString(low, -1) {
			labels := strings.Split(host, ".")
			domain := strings.Join(labels[len(labels)-2:], ".")
			if !slices.Contains(Domains, domain) || labels[len(labels)-2] == own {
				continue
			}
			return Mark{What: label.Text{"het voorbeeldadres " + strconv.Quote(domain) + " uit een sjabloon",
				"the example address " + strconv.Quote(domain) + " of a template"}}, true
		}
		return Mark{}, false
	}
	texts := []string{"", "Camera Markt", "Camera (VUL IN)", "Camera (vul İn)", "(Voorbeeld; de echte plek)", "(voorbeeld", "(voorbeeldproject x)", "(voorbeelden) (voorbeeld)",
		"info@VUL-IN.EXAMPLE", "https://www.Voorbeeldstad.Example/x", "a@gemeente.example.", "x.example", "(vul\u00a0in)",
		"mail privacy@voorbeeldstad.example of vul-in.example", "notvul-in.example", "VUL-İN.EXAMPLE", "\u212aamer (vul in)",
		"https://heidebeek.nl", "(", ".", "((vul in", "gemeente.exampled", "gemeente.example-x", "a.vul-in.example.nl",
		"(vul  in)", "(VUL\tIN)", "(vul\r\n in) ", " ( vul in)", "(vul", "(vul\n", "\uff08vul in\uff09", "(vul\u2028in)"}
	for _, own := range []string{"heidebeek", "voorbeeldstad", "vul-in", "gemeente"} {
		for _, s := range texts {
			got, gotOK := inText(s, own)
			want, wantOK := reference(s, own)
			if got != want || gotOK != wantOK {
				t.Errorf("inText(%q, %q) = %v %v, want %v %v", s, own, got, gotOK, want, wantOK)
			}
		}
	}
}

// A mark is found as a reader sees it: written with any run of white
// space between its words (two spaces, a tab, the line break of a literal
// block, U+2028, U+0085, a non-breaking space), with a soft hyphen or a
// zero-width space in it, as a word processor may, or in full-width or
// other compatibility forms.
func TestInTextReadsMarksAsTheyShow(t *testing.T) {
	for _, s := range []string{"(vul\u00a0in)", "(voor\u00adbeeld)", "(vul\u200b in)", "Camera (VUL\u2009IN)",
		"Doel (vul  in)", "(vul\tin)", "(vul\nin)", "Doel (vul\r\n   in)\n", "(vul\u2028in)", "(vul\u0085in)",
		"(vul \u200b\u3000 in)", "\uff08vul in\uff09", "\uff08\uff36\uff35\uff2c\u3000\uff29\uff2e\uff09", "\ufe59vul in\ufe5a",
		"\uff08voorbeeld; de echte plek)", "info@\uff56\uff55\uff4c-in\uff0eexample",
		"(voorbeeldproject) en (voorbeeld)", "(voorbeeld: de echte plek)", "Sluis (voorbeeld"} {
		if _, ok := inText(s, "heidebeek"); !ok {
			t.Errorf("inText(%q) finds no mark", s)
		}
	}
	// The example's mark is a word of its own: Dutch has words that
	// begin as it does.
	for _, s := range []string{"Doel vul in", "(vul-in)", "(vulin)", "(vul\u200bin)", "Camera (Markt)", "\u00e9\u00e9n (1)",
		"(voorbeeldproject Utrecht)", "(voorbeelden: fijnstof)", "(Voorbeeldstad)", "(voorbeeld2)"} {
		if m, ok := inText(s, "heidebeek"); ok {
			t.Errorf("inText(%q) finds %v", s, m.What)
		}
	}
}

// The search of an ordinary ASCII text, as most texts of a register are,
// allocates nothing: the checklist runs it over every text of every
// record.
func TestInTextOrdinaryTextAllocatesNothing(t *testing.T) {
	for _, s := range []string{"Camera Markt", "Telt fietsers op de Ijsselstraat. Zie https://heidebeek.nl/camera (ook 's nachts)."} {
		if n := testing.AllocsPerRun(100, func() { inText(s, "heidebeek") }); n != 0 {
			t.Errorf("inText(%q) allocates %v times", s, n)
		}
	}
}

// TestFindSearchesEveryText puts the template's words in every text of a
// record and expects a mark at each: a field the walk skipped would let a
// record with the template's words through to the public outputs.
func TestFindSearchesEveryText(t *testing.T) {
	var r record.Record
	fillTexts(reflect.ValueOf(&r).Elem(), "Camera "+Fill)
	var want []string
	var reference func(v reflect.Value, path []string)
	reference = func(v reflect.Value, path []string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				reference(v.Elem(), path)
			}
		case reflect.String:
			if v.Len() > 0 {
				want = append(want, source.JoinPointer(path...))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				reference(v.Index(i), append(path, strconv.Itoa(i)))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
				if name != "" && name != "-" && v.Type().Field(i).IsExported() {
					reference(v.Field(i), append(path, name))
				}
			}
		}
	}
	reference(reflect.ValueOf(r), nil)
	if len(want) < 50 {
		t.Fatalf("only %d texts filled: the filler misses fields", len(want))
	}
	var got []string
	for _, m := range Find(&r, "Gemeente Heidebeek") {
		got = append(got, m.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("marks at\n%v\nwant\n%v", got, want)
	}
}

// fillTexts sets every text in v to s, and makes every pointer and two of
// every list, so each text of the type is there.
func fillTexts(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillTexts(v.Elem(), s)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			fillTexts(v.Index(i), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillTexts(v.Field(i), s)
			}
		}
	}
}

// TestWalkerOfAnyType walks a type with what a record does not have (yet):
// a type that holds itself, a map, an interface and fields the walk skips.
func TestWalkerOfAnyType(t *testing.T) {
	type node struct {
		Name   string            `yaml:"name"`
		Kids   []*node           `yaml:"kids"`
		Tags   map[string]string `yaml:"tags"`
		Any    any               `yaml:"any"`
		Num    int               `yaml:"num"`
		Hidden string            `yaml:"-"`
		Plain  string
		quiet  string `yaml:"quiet"`
	}
	n := node{Name: "a", Kids: []*node{{Name: "b", Any: node{Name: "c"}}, nil, {Tags: map[string]string{"k": "d"}}},
		Any: "e", Num: 1, Hidden: "x", Plain: "x", quiet: "x"}
	var got []string
	walkerOf(reflect.TypeOf(n))(reflect.ValueOf(n), nil, func(path []string, s string) {
		got = append(got, source.JoinPointer(path...)+"="+s)
	})
	want := []string{"/name=a", "/kids/0/name=b", "/kids/0/any/name=c", "/kids/2/tags/k=d", "/any=e"}
	if !slices.Equal(got, want) {
		t.Errorf("walked %v, want %v", got, want)
	}
	_ = n.quiet
}

func TestIsASCII(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefg", "abcdefgh", "abcdefghi", strings.Repeat("x", 40)} {
		for i := 0; i <= len(s); i++ {
			if !isASCII(s) {
				t.Errorf("isASCII(%q) = false", s)
			}
			u := s[:i] + "é" + s[i:]
			if isASCII(u) {
				t.Errorf("isASCII(%q) = true", u)
			}
		}
	}
}
