// Package watch tells a command that runs while a register is edited
// (serve) when the files a build reads have changed: the configuration
// (register.yaml) and what is under sensors/ and algorithms/, their
// sub-folders included. It listens to the system's file-change
// notifications, so a save is known at once without looking at every file;
// where notifications cannot be had (no watcher, a limit on watches, a
// watcher that failed) it falls back to looking at every file at an
// interval (Fingerprint).
package watch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
)

// configFile and recordFolders are what a build reads, under the root.
const configFile = config.FileName

var recordFolders = func() []string {
	var folders []string
	for _, k := range record.Kinds {
		folders = append(folders, k.Folder())
	}
	return folders
}()

// DefaultSettle is how long a watcher waits after an event for more
// before it tells of the change: an editor's save is several events
// (write, rename, chmod) a few milliseconds apart, and makes one change.
const DefaultSettle = 25 * time.Millisecond

// maxSettles bounds the wait for quiet, in settles: files written without
// pause (a checkout of many files, a program that keeps writing) still
// make a change now and then.
const maxSettles = 20

// Options say how a watcher watches.
type Options struct {
	// Poll is the interval of the fallback: how often every file is looked
	// at when notifications cannot be had.
	Poll time.Duration
	// Settle is the quiet after an event before the change is told;
	// zero is DefaultSettle.
	Settle time.Duration
	// noNotify makes the watcher poll from the start (tests).
	noNotify bool
}

// Note is what a watcher has to say besides a change.
type Note struct {
	// Problem lists, one a line, the files that cannot be looked at (a
	// symlink loop, a folder without permission): sent when the list
	// changes, "" when it became empty. The watcher keeps watching the
	// rest.
	Problem string
	// Polling, when set, says why the watcher now looks at every file each
	// Poll instead of listening to notifications.
	Polling error
}

// Watcher watches one register root. Changes and Notes are read by one
// goroutine; Close ends the watching.
type Watcher struct {
	root    string
	opts    Options
	changes chan struct{}
	notes   chan Note
	done    chan struct{}
	wg      sync.WaitGroup

	// What the watching goroutine keeps.
	fs       *fsnotify.Watcher
	watched  map[string]bool   // folders and symlinked files with a watch
	problems map[string]string // path → what is wrong with it
	told     string            // the problem last sent
}

// New starts watching root. The watches are in place when it returns: a
// change made after it is told.
func New(root string, opts Options) *Watcher {
	if opts.Settle <= 0 {
		opts.Settle = DefaultSettle
	}
	if opts.Poll <= 0 {
		opts.Poll = time.Second
	}
	// Events name paths as they were watched: from an absolute root,
	// every name starts with it ("." would not).
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	w := &Watcher{root: filepath.Clean(root), opts: opts, changes: make(chan struct{}, 1),
		notes: make(chan Note, 16), done: make(chan struct{})}
	err := errPolled
	if !opts.noNotify {
		err = w.listen()
	}
	var last string
	if err != nil {
		if err != errPolled {
			w.note(Note{Polling: err})
		}
		last = w.fingerprint()
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		if err == nil {
			err = w.notified()
			if errors.Is(err, errClosed) {
				return
			}
			// Notifications failed: what changed meanwhile may be
			// unseen, so it counts as a change.
			w.note(Note{Polling: err})
			_ = w.fs.Close()
			last = w.fingerprint()
			w.changed()
		}
		w.poll(last)
	}()
	return w
}

// Changes receives a value after the register's files changed; changes
// made while the value waits to be received are told by that one value.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Notes receives what the watcher has to say besides a change.
func (w *Watcher) Notes() <-chan Note { return w.notes }

// Close stops watching.
func (w *Watcher) Close() {
	close(w.done)
	w.wg.Wait()
	if w.fs != nil {
		_ = w.fs.Close() // closing twice is harmless
	}
}

// errClosed ends the notified loop when the watcher was closed;
// errPolled stands for notifications not asked for.
var (
	errClosed = errors.New("closed")
	errPolled = errors.New("polling asked for")
)

func (w *Watcher) changed() {
	select {
	case w.changes <- struct{}{}:
	default: // one is waiting already
	}
}

func (w *Watcher) note(n Note) {
	select {
	case w.notes <- n:
	default: // not read: the next note tells the state again
	}
}

// tell sends the list of problems when it changed.
func (w *Watcher) tell(problem string) {
	if problem != w.told {
		w.told = problem
		w.note(Note{Problem: problem})
	}
}

// listen makes the notifier and watches the configuration's folder and
// the record folders.
func (w *Watcher) listen() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	w.fs, w.watched, w.problems = fw, map[string]bool{}, map[string]string{}
	if err := w.rescan(); err != nil {
		_ = fw.Close()
		w.fs = nil
		return err
	}
	w.tell(w.problemText())
	return nil
}

// notified turns notifications into changes until the watcher is closed,
// or returns why notifications can no longer be trusted.
func (w *Watcher) notified() error {
	settle := time.NewTimer(time.Hour)
	settle.Stop()
	pending := map[string]fsnotify.Op{}
	rescan := false
	// wait starts the quiet again, but never past maxSettles from the
	// first event of the batch.
	var first time.Time
	wait := func() {
		if len(pending) == 0 && !rescan {
			first = time.Now()
		}
		settle.Reset(min(w.opts.Settle, time.Until(first.Add(maxSettles*w.opts.Settle))))
	}
	for {
		select {
		case <-w.done:
			return errClosed
		case ev, ok := <-w.fs.Events:
			if !ok {
				return errors.New("the notifier stopped")
			}
			if w.relevant(ev.Name) {
				wait()
				pending[ev.Name] |= ev.Op
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return errors.New("the notifier stopped")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			// Events were lost: look at every folder again, and count
			// it as a change (the build reads what changed).
			wait()
			rescan = true
		case <-settle.C:
			for p, op := range pending {
				if w.follow(p, op) {
					rescan = true
				}
			}
			clear(pending)
			if rescan {
				rescan = false
				if err := w.rescan(); err != nil {
					return err
				}
			}
			// The watches of new folders are in place before the change
			// is told: what is written into them later is seen.
			w.changed()
			w.tell(w.problemText())
		}
	}
}

// relevant reports whether a change at p can change a build: the
// configuration, the record folders and what is in them. Hidden files
// (an editor's swap and backup files) are not read by a build.
func (w *Watcher) relevant(p string) bool {
	rel, ok := strings.CutPrefix(p, w.root+string(filepath.Separator))
	if !ok {
		return false
	}
	top, rest, _ := strings.Cut(rel, string(filepath.Separator))
	if rest == "" {
		return top == configFile || slices.Contains(recordFolders, top)
	}
	return slices.Contains(recordFolders, top) && !record.Hidden(filepath.Base(p))
}

// follow follows up one path's events: a folder that appeared is watched
// with what is in it, a symlink is looked through, and what vanished is
// let go. It reports whether every folder must be looked at again (a
// record folder itself came or went).
func (w *Watcher) follow(p string, op fsnotify.Op) bool {
	if filepath.Dir(p) == w.root {
		if filepath.Base(p) != configFile {
			return true // a record folder
		}
		w.config()
		return false
	}
	st, err := os.Lstat(p)
	if err != nil {
		w.forget(p)
		return false
	}
	switch {
	case st.IsDir():
		if op.Has(fsnotify.Create) || !w.watched[p] {
			if err := w.walk(p); err != nil {
				return true // a limit: rescan reports it
			}
		}
	case st.Mode()&os.ModeSymlink != 0:
		// The link may have been replaced, or its target saved over:
		// watch what it points to now.
		if w.watched[p] {
			_ = w.fs.Remove(p)
			delete(w.watched, p)
		}
		w.link(p)
	default:
		delete(w.problems, p)
	}
	return false
}

// config looks through the configuration when it is a symlink, as link
// does, so a save of the file it points to is seen.
func (w *Watcher) config() {
	p := filepath.Join(w.root, configFile)
	if w.watched[p] {
		_ = w.fs.Remove(p)
		delete(w.watched, p)
	}
	delete(w.problems, p)
	if st, err := os.Lstat(p); err == nil && st.Mode()&os.ModeSymlink != 0 {
		w.link(p)
	}
}

// forget lets go of a path that is gone and of everything under it.
func (w *Watcher) forget(p string) {
	under := p + string(filepath.Separator)
	for q := range w.watched {
		if q == p || strings.HasPrefix(q, under) {
			_ = w.fs.Remove(q) // a renamed folder keeps its watch
			delete(w.watched, q)
		}
	}
	for q := range w.problems {
		if q == p || strings.HasPrefix(q, under) {
			delete(w.problems, q)
		}
	}
}

// rescan watches the root and every folder under the record folders
// afresh, and lists their problems again.
func (w *Watcher) rescan() error {
	for p := range w.watched {
		_ = w.fs.Remove(p)
	}
	clear(w.watched)
	clear(w.problems)
	if err := w.add(w.root); err != nil {
		return err
	}
	w.config()
	for _, folder := range recordFolders {
		dir := filepath.Join(w.root, folder)
		st, err := os.Stat(dir) // a symlinked record folder is followed
		switch {
		case os.IsNotExist(err):
			if _, lerr := os.Lstat(dir); lerr == nil {
				w.problems[dir] = err.Error() // a dangling symlink
			}
		case err != nil:
			w.problems[dir] = err.Error()
		case st.IsDir():
			if err := w.walk(dir); err != nil {
				return err
			}
		}
	}
	return nil
}

// walk watches dir and the folders under it, and looks through the
// symlinks there; it fails only on a limit of the notifier.
func (w *Watcher) walk(dir string) error {
	if err := w.add(dir); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problems[dir] = err.Error()
		return nil
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case record.Hidden(e.Name()):
		case e.IsDir():
			if err := w.walk(p); err != nil {
				return err
			}
		case e.Type()&os.ModeSymlink != 0:
			w.link(p)
		}
	}
	return nil
}

// link looks through the symlink p: one that leads nowhere (a loop, a
// missing target) is a problem; one to a file gets a watch of its own,
// so a save of the file it points to, wherever that is, is seen.
func (w *Watcher) link(p string) {
	st, err := os.Stat(p)
	if err != nil {
		w.problems[p] = err.Error()
		return
	}
	delete(w.problems, p)
	if st.Mode().IsRegular() {
		_ = w.add(p) // at worst its target's saves go unseen
	}
}

// add watches p. A limit of the notifier (too many watches or open files)
// is returned: notifications would then miss changes. Any other failure
// is one of p's problems.
func (w *Watcher) add(p string) error {
	if w.watched[p] {
		return nil
	}
	err := w.fs.Add(p)
	switch {
	case err == nil:
		w.watched[p] = true
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE):
		return err
	case !os.IsNotExist(err):
		w.problems[p] = err.Error()
	}
	return nil
}

// problemText is the problems, one a line, in the order of their paths.
func (w *Watcher) problemText() string {
	paths := make([]string, 0, len(w.problems))
	for p := range w.problems {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b strings.Builder
	for i, p := range paths {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(w.problems[p])
	}
	return b.String()
}

// fingerprint takes the register's fingerprint, and tells its problems.
func (w *Watcher) fingerprint() string {
	fp, err := Fingerprint(w.root)
	problem := ""
	if err != nil {
		problem = err.Error()
	}
	w.tell(problem)
	return fp
}

// poll looks at every file each Poll until the watcher is closed, and
// tells a change when what it sees differs from last, the look before.
func (w *Watcher) poll(last string) {
	tick := time.NewTicker(w.opts.Poll)
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
			if fp := w.fingerprint(); fp != last {
				last = fp
				w.changed()
			}
		}
	}
}
