package cli

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outputConfig is the register.yaml of the register the output tests
// write around: its bytes must survive every refused run.
const outputConfig = "site:\n  base_url: https://register.voorbeeldstad.example/\n"

// outputRegister makes a register with one record, a symlink to its
// configuration (link.yaml), one to its sensor folder (s), and a folder
// of the user's (dir).
func outputRegister(t *testing.T) string {
	t.Helper()
	root := writeRegister(t, map[string]string{
		"register.yaml":            outputConfig,
		"sensors/cam-station.yaml": lapsedCamera,
		"algorithms/.keep":         "",
		"dir/.keep":                "",
	})
	if err := os.Symlink("register.yaml", filepath.Join(root, "link.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink("sensors", filepath.Join(root, "s")); err != nil {
		t.Fatal(err)
	}
	return root
}

// snapshot is every file, folder and symlink under root with its bytes
// (a symlink: where it points).
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(p)
			files[rel] = "-> " + to
			return err
		case d.IsDir():
			files[rel] = "/"
		default:
			data, err := os.ReadFile(p)
			files[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestOutputRefusesToWriteOverTheRegister: a file or folder the user names
// for a command's output is refused (exit 2, before any work, the path
// named and what to do said) when it is the register's configuration, a
// record folder or in one, also through a symlink or "..", and when a
// folder a command replaces whole holds the register; a file named by a
// folder is refused as such. Nothing under the register changes.
func TestOutputRefusesToWriteOverTheRegister(t *testing.T) {
	const (
		config    = "would write over the register's configuration"
		inRecords = "is in the register's record folder"
		isRecords = "is the register's record folder"
		holds     = "holds the register's"
		isFolder  = "is a folder; name a file"
	)
	sep := string(filepath.Separator)
	tests := []struct {
		name string
		args []string // the command; {root} is the register
		flag string
		out  string // the output named, under the register
		want string
	}{
		{"export json over register.yaml", []string{"export", "--format", "json"}, "--out", "register.yaml", config},
		{"due ical over register.yaml", []string{"due", "--format", "ical"}, "--output", "register.yaml", config},
		{"export csv over a record", []string{"export", "--format", "csv", "--kind", "sensor"}, "--out", "sensors/cam-station.yaml", inRecords},
		{"quality over a record", []string{"quality", "--format", "json"}, "--output", "sensors/cam-station.yaml", inRecords},
		{"chain over register.yaml", []string{"chain", "BRP"}, "--output", "register.yaml", config},
		{"changes over register.yaml", []string{"changes", "--since", "2026-01-01"}, "--output", "register.yaml", config},
		{"compare over a record", []string{"compare", "national", "national.json"}, "--output", "sensors/cam-station.yaml", inRecords},
		{"packet as a new file in a record folder", []string{"packet"}, "--out", "algorithms/packet.md", inRecords},
		{"sign as a new file in a record folder", []string{"sign", "--all"}, "--out", "sensors/signs.pdf", inRecords},
		{"register.yaml through a symlink", []string{"export", "--format", "json"}, "--out", "link.yaml", config},
		{"a record through a symlinked folder", []string{"export", "--format", "json"}, "--out", "s" + sep + "cam-station.yaml", inRecords},
		{"register.yaml through ..", []string{"export", "--format", "json"}, "--out", "dir" + sep + ".." + sep + "register.yaml", config},
		{"a record through ..", []string{"due", "--format", "csv"}, "--output", "dir" + sep + ".." + sep + "sensors" + sep + "cam-station.yaml", inRecords},
		{"a record folder", []string{"due", "--format", "json"}, "--output", "sensors", isRecords},
		{"a folder of the user's", []string{"export", "--format", "json"}, "--out", "dir", isFolder},
		{"build into a record folder", []string{"build"}, "--out", "sensors" + sep + "site", inRecords},
		{"build over the register", []string{"build"}, "--out", ".", holds},
		{"federate over a record folder", []string{"federate", "federation.yaml"}, "--out", "algorithms", isRecords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := outputRegister(t)
			before := snapshot(t, root)
			out := root + sep + tt.out // as typed: not cleaned of ".."
			args := append(append([]string{"--root", root}, tt.args...), tt.flag, out)
			stdout, stderr, code := run(t, args...)
			if code != ExitError {
				t.Errorf("exit %d, want 2\nstdout %s\nstderr %s", code, stdout, stderr)
			}
			if want := tt.flag + " " + out + " "; !strings.Contains(stderr, want) || !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q\nwant %q and %q", stderr, want, tt.want)
			}
			after := snapshot(t, root)
			for p, was := range before {
				if after[p] != was {
					t.Errorf("%s changed: %.60q, was %.60q", p, after[p], was)
				}
			}
			for p := range after {
				if _, ok := before[p]; !ok {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
}

// TestOutputRefusalSpeaksDutch: the refusal is worded in the run's
// language, like every other message.
func TestOutputRefusalSpeaksDutch(t *testing.T) {
	root := outputRegister(t)
	out := filepath.Join(root, "register.yaml")
	_, stderr, code := run(t, "--lang", "nl", "export", "--format", "json", "--root", root, "--out", out)
	if code != ExitError || !strings.Contains(stderr, "--out "+out+" zou de instellingen van het register") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = run(t, "--lang", "nl", "export", "--format", "json", "--root", root, "--out", filepath.Join(root, "dir"))
	if code != ExitError || !strings.Contains(stderr, "is een map; geef een bestand op") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestOutputBesideTheRegisterIsWritten: a new file elsewhere in the
// register's folder, next to register.yaml or in a folder of the user's,
// is written as before.
func TestOutputBesideTheRegisterIsWritten(t *testing.T) {
	root := outputRegister(t)
	out := filepath.Join(root, "out.json")
	if _, stderr, code := run(t, "export", "--format", "json", "--root", root, "--out", out); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) || !strings.Contains(string(data), "cam-station") {
		t.Errorf("export not written (%v): %.200s", err, data)
	}
	ics := filepath.Join(root, "dir", "due.ics")
	if _, stderr, code := run(t, "due", "--format", "ical", "--root", root, "--output", ics); code != ExitFindings {
		t.Fatalf("exit %d, want 1 (lapsed)\n%s", code, stderr)
	}
	if data, err := os.ReadFile(ics); err != nil || !strings.HasPrefix(string(data), "BEGIN:VCALENDAR") {
		t.Errorf("calendar not written (%v): %.100s", err, data)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "register.yaml")); string(data) != outputConfig {
		t.Errorf("register.yaml changed: %q", data)
	}
}

// TestOutputRefusesToWriteIntoGit: a file or folder the user names for a
// command's output is refused (exit 2, before any work) when it lies in a
// Git repository's own folder: the register's .git, and, for a work tree
// whose .git is a file, the folder that file points to and the
// repository's common folder. Nothing there changes.
func TestOutputRefusesToWriteIntoGit(t *testing.T) {
	const want = "would write in the Git repository's"
	sep := string(filepath.Separator)
	tests := []struct {
		name     string
		args     []string
		flag     string
		out      string // under the register, or, with "{git}", under a Git folder elsewhere
		worktree bool   // .git is a file pointing to {git}/worktrees/wt
	}{
		{"export json over .git/HEAD", []string{"export", "--format", "json"}, "--out", ".git" + sep + "HEAD", false},
		{"packet over .git/HEAD.md", []string{"packet"}, "--out", ".git" + sep + "HEAD.md", false},
		{"due into .git/hooks", []string{"due", "--format", "ical"}, "--output", ".git" + sep + "hooks" + sep + "post-commit", false},
		{"build into .git", []string{"build"}, "--out", ".git" + sep + "site", false},
		{".git/HEAD through ..", []string{"export", "--format", "json"}, "--out", "dir" + sep + ".." + sep + ".git" + sep + "HEAD", false},
		{"a work tree's .git file", []string{"export", "--format", "json"}, "--out", ".git", true},
		{"a work tree's Git folder", []string{"export", "--format", "json"}, "--out", "{git}" + sep + "worktrees" + sep + "wt" + sep + "HEAD", true},
		{"a work tree's common Git folder", []string{"export", "--format", "json"}, "--out", "{git}" + sep + "config", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := outputRegister(t)
			git := filepath.Join(root, ".git")
			if tt.worktree {
				// A Git folder whose name says nothing of Git, as
				// git clone --separate-git-dir makes.
				git = filepath.Join(t.TempDir(), "store")
				wt := filepath.Join(git, "worktrees", "wt")
				for name, text := range map[string]string{
					filepath.Join(git, "config"):   "[core]\n",
					filepath.Join(wt, "HEAD"):      "ref: refs/heads/wt\n",
					filepath.Join(wt, "commondir"): "../..\n",
					filepath.Join(root, ".git"):    "gitdir: " + wt + "\n",
				} {
					if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			} else {
				if err := os.MkdirAll(filepath.Join(git, "hooks"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(git, "HEAD"), []byte("ref: refs/heads/main\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before, beforeGit := snapshot(t, root), snapshot(t, git)
			out := root + sep + tt.out
			if rest, ok := strings.CutPrefix(tt.out, "{git}"); ok {
				out = git + rest
			}
			args := append(append([]string{"--root", root, "--lang", "en"}, tt.args...), tt.flag, out)
			stdout, stderr, code := run(t, args...)
			if code != ExitError || !strings.Contains(stderr, tt.flag+" "+out+" ") || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, want 2 and %q\nstdout %s\nstderr %s", code, want, stdout, stderr)
			}
			if after := snapshot(t, root); !maps.Equal(after, before) {
				t.Errorf("the register's folder changed")
			}
			if after := snapshot(t, git); !maps.Equal(after, beforeGit) {
				t.Errorf("the Git folder changed")
			}
		})
	}
}

// TestOutputFolderThatIsAFileIsRefused: a folder named for a site (build,
// federate) that is a file, or lies under one, is refused in words in the
// run's language, naming the file; exit 2, and the file is left as it was.
func TestOutputFolderThatIsAFileIsRefused(t *testing.T) {
	sep := string(filepath.Separator)
	tests := []struct {
		name string
		args []string
		out  string // under the register, where "file" is a file
		lang string
		want string // {out} is the folder as named, {file} the file
	}{
		{"build into a file", []string{"build"}, "file", "en", "--out {out} is a file, not a folder; name a folder"},
		{"build into a folder under a file", []string{"build"}, "file" + sep + "site", "en", "--out {out} lies under {file}, which is a file, not a folder; name a folder"},
		{"build into a file, in Dutch", []string{"build"}, "file", "nl", "--out {out} is een bestand, geen map; geef een map op"},
		{"build into a folder under a file, in Dutch", []string{"build"}, "file" + sep + "site", "nl", "--out {out} ligt onder {file}, dat een bestand is, geen map"},
		{"federate into a file", []string{"federate", "federation.yaml"}, "file", "en", "--out {out} is a file, not a folder; name a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := outputRegister(t)
			file := filepath.Join(root, "file")
			if err := os.WriteFile(file, []byte("the user's"), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(root, tt.out)
			args := append(append([]string{"--root", root, "--lang", tt.lang}, tt.args...), "--out", out)
			_, stderr, code := run(t, args...)
			want := strings.NewReplacer("{out}", out, "{file}", file).Replace(tt.want)
			if code != ExitError || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, stderr %q\nwant 2 and %q", code, stderr, want)
			}
			if data, _ := os.ReadFile(file); string(data) != "the user's" {
				t.Errorf("the file now holds %q", data)
			}
		})
	}
}
