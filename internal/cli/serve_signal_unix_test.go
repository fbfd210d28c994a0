//go:build unix

package cli

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnEachStopSignal: serve stops, and removes the site it
// built in the temporary folder, on Ctrl+C, on kill and on a closed
// terminal (SIGHUP), and exits 0.
func TestServeStopsOnEachStopSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
			var out, errOut lockedBuffer
			a := &App{Out: &out, Err: &errOut, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "test"}
			args := []string{"serve", "--root", root, "--addr", "127.0.0.1:0", "--as-of", "2026-11-24"}
			a.scanGlobal(args)
			cmd := NewRootCmd(a)
			cmd.SetArgs(args)
			done := make(chan error, 1)
			go func() { done <- cmd.ExecuteContext(context.Background()) }()
			for deadline := time.Now().Add(30 * time.Second); !strings.Contains(out.String(), "http://"); {
				if time.Now().After(deadline) {
					t.Fatalf("serve did not start\n%s%s", out.String(), errOut.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			// The test's own hold on the signal keeps the test running
			// when serve does not take it.
			hold := make(chan os.Signal, 1)
			signal.Notify(hold, sig)
			defer signal.Stop(hold)
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve: %v\n%s", err, errOut.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("serve did not stop on %v", sig)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "register-site-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
