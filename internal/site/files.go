package site

import (
	"iter"
	"slices"
	"strings"
)

// siteFiles is every path a build of the site meets, each once, with what
// each source says of it: the manifest of the working copy being updated
// (old), the current site's (cur), what the working copy held when it was
// looked at (outdir.Scan), and what the build writes (the file, and its
// key when it has one: new). A job's path is looked up once, when the job
// is listed, and its worker reads and sets the path's state through the
// pointer the job carries. Kept in five maps of the same paths, these
// were some 180 MB of a build of 100,000 records.
//
// Paths are added by one goroutine at a time: those read ahead (readAhead)
// before the build lists its jobs, then the jobs' as they are listed
// (dispatcher.prepare). A state is set before the jobs start, or by the
// one job of its path.
type siteFiles struct {
	index  map[string]int32
	paths  []string      // by index
	states [][]fileState // by index, in chunks of fileChunk: a state never moves
	// read says which manifests were read whole (hasOld, hasCur).
	read fileFlags
}

// fileChunk is how many states a chunk holds.
const fileChunk = 4096

// fileState is what the build knows of one path.
type fileState struct {
	old, cur, new pageKey
	has           fileFlags
}

// fileFlags say what a fileState holds.
type fileFlags uint8

const (
	hasOld  fileFlags = 1 << iota // the working copy's manifest names the path: old
	hasCur                        // the current site's does: cur
	hasNew                        // the build wrote it with a key: new
	scanned                       // the working copy held a file there
	regular                       // a regular file (not a link)
	listed                        // the build lists a job for it
)

func newSiteFiles(size int) *siteFiles {
	return &siteFiles{index: make(map[string]int32, size)}
}

// state returns the state of path p, adding the path when it is new.
func (f *siteFiles) state(p string) *fileState { return f.at(f.indexOf(p)) }

// indexOf returns the number of path p, adding the path when it is new.
func (f *siteFiles) indexOf(p string) int32 {
	if i, ok := f.index[p]; ok {
		return i
	}
	i := int32(len(f.paths))
	f.index[p] = i
	f.paths = append(f.paths, p)
	if int(i)%fileChunk == 0 {
		f.states = append(f.states, make([]fileState, fileChunk))
	}
	return i
}

// indexOfBytes is indexOf for a path as bytes, which is copied only when
// the path is new.
func (f *siteFiles) indexOfBytes(p []byte) int32 {
	if i, ok := f.index[string(p)]; ok {
		return i
	}
	return f.indexOf(string(p))
}

func (f *siteFiles) at(i int32) *fileState {
	return &f.states[i/fileChunk][i%fileChunk]
}

// addManifest sets the keys a manifest gives (old or cur, as flag says).
// A damaged manifest gives none.
func (f *siteFiles) addManifest(flag fileFlags, m manifestSource) {
	set := func(s *fileState, k pageKey) {
		if flag == hasOld {
			s.old = k
		} else {
			s.cur = k
		}
		s.has |= flag
	}
	// A manifest lists its paths sorted, and the two a build reads mostly
	// the same ones: the second's are found where the path found before
	// was followed, and looked up only when they are not there. Looked up
	// each, they took some 10 ms of CPU a build of 10,000 records.
	next := 0
	found := func(i int32) *fileState {
		next = int(i) + 1
		return f.at(i)
	}
	switch {
	case m.kept != nil:
		for i, p := range m.kept.paths {
			if next < len(f.paths) && f.paths[next] == p {
				set(found(int32(next)), m.kept.keys[i])
			} else {
				set(found(f.indexOf(p)), m.kept.keys[i])
			}
		}
	case m.lines == nil:
		return
	case !eachManifestLine(m.lines, func(p []byte, k pageKey) {
		if next < len(f.paths) && f.paths[next] == string(p) {
			set(found(int32(next)), k)
		} else {
			set(found(f.indexOfBytes(p)), k)
		}
	}):
		for i := range f.paths {
			f.at(int32(i)).has &^= flag
		}
		return
	}
	f.read |= flag
}

// newManifest is the manifest the build writes: the paths written with a
// key, sorted, and their keys. The paths read from a manifest first come
// in its order, which is sorted; they are sorted again only when a path
// was added out of order since.
func (f *siteFiles) newManifest() iter.Seq2[string, pageKey] {
	var idx []int32
	sorted := true
	for i := range f.paths {
		if f.at(int32(i)).has&hasNew == 0 {
			continue
		}
		if n := len(idx); n > 0 && f.paths[idx[n-1]] >= f.paths[i] {
			sorted = false
		}
		idx = append(idx, int32(i))
	}
	if !sorted {
		slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(f.paths[a], f.paths[b]) })
	}
	return func(yield func(string, pageKey) bool) {
		for _, i := range idx {
			if !yield(f.paths[i], f.at(i).new) {
				return
			}
		}
	}
}

// stale is the paths of the files the working copy held and the build did
// not write: the page of a removed record, a facet value no record has
// now.
func (f *siteFiles) stale() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i, p := range f.paths {
			if f.at(int32(i)).has&(scanned|listed) == scanned && !yield(p) {
				return
			}
		}
	}
}

// gone counts the paths the current site's manifest names and the build
// lists no job for: files readers will no longer find.
func (f *siteFiles) gone() int {
	n := 0
	for i := range f.paths {
		if f.at(int32(i)).has&(hasCur|listed) == hasCur {
			n++
		}
	}
	return n
}

// changed is the paths whose keys differ between the current site and the
// one written, one of the two having none included, sorted.
func (f *siteFiles) changed() []string {
	var paths []string
	for i, p := range f.paths {
		s := f.at(int32(i))
		switch s.has & (hasCur | hasNew) {
		case hasCur | hasNew:
			if s.cur != s.new {
				paths = append(paths, p)
			}
		case hasCur, hasNew:
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}
