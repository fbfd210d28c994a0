package migrate

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/source"
)

// unreadable says why a record file is left alone, in both languages.
type unreadable struct{ msg, help message.Phrase }

func (u *unreadable) Error() string { return u.msg.In(message.English) }

// In is the reason in lang, so an error of Apply is worded as the run is.
func (u *unreadable) In(lang string) string {
	return u.msg.In(lang) + "; " + u.help.In(lang)
}

// readRecord reads a record file as the loader reads one: a plain file
// only (a symlink is left alone, as migrate would write through it, and a
// named pipe or a device would block the read or be destroyed by the
// rewrite), opened without blocking and looked at again once open, and
// no larger than source.DefaultLimits.MaxBytes. It returns the content with
// the file's information as read, or why it cannot be read.
func readRecord(path string) ([]byte, os.FileInfo, *unreadable) {
	lst, err := os.Lstat(path)
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	switch {
	case lst.Mode()&os.ModeSymlink != 0:
		return nil, nil, &unreadable{msgSymlink.With(), msgReplaceLink.With()}
	case !lst.Mode().IsRegular():
		return nil, nil, &unreadable{msgNotRegular.With(), msgMakePlain.With()}
	}
	// O_NONBLOCK: should the file have become a named pipe since Lstat,
	// opening it does not wait for a writer; Stat below refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	if !st.Mode().IsRegular() || !os.SameFile(lst, st) {
		return nil, nil, &unreadable{msgNotRegular.With(), msgMakePlain.With()}
	}
	most := source.DefaultLimits.MaxBytes
	if st.Size() > most {
		return nil, nil, &unreadable{source.MsgTooBig.With(st.Size(), most), source.MsgSplit.With()}
	}
	data, err := io.ReadAll(io.LimitReader(f, most+1))
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	if int64(len(data)) > most {
		return nil, nil, &unreadable{source.MsgTooBig.With(len(data), most), source.MsgSplit.With()}
	}
	return data, st, nil
}

// cannotOpen says why the system would not let a file be read.
func cannotOpen(err error) *unreadable {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return &unreadable{msgNoAccess.With(), msgCheckPermissions.With()}
	case errors.Is(err, fs.ErrNotExist):
		return &unreadable{msgCannotRead.With(msgNoSuchFile.With()), msgRunAgain.With()}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is the finding's
	}
	return &unreadable{msgCannotRead.With(err.Error()), msgRunValidate.With()}
}

// parseRecord parses a record's text as the loader does (source.Parse,
// with its limits on size, nesting, aliases, duplicate keys and documents)
// and returns its top-level mapping, or the findings that say why the file
// is left alone.
func parseRecord(rel string, data []byte) (*yaml.Node, []finding.Finding) {
	doc, fs := source.Parse(rel, data, source.DefaultLimits)
	if doc == nil {
		return nil, fs
	}
	if doc.Root.Kind != yaml.MappingNode {
		return nil, []finding.Finding{worded(finding.Finding{File: rel, Line: doc.Root.Line, Column: doc.Root.Column,
			Rule: finding.RuleYAML, Severity: finding.Error}, msgNotAMapping.With(), msgRunValidate.With())}
	}
	return doc.Root, nil
}
