package record

import "testing"

// TestUses: a capability is in use when the record lists it and does not
// list it as switched off.
func TestUses(t *testing.T) {
	for _, c := range []struct {
		name       string
		caps, off  []string
		capability string
		want       bool
	}{
		{"listed", []string{"video_recording"}, nil, "video_recording", true},
		{"listed and switched off", []string{"video_recording", "live_viewing"}, []string{"video_recording"}, "video_recording", false},
		{"another switched off", []string{"video_recording", "live_viewing"}, []string{"live_viewing"}, "video_recording", true},
		{"not listed", []string{"live_viewing"}, nil, "video_recording", false},
		{"switched off, not listed", nil, []string{"video_recording"}, "video_recording", false},
	} {
		r := Record{Capabilities: c.caps, SwitchedOff: c.off}
		if got := r.Uses(c.capability); got != c.want {
			t.Errorf("%s: Uses(%s) = %v, want %v", c.name, c.capability, got, c.want)
		}
	}
}
