package notification

import (
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestReadRefusesAnIdOfARemovedRecord: an id is never reused, so a
// notification whose id a record removed from the register had is refused
// at its id, with or without --update, naming the commit that removed it;
// without history (no Removed) or for an id never used, it is added.
func TestReadRefusesAnIdOfARemovedRecord(t *testing.T) {
	removedOnce := func(id string) (Removal, bool) {
		if id != "camera-bakkerij" {
			return Removal{}, false
		}
		return Removal{File: "sensors/camera-bakkerij.yaml", Commit: "0123456789abcdef0123456789abcdef01234567",
			On: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)}, true
	}
	neverUsed := func(string) (Removal, bool) { return Removal{}, false }
	for _, tt := range []struct {
		name    string
		removed func(string) (Removal, bool)
		update  bool
		refused bool
	}{
		{"removed before", removedOnce, false, true},
		{"removed before, as an update", removedOnce, true, true},
		{"never used", neverUsed, false, false},
		{"no history", nil, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := register(t, nil)
			res, err := Read(root, "melding.yaml", []byte(valid), Options{Received: received, Validator: validator(t),
				Update: tt.update, Removed: tt.removed})
			if err != nil {
				t.Fatal(err)
			}
			if !tt.refused {
				if res.Data == nil || finding.Worst(res.Findings) >= finding.Warning {
					t.Fatalf("not added: %v", res.Findings)
				}
				return
			}
			if res.Data != nil {
				t.Fatal("a notification with a removed record's id would be written")
			}
			want := "sensors/camera-bakkerij.yaml had this id until commit 0123456 of 2026-06-01 removed or renamed it; an id is never reused"
			if !hasFinding(res.Findings, finding.Error, want) || !hasFinding(res.Findings, finding.Error, "restore its file from Git") {
				t.Fatalf("findings %v; want the refusal %q", res.Findings, want)
			}
			for _, f := range res.Findings {
				if f.Severity == finding.Error && (f.Line != 2 || f.Column != 5) {
					t.Errorf("refused at %d:%d, want the id at 2:5", f.Line, f.Column)
				}
			}
		})
	}
}
