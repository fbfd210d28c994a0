// Package migrate upgrades records to the current version of the record
// format, so municipalities' forks can follow new versions of the format
// without editing every file by hand.
//
// Version 1 is the first version of the format, and v1 records do not state
// their version: a record without format_version is v1. Each later version
// adds a Step from the version before it; the step rewrites the record's YAML
// (keeping comments, order and every byte it does not change) and migrate
// sets format_version. Version 2 (toV2) adds the camera regime. A migrated
// record is at the current version, so a second run changes nothing.
package migrate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Current is the version of the record format this tool reads and writes;
// the JSON Schemas' $comment names the same version.
const Current = 2

// VersionKey is the top-level key a record states its format version with,
// from version 2 on.
const VersionKey = "format_version"

// RuleMigrate is the rule id of migration findings.
const RuleMigrate = "migrate"

// Step upgrades one record from version From to From+1.
type Step struct {
	From int
	// Note says in a line what the step changes, for the report and the
	// changelog.
	Note label.Text
	// Edit rewrites the record's text, given its parsed top-level mapping;
	// it changes only what it must, so comments, blank lines and the
	// layout of everything else stay as they were.
	Edit func(data []byte, root *yaml.Node) ([]byte, error)
	// Apply, for a step that restructures rather than adds, rewrites the
	// top-level mapping in place; the record is then written out again
	// by the YAML encoder (comments kept, layout normalised). A step sets
	// Edit or Apply.
	Apply func(doc *yaml.Node) error
}

// Migrator is a format version with the steps that lead up to it.
type Migrator struct {
	Current int
	Steps   []Step
}

// Default is this tool's migrator.
var Default = Migrator{Current: Current, Steps: []Step{toV2}}

// Plan is what a migration would do.
type Plan struct {
	// Current is the version records are migrated to.
	Current int
	// Files are the record files read, relative to the root, sorted.
	Files []string
	// Versions counts the records per version found.
	Versions map[int]int
	// Pending are the records that need one or more steps.
	Pending []Pending
	// Leftovers are the temporary files a run killed while it wrote a
	// record left beside it (atomicfile.TempOf), relative to the root:
	// never records, nor anyone's changes, so ClearLeftovers removes them.
	Leftovers []string
	// Findings: unreadable records, records newer than the tool, and one
	// info finding per pending record.
	Findings []finding.Finding
}

// Pending is one record that needs migrating.
type Pending struct {
	File    string // relative to the root
	Version int
	// Size and ModTime are the file's when planned: Apply re-reads the
	// file rather than keep every record in memory, and refuses one that
	// changed in between.
	Size    int64
	ModTime time.Time
}

// Plan reads every record under root and works out what needs migrating.
func (m Migrator) Plan(root string) (*Plan, error) {
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return nil, msgNotRegister.Err(root)
	}
	p := &Plan{Current: m.Current, Versions: map[int]int{}}
	for _, k := range record.Kinds {
		entries, err := os.ReadDir(filepath.Join(root, k.Folder()))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Join(root, k.Folder()), err)
		}
		for _, e := range entries {
			if target, ok := atomicfile.TempOf(e.Name()); ok && e.Type().IsRegular() && isRecordName(target) {
				p.Leftovers = append(p.Leftovers, k.Folder()+"/"+e.Name())
				continue
			}
			// The files the loader reads: a symlink or a named pipe too,
			// which migrate then reports rather than skip unsaid.
			if e.IsDir() || record.Hidden(e.Name()) || !isRecordName(e.Name()) {
				continue
			}
			p.Files = append(p.Files, k.Folder()+"/"+e.Name())
		}
	}
	slices.Sort(p.Files)
	slices.Sort(p.Leftovers)
	for _, rel := range p.Files {
		data, st, refused := readRecord(filepath.Join(root, filepath.FromSlash(rel)))
		if refused != nil {
			p.Findings = append(p.Findings, worded(finding.Finding{File: rel, Rule: finding.RuleYAML, Severity: finding.Error},
				refused.msg, refused.help))
			continue
		}
		// Read as the loader reads it, limits and all: a file the loader
		// refuses (an alias bomb, a duplicate key, a second document) is
		// left alone, never rewritten.
		doc, fs := parseRecord(rel, data)
		if doc == nil {
			p.Findings = append(p.Findings, fs...)
			continue
		}
		v, line, bad := version(doc)
		if bad != "" {
			p.Findings = append(p.Findings, worded(finding.Finding{File: rel, Line: line, Rule: RuleMigrate, Severity: finding.Error},
				msgNotAVersion.With(VersionKey, bad), msgWholeNumber.With(VersionKey, m.Current)))
			continue
		}
		p.Versions[v]++
		switch {
		case v > m.Current:
			p.Findings = append(p.Findings, worded(finding.Finding{File: rel, Line: line, Rule: RuleMigrate, Severity: finding.Error},
				msgNewer.With(v, m.Current), msgInstallNewer.With()))
		case v < m.Current:
			notes := m.notes(v)
			if notes == nil {
				p.Findings = append(p.Findings, worded(finding.Finding{File: rel, Line: line, Rule: RuleMigrate, Severity: finding.Error},
					msgNoPath.With(v, m.Current), message.Phrase{}))
				continue
			}
			// Converted in memory, as Apply will: a dry run says what
			// the real run does, a record it cannot rewrite included.
			if _, refused := m.convert(rel, data, doc, v); refused != nil {
				p.Findings = append(p.Findings, refused...)
				continue
			}
			p.Pending = append(p.Pending, Pending{File: rel, Version: v, Size: st.Size(), ModTime: st.ModTime()})
			p.Findings = append(p.Findings, worded(finding.Finding{File: rel, Line: line, Rule: RuleMigrate, Severity: finding.Info},
				msgSteps.With(v, m.Current, notes), message.Phrase{}))
		}
	}
	finding.Sort(p.Findings)
	return p, nil
}

// isRecordName reports whether a file of that name in a record folder is
// one the loader reads, by its extension.
func isRecordName(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".yaml" || ext == ".yml"
}

// ClearLeftovers removes the plan's Leftovers and returns those it
// removed; one already gone is no error.
func (p *Plan) ClearLeftovers(root string) ([]string, error) {
	var removed []string
	for _, rel := range p.Leftovers {
		err := os.Remove(filepath.Join(root, filepath.FromSlash(rel)))
		switch {
		case err == nil:
			removed = append(removed, rel)
		case !errors.Is(err, os.ErrNotExist):
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the file is named by the message
			}
			return removed, msgCannotClear.Err(rel, err.Error())
		}
	}
	return removed, nil
}

// notes are the steps from version v to the current one, whose notes the
// finding joins, or nil when a step is missing.
func (m Migrator) notes(v int) stepNotes {
	var out stepNotes
	for from := v; from < m.Current; from++ {
		i := slices.IndexFunc(m.Steps, func(s Step) bool { return s.From == from })
		if i < 0 {
			return nil
		}
		out = append(out, m.Steps[i])
	}
	return out
}

// version reads a record's format version: format_version when present,
// else 1. It returns the line of the key for findings, and the value
// written when it is no format version.
func version(root *yaml.Node) (int, int, string) {
	n := source.Value(root, VersionKey)
	if n == nil {
		return 1, 0, ""
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil || v < 1 {
		return 0, n.Line, n.Value
	}
	return v, n.Line, ""
}

// Apply runs the plan's steps and rewrites each pending record in place
// (written to a temporary file and renamed), calling migrated (when not
// nil) with each file once written, relative to the root. It returns the
// files written, and a finding for each record it left as it was (one
// that changed or became unreadable since the plan); the others are
// migrated all the same. Once ctx is done it stops between files, the
// file in hand written whole or not at all, and returns ctx's error.
func (m Migrator) Apply(ctx context.Context, root string, p *Plan, migrated func(file string)) ([]string, []finding.Finding, error) {
	var done []string
	var refused []finding.Finding
	for _, pd := range p.Pending {
		if err := ctx.Err(); err != nil {
			return done, refused, err
		}
		data, fs := m.upgrade(root, pd)
		if fs != nil {
			refused = append(refused, fs...)
			continue
		}
		if err := replace(filepath.Join(root, filepath.FromSlash(pd.File)), data); err != nil {
			return done, refused, err
		}
		done = append(done, pd.File)
		if migrated != nil {
			migrated(pd.File)
		}
	}
	return done, refused, nil
}

// upgrade reads a pending record again and returns its text at the
// current version, or the findings that say why it is left as it is.
func (m Migrator) upgrade(root string, pd Pending) ([]byte, []finding.Finding) {
	full := filepath.Join(root, filepath.FromSlash(pd.File))
	at := finding.Finding{File: pd.File, Rule: RuleMigrate, Severity: finding.Error}
	data, st, bad := readRecord(full)
	if bad != nil {
		return nil, []finding.Finding{worded(at, bad.msg, bad.help)}
	}
	if st.Size() != pd.Size || !st.ModTime().Equal(pd.ModTime) {
		return nil, []finding.Finding{worded(at, msgChanged.With(), msgRunAgain.With())}
	}
	doc, fs := parseRecord(pd.File, data)
	if doc == nil {
		return nil, fs
	}
	return m.convert(pd.File, data, doc, pd.Version)
}

// convert runs the steps from version v on a record's text, in memory, and
// sets its format version. It returns the text at the current version, or
// the finding that says where and why the record is left as it is and
// what to do.
func (m Migrator) convert(rel string, data []byte, doc *yaml.Node, v int) ([]byte, []finding.Finding) {
	refused := func(err error, from int) []finding.Finding {
		f := finding.Finding{File: rel, Line: doc.Line, Column: doc.Column, Rule: RuleMigrate, Severity: finding.Error}
		if r, ok := errors.AsType[*refusal](err); ok {
			f.Line, f.Column = r.line, r.column
			return []finding.Finding{worded(f, r.msg, r.help)}
		}
		return []finding.Finding{worded(f, msgStepFailed.With(from, err.Error()), msgByHand.With(VersionKey, m.Current))}
	}
	for from := v; from < m.Current; from++ {
		i := slices.IndexFunc(m.Steps, func(s Step) bool { return s.From == from })
		if i < 0 {
			return nil, []finding.Finding{worded(finding.Finding{File: rel, Rule: RuleMigrate, Severity: finding.Error},
				msgNoPath.With(from, m.Current), message.Phrase{})}
		}
		var err error
		if s := m.Steps[i]; s.Edit != nil {
			data, err = s.Edit(data, doc)
		} else if err = s.Apply(doc); err == nil {
			data, err = encode(doc)
		}
		if err != nil {
			return nil, refused(err, from)
		}
		next, fs := parseRecord(rel, data)
		if next == nil {
			return nil, unreadableAfter(fs, from)
		}
		doc = next
	}
	out, err := setVersion(data, doc, m.Current)
	if err != nil {
		return nil, refused(err, m.Current-1)
	}
	// What is written reads as the loader reads it, at the current version:
	// else the file is left as it was.
	written, fs := parseRecord(rel, out)
	if written == nil {
		return nil, unreadableAfter(fs, m.Current-1)
	}
	if got, line, _ := version(written); got != m.Current {
		return nil, []finding.Finding{worded(finding.Finding{File: rel, Line: line, Rule: RuleMigrate, Severity: finding.Error},
			msgNotCurrent.With(got, m.Current), msgByHand.With(VersionKey, m.Current))}
	}
	return out, nil
}

// unreadableAfter words the findings of a record a step would make
// unreadable: what was wrong with the text it made, where, and that the
// record is left as it is.
func unreadableAfter(fs []finding.Finding, from int) []finding.Finding {
	out := make([]finding.Finding, len(fs))
	for i, f := range fs {
		f.Rule = RuleMigrate
		out[i] = worded(f, msgWouldBreak.With(from, f.Message), msgByHand.With(VersionKey, from+1))
	}
	return out
}

// encode writes a mapping out with the YAML encoder.
func encode(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// setVersion sets format_version: in place of the value of an existing
// key (a comment after it stays), or as a new entry after kind (or id).
func setVersion(data []byte, root *yaml.Node, v int) ([]byte, error) {
	if n := source.Value(root, VersionKey); n != nil {
		if out, ok := replaceScalar(data, n, strconv.Itoa(v)); ok {
			return out, nil
		}
		return nil, refuse(n, msgNotOneValue.With(VersionKey), msgSetByHand.With(VersionKey, v))
	}
	after := "kind"
	if source.Value(root, "kind") == nil {
		after = "id"
	}
	return insertAfter(data, root, after, field{key: VersionKey, value: strconv.Itoa(v)})
}

// replace writes data over path atomically, keeping the file's mode.
func replace(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	return atomicfile.Write(path, data, mode)
}

// Summary says in a line what the plan found, for people, in lang.
func (p *Plan) Summary(lang string) string {
	n := len(p.Files)
	vs := make([]int, 0, len(p.Versions))
	for v := range p.Versions {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		parts = append(parts, msgInFormat.Format(lang, p.Versions[v], v))
	}
	read := ""
	if len(parts) > 0 {
		read = " (" + strings.Join(parts, ", ") + ")"
	}
	records := message.Records.Format(lang, n)
	if len(p.Pending) == 0 {
		return msgUpToDate.Format(lang, records, read, p.Current)
	}
	return msgNeedMigrate.Format(lang, len(p.Pending), records, read, p.Current)
}
