package outdir

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/regularfile"
)

// Update writes a new version of dir like Replace, but without writing it
// all: fill gets a working copy that already holds an earlier version (the
// one before the current, kept next to dir as .NAME.previous, or links to
// the current's files), and changes only what differs (PutFile, Prune).
// When fill succeeds the copy takes dir's place in one step, as in
// Replace, and what was dir is kept as the next build's working copy, so a
// build that changes one record writes a few files, not the whole site.
//
// The working copy may share files with dir (hard links), so fill must
// never write into a file in place: PutFile and NewFile replace a file
// with a new one. A failed or interrupted fill leaves dir as it was; the
// next build starts from the half-updated copy and corrects it.
func (l *Lock) Update(fill func(work string) error) error {
	if l.held == nil {
		return msgLockReleased.Err()
	}
	Clean(l.dir)
	work := previousPath(l.dir)
	switch st, err := os.Lstat(work); {
	case errors.Is(err, fs.ErrNotExist):
		if err := seed(l.dir, work); err != nil {
			return err
		}
	case err != nil:
		return err
	case !st.IsDir():
		return msgInTheWay.Err(work)
	}
	if err := os.Chmod(work, 0o755); err != nil {
		return err
	}
	if err := fill(work); err != nil {
		return err
	}
	if _, err := os.Lstat(l.dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(work, l.dir); err != nil {
			return msgPutInPlace.ErrOf(err, err)
		}
		return nil
	}
	if err := exchange(work, l.dir); err == nil {
		return nil // work now holds the previous version: the next copy
	} else if !errors.Is(err, errNoExchange) {
		return msgPutInPlace.ErrOf(err, err)
	}
	// Two renames where the system cannot exchange.
	old := work + ".old"
	if err := os.Rename(l.dir, old); err != nil {
		return msgMoveAside.ErrOf(err, err)
	}
	if err := os.Rename(work, l.dir); err != nil {
		_ = os.Rename(old, l.dir)
		return msgPutInPlace.ErrOf(err, err)
	}
	return os.Rename(old, work)
}

// Update is Lock.Update with dir's lock taken for the call.
func Update(dir string, fill func(work string) error) error {
	l, err := Acquire(dir)
	if err != nil {
		return err
	}
	defer l.Release()
	return l.Update(fill)
}

// previousPath is where Update keeps the version before the current one.
func previousPath(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".previous")
}

// Resolve is the folder a build of dir replaces: dir, or the folder a
// symlink at dir points to.
func Resolve(dir string) (string, error) { return resolve(dir) }

// LinkFile makes the file at dst the file at src (a hard link), replacing
// what was at dst: a page the current version holds already is taken into
// the working copy without writing it. Like PutFile it never writes into
// the file at dst.
func LinkFile(src, dst string) error {
	tmp := dst + ".new"
	_ = clearPath(tmp)
	if err := link(src, tmp); err != nil {
		return err
	}
	if err := replace(tmp, dst); err != nil {
		_ = remove(tmp)
		return err
	}
	return nil
}

// Secret returns a random key for the folder dir, made on first use and
// kept in the user's cache folder (register/site-keys, readable by its
// owner only), never in or beside dir. A build that keeps hashes of what
// it published in dir keys them with it: dir may be published whole, the
// key is not, so a hash gives nothing away of what went into it. Call it
// holding dir's lock.
func Secret(dir string) ([]byte, error) {
	p, err := cacheFile(dir, "site-keys", ".key")
	if err != nil {
		return nil, err
	}
	// Read only when it is a regular file of the key's size: opening a
	// named pipe waits for a writer, and a key file that is not a key is
	// replaced.
	if key, err := binread.ReadFile(p, secretSize); err == nil && len(key) == secretSize {
		return key, nil
	}
	key := make([]byte, secretSize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".key-*")
	if err != nil {
		return nil, err
	}
	_, werr := tmp.Write(key)
	if err := errors.Join(werr, tmp.Close()); err != nil {
		_ = os.Remove(tmp.Name())
		return nil, err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		_ = os.Remove(tmp.Name())
		return nil, err
	}
	return key, nil
}

// StateFile returns where a build of the folder dir keeps what it knew
// for the next build of it (name says what: "texts"): in the user's cache
// folder (register/site-state), never in or beside dir, since dir may be
// published whole. The folder is made readable by its owner only.
func StateFile(dir, name string) (string, error) {
	p, err := cacheFile(dir, "site-state", "."+name)
	if err != nil {
		return "", err
	}
	return p, os.MkdirAll(filepath.Dir(p), 0o700)
}

// cacheFile is the file of the folder dir under kind in the user's cache
// folder, named by the hash of dir's path, ending in ext.
func cacheFile(dir, kind, ext string) (string, error) {
	dir, err := resolve(dir)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	name := sha256.Sum256([]byte(dir))
	return filepath.Join(cache, "register", kind, hex.EncodeToString(name[:8])+ext), nil
}

// secretSize is the length of Secret's key in bytes.
const secretSize = 32

// Previous is the folder Update keeps next to dir as the next build's
// working copy (it holds an earlier version of dir).
func Previous(dir string) (string, error) {
	dir, err := resolve(dir)
	if err != nil {
		return "", err
	}
	return previousPath(dir), nil
}

// seed makes the first working copy: hard links to dir's files, so only
// what changes is written, or an empty folder when dir does not exist or
// its files cannot be linked. It is built under a temporary name, so an
// interruption leaves only what Clean removes.
func seed(dir, work string) error {
	tmp, err := os.MkdirTemp(filepath.Dir(dir), tmpPrefix(dir))
	if err != nil {
		return err
	}
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		if err := linkTree(dir, tmp); err != nil {
			// Linking is a saving, not a need: start empty.
			if err := os.RemoveAll(tmp); err != nil {
				return err
			}
			if err := os.Mkdir(tmp, 0o755); err != nil {
				return err
			}
		}
	}
	return os.Rename(tmp, work)
}

// linkTree fills to with hard links to every regular file under from, and
// its folders.
func linkTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil || rel == "." {
			return err
		}
		dst := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.Mkdir(dst, 0o755)
		case d.Type().IsRegular():
			return os.Link(p, dst)
		}
		return nil // nothing a build writes
	})
}

// PutFile makes the file at path hold data, and reports whether it had to
// write: a file that holds data already is left alone. A file that differs
// is replaced by a new one, never written into, as it may be shared with
// the folder readers see (see Update).
func PutFile(path string, data []byte) (bool, error) {
	if same, err := holds(path, data); err != nil || same {
		return false, err
	}
	f, err := createAfresh(path)
	if err != nil {
		return false, err
	}
	return true, writeClose(f, data)
}

// PutNewFile is PutFile for a file the caller knows is not there (a Tree
// scanned before did not see it): it is created without looking for an
// old one first, which in a build into an empty folder was two failed
// look-ups of every file. Should the file be there after all, PutFile
// decides.
func PutNewFile(path string, data []byte) (bool, error) {
	f, err := create(path)
	if errors.Is(err, fs.ErrExist) {
		return PutFile(path, data)
	}
	if err != nil {
		return false, err
	}
	return true, writeClose(f, data)
}

// writeClose writes data to f and closes it.
func writeClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// holds reports whether the regular file at path holds exactly data. What
// is not a regular file is not opened (OpenRegular), for a named pipe
// would not open until something wrote to it: it does not hold data, nor
// does what cannot be opened, which writing it anew then reports.
func holds(path string, data []byte) (bool, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	if st.Size() != int64(len(data)) {
		return false, nil
	}
	return sameReader(f, data)
}

// SameContent reports whether the files at a and b are both regular and
// hold the same bytes; false when either cannot be read (OpenRegular).
func SameContent(a, b string) bool {
	fa, sa, err := OpenRegular(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, sb, err := OpenRegular(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	if sa.Size() != sb.Size() {
		return false
	}
	if os.SameFile(sa, sb) {
		return true
	}
	ba := compareBuffers.Get().(*[32 << 10]byte)
	defer compareBuffers.Put(ba)
	bb := compareBuffers.Get().(*[32 << 10]byte)
	defer compareBuffers.Put(bb)
	// Both as long as looked at, each read in step with the other.
	for left := sa.Size(); left > 0; {
		n := min(left, int64(len(ba)))
		if _, err := io.ReadFull(fa, ba[:n]); err != nil {
			return false
		}
		if _, err := io.ReadFull(fb, bb[:n]); err != nil || !bytes.Equal(ba[:n], bb[:n]) {
			return false
		}
		left -= n
	}
	return true
}

// OpenRegular opens the regular file at path, not a link to one: a build
// must not follow a link planted in its output folder to a device or to a
// file elsewhere, nor open a pipe, which would hold it up. It returns the
// file as looked at once opened, and fails when the file opened is not
// the one looked at before, unchanged (regularfile.Open).
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	return regularfile.Open(path, regularfile.AnySize)
}

// compareBuffers are sameReader's buffers. Each file a build compares was
// read into a buffer of its own: in a build of 100,000 records whose pages
// all changed, 200,000 buffers, 6 GB of garbage.
var compareBuffers = sync.Pool{New: func() any { return new([32 << 10]byte) }}

// sameReader reports whether r yields exactly data.
func sameReader(r io.Reader, data []byte) (bool, error) {
	b := compareBuffers.Get().(*[32 << 10]byte)
	defer compareBuffers.Put(b)
	buf := b[:]
	for {
		n, err := io.ReadFull(r, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false, nil
		}
		data = data[n:]
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return len(data) == 0, nil
		case err != nil:
			return false, err
		}
	}
}

// File is a file being written by NewFile: it compares what is written
// with what the file held, and writes a new file from the first
// difference on, so a large download that did not change is not written.
type File struct {
	path    string
	old     *os.File // the file as it was, while what is written matches
	matched int64    // bytes written that match old
	buf     []byte
	out     *os.File // the new file, from the first difference on
	err     error
	inPlace bool // out is the file itself (NewNewFile), not one to rename
}

// NewFile starts writing the file at path (see File); Close ends it.
func NewFile(path string) *File {
	f := &File{path: path}
	f.openOld()
	return f
}

// NewNewFile is NewFile for a file the caller knows is not there (see
// PutNewFile): it is written in place, with no old file to compare with
// and nothing to rename. Should the file be there after all, NewFile
// decides.
func NewNewFile(path string) *File {
	out, err := create(path)
	if errors.Is(err, fs.ErrExist) {
		return NewFile(path)
	}
	return &File{path: path, out: out, err: err, inPlace: true}
}

// openOld opens the file as it is, to compare with, or else the new file.
func (f *File) openOld() {
	// Only a regular file: a named pipe would not open until written to.
	if old, _, err := OpenRegular(f.path); err == nil {
		f.old = old
	}
	if f.old == nil {
		f.err = f.start()
	}
}

// start opens the new file and copies into it what matched so far.
func (f *File) start() error {
	var prefix io.Reader
	if f.old != nil {
		if _, err := f.old.Seek(0, io.SeekStart); err != nil {
			return err
		}
		prefix = io.LimitReader(f.old, f.matched)
	}
	// A new file renamed over the old at Close: the old may be shared.
	// What has its name (left by an interrupted build) is removed, not
	// opened: a named pipe would not open until something read it.
	out, err := createAfresh(f.path + ".new")
	if err != nil {
		return err
	}
	f.out = out
	if prefix != nil {
		if _, err := io.Copy(out, prefix); err != nil {
			return err
		}
		f.old.Close()
		f.old = nil
	}
	return nil
}

// Write writes p.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.old != nil {
		if cap(f.buf) < len(p) {
			f.buf = make([]byte, len(p))
		}
		n, err := io.ReadFull(f.old, f.buf[:len(p)])
		if n == len(p) && bytes.Equal(f.buf[:n], p) {
			f.matched += int64(n)
			return len(p), nil
		}
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			f.err = err
			return 0, err
		}
		if f.err = f.start(); f.err != nil {
			return 0, f.err
		}
	}
	n, err := f.out.Write(p)
	if err != nil {
		f.err = err
	}
	return n, err
}

// Close finishes the file and reports whether it was written (false: it
// held what was written already).
func (f *File) Close() (bool, error) {
	if f.err == nil && f.old != nil {
		// Everything matched: the same unless the old file is longer.
		st, err := f.old.Stat()
		switch {
		case err != nil:
			f.err = err
		case st.Size() == f.matched:
			f.old.Close()
			return false, nil
		default:
			f.err = f.start()
		}
	}
	if f.old != nil {
		f.old.Close()
	}
	if f.out == nil {
		return false, f.err
	}
	if err := f.out.Close(); err != nil && f.err == nil {
		f.err = err
	}
	if f.inPlace {
		if f.err != nil {
			remove(f.path)
			return false, f.err
		}
		return true, nil
	}
	if f.err != nil {
		remove(f.path + ".new")
		return false, f.err
	}
	return true, replace(f.path+".new", f.path)
}

// Tree is the folders below a folder when Scan looked at it: a build that
// updates a working copy is told which files are there as it scans, and
// removes those it did not write (Remove).
type Tree struct {
	root string
	dirs []string // the folders, parents before their children
	// full are the folders that held something.
	full map[string]bool
}

// Scan looks at every file and folder below dir once, and calls file with
// each file's path, relative and slash-separated, and whether it is a
// regular file: not a link, which no build writes.
func Scan(dir string, file func(rel string, regular bool)) (*Tree, error) {
	// Clean, so the folders' paths put together below are as
	// filepath.Join makes them.
	dir = filepath.Clean(dir)
	t := &Tree{root: dir, full: map[string]bool{}}
	if err := t.scan(dir, "", file); err != nil {
		return nil, err
	}
	return t, nil
}

// scan reports what the folder abs (rel below the root) holds, its
// folders before what they hold. Paths are put together here rather than
// by filepath.Join: a site has tens of thousands of files, and the names
// come from the folder itself.
func (t *Tree) scan(abs, rel string, file func(string, bool)) error {
	f, err := os.Open(abs)
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		t.full[abs] = true
	}
	for _, e := range entries {
		name := e.Name()
		r := name
		if rel != "" {
			r = rel + "/" + name
		}
		if e.IsDir() {
			// The path on the disk for folders only: of every file, it
			// was some 30,000 strings made for nothing.
			p := abs + string(filepath.Separator) + name
			t.dirs = append(t.dirs, p)
			if err := t.scan(p, r, file); err != nil {
				return err
			}
			continue
		}
		file(r, e.Type().IsRegular())
	}
	return nil
}

// MakeDir makes the folder rel (slash-separated) below root, and the
// folders it is in, each a folder of its own: what is in the way at one
// of their names, a file or a link, is removed, and the folder made in
// its place. A link to a folder is not followed, as MkdirAll would, so
// nothing is written outside root through one. It returns the names (rel
// to root) of what it removed. rel must stay below root.
func MakeDir(root, rel string) (removed []string, err error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return nil, fmt.Errorf("%s: not a folder below %s", rel, root)
	}
	at := ""
	for part := range strings.SplitSeq(rel, "/") {
		if part == "" || part == "." {
			continue
		}
		at = path.Join(at, part)
		p := filepath.Join(root, filepath.FromSlash(at))
		st, err := os.Lstat(p)
		switch {
		case err == nil && st.IsDir():
			continue
		case err == nil:
			if err := remove(p); err != nil {
				return removed, err
			}
			removed = append(removed, at)
		case !errors.Is(err, fs.ErrNotExist):
			return removed, err
		}
		if err := mkdir(p); err != nil && !errors.Is(err, fs.ErrExist) {
			return removed, err
		}
	}
	return removed, nil
}

// Remove removes the files rels (relative to the folder, slash-separated;
// one already gone is no error), and every folder left empty, as Prune
// does.
func (t *Tree) Remove(rels iter.Seq[string]) error {
	removed := map[string]bool{}
	for rel := range rels {
		p := filepath.Join(t.root, filepath.FromSlash(rel))
		// ENOTDIR: a folder it was in is a file now, written in the
		// folder's place (clearPath), so it is gone already.
		if err := remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return err
		}
		removed[filepath.Dir(p)] = true
	}
	// Only a folder that lost a file, or one that was empty, can be
	// empty now; deepest first, so a folder's empty subfolders are gone
	// before it.
	for i := len(t.dirs) - 1; i >= 0; i-- {
		d := t.dirs[i]
		if !removed[d] && t.full[d] {
			continue
		}
		if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
			if err := os.Remove(d); err != nil {
				return err
			}
			removed[filepath.Dir(d)] = true
		}
	}
	return nil
}
