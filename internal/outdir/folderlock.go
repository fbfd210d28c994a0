package outdir

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// The kernel adds or removes one entry of a folder at a time, under the
// folder's lock, and a second writer spins on that lock while it waits:
// in a cold build of 10,000 records by two workers, that spinning was a
// tenth of the build's CPU. Waiting on a lock of ours sleeps instead, and
// the waiting worker's thread can render meanwhile. Folders share a fixed
// set of locks, picked by hashing the folder's path: two folders on one
// lock wait for each other needlessly, rarely.
var (
	folderLocks [64]sync.Mutex
	folderSeed  = maphash.MakeSeed()
)

// folderLock is the lock of the folder holding path.
func folderLock(path string) *sync.Mutex {
	return &folderLocks[maphash.String(folderSeed, filepath.Dir(path))%uint64(len(folderLocks))]
}

// lockFolder locks the folder holding path, and returns its unlock.
func lockFolder(path string) func() {
	mu := folderLock(path)
	mu.Lock()
	return mu.Unlock
}

// create makes a new file at path and opens it to write; an entry at
// path already is an error (fs.ErrExist), never opened.
func create(path string) (*os.File, error) {
	defer lockFolder(path)()
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// remove removes the entry at path.
func remove(path string) error {
	defer lockFolder(path)()
	return os.Remove(path)
}

// rename moves the entry at from to to, both in one folder.
func rename(from, to string) error {
	defer lockFolder(to)()
	return os.Rename(from, to)
}

// mkdir makes the folder at path.
func mkdir(path string) error {
	defer lockFolder(path)()
	return os.Mkdir(path, 0o755)
}

// link makes dst a hard link to src.
func link(src, dst string) error {
	defer lockFolder(dst)()
	return os.Link(src, dst)
}

// clearPath removes what is at path, a folder with all it holds too: in the
// working copy, what is in the way of a file is the build's to remove.
func clearPath(path string) error {
	err := remove(path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if was, rerr := removeFolder(path); was {
		return rerr
	}
	return err
}

// createAfresh makes a new file at path in place of what is there
// (clearPath), which is never opened, and opens it to write.
func createAfresh(path string) (*os.File, error) {
	if err := clearPath(path); err != nil {
		return nil, err
	}
	return create(path)
}

// replace moves the file at from to to, in one folder, clearing what is
// at to first when the move cannot replace it (a folder).
func replace(from, to string) error {
	err := rename(from, to)
	if err == nil {
		return nil
	}
	if was, rerr := removeFolder(to); was {
		if rerr != nil {
			return rerr
		}
		return rename(from, to)
	}
	return err
}

// removeFolder removes the folder at path with all it holds, and reports
// whether there was one (a link to one is not).
func removeFolder(path string) (bool, error) {
	if st, err := os.Lstat(path); err != nil || !st.IsDir() {
		return false, nil
	}
	return true, os.RemoveAll(path)
}
