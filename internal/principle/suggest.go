package principle

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/spelling"
)

// Suggest returns the ids of built-in rules close to a mistyped id, closest
// first: those within a few edits, and those that contain it or that it
// contains (so "biometric" finds biometric-ban).
func Suggest(id string) []string {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return nil
	}
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	limit := max(2, len(id)/3)
	for _, r := range builtin {
		d := spelling.Distance(id, r.ID)
		if d > limit && (strings.Contains(r.ID, id) || strings.Contains(id, r.ID)) {
			d = limit
		}
		if d <= limit {
			cs = append(cs, cand{r.ID, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.dist - b.dist })
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.id
	}
	return out
}
