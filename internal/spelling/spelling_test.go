package spelling

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"signage", "signage", 0},
		{"", "dpia", 4},
		{"dpia", "", 4},
		{"sigange", "signage", 1},  // two neighbours swapped
		{"signag", "signage", 1},   // one left out
		{"signagee", "signage", 1}, // one too many
		{"sugnage", "signage", 1},  // one replaced
		{"biometrc-ban", "biometric-ban", 1},
		{"kitten", "sitting", 3},
		{"café", "cafe", 1}, // characters, not bytes
		{"ab", "ba", 1},
		{"abc", "ca", 3}, // optimal string alignment: no edit of a swapped pair
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
