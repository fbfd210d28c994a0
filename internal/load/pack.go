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
// runs, each file's findings are kept packed: the file and record once per
// file, everything but the position once per load (shared), and the
// position per finding, a thirteenth of the size, with each message kept
// once. They are unpacked as the findings are put together at the end.

// packedFindings are the findings of one file, packed.
type packedFindings struct {
	file, record string
	items        []packedFinding
}

// packedFinding is one finding of a file, packed: what it shares with
// other findings is in shared.
type packedFinding struct {
	shared       *sharedText
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

// texts gives each distinct sharedText one home for the whole load.
type texts struct {
	mu sync.Mutex
	m  map[sharedText]*sharedText
}

func (t *texts) intern(s sharedText) *sharedText {
	t.mu.Lock()
	defer t.mu.Unlock()
	if p, ok := t.m[s]; ok {
		return p
	}
	if t.m == nil {
		t.m = map[sharedText]*sharedText{}
	}
	// A copy made here, for a text not held yet: taking s's address would
	// move every call's s to the heap, 570,000 of them at 100,000 records.
	p := new(sharedText)
	*p = s
	t.m[s] = p
	return p
}

// pack packs the findings of one file, or reports false when they do not
// all name the same file and record, or a position does not fit, and are
// better kept as they are.
func (t *texts) pack(fs []finding.Finding) (*packedFindings, bool) {
	if len(fs) == 0 {
		return nil, true
	}
	p := &packedFindings{file: fs[0].File, record: fs[0].Record, items: make([]packedFinding, len(fs))}
	for i, f := range fs {
		if f.File != p.file || f.Record != p.record || f.Line < 0 || f.Line > math.MaxInt32 ||
			f.Column < 0 || f.Column > math.MaxInt32 {
			return nil, false
		}
		p.items[i] = packedFinding{
			shared: t.intern(sharedText{f.Rule, f.Principle, f.Message, f.Help, f.Law, f.Path, f.Severity, f.Key}),
			line:   int32(f.Line), column: int32(f.Column),
		}
	}
	return p, true
}

// len is the number of findings packed.
func (p *packedFindings) len() int {
	if p == nil {
		return 0
	}
	return len(p.items)
}

// appendTo appends the findings, unpacked, to fs.
func (p *packedFindings) appendTo(fs []finding.Finding) []finding.Finding {
	if p == nil {
		return fs
	}
	for _, it := range p.items {
		s := it.shared
		fs = append(fs, finding.Finding{File: p.file, Line: int(it.line), Column: int(it.column), Record: p.record,
			Rule: s.rule, Principle: s.principle, Severity: s.severity, Message: s.message,
			Help: s.help, Law: s.law, Path: s.path, Key: s.key})
	}
	return fs
}

// any reports whether a packed finding satisfies f.
func (p *packedFindings) any(f func(rule, law string, sev finding.Severity) bool) bool {
	if p == nil {
		return false
	}
	for _, it := range p.items {
		if f(it.shared.rule, it.shared.law.In("en"), it.shared.severity) {
			return true
		}
	}
	return false
}
