package csvcell

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestSafe(t *testing.T) {
	tests := []struct{ in, out string }{
		{"=HYPERLINK(\"http://evil.example\",\"klik\")", "'=HYPERLINK(\"http://evil.example\",\"klik\")"},
		{"+31 20 123 4567", "'+31 20 123 4567"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'=1", "''=1"},
		{"''-x", "'''-x"},
		{"-4.5", "-4.5"},                         // a number stays a number
		{"-12", "-12"},                           //
		{"'s-Hertogenbosch", "'s-Hertogenbosch"}, // an apostrophe before text is the text
		{"Markt = plein", "Markt = plein"},
		{"", ""},
		{"'", "'"},
		{"-", "'-"},
	}
	for _, tt := range tests {
		if got := Safe(tt.in); got != tt.out {
			t.Errorf("Safe(%q) = %q, want %q", tt.in, got, tt.out)
		}
		if got := Plain(Safe(tt.in)); got != tt.in {
			t.Errorf("Plain(Safe(%q)) = %q, want the text back", tt.in, got)
		}
	}
}

func TestWriterRoundTrip(t *testing.T) {
	rows := [][]string{{"id", "naam"}, {"=cmd|' /C calc'!A0", "@x"}, {"-1", "+ 'x"}}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != "=cmd|' /C calc'!A0" {
		t.Error("Write changed the caller's row")
	}
	if !strings.Contains(buf.String(), "\r\n") {
		t.Error("rows do not end in CRLF")
	}
	got, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		for j, c := range r {
			if c != "" && (c[0] == '=' || c[0] == '+' || c[0] == '@') {
				t.Errorf("cell %d,%d %q starts a formula", i, j, c)
			}
			if Plain(c) != rows[i][j] {
				t.Errorf("cell %d,%d read back as %q, want %q", i, j, Plain(c), rows[i][j])
			}
		}
	}
}

// FuzzSafe pins that no made-safe cell starts a formula and every one reads
// back as written.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "-1", "'s-Hertogenbosch", "\t", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Safe(s)
		if c != "" && trigger(c[0]) && !number.MatchString(c) {
			t.Fatalf("Safe(%q) = %q starts a formula", s, c)
		}
		if Plain(c) != s {
			t.Fatalf("Plain(Safe(%q)) = %q", s, Plain(c))
		}
	})
}
