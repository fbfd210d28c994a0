package format

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

var numbers = Set[int]{
	{Name: "decimal", Exts: []string{".txt", ".text"}, Write: func(w io.Writer, n int) error { _, err := fmt.Fprintf(w, "%d", n); return err }},
	{Name: "hex", Exts: []string{".hex"}, Write: func(w io.Writer, n int) error { _, err := fmt.Fprintf(w, "%x", n); return err }},
	{Name: "octal", Write: func(w io.Writer, n int) error { _, err := fmt.Fprintf(w, "%o", n); return err }},
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name, want, err string
	}{
		{"decimal", "255", ""},
		{"hex", "ff", ""},
		{"octal", "377", ""},
		{"HEX", "", `unknown format "HEX": use decimal, hex or octal`},
		{"", "", `unknown format "": use decimal, hex or octal`},
	}
	for _, tt := range tests {
		f, err := numbers.Lookup(tt.name)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Lookup(%q) = %v, want error %q", tt.name, err, tt.err)
			}
			continue
		}
		var b bytes.Buffer
		if err != nil || f.Write(&b, 255) != nil || b.String() != tt.want {
			t.Errorf("Lookup(%q) wrote %q, %v; want %q", tt.name, b.String(), err, tt.want)
		}
	}
}

func TestForFile(t *testing.T) {
	tests := []struct{ path, want, err string }{
		{"uit/getal.txt", "decimal", ""},
		{"GETAL.TEXT", "decimal", ""},
		{"getal.hex", "hex", ""},
		{"getal.oct", "", "getal.oct: the extension says the format: use .txt or .hex"},
		{"getal", "", "use .txt or .hex"},
	}
	for _, tt := range tests {
		f, err := numbers.ForFile(tt.path)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ForFile(%q) = %v, want error %q", tt.path, err, tt.err)
		case tt.err == "" && (err != nil || f.Name != tt.want):
			t.Errorf("ForFile(%q) = %q, %v; want %q", tt.path, f.Name, err, tt.want)
		}
	}
}

func TestChoices(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"text"}, "text"},
		{[]string{"text", "json"}, "text or json"},
		{[]string{"text", "json", "github", "sarif", "junit"}, "text, json, github, sarif or junit"},
	}
	for _, tt := range tests {
		if got := Choices(tt.in).String(); got != tt.want {
			t.Errorf("Choices(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := numbers.Choices().String(); got != "decimal, hex or octal" {
		t.Errorf("Set.Choices = %q", got)
	}
	if got := numbers.Choices().In("nl"); got != "decimal, hex of octal" {
		t.Errorf("Set.Choices in Dutch = %q", got)
	}
	// English for any language but Dutch, as a message.Text is worded.
	if got := numbers.Choices().In(""); got != "decimal, hex or octal" {
		t.Errorf("Set.Choices in no language = %q", got)
	}
}
