package packet

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

func TestWrap(t *testing.T) {
	font, err := newPDFFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	d := &pdfDoc{p: &Packet{L: nl}, fonts: map[string]*pdfFont{fontRegular: font}}
	url := "https://www.voorbeeldstad.example/" + strings.Repeat("bekendmakingen-", 12) + "besluit.pdf"
	tests := []struct {
		name, text string
		width      float64
		lines      int // 0: more than one, checked by the invariants only
	}{
		{"fits", "Geluidsmeter café Ëlla", 300, 1},
		{"words wrap", strings.Repeat("woord ", 40), 100, 0},
		{"own line breaks and a blank line", "eerste regel\n\nderde regel", 300, 3},
		{"a word wider than the line", "zie " + url + " voor het besluit", 150, 0},
		{"only spaces", "   ", 100, 1},
		{"control characters", "a\tb\x00c", 300, 1},
	}
	for _, tt := range tests {
		lines := d.wrap(fontRegular, bodySize, tt.text, tt.width)
		if tt.lines > 0 && len(lines) != tt.lines {
			t.Errorf("%s: %d lines %q, want %d", tt.name, len(lines), lines, tt.lines)
		}
		if tt.lines == 0 && len(lines) < 2 {
			t.Errorf("%s: %q did not wrap", tt.name, lines)
		}
		for _, l := range lines {
			if w := d.width(l); w > tt.width+0.01 {
				t.Errorf("%s: line %q is %.1f wide, more than %.1f", tt.name, l, w, tt.width)
			}
		}
		// Nothing is lost but spacing.
		want := strings.Join(strings.Fields(d.clean(tt.text)), "")
		if got := strings.Join(strings.Fields(strings.Join(lines, "")), ""); got != want {
			t.Errorf("%s: text changed:\n%q\n%q", tt.name, got, want)
		}
	}
	if got := d.clean("emoji 🙂 en € en ë"); got != "emoji ? en € en ë" {
		t.Errorf("clean = %q", got)
	}
}

// TestWrapRemembers changes each part of what wrap remembers its lines
// by (font, size, width, text) and checks each answer is the lines of a
// wrap from scratch, also once the other answers are remembered, and
// when more texts than it keeps have come between.
func TestWrapRemembers(t *testing.T) {
	regular, err := newPDFFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	bold, err := newPDFFont("GoBold", gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	fonts := map[string]*pdfFont{fontRegular: regular, fontBold: bold}
	d := &pdfDoc{p: &Packet{L: nl}, fonts: fonts}
	text := strings.Repeat("Werken zoals nu, zonder hulpmiddel: lange wachttijden. ", 6)
	tests := []struct {
		name, font  string
		size, width float64
		text        string
	}{
		{"as is", fontRegular, bodySize, 200, text},
		{"another font", fontBold, bodySize, 200, text},
		{"another size", fontRegular, bodySize + 3, 200, text},
		{"another width", fontRegular, bodySize, 120, text},
		{"another text", fontRegular, bodySize, 200, text + " Nog een zin."},
	}
	fresh := func(font string, size float64, text string, width float64) []string {
		f := &pdfDoc{p: d.p, fonts: fonts}
		f.setFont(font, size)
		return f.wrapNew(text, width)
	}
	seen := map[string]string{}
	for round := range 3 {
		if round == 2 {
			for i := range wrappedMax + 1 {
				d.wrap(fontRegular, bodySize, strconv.Itoa(i), 200)
			}
		}
		for _, tt := range tests {
			got := d.wrap(tt.font, tt.size, tt.text, tt.width)
			if want := fresh(tt.font, tt.size, tt.text, tt.width); !slices.Equal(got, want) {
				t.Errorf("round %d, %s: %q, want %q", round, tt.name, got, want)
			}
			if d.font != fonts[tt.font] || d.size != tt.size {
				t.Errorf("round %d, %s: the font after wrap is not the one wrapped in", round, tt.name)
			}
			seen[strings.Join(got, "|")] = tt.name
		}
	}
	if len(seen) != len(tests) {
		t.Errorf("%d different wrappings of %d different keys: a key part changes nothing here, so the test proves nothing of it", len(seen), len(tests))
	}
	if len(d.wrapped) > wrappedMax {
		t.Errorf("wrap remembers %d texts, more than %d", len(d.wrapped), wrappedMax)
	}
}
