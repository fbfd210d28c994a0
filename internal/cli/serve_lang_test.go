package cli

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/message"
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
