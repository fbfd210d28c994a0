package load

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Cache keeps what each record file came to between runs of the checklist
// (Options.Check), so a file whose content has not changed is not parsed,
// validated or checked again. The checkcache package keeps one on disk.
type Cache interface {
	// Key identifies the program that made the results (its build), so a
	// new version of the tool never reuses an old one's.
	Key() string
	// Run is told the key of the run before its first Get: each sum is
	// the hash of a file's content under it (fileSum), so what was stored
	// under another key is never found, and a cache may let go of it.
	Run(key []byte)
	// Get returns what was stored for the file rel under sum, the hash of
	// the file's content and of everything else its result depends on.
	Get(rel string, sum [32]byte) (*Stored, bool)
	// Put stores a file's result; it is safe for concurrent use.
	Put(rel string, sum [32]byte, s *Stored)
}

// Parsed keeps the records that files decoded to, in binary
// (record.AppendBinary), between runs, by a hash of each file's content
// and of what decoding depends on; the parsecache package keeps one on
// disk. Get and Put are safe for concurrent use.
type Parsed interface {
	// Get's bytes are the record's strings from then on
	// (record.ReadBinary): nothing may change them.
	Get(rel string, sum [32]byte) ([]byte, bool)
	// Has reports whether the record of rel under sum is kept, and keeps
	// it for the next run, without reading it: a file parsed again to be
	// checked (after the configuration changed) is then not encoded and
	// put again.
	Has(rel string, sum [32]byte) bool
	Put(rel string, sum [32]byte, b []byte)
}

// parseKey hashes what a file's record depends on besides its content and
// its path (the store keeps each path's own): the program (a new version
// may parse or decode differently, and the binary follows its types) and
// the limits.
func parseKey(cache Cache, lim source.Limits) []byte {
	return fmt.Appendf(nil, "parse\x00%s\x00%d/%d/%d/%d\x00", cache.Key(), lim.MaxBytes, lim.MaxDepth, lim.AliasNodes, lim.AliasBytes)
}

// Stored is what one file came to, as a cache keeps it: its findings with
// their positions and, for a file that loaded as a record, what the
// register-wide checks and the report need of the record.
type Stored struct {
	// Findings are the file's findings from reading and validating it.
	Findings []finding.Finding
	// Record is nil when the file did not load as a record.
	Record *Facts
	// Outcome is the checklist's, with positions.
	Outcome principle.Outcome
}

// Facts are the fields of a record that the register-wide checks and the
// report use, and where those checks point.
type Facts struct {
	ID          string
	Kind        record.Kind
	UsesSensors []string
	// Point is the record's WGS84 position; FromRD says it came from
	// location.point_rd rather than location.point.
	Point  *record.Point
	FromRD bool
	Spots  Spots
}

// runKey hashes everything besides a file's content that its result
// depends on: the tool, the schemas, the configuration, the limits and
// whether history is at hand. What history says about a record, and the
// days on which its checks answer alike, are kept with its outcome and
// compared on reuse (principle.Checklist.Valid): a new day reuses every
// result its rules judge the same. Only a validator that can say which
// schemas it holds allows a cache: without that, nil.
func runKey(cache Cache, opts Options, cfg *config.Config) []byte {
	fp, ok := opts.Validator.(interface{ Fingerprint() string })
	if cache == nil || opts.Check == nil || !ok {
		return nil
	}
	conf, err := json.Marshal(cfg)
	if err != nil {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "tool %q\nschemas %q\nlimits %+v\nhistory %v\nconfig %d\n", cache.Key(), fp.Fingerprint(),
		opts.Limits, opts.Check.History != nil, len(conf))
	h.Write(conf)
	return h.Sum(nil)
}

// fileSum is a file's key in a cache: the hash of its content (digest)
// under the run's key. The content is hashed once for both caches.
func fileSum(key []byte, digest [32]byte) [32]byte {
	h := sha256.New()
	h.Write(key)
	h.Write(digest[:])
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// stored turns a file's result into what the cache keeps.
func (res *fileResult) stored() *Stored {
	return &Stored{Findings: res.findings, Outcome: res.outcome, Record: res.facts}
}

// factsOf are the facts of a record as the register-wide checks and the
// report use them, with where those checks point (spots).
func factsOf(r *record.Record, spots Spots) *Facts {
	kind := r.Kind
	if i := slices.Index(record.Kinds, kind); i >= 0 {
		kind = record.Kinds[i] // the constant: the record's own copy need not be kept
	}
	return &Facts{ID: r.ID, Kind: kind, UsesSensors: r.UsesSensors, Point: r.Point,
		FromRD: r.Location != nil && r.Location.Point == nil, Spots: spots}
}

// fromStored rebuilds a file's result from the cache, or reports false when
// the stored result cannot be trusted for the file: it names another file,
// an impossible severity, or a record under another id than its findings.
// A damaged or forged entry then costs a fresh read, never a wrong verdict
// of its own making. The result has the record's facts but no record.
func fromStored(rel string, s *Stored) (fileResult, bool) {
	if s == nil {
		return fileResult{}, false
	}
	id := ""
	if s.Record != nil {
		id = s.Record.ID
		if len(s.Record.Spots.Uses) != len(s.Record.UsesSensors) {
			return fileResult{}, false
		}
	}
	for _, fs := range [][]finding.Finding{s.Findings, s.Outcome.Findings} {
		for _, f := range fs {
			if f.File != rel || f.Severity < finding.Info || f.Severity > finding.Error || (id != "" && f.Record != id) ||
				f.Line < 0 || f.Column < 0 {
				return fileResult{}, false
			}
		}
	}
	return fileResult{file: rel, findings: s.Findings, outcome: s.Outcome, facts: s.Record}, true
}

// standIn is a record made of a file's facts alone: what the register-wide
// checks and a findings report read, nothing more.
func standIn(rel string, f *Facts) *record.Record {
	rec := &record.Record{ID: f.ID, Kind: f.Kind, File: rel, UsesSensors: f.UsesSensors, Point: f.Point}
	if f.Point != nil {
		rec.Location = &record.Location{}
		if f.FromRD {
			rec.Location.PointRD = &record.PointRD{}
		} else {
			p := *f.Point
			rec.Location.Point = &p
		}
	}
	return rec
}
