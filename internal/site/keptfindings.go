package site

import (
	"crypto/sha256"
	"math"
	"strconv"
	"sync"

	"github.com/voorbeeldstad/register/internal/finding"
)

// A build keeps every record's findings until its pages are written: at
// 100,000 records some 570,000 of them, 208 bytes each, as much as the
// records themselves. Nearly all of a finding but its file, record and
// position repeats from record to record (those 570,000 say some 21,000
// things), so the site keeps that once a build (sharedFinding) and, per
// finding, the file and position (keptFinding), a sixth of the size. The
// caller need not hold the findings it gave meanwhile.

// sharedFinding is what findings share but for their file, record and
// position: a finding with those left zero, and the key it adds to its
// record pages' keys (findingsSum), the hash of what it shares, worked
// out once, when first asked: serve shows an edited record's page before
// any key is made.
type sharedFinding struct {
	finding.Finding
	key *sharedKey
}

// sharedKey is a sharedFinding's key, kept apart from it, next to the
// keys of the others (keptFindings.keys): a record's key reads the key of
// each of its findings, and read from each finding's own memory, those
// were a fiftieth of a build after one change.
type sharedKey struct {
	once sync.Once
	sum  [sha256.Size]byte
}

// keptFinding is one finding of a record, kept for its pages.
type keptFinding struct {
	shared *sharedFinding
	key    *sharedKey // shared.key
	file   string
	// line and column are the finding's position; -1 when it does not
	// fit, and shared holds it.
	line, column int32
	// named: the finding named its record (Record); else only its file.
	named bool
}

// keptFindings gives each distinct sharedFinding one home for a build.
// Used from one goroutine (gatherFindings), then only read.
type keptFindings struct {
	// shared are found by their shortKey, then compared whole: hashing
	// every finding's texts, hundreds of bytes each, put some 30 ms
	// before serve could show an edited page of 10,000 records.
	shared map[shortKey][]*sharedFinding
	// keys holds the latest of the shared findings' keys, which are
	// allocated sharedKeyChunk at a time and never move.
	keys []sharedKey
}

const sharedKeyChunk = 1024

func newKeptFindings() *keptFindings {
	return &keptFindings{shared: map[shortKey][]*sharedFinding{}}
}

// shortKey is what a sharedFinding is found by: its position when the
// finding keeps none of its own, and where its shared parts are
// (finding.SharedAt). Found by its fields alone, the findings of one rule
// and field whose texts name their record (some thousands at 100,000
// records) were compared each with all the others kept before, a second
// of a build's CPU. Equal texts in bytes of their own find another key,
// and are kept once more.
type shortKey struct {
	line, column int
	at           finding.SharedAt
}

// keep returns f as kept, sharing what it has in common with findings
// kept before.
func (k *keptFindings) keep(f *finding.Finding) keptFinding {
	s := *f
	s.File, s.Record = "", ""
	kept := keptFinding{file: f.File, named: f.Record != "", line: -1, column: -1}
	if fits(f.Line) && fits(f.Column) {
		s.Line, s.Column = 0, 0
		kept.line, kept.column = int32(f.Line), int32(f.Column)
	}
	short := shortKey{s.Line, s.Column, finding.SharedAtOf(&s)}
	for _, sh := range k.shared[short] {
		if sh.Finding == s {
			kept.shared, kept.key = sh, sh.key
			return kept
		}
	}
	if len(k.keys) == cap(k.keys) {
		k.keys = make([]sharedKey, 0, sharedKeyChunk)
	}
	k.keys = k.keys[:len(k.keys)+1]
	kept.key = &k.keys[len(k.keys)-1]
	kept.shared = &sharedFinding{Finding: s, key: kept.key}
	k.shared[short] = append(k.shared[short], kept.shared)
	return kept
}

func fits(n int) bool { return n >= 0 && n <= math.MaxInt32 }

// finding is the kept finding as it was given, of the record id.
func (k keptFinding) finding(id string) finding.Finding {
	f := k.shared.Finding
	f.File = k.file
	if k.named {
		f.Record = id
	}
	if k.line >= 0 {
		f.Line, f.Column = int(k.line), int(k.column)
	}
	return f
}

// appendKey appends to buf every part of the kept finding of record id,
// each after its length (appendStrings) or of a fixed size, so no two
// findings append alike: what it shares with others as the hash of their
// shared key (appendSharedKey).
func (k keptFinding) appendKey(buf []byte, id string) []byte {
	record := ""
	if k.named {
		record = id
	}
	buf = appendStrings(buf, k.file, record)
	for _, n := range []int32{k.line, k.column} {
		buf = append(strconv.AppendInt(buf, int64(n), 10), ',')
	}
	// What findings share is hashed once, and a finding hashes its hash:
	// as the shared parts' whole key, some 250 bytes a finding, a
	// record's findings were the most hashed of a build after one change.
	key := k.key
	key.once.Do(func() {
		var a [1024]byte
		key.sum = sha256.Sum256(appendSharedKey(a[:0], &k.shared.Finding))
	})
	return append(buf, key.sum[:]...)
}
