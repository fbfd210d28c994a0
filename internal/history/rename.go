package history

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// Rename detection follows git's idea: a removed and an added file in the
// same commit are one file moved when their contents are at least half the
// same. Records are renamed when an id changes, which changes the id line
// too, so exact matches alone would miss most renames.

const (
	// renameLimit bounds the pairs compared by content, as git's
	// diff.renameLimit does: a commit that moves a whole register is paired
	// by exact content only.
	renameLimit = 10000
	// minSimilarity is the share of equal lines, as git's default -M50%.
	minSimilarity = 0.5
	// maxCompareSize skips content comparison of files larger than a record
	// could reasonably be.
	maxCompareSize = 1 << 20
)

// pairRenames turns the file changes into events, pairing removed and added
// files into renames. Events are sorted by path.
func (r *Repo) pairRenames(fcs []fileChange) ([]Event, error) {
	var evs []Event
	var adds, dels []fileChange
	for _, fc := range fcs {
		switch {
		case fc.old.IsZero():
			adds = append(adds, fc)
		case fc.new.IsZero():
			dels = append(dels, fc)
		default:
			evs = append(evs, Event{Op: Changed, Path: fc.path, Old: fc.old, New: fc.new})
		}
	}
	if len(adds) > 0 && len(dels) > 0 {
		// Exact moves first, by blob hash.
		byHash := map[plumbing.Hash][]int{}
		for i, d := range dels {
			byHash[d.old] = append(byHash[d.old], i)
		}
		usedDel := make([]bool, len(dels))
		var rest []fileChange
		for _, a := range adds {
			if is := byHash[a.new]; len(is) > 0 {
				i := is[0]
				byHash[a.new] = is[1:]
				usedDel[i] = true
				evs = append(evs, Event{Op: Renamed, Path: a.path, From: dels[i].path, Old: dels[i].old, New: a.new})
				continue
			}
			rest = append(rest, a)
		}
		adds = rest
		var restDels []fileChange
		for i, d := range dels {
			if !usedDel[i] {
				restDels = append(restDels, d)
			}
		}
		dels = restDels
		if len(adds) > 0 && len(dels) > 0 && len(adds)*len(dels) <= renameLimit {
			var err error
			var renames []Event
			renames, adds, dels, err = r.similar(adds, dels)
			if err != nil {
				return nil, err
			}
			evs = append(evs, renames...)
		}
	}
	for _, a := range adds {
		evs = append(evs, Event{Op: Added, Path: a.path, New: a.new})
	}
	for _, d := range dels {
		evs = append(evs, Event{Op: Removed, Path: d.path, Old: d.old})
	}
	slices.SortFunc(evs, func(a, b Event) int { return cmp.Compare(a.Path, b.Path) })
	return evs, nil
}

// similar pairs added and removed files by content, best pairs first, and
// returns the renames and what is left unpaired.
func (r *Repo) similar(adds, dels []fileChange) ([]Event, []fileChange, []fileChange, error) {
	lines := func(h plumbing.Hash) (map[string]int, int, error) {
		obj, err := r.store.EncodedObject(plumbing.BlobObject, h)
		if err != nil {
			return nil, 0, err
		}
		if obj.Size() > maxCompareSize {
			return nil, 0, nil
		}
		b, err := r.objects.read(plumbing.BlobObject, h)
		if err != nil {
			return nil, 0, err
		}
		m := map[string]int{}
		n := 0
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				i = len(b) - 1
			}
			m[string(b[:i+1])]++
			n++
			b = b[i+1:]
		}
		return m, n, nil
	}
	type side struct {
		set map[string]int
		n   int
	}
	load := func(fcs []fileChange, old bool) ([]side, error) {
		out := make([]side, len(fcs))
		for i, fc := range fcs {
			h := fc.new
			if old {
				h = fc.old
			}
			m, n, err := lines(h)
			if err != nil {
				return nil, err
			}
			out[i] = side{m, n}
		}
		return out, nil
	}
	as, err := load(adds, false)
	if err != nil {
		return nil, nil, nil, err
	}
	ds, err := load(dels, true)
	if err != nil {
		return nil, nil, nil, err
	}
	type pair struct {
		a, d  int
		score float64
	}
	var pairs []pair
	for i, a := range as {
		for j, d := range ds {
			if a.n == 0 || d.n == 0 {
				continue
			}
			common := 0
			for l, c := range a.set {
				common += min(c, d.set[l])
			}
			if s := 2 * float64(common) / float64(a.n+d.n); s >= minSimilarity {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y pair) int {
		return cmp.Or(-cmp.Compare(x.score, y.score), cmp.Compare(adds[x.a].path, adds[y.a].path),
			cmp.Compare(dels[x.d].path, dels[y.d].path))
	})
	usedA, usedD := make([]bool, len(adds)), make([]bool, len(dels))
	var evs []Event
	for _, p := range pairs {
		if usedA[p.a] || usedD[p.d] {
			continue
		}
		usedA[p.a], usedD[p.d] = true, true
		evs = append(evs, Event{Op: Renamed, Path: adds[p.a].path, From: dels[p.d].path, Old: dels[p.d].old, New: adds[p.a].new})
	}
	var restA, restD []fileChange
	for i, a := range adds {
		if !usedA[i] {
			restA = append(restA, a)
		}
	}
	for i, d := range dels {
		if !usedD[i] {
			restD = append(restD, d)
		}
	}
	return evs, restA, restD, nil
}
