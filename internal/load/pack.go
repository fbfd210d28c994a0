package load

import (
	"math"
	"sync"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

// A findings-only load of a large register holds every file's findings
// until the last file is read: at 100,000 records more than half a million
// of them, 208 bytes each, nearly all of which repeat from finding to
// finding: the file and record, and the rest but for the position (at
// 100,000 records, 570,000 findings have 21,000 messages). While the load
// runs, each file's findings are kept packed: the file and record not at
// all (the file's result names them), everything but the position once
// per load (texts), and per finding the position and the number of its
// text, a seventeenth of the size. They are unpacked as the findings are
// put together at the end.

// packedFindings are the findings of one file, packed: the file's own
// (from reading and validating it), then the checklist's. They name
// neither the file nor the record: pack takes only findings that name
// those they are kept with, and unpacking gives those back.
type packedFindings struct {
	items []packedFinding
	own   int // items[:own] are the file's own findings
	// unplaced says one of the checklist's has no position yet, which
	// Locate looks for at the end of the load.
	unplaced bool
}

// packedFinding is one finding of a file, packed: what it shares with
// other findings is text, its number in texts. It holds no pointer, so
// the collector, which marks what the load keeps some forty times at
// 100,000 records, does not look into the half a million of them.
type packedFinding struct {
	text         uint32
	line, column int32
}

// sharedText is what findings share but for their file, record and
// position.
type sharedText struct {
	rule, principle    string
	message, help, law label.Text
	path               string
	severity           finding.Severity
	key                bool
}

// texts gives each distinct sharedText one number for the whole load.
type texts struct {
	mu   sync.Mutex
	m    map[sharedText]uint32
	list []sharedText // by number
	// at finds the number of a finding by where its texts are
	// (finding.SharedAt), without hashing them: the findings read back
	// from the check cache share the bytes of each text.
	at map[finding.SharedAt]uint32
}

// internAt returns the number of f's shared text (intern), found first
// by where its texts are; under t.mu.
func (t *texts) internAt(f *finding.Finding) (uint32, bool) {
	at := finding.SharedAtOf(f)
	s := sharedText{f.Rule, f.Principle, f.Message, f.Help, f.Law, f.Path, f.Severity, f.Key}
	// Compared still, at once: texts in the same bytes are equal.
	if i, ok := t.at[at]; ok && t.list[i] == s {
		return i, true
	}
	n := len(t.list)
	i, ok := t.intern(s)
	// Only the texts numbered now are found by where they are: the
	// table holds those bytes anyway, where a finding that says the same
	// in bytes of its own would keep them.
	if ok && len(t.list) > n {
		if t.at == nil {
			t.at = map[finding.SharedAt]uint32{}
		}
		t.at[at] = i
	}
	return i, ok
}

// intern returns the number of s, numbering it when it is new; false when
// the numbers ran out.
func (t *texts) intern(s sharedText) (uint32, bool) {
	if i, ok := t.m[s]; ok {
		return i, true
	}
	if len(t.list) >= math.MaxUint32 {
		return 0, false
	}
	if t.m == nil {
		t.m = map[sharedText]uint32{}
	}
	i := uint32(len(t.list))
	t.list = append(t.list, s)
	t.m[s] = i
	return i, true
}

// pack packs the findings of one file, its own and the checklist's, or
// reports false when one of them does not name file and record, or a
// position does not fit, and they are better kept as they are.
func (t *texts) pack(file, record string, own, checked []finding.Finding) (packedFindings, bool) {
	n := len(own) + len(checked)
	if n == 0 {
		return packedFindings{}, true
	}
	p := packedFindings{items: make([]packedFinding, 0, n), own: len(own)}
	t.mu.Lock()
	defer t.mu.Unlock()
	for part, fs := range [][]finding.Finding{own, checked} {
		for _, f := range fs {
			if f.File != file || f.Record != record || f.Line < 0 || f.Line > math.MaxInt32 ||
				f.Column < 0 || f.Column > math.MaxInt32 {
				return packedFindings{}, false
			}
			p.unplaced = p.unplaced || part == 1 && unplaced(&f)
			i, ok := t.internAt(&f)
			if !ok {
				return packedFindings{}, false
			}
			p.items = append(p.items, packedFinding{text: i, line: int32(f.Line), column: int32(f.Column)})
		}
	}
	return p, true
}

// checkedLen is the number of the checklist's findings packed.
func (p packedFindings) checkedLen() int { return len(p.items) - p.own }

// appendOwn appends the file's own findings of p, unpacked with the file
// and record they were packed with, to fs.
func (t *texts) appendOwn(fs []finding.Finding, file, record string, p packedFindings) []finding.Finding {
	return t.appendItems(fs, file, record, p.items[:p.own])
}

// appendChecked appends the checklist's findings of p, unpacked, to fs.
func (t *texts) appendChecked(fs []finding.Finding, file, record string, p packedFindings) []finding.Finding {
	return t.appendItems(fs, file, record, p.items[p.own:])
}

func (t *texts) appendItems(fs []finding.Finding, file, record string, items []packedFinding) []finding.Finding {
	if len(items) == 0 {
		return fs
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, it := range items {
		fs = append(fs, t.finding(file, record, it))
	}
	return fs
}

// unpack sets *f to the finding it, of file and record.
func (t *texts) unpack(f *finding.Finding, file, record string, it packedFinding) {
	t.mu.Lock()
	defer t.mu.Unlock()
	*f = t.finding(file, record, it)
}

// finding is it unpacked, of file and record; under t.mu.
func (t *texts) finding(file, record string, it packedFinding) finding.Finding {
	s := &t.list[it.text]
	return finding.Finding{File: file, Line: int(it.line), Column: int(it.column), Record: record,
		Rule: s.rule, Principle: s.principle, Severity: s.severity, Message: s.message,
		Help: s.help, Law: s.law, Path: s.path, Key: s.key}
}

// anyChecked reports whether one of the checklist's findings of p
// satisfies f.
func (t *texts) anyChecked(p packedFindings, f func(rule, law string, sev finding.Severity) bool) bool {
	if p.checkedLen() == 0 {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, it := range p.items[p.own:] {
		s := &t.list[it.text]
		if f(s.rule, s.law.In("en"), s.severity) {
			return true
		}
	}
	return false
}
