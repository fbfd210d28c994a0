package migrate

import (
	"errors"
	"io/fs"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/regularfile"
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
// rewrite), looked at before it is opened, opened without blocking and
// looked at again once open (regularfile.Open), and no larger than
// source.DefaultLimits.MaxBytes. It returns the content with the file's
// information as read, or why it cannot be read.
func readRecord(path string) ([]byte, os.FileInfo, *unreadable) {
	most := source.DefaultLimits.MaxBytes
	f, st, err := regularfile.Open(path, most)
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	defer f.Close()
	data, err := regularfile.Read(f, path, st.Size(), most, nil)
	if err != nil {
		return nil, nil, cannotOpen(err)
	}
	return data, st, nil
}

// cannotOpen says why a file could not be read: it is no plain file of
// the size a record may be (regularfile), or the system would not let it
// be read.
func cannotOpen(err error) *unreadable {
	var big *regularfile.TooLarge
	switch {
	case errors.Is(err, regularfile.ErrLink):
		return &unreadable{msgSymlink.With(), msgReplaceLink.With()}
	case errors.Is(err, regularfile.ErrNotRegular):
		return &unreadable{msgNotRegular.With(), msgMakePlain.With()}
	case errors.As(err, &big):
		return &unreadable{source.MsgTooBig.With(big.Size, big.Most), source.MsgSplit.With()}
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
