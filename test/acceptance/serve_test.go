package acceptance

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServePreview: serve builds the site, serves it, rebuilds when a record
// changes, serves nothing outside the site, and on Ctrl+C stops and removes
// its temporary folder.
func TestServePreview(t *testing.T) {
	dir := workspace(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no local port: %v", err)
	}
	addr := l.Addr().String()
	l.Close()
	tmp := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", addr, "--as-of", asOf, "--poll", "100ms")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
			t.Error("serve did not stop on Ctrl+C (SIGINT)")
		}
	}
	defer stop()

	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	// waitFor polls a page until it holds want.
	waitFor := func(path, want string) bool {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if code, body := get(path); code == http.StatusOK && strings.Contains(body, want) {
				return true
			}
		}
		return false
	}
	if !waitFor("/sensoren/cam-haven.html", "Havenkwartier") {
		t.Fatalf("the preview does not serve the camera's page\nstdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	if code, body := get("/../register/sensors/cam-haven.yaml"); code == http.StatusOK && strings.Contains(body, "kind: sensor") && !strings.Contains(body, "<html") {
		t.Error("serve hands out a file from outside the site")
	}
	cam := filepath.Join(dir, "register", "sensors", "cam-haven.yaml")
	writeFile(t, cam, strings.Replace(readFile(t, cam), "Camera's Havenkwartier", "Camera's Havenkwartier Zuid", 1))
	if !waitFor("/sensoren/cam-haven.html", "Havenkwartier Zuid") {
		t.Errorf("the preview was not rebuilt after a record changed\nstderr:\n%s", stderr.String())
	}
	stop()
	assertNoCrash(t, []string{"serve"}, result{stdout: stdout.String(), stderr: stderr.String()})
	if !strings.Contains(stdout.String(), "http://"+addr+"/") {
		t.Errorf("serve does not say where it serves:\n%s", stdout.String())
	}
	if left := entries(t, tmp); len(left) > 0 {
		t.Errorf("serve left its temporary folder behind: %v", left)
	}
}

// TestServeOnABusyPort: a port in use is a usage error that says what to
// do, and leaves no temporary site behind.
func TestServeOnABusyPort(t *testing.T) {
	dir := workspace(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no local port: %v", err)
	}
	defer l.Close()
	tmp := t.TempDir()
	r := run(t, dir, []string{"TMPDIR=" + tmp}, "serve", "--addr", l.Addr().String())
	if r.code != 2 || !strings.Contains(r.stderr, "kies een ander --addr") {
		t.Errorf("serve on a busy port: exit %d\n%s", r.code, r.out())
	}
	if left := entries(t, tmp); len(left) > 0 {
		t.Errorf("serve left its temporary folder behind: %v", left)
	}
}
