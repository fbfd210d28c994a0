package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/message"
)

// TestUnreadableFileSaysWhatToDo: a register.yaml that cannot be read is
// an error that names the file, says what went wrong in plain words and
// what to do, in English and Dutch, without the system's own "open x: "
// repeating the path. (Tests run as root, whom chmod 000 does not stop:
// the permission case runs only as another user.)
func TestUnreadableFileSaysWhatToDo(t *testing.T) {
	tests := []struct {
		name   string
		root   func(t *testing.T) string
		en, nl string
		is     error
	}{
		{"register root is a file", func(t *testing.T) string {
			root := filepath.Join(t.TempDir(), "plat")
			if err := os.WriteFile(root, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return root
		}, "register.yaml: not a directory; check that it is a file register can read, then run register again",
			"register.yaml lezen: not a directory; controleer of het een bestand is dat register kan lezen, en voer register daarna opnieuw uit", nil},
		{"permission denied", func(t *testing.T) string {
			if os.Geteuid() == 0 {
				t.Skip("root may read any file")
			}
			root := t.TempDir()
			p := filepath.Join(root, FileName)
			if err := os.WriteFile(p, []byte("organisation: X\n"), 0o000); err != nil {
				t.Fatal(err)
			}
			return root
		}, "register.yaml: permission denied: whoever runs register must be allowed to read the file and open its folder; fix their permissions, or run register as a user who may read them",
			"register.yaml lezen: geen toegang: wie register uitvoert, moet het bestand kunnen lezen en de map ervan kunnen openen; pas de rechten aan, of voer register uit als een gebruiker die ze mag lezen",
			fs.ErrPermission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tt.root(t)
			_, _, err := Load(root)
			if err == nil {
				t.Fatal("no error")
			}
			l, ok := err.(message.Lingual)
			if !ok {
				t.Fatalf("%v is not worded in each language", err)
			}
			if en := l.In(message.English); !strings.HasPrefix(en, "read "+root) || !strings.HasSuffix(en, tt.en) || strings.Count(en, root) != 1 {
				t.Errorf("English %q, want the file named once and %q", en, tt.en)
			}
			if nl := l.In(message.Dutch); !strings.HasSuffix(nl, tt.nl) || strings.Count(nl, root) != 1 {
				t.Errorf("Dutch %q, want %q", nl, tt.nl)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%v is not %v", err, tt.is)
			}
		})
	}
	// A register without the file takes the defaults, as before.
	if _, _, err := Load(t.TempDir()); err != nil {
		t.Errorf("no register.yaml: %v", err)
	}
}
