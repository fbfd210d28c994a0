package load

import (
	"bufio"
	"bytes"
	"path"
	"strings"

	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Past returns the records a past version of a record file (its path
// relative to the register root, and its content) stands for, decoded as
// a load decodes it, for a text written back then that may quote its
// secrets (publish.Public.AlsoScrubFromSubjects). A version that was not
// public comes with its file's name as an id of its own when that differs
// from its id: a subject may name the file. A version that does not read
// as a record fails closed: it counts as not public, under its file's
// name and any id and name its lines give.
func Past(file string, data []byte, organisation string) []*record.Record {
	kind, _ := record.KindOfFile(file)
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	doc, _ := source.Parse(file, data, source.DefaultLimits)
	if doc == nil {
		return unreadVersion(stem, data)
	}
	rec, _ := recordOf(file, kind, doc.Value, nil)
	// Marked as a load marks it without the checklist: a template's
	// record was not public either.
	rec.Placeholders = len(placeholder.Find(rec, organisation)) > 0
	out := []*record.Record{rec}
	if !rec.IsPublic() && rec.ID != stem {
		out = append(out, &record.Record{ID: stem, PublicationInvalid: true})
	}
	return out
}

// unreadVersion stands for a version that did not read as a record: not
// public, with its file's name as its id, and each top-level id and name
// its lines give.
func unreadVersion(stem string, data []byte) []*record.Record {
	out := []*record.Record{{ID: stem, PublicationInvalid: true}}
	lines := bufio.NewScanner(bytes.NewReader(data))
	lines.Buffer(nil, len(data)+1)
	for lines.Scan() {
		key, value, ok := strings.Cut(lines.Text(), ":")
		if !ok || key != "id" && key != "name" {
			continue
		}
		value, _, _ = strings.Cut(value, " #")
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		if value != "" {
			out = append(out, &record.Record{Name: value, PublicationInvalid: true})
		}
	}
	return out
}
