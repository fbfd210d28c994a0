package federate

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

// TestReasonsInBothLanguages: a problem is worded in Dutch and English,
// with its cause after it; another error is named as what the system said;
// a shard's reason reads back as written, and one of an older version
// (plain text) as that text.
func TestReasonsInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want label.Text
	}{
		{"a problem", fail(nil, msgNotCloned, "https://git.example/r.git"),
			label.Text{"https://git.example/r.git is nog niet gekloond: draai met --fetch om het te klonen (zonder dat wordt niets opgehaald)",
				"https://git.example/r.git has not been cloned yet: run with --fetch to clone it (nothing is fetched without it)"}},
		{"a problem with its cause", fail(fs.ErrPermission, msgRead, "register.json"),
			label.Text{"register.json lezen: permission denied", "read register.json: permission denied"}},
		{"wrapped further", fmt.Errorf("member: %w", fail(nil, msgNotAFolder, "gm1")),
			label.Text{"gm1 is geen map: geef de map van het register, een kloon-URL of zijn register.json",
				"gm1 is not a folder: give the register's folder, a clone URL or its register.json"}},
		{"another error", errors.New("disk full"), label.Text{"kon niet worden gelezen: disk full", "could not be read: disk full"}},
		{"a shard's", shardReason{label.Text{"nl", "en"}}, label.Text{"nl", "en"}},
	} {
		if got := wordedReason(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if back := decodeReason(encodeReason(tt.want)); back != tt.want {
			t.Errorf("%s: kept by a shard and read back: %q", tt.name, back)
		}
	}
	if got := decodeReason([]byte("read x: not a regular file")); got != (label.Text{"read x: not a regular file", "read x: not a regular file"}) {
		t.Errorf("an older shard's reason reads as %q", got)
	}
}
