package site

import (
	"os"

	"github.com/voorbeeldstad/register/internal/outdir"
)

// ahead is what a build reads of the folders it updates before it writes:
// the working copy's manifest and files, and the current site's manifest
// and piece index, each read on a goroutine of its own (readAhead). When
// the build holds the folder's lock, nothing else changes them, so they
// are read from when it takes the lock, while the register loads (Lock,
// lookAhead), instead of after: one after the other they were a tenth of
// the time a build after one change took.
type ahead struct {
	done chan struct{}
	out  string // the folder of the build it was read for (lookAhead)
	memo *Memo  // read through
	work string // the working copy read
	cur  string // the current site read

	files     *siteFiles
	held      *outdir.Tree
	heldErr   error
	curPieces map[string]*placedFile
	// curMade is the build-wide key the current site's manifest names.
	curMade pageKey
}

// lookAhead starts reading, through the Memo m, what the build of out
// will update, when the working copy is there; nil otherwise. The caller
// holds out's lock (Lock), so nothing else changes them meanwhile.
func lookAhead(out string, m *Memo) *ahead {
	work, err := outdir.Previous(out)
	if err != nil {
		return nil
	}
	if st, err := os.Lstat(work); err != nil || !st.IsDir() {
		return nil // the build makes it first
	}
	cur, err := outdir.Resolve(out)
	if err != nil {
		return nil
	}
	a := readAhead(m, work, cur)
	a.out, a.memo = out, m
	return a
}

// readAhead starts reading the working copy work and the current site
// cur, through the Memo m when there is one. The current site's manifest
// is read from the disk while the working copy's is read and the working
// copy scanned, and added to the site's files last: the files are added
// to by one goroutine at a time.
func readAhead(m *Memo, work, cur string) *ahead {
	a := &ahead{done: make(chan struct{}), work: work, cur: cur}
	go func() {
		defer close(a.done)
		var current manifestSource
		read := make(chan struct{})
		go func() {
			defer close(read)
			current = m.manifestIn(cur)
			if m == nil {
				a.curPieces = readPieceIndex(cur)
			}
		}()
		old := m.manifestIn(work)
		// The site has about as many files as the version it updates.
		a.files = newSiteFiles(old.n + old.n/8)
		a.files.addManifest(hasOld, old)
		a.held, a.heldErr = outdir.Scan(work, func(rel string, isRegular bool) {
			s := a.files.state(rel)
			s.has |= scanned
			if isRegular {
				s.has |= regular
			}
		})
		<-read
		a.files.addManifest(hasCur, current)
		a.curMade = current.made
	}()
	return a
}

// aheadOf is what the lock's build read ahead when it took the lock, for
// the build of out through the Memo m; nil when it read nothing, or of
// another folder or through another Memo. Taken once.
func (l *BuildLock) aheadOf(out string, m *Memo) *ahead {
	if l == nil || l.ahead == nil {
		return nil
	}
	a := l.ahead
	l.ahead = nil
	if a.out != out || a.memo != m {
		<-a.done
		return nil
	}
	return a
}

// Release releases the lock, once what was read ahead and not taken is
// read: nothing reads the folder after.
func (l *BuildLock) Release() {
	if l.ahead != nil {
		<-l.ahead.done
		l.ahead = nil
	}
	l.Lock.Release()
}

// of returns what was read ahead when it was read of the folders the build
// now updates (work, replacing cur), waiting for it; false otherwise.
func (a *ahead) of(work, cur string) (*ahead, bool) {
	if a == nil {
		return nil, false
	}
	<-a.done
	return a, a.work == work && a.cur == cur
}
