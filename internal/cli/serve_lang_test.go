package cli

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

// lockedBuffer is a bytes.Buffer that the server's goroutine writes while
// the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serve says where it serves in the run's language, and the address is
// the same URL in both, so a script that reads it needs no language.
func TestServeSaysWhereInTheRunsLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang, want, other string
	}{
		{message.English, "Serving the register at http://127.0.0.1:", "Het register is te zien op"},
		{message.Dutch, "Het register is te zien op http://127.0.0.1:", "Serving the register at"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			setLocale(t, nil)
			root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
			var out, errOut lockedBuffer
			a := &App{Out: &out, Err: &errOut, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "test"}
			args := []string{"serve", "--root", root, "--lang", tt.lang, "--addr", "127.0.0.1:0", "--as-of", "2026-11-24"}
			a.scanGlobal(args)
			a.ui()
			cmd := NewRootCmd(a)
			cmd.SetArgs(args)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- cmd.ExecuteContext(ctx) }()
			deadline := time.After(30 * time.Second)
		wait:
			for !strings.Contains(out.String(), "/ (") {
				select {
				case err := <-done:
					cancel()
					t.Fatalf("serve stopped: %v\n%s%s", err, out.String(), errOut.String())
				case <-deadline:
					break wait
				case <-time.After(20 * time.Millisecond):
				}
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v\n%s", err, errOut.String())
			}
			got := out.String()
			if !strings.Contains(got, tt.want) || strings.Contains(got, tt.other) {
				t.Errorf("--lang %s: stdout\n%s\nwant %q and not %q", tt.lang, got, tt.want, tt.other)
			}
		})
	}
}

// The preview's pages show the register's load errors in the run's
// language: the heading, each finding's own Dutch where it has one, and
// the count of those left out.
func TestServeShowsLoadProblemsInTheRunsLanguage(t *testing.T) {
	bad := finding.Finding{File: "sensors/x.yaml", Line: 3, Column: 1, Severity: finding.Error,
		Message: label.Text{"het id is niet gelijk aan de bestandsnaam", "id does not match the file name"}}
	englishOnly := finding.Finding{File: "sensors/y.yaml", Line: 2, Severity: finding.Error, Message: label.Text{"", "did not find expected key"}}
	warning := finding.Finding{File: "sensors/z.yaml", Severity: finding.Warning, Message: label.Text{"een waarschuwing", "a warning"}}
	many := make([]finding.Finding, 23)
	for i := range many {
		many[i] = bad
	}
	schema := schemaFindings(t, "id: x\nkind: sensor\nnaam: X\n")
	for _, tt := range []struct {
		name     string
		findings []finding.Finding
		lang     string
		want     []string
		not      []string
	}{
		{"none", nil, message.Dutch, nil, []string{"register serve"}},
		{"only a warning", []finding.Finding{warning}, message.Dutch, nil, []string{"register serve"}},
		{"English", []finding.Finding{bad, englishOnly, warning}, message.English,
			[]string{"register serve: the register has errors; records that could not be read are missing:\nsensors/x.yaml:3:1: id does not match the file name\nsensors/y.yaml:2: did not find expected key"},
			[]string{"fouten", "warning"}},
		{"Dutch", []finding.Finding{bad, englishOnly, warning}, message.Dutch,
			[]string{"register serve: het register heeft fouten; registraties die niet konden worden gelezen ontbreken:\nsensors/x.yaml:3:1: het id is niet gelijk aan de bestandsnaam\nsensors/y.yaml:2: did not find expected key"},
			[]string{"has errors", "waarschuwing"}},
		{"a schema finding in English", schema, message.English,
			[]string{`sensors/x.yaml:3:1: unknown field "naam"`, "sensors/x.yaml:1:1: missing required fields "}, []string{"onbekend veld", "verplichte velden"}},
		{"a schema finding in Dutch", schema, message.Dutch,
			[]string{`sensors/x.yaml:3:1: onbekend veld "naam"`, "sensors/x.yaml:1:1: verplichte velden "}, []string{"unknown field", "missing required"}},
		{"more than twenty in English", many, message.English, []string{"\n... and 3 more; run 'register validate' for all"}, []string{"en nog"}},
		{"more than twenty in Dutch", many, message.Dutch, []string{"\n... en nog 3; voer 'register validate' uit voor alle"}, []string{"and 3 more"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := loadProblems(&load.Result{Findings: tt.findings}, tt.lang)
			if len(tt.want) == 0 && got != "" {
				t.Errorf("got %q, want nothing", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got\n%s\nwant %q", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("got\n%s\nwant no %q", got, n)
				}
			}
			if strings.Count(got, "\n") > 21 {
				t.Errorf("%d lines, want at most 22", strings.Count(got, "\n")+1)
			}
		})
	}
}

// schemaFindings validates text as sensors/x.yaml against the sensor schema.
func schemaFindings(t *testing.T, text string) []finding.Finding {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := source.Parse("sensors/x.yaml", []byte(text), source.DefaultLimits)
	if fs != nil {
		t.Fatalf("parse: %v", fs)
	}
	return v.Validate(doc, record.Sensor)
}
