package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteOutputWritesWholeOutputsOnly: an output that fails part of the
// way reaches neither standard output nor the file it was to replace; a
// whole one reaches either as written.
func TestWriteOutputWritesWholeOutputsOnly(t *testing.T) {
	failing := errors.New("failed half way")
	tests := []struct {
		name string
		err  error
		want string // what standard output or the file holds after
	}{
		{"whole", nil, "first half, second half"},
		{"failed", failing, ""},
	}
	for _, tt := range tests {
		write := func(w io.Writer) error {
			io.WriteString(w, "first half")
			if tt.err != nil {
				return tt.err
			}
			_, err := io.WriteString(w, ", second half")
			return err
		}
		t.Run(tt.name+" to standard output", func(t *testing.T) {
			var out bytes.Buffer
			a := &App{Out: &out}
			if err := a.writeOutput("", write); !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if out.String() != tt.want {
				t.Errorf("standard output holds %q, want %q", out.String(), tt.want)
			}
		})
		t.Run(tt.name+" to a file", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			a := &App{}
			if err := a.writeOutput(path, write); !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if got, _ := os.ReadFile(path); string(got) != tt.want {
				t.Errorf("the file holds %q, want %q", got, tt.want)
			}
		})
	}
}
