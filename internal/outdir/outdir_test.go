package outdir

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fillWith(content string) func(string) error {
	return func(tmp string) error {
		return os.WriteFile(filepath.Join(tmp, "index.html"), []byte(content), 0o644)
	}
}

// siblings lists what is next to the folder, besides the folder itself.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestReplaceOnlyItsOwnFolder: a folder that holds something and no
// Marker (the user's own) is refused and left as it is; an empty or
// missing one is filled, and what Replace put in place it replaces again.
func TestReplaceOnlyItsOwnFolder(t *testing.T) {
	for _, tt := range []struct {
		name    string
		prepare func(dir string)
		refused bool
	}{
		{"missing", func(string) {}, false},
		{"empty", func(dir string) { os.MkdirAll(dir, 0o755) }, false},
		{"the user's", func(dir string) { write(t, filepath.Join(dir, "notities.txt"), "van mij") }, true},
		{"written by Replace", func(dir string) {
			if err := Replace(dir, fillWith("een")); err != nil {
				t.Fatal(err)
			}
		}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			tt.prepare(dir)
			err := Replace(dir, fillWith("twee"))
			if tt.refused {
				if err == nil || !strings.Contains(err.Error(), "not built by register") {
					t.Fatalf("Replace = %v, want a refusal", err)
				}
				if data, _ := os.ReadFile(filepath.Join(dir, "notities.txt")); string(data) != "van mij" {
					t.Errorf("the user's file = %q after a refusal", data)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
				t.Errorf("no %s in what Replace put in place: %v", Marker, err)
			}
		})
	}
}

func TestReplace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, v := range []string{"een", "twee"} {
		if err := Replace(dir, fillWith(v)); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != v {
			t.Errorf("index.html = %q, want %q", data, v)
		}
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left next to the folder: %v", s)
	}
	// A failed fill leaves the folder as it was, and nothing else.
	err := Replace(dir, func(tmp string) error {
		write(t, filepath.Join(tmp, "index.html"), "half")
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Replace with a failing fill = %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "twee" {
		t.Errorf("after a failed fill index.html = %q, want the previous version", data)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left next to the folder: %v", s)
	}
}

// TestReplaceCleansAfterAnInterruptedBuild: the temporary folders an
// interrupted build leaves are removed by the next build.
func TestReplaceCleansAfterAnInterruptedBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(filepath.Dir(dir), ".public.tmp-123456", "sensoren", "a.html"), "oud")
	write(t, filepath.Join(filepath.Dir(dir), ".public.tmp-99.old", "index.html"), "oud")
	write(t, filepath.Join(filepath.Dir(dir), ".other.tmp-1", "keep"), "not ours")
	if err := Replace(dir, fillWith("nieuw")); err != nil {
		t.Fatal(err)
	}
	if s := siblings(t, dir); len(s) != 1 || s[0] != ".other.tmp-1" {
		t.Errorf("next to the folder: %v, want only another folder's files", s)
	}
}

// TestReplaceAfterAKill kills a build halfway (a child process holding the
// lock with its temporary folder half written): the lock dies with it and
// the next build cleans up.
func TestReplaceAfterAKill(t *testing.T) {
	if os.Getenv("OUTDIR_HELPER") != "" {
		_ = Replace(os.Getenv("OUTDIR_HELPER"), func(tmp string) error {
			write(t, filepath.Join(tmp, "half.html"), strings.Repeat("x", 1<<16))
			fmt.Println("writing")
			time.Sleep(time.Minute)
			return nil
		})
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("a killed build's lock file stays on Windows; the message says to remove it")
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := Replace(dir, fillWith("oud")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReplaceAfterAKill$")
	cmd.Env = append(os.Environ(), "OUTDIR_HELPER="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "writing" {
		cmd.Process.Kill()
		t.Fatalf("helper did not start writing: %q %v", buf, err)
	}
	if err := Replace(dir, fillWith("x")); !errors.Is(err, ErrBusy) {
		t.Errorf("a build while another runs: %v, want ErrBusy", err)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if s := siblings(t, dir); len(s) == 0 {
		t.Fatal("the killed build left nothing: the test did not interrupt it")
	}
	if err := Replace(dir, fillWith("nieuw")); err != nil {
		t.Fatalf("the build after a kill: %v", err)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left next to the folder after the next build: %v", s)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "nieuw" {
		t.Errorf("index.html = %q", data)
	}
}

// TestReplaceRefusesAConcurrentBuild: while one build runs, a second to the
// same folder is refused with a message that says why and what to do.
func TestReplaceRefusesAConcurrentBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- Replace(dir, func(tmp string) error {
			close(started)
			<-release
			return fillWith("eerste")(tmp)
		})
	}()
	<-started
	err := Replace(dir, fillWith("tweede"))
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "another build is writing to this folder") || !strings.Contains(err.Error(), "wait for it to finish") {
		t.Errorf("second build: %v", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "eerste" {
		t.Errorf("index.html = %q, want the first build's", data)
	}
	// Many at once: each one either builds or is refused; the folder ends
	// whole, with nothing left next to it.
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Replace(dir, fillWith(fmt.Sprint("versie ", i)))
		}()
	}
	wg.Wait()
	built := 0
	for _, err := range errs {
		switch {
		case err == nil:
			built++
		case !errors.Is(err, ErrBusy):
			t.Errorf("concurrent build: %v", err)
		}
	}
	if built == 0 {
		t.Error("no build succeeded")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); !strings.HasPrefix(string(data), "versie ") {
		t.Errorf("index.html = %q", data)
	}
	if s := siblings(t, dir); len(s) != 0 {
		t.Errorf("left next to the folder: %v", s)
	}
}

// TestReplaceNeverLeavesTheFolderMissing reads the folder while it is
// replaced again and again: every read finds a whole file.
func TestReplaceNeverLeavesTheFolderMissing(t *testing.T) {
	if exchange("/nonexistent-a", "/nonexistent-b") == errNoExchange {
		t.Skip("this system cannot exchange two paths in one step")
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := Replace(dir, fillWith("versie 0")); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var reads, misses int
	var first error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			data, err := os.ReadFile(filepath.Join(dir, "index.html"))
			reads++
			if err != nil || !strings.HasPrefix(string(data), "versie ") {
				misses++
				if first == nil {
					first = fmt.Errorf("read %q, %v", data, err)
				}
			}
		}
	}()
	for i := 1; i <= 200; i++ {
		if err := Replace(dir, fillWith(fmt.Sprint("versie ", i))); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	if misses > 0 {
		t.Errorf("%d of %d reads during the swaps failed; first: %v", misses, reads, first)
	}
}

// TestReplaceKeepsASymlink: a folder that is a symlink (to where a web
// server serves from) stays one; its target gets the new version.
func TestReplaceKeepsASymlink(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "www", "register")
	write(t, filepath.Join(target, "index.html"), "oud")
	write(t, filepath.Join(target, Marker), "") // written by an earlier run
	link := filepath.Join(base, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := Replace(link, fillWith("nieuw")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("public is no longer a symlink: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != "nieuw" {
		t.Errorf("target index.html = %q", data)
	}
}
