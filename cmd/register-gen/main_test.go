package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/federate"
	"github.com/voorbeeldstad/register/internal/testgen"
)

func TestRun(t *testing.T) {
	nonEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(nonEmpty, "keep.yaml"), []byte("id: keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring
		stderr     string // substring
		sensors    int    // files expected in sensors/ when code is 0
		algorithms int
	}{
		{"writes a register", []string{"-n", "10", "-seed", "3", "-out", "NEW"}, 0,
			"wrote 10 records (7 sensors, 3 algorithms)", "", 7, 3},
		{"zero records", []string{"-n", "0", "-out", "NEW"}, 0, "wrote 0 records", "", 0, 0},
		{"refuses a non-empty folder", []string{"-n", "5", "-out", nonEmpty}, 2, "", "is not empty", 0, 0},
		{"needs -out", []string{"-n", "5"}, 2, "", "-out is required", 0, 0},
		{"negative -n", []string{"-n", "-4", "-out", "NEW"}, 2, "", "-n must be 0 or more", 0, 0},
		{"stray argument", []string{"-out", "NEW", "extra"}, 2, "", `unexpected argument "extra"`, 0, 0},
		{"unknown flag", []string{"-x"}, 2, "", "flag provided but not defined", 0, 0},
		{"help", []string{"-h"}, 0, "", "usage: register-gen", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "reg")
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "NEW", out)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
			if tt.code != 0 || !slices.Contains(args, out) {
				return
			}
			for folder, want := range map[string]int{"sensors": tt.sensors, "algorithms": tt.algorithms} {
				entries, err := os.ReadDir(filepath.Join(out, folder))
				if err != nil {
					t.Fatal(err)
				}
				if len(entries) != want {
					t.Errorf("%s/ holds %d files, want %d", folder, len(entries), want)
				}
			}
			if _, err := os.Stat(filepath.Join(out, "register.yaml")); err != nil {
				t.Errorf("no register.yaml: %v", err)
			}
		})
	}
	if entries, _ := os.ReadDir(nonEmpty); len(entries) != 1 {
		t.Errorf("the refused folder now holds %d entries, want 1", len(entries))
	}
}

func TestRunFederation(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	nonEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(nonEmpty, "keep.yaml"), []byte("id: keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"writes a federation", []string{"federation", "-municipalities", "4", "-records", "60", "-seed", "2", "-out", "NEW"}, 0,
			"wrote 4 registers with 60 records", ""},
		{"double dashes", []string{"federation", "--municipalities", "2", "--records", "9", "--out", "NEW"}, 0,
			"register federate " + filepath.Join("NEW", "federation.yaml"), ""},
		{"no records", []string{"federation", "-municipalities", "3", "-records", "0", "-out", "NEW"}, 0,
			"wrote 3 registers with 0 records", ""},
		{"needs -out", []string{"federation", "-municipalities", "3"}, 2, "", "-out is required"},
		{"no municipalities", []string{"federation", "-municipalities", "0", "-out", "NEW"}, 2, "",
			"-municipalities must be from 1 to 9999 (a CBS code has four digits), not 0"},
		{"more than four digits", []string{"federation", "-municipalities", "10000", "-out", "NEW"}, 2, "", "not 10000"},
		{"negative records", []string{"federation", "-records", "-1", "-out", "NEW"}, 2, "", "-records must be 0 or more, not -1"},
		{"not a number", []string{"federation", "-records", "1e6", "-out", "NEW"}, 2, "", `invalid value "1e6" for flag -records`},
		{"refuses a non-empty folder", []string{"federation", "-municipalities", "2", "-records", "4", "-out", nonEmpty}, 2, "", "is not empty"},
		{"refuses a file", []string{"federation", "-out", file}, 2, "", "is a file, not a folder"},
		{"stray argument", []string{"federation", "-out", "NEW", "342"}, 2, "", `unexpected argument "342"`},
		{"flag of the other mode", []string{"federation", "-n", "5", "-out", "NEW"}, 2, "", "flag provided but not defined: -n"},
		{"help", []string{"federation", "-h"}, 0, "", "usage: register-gen federation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "fed")
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "NEW", out)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if want := strings.ReplaceAll(tt.stdout, "NEW", out); !strings.Contains(stdout.String(), want) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), want)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
			if tt.code != 0 {
				if _, err := os.Stat(out); err == nil {
					t.Errorf("a refused run wrote %s", out)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(nonEmpty); len(entries) != 1 {
		t.Errorf("the refused folder now holds %d entries, want 1", len(entries))
	}
}

// TestFederationLoads checks that what the command writes is the federation
// testgen.WriteFederation writes for the same arguments, file for file, and
// that federation.yaml lists every register with its records.
func TestFederationLoads(t *testing.T) {
	out := filepath.Join(t.TempDir(), "fed")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"federation", "-municipalities", "5", "-records", "120", "-seed", "7", "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := filepath.Join(t.TempDir(), "want")
	ms := testgen.Federation(5, 120)
	if err := testgen.WriteFederation(want, ms, 7); err != nil {
		t.Fatal(err)
	}
	if got, exp := tree(t, out), tree(t, want); !maps.Equal(got, exp) {
		t.Errorf("the command wrote %d files that differ from WriteFederation's %d", len(got), len(exp))
	}

	f, err := federate.LoadConfig(filepath.Join(out, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Members) != len(ms) {
		t.Fatalf("federation.yaml lists %d registers, want %d", len(f.Members), len(ms))
	}
	sum := 0
	for i, m := range f.Members {
		if m.Code != ms[i].Code || m.Province != ms[i].Province {
			t.Errorf("register %d is %s in %s, want %s in %s", i, m.Code, m.Province, ms[i].Code, ms[i].Province)
		}
		files, err := testgen.RecordFiles(filepath.Join(out, m.Source))
		if err != nil || len(files) != ms[i].Records {
			t.Errorf("%s: %d record files (%v), want %d", m.Code, len(files), err, ms[i].Records)
		}
		sum += len(files)
	}
	if sum != 120 {
		t.Errorf("%d records in all, want 120", sum)
	}
}

// tree maps each file under root, by its path inside root, to its content.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
