package packet

import (
	"strings"
	"testing"

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
