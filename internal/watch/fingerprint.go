package watch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/voorbeeldstad/register/internal/record"
)

// Fingerprint summarises what a build reads from a register root (the
// configuration and every file under sensors/ and algorithms/ but hidden
// ones: names, sizes and modification times), so a watcher that cannot have notifications
// can tell a change without reading the files. A file that cannot be
// looked at (a symlink loop, no permission) counts with its error, so the
// fingerprint stays usable and fixing the file changes it; the errors come
// back joined, for the caller to report while it keeps watching.
func Fingerprint(root string) (string, error) {
	h := sha256.New()
	var problems []error
	// Taken at every interval: each file's line is put together in one
	// buffer, not formatted.
	var buf []byte
	add := func(p string) {
		st, err := os.Stat(p)
		switch {
		case os.IsNotExist(err):
			if _, lerr := os.Lstat(p); lerr == nil {
				problems = append(problems, err) // a dangling symlink
				fmt.Fprintf(h, "%s\x00dangling\n", p)
			}
		case err != nil:
			problems = append(problems, err)
			fmt.Fprintf(h, "%s\x00%s\n", p, err)
		case st.IsDir():
			// A record folder by its name only: its time changes with
			// every file put in it, hidden ones too, and what it holds
			// is looked at one by one.
			h.Write(append(append(buf[:0], p...), "/\n"...))
		default:
			buf = append(append(buf[:0], p...), 0)
			buf = append(strconv.AppendInt(buf, st.Size(), 10), 0)
			buf = append(strconv.AppendInt(buf, st.ModTime().UnixNano(), 10), '\n')
			h.Write(buf)
		}
	}
	add(filepath.Join(root, configFile))
	for _, folder := range recordFolders {
		dir := filepath.Join(root, folder)
		if _, err := os.Lstat(dir); os.IsNotExist(err) {
			continue
		}
		add(dir) // a folder that is a symlink loop is named here
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !os.IsNotExist(err) {
					problems = append(problems, err)
					fmt.Fprintf(h, "%s\x00%s\n", p, err)
				}
				return nil // keep looking at the rest
			}
			if p != dir && record.Hidden(d.Name()) {
				// Passed over by the build, as by the notifications.
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				h.Write(append(append(buf[:0], p...), "/\n"...))
				return nil
			}
			add(p)
			return nil
		})
		if err != nil {
			problems = append(problems, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), errors.Join(problems...)
}
