package principle

import (
	"slices"
	"strings"
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
		d := distance(id, r.ID)
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

// distance is the Levenshtein distance between a and b, in bytes (rule ids
// are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
