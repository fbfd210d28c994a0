// Package scaffold writes the template for a new record: a YAML file with
// every field of the record format, each with a comment in Dutch and English
// that says what to fill in and which principle asks for it. The template
// validates as it stands, so a new record can be committed at once and the
// checklist then says what is still missing.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"text/template"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
)

//go:embed sensor.yaml.tmpl algorithm.yaml.tmpl
var templates embed.FS

// parsed is parsed when a record is first scaffolded, not as every command
// starts.
var parsed = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(templates, "*.yaml.tmpl"))
})

// ParseKind reads a kind as typed on the command line.
func ParseKind(s string) (record.Kind, error) {
	switch record.Kind(s) {
	case record.Sensor, record.Algorithm:
		return record.Kind(s), nil
	}
	return "", msgUnknownKind.Err(s)
}

// msgUnknownKind is a kind on the command line that is neither: worded in
// the run's language, as the command line prints an error of texts.
var msgUnknownKind = message.New("unknown kind %q: use sensor or algorithm", "onbekende soort %q: kies sensor of algorithm")

// Record returns the commented template for a new record of the kind, with
// today's date (Europe/Amsterdam) as its start.
func Record(kind record.Kind, id string) ([]byte, error) {
	return RecordOn(kind, id, time.Now())
}

// RecordOn is Record with the clock given, so the dates in the template are
// those of the day now falls on in Europe/Amsterdam.
func RecordOn(kind record.Kind, id string, now time.Time) ([]byte, error) {
	if _, err := ParseKind(string(kind)); err != nil {
		return nil, err
	}
	if err := record.CheckID(id); err != nil {
		return nil, err
	}
	today := period.Today(now)
	data := struct {
		ID, Path, Today, Start, End string
		// The placeholder rule's marks, so a field left as the template
		// wrote it never reaches the public site.
		Fill, Mailbox, Domain string
		OriginX, OriginY      float64
		OriginLat, OriginLon  float64
	}{
		Fill: placeholder.Fill, Mailbox: placeholder.Mailbox, Domain: placeholder.Domain,
		OriginX: placeholder.OriginX, OriginY: placeholder.OriginY, OriginLat: placeholder.OriginLat, OriginLon: placeholder.OriginLon,
		ID:    id,
		Path:  kind.Folder() + "/" + id + ".yaml",
		Today: period.Format(today),
		// A month ahead: a new record is planned, and registering it today
		// keeps it well inside the notice period before it starts.
		Start: period.Format(today.AddDate(0, 1, 0)),
		// A year ahead: a placeholder end that is inside every default limit.
		End: period.Format(today.AddDate(1, 0, 0)),
	}
	var b bytes.Buffer
	if err := parsed().ExecuteTemplate(&b, string(kind)+".yaml.tmpl", data); err != nil {
		return nil, fmt.Errorf("template for %s: %w", kind, err)
	}
	return b.Bytes(), nil
}

// ErrExists is returned by Create when a record with the id is already in
// the register; the existing file is left as it was.
var ErrExists = errors.New("a record with this id already exists")

// Create writes the template for a new record to <root>/<folder>/<id>.yaml,
// creating the folder, and returns the path. It never overwrites: ids are
// unique across the register, so it refuses when any record file with the id
// exists in either folder, and the final step is a hard link (or an O_EXCL
// create) that fails when the target appeared in the meantime. With
// ErrExists the path returned is the file that is already there.
func Create(root string, kind record.Kind, id string, now time.Time) (string, error) {
	data, err := RecordOn(kind, id, now)
	if err != nil {
		return "", err
	}
	for _, k := range record.Kinds {
		for _, ext := range []string{".yaml", ".yml"} {
			p := filepath.Join(root, k.Folder(), id+ext)
			if _, err := os.Lstat(p); err == nil {
				return p, fmt.Errorf("%w: %s", ErrExists, p)
			}
		}
	}
	dir := filepath.Join(root, kind.Folder())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create folder %s: %w", dir, err)
	}
	target := filepath.Join(dir, id+".yaml")
	if err := atomicfile.WriteNew(target, data, 0o644); err != nil {
		if errors.Is(err, os.ErrExist) {
			return target, fmt.Errorf("%w: %s", ErrExists, target)
		}
		return "", err
	}
	return target, nil
}
