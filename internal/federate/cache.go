package federate

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// cacheEntry matches the names the cache gives what it keeps of a register,
// by its code: its part (GM0344), the reason it could not be read
// (GM0344.failed), a part being replaced (GM0344.old) or written
// (.GM0344.tmp-…), its clone (GM0344), its open data (GM0344.json), and a
// clone or download in progress (.GM0344.clone-…, .GM0344.json.download-…).
var cacheEntry = regexp.MustCompile(`^\.?(GM[0-9]{4})(\.|$)`)

// pruneCache removes from the cache what no register of the federation
// needs any longer: the part and fetched copy of a register taken out of
// federation.yaml, and a clone or download kept for a register whose source
// is no longer one. Without it they would stay in the cache for good, and
// a merge of shards could not tell them from a register it still lists. A
// name the cache does not give is left alone.
func pruneCache(cache string, members []Member) error {
	kinds := map[string]SourceKind{}
	listed := map[string]bool{}
	for _, m := range members {
		listed[m.Code] = true
		if kind, remote := kindOf(m.Source); remote {
			kinds[m.Code] = kind
		}
	}
	var errs []error
	remove := func(p string) {
		if err := os.RemoveAll(p); err != nil {
			errs = append(errs, err)
		}
	}
	for _, e := range readDir(filepath.Join(cache, "parts"), &errs) {
		if c := cacheEntry.FindStringSubmatch(e.Name()); c != nil && !listed[c[1]] {
			remove(filepath.Join(cache, "parts", e.Name()))
		}
	}
	fetched := fetchedDir(cache)
	for _, e := range readDir(fetched, &errs) {
		c := cacheEntry.FindStringSubmatch(e.Name())
		if c == nil {
			continue
		}
		name, code := e.Name(), c[1]
		kind, remote := kinds[code]
		var keep bool
		switch {
		case strings.HasPrefix(name, "."):
			// A clone or download in progress, perhaps another run's.
			keep = listed[code]
		case name == code:
			keep = remote && kind == Clone
		case name == code+openDataSuffix, name == code+partsSuffix:
			keep = remote && kind == OpenData
		default:
			keep = listed[code]
		}
		if !keep {
			remove(filepath.Join(fetched, e.Name()))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return msgClearCache.ErrOf(err, err)
	}
	return nil
}

// readDir lists a folder of the cache; one that is not there is empty.
func readDir(dir string, errs *[]error) []os.DirEntry {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		*errs = append(*errs, err)
	}
	return entries
}
