// Package outdir replaces an output folder (the built site) as a whole,
// so that whoever reads it (register serve, a web server pointed at it, a
// deploy step) sees the old contents or the new, never a missing or
// half-written folder. Builds to one folder take turns: a second one is
// refused while the first runs. What an interrupted build left behind is
// removed by the next.
package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
)

// ErrBusy is returned when another build holds the folder's lock.
var ErrBusy = errors.New("another build is writing to this folder")

// Marker is the file every folder this package put in place holds, so
// that a later command knows the folder it replaces is one it wrote and
// not, say, the user's home folder (Replaceable).
const Marker = ".register-site"

// markerText is what Marker says to whoever opens it.
const markerText = "This folder was written by `register` and is replaced whole by the next run that writes it.\n"

// Replaceable refuses a folder that is neither missing, nor empty, nor one
// that holds Marker: what a command replaces whole must be its own.
func Replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		return msgNotOurs.Err(dir)
	}
	return nil
}

// Replace writes a new version of dir: fill gets a fresh empty folder next
// to dir (on the same file system) and, when it succeeds, that folder takes
// dir's place in one step, with Marker in it. When fill fails dir is left
// as it was; so is a dir that is not Replaceable. A symlinked dir stays a
// symlink: its target is replaced. It holds dir's lock while it runs.
func Replace(dir string, fill func(tmp string) error) error {
	l, err := Acquire(dir)
	if err != nil {
		return err
	}
	defer l.Release()
	return l.Replace(fill)
}

// Lock is a held build lock on a folder: while it is held, no other
// build (in this process or another) can replace the folder.
type Lock struct {
	dir  string
	held *lock
}

// Acquire takes dir's build lock, or returns ErrBusy at once when another
// build holds it. A command takes it before its slow work (loading,
// checking), so a second build is refused before it starts.
func Acquire(dir string) (*Lock, error) {
	dir, err := resolve(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	held, err := acquire(lockPath(dir))
	if err != nil {
		return nil, err
	}
	return &Lock{dir: dir, held: held}, nil
}

// Release gives the lock up; a nil Lock is fine.
func (l *Lock) Release() {
	if l != nil && l.held != nil {
		l.held.release()
		l.held = nil
	}
}

// Replace is the package's Replace under a lock already held.
func (l *Lock) Replace(fill func(tmp string) error) error {
	if l.held == nil {
		return msgLockReleased.Err()
	}
	if err := Replaceable(l.dir); err != nil {
		return err
	}
	Clean(l.dir)
	tmp, err := os.MkdirTemp(filepath.Dir(l.dir), tmpPrefix(l.dir))
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after a swap: the previous version
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	return swap(tmp, l.dir)
}

// resolve returns the folder to replace: dir itself, or the folder a
// symlink at dir points to.
func resolve(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	st, err := os.Lstat(dir)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return dir, nil
	}
	target, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", msgDanglingLink.Err()
	}
	return target, nil
}

func tmpPrefix(dir string) string { return "." + filepath.Base(dir) + ".tmp-" }

func lockPath(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".lock")
}

// Clean removes the temporary folders an interrupted build left next to
// dir (.NAME.tmp-*, and .NAME.previous.old where Update renames twice). Replace calls it holding the lock, so no running
// build's folder is touched.
func Clean(dir string) {
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix(dir)) || e.Name() == filepath.Base(previousPath(dir))+".old" {
			_ = os.RemoveAll(filepath.Join(filepath.Dir(dir), e.Name()))
		}
	}
}

// swap puts tmp in dir's place. Where the system can exchange two paths in
// one step (Linux, macOS) dir is never missing; tmp then holds the previous
// version, which the caller removes. Elsewhere it falls back to two renames.
func swap(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return msgPutInPlace.ErrOf(err, err)
		}
		return nil
	}
	if err := exchange(tmp, dir); err == nil {
		return nil
	} else if !errors.Is(err, errNoExchange) {
		return msgPutInPlace.ErrOf(err, err)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return msgMoveAside.ErrOf(err, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return msgPutInPlace.ErrOf(err, err)
	}
	return os.RemoveAll(old)
}

// errNoExchange says the system or file system cannot exchange two paths.
var errNoExchange = errors.New("no atomic exchange here")

func busy(path string) error { return msgBusy.ErrOf(ErrBusy, path) }

// What a build's writing of its folder says when it cannot, in the run's
// language (message.Text); the system's own reason stays as it gives it.
var (
	msgBusy = message.New("another build is writing to this folder (%s is locked): wait for it to finish, or write to another folder",
		"een andere build schrijft in deze map (%s is vergrendeld): wacht tot die klaar is, of schrijf naar een andere map")
	msgBusyStale    = message.New("%s; if no build is running, remove %s", "%s; draait er geen build, verwijder dan %s")
	msgDanglingLink = message.New("a symlink that leads nowhere or in a loop: point it at a folder, or write to another folder",
		"een symlink die nergens heen leidt of in een kring gaat: laat hem naar een map wijzen, of schrijf naar een andere map")
	msgPutInPlace   = message.New("put the new version in place: %v", "de nieuwe versie op zijn plaats zetten: %v")
	msgMoveAside    = message.New("move the previous version aside: %v", "de vorige versie opzij zetten: %v")
	msgLockReleased = message.New("the build lock was released", "de vergrendeling van de build is vrijgegeven")
	msgNotOurs      = message.New("%s is not empty and was not built by register; choose another --out or empty it first",
		"%s is niet leeg en is niet door register gebouwd; kies een andere --out of maak de map eerst leeg")
	msgInTheWay = message.New("%s is in the way: it is not a folder a build left; remove it",
		"%s staat in de weg: het is geen map die een build achterliet; verwijder hem")
)
