package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
