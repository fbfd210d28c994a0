package checkcache

import (
	"bufio"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"time"
	"unsafe"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// The cache file's payload is written by hand rather than with gob: most of
// it is the findings' texts, which repeat from record to record (a rule's
// help, a message about the same missing field). Every string is written
// once in a table and referred to by its number, and on reading all of them
// are slices of one string: the file is a third of gob's size and reads in
// a fraction of the time, which is most of a re-check after a few edits.

// encoder writes entries.
type encoder struct {
	strs strTable
	body []byte
}

func (e *encoder) uint(v uint64) { e.body = binary.AppendUvarint(e.body, v) }

func (e *encoder) bool(b bool) {
	if b {
		e.body = append(e.body, 1)
	} else {
		e.body = append(e.body, 0)
	}
}

func (e *encoder) str(s string) { e.uint(e.strs.number(s)) }

func (e *encoder) findings(fs []finding.Finding) {
	e.uint(uint64(len(fs)))
	for _, f := range fs {
		e.str(f.File)
		e.uint(uint64(f.Line))
		e.uint(uint64(f.Column))
		e.str(f.Record)
		e.str(f.Rule)
		e.str(f.Principle)
		e.uint(uint64(f.Severity))
		// The texts in the order the format has kept them: the English
		// message and help, their Dutch, then the law in each.
		e.str(f.Message.In("en"))
		e.str(f.Help.In("en"))
		e.str(f.Message.In("nl"))
		e.str(f.Help.In("nl"))
		e.str(f.Law.In("en"))
		e.str(f.Law.In("nl"))
		e.str(f.Path)
		e.bool(f.Key)
	}
}

func (e *encoder) pos(p load.Pos) {
	e.uint(uint64(uint32(p.Line)))
	e.uint(uint64(uint32(p.Col)))
}

// entry writes the entry of rel, and returns the number of rel's name.
// The result follows its length, so a reader can pass over it without
// decoding it (decoder.entry).
func (e *encoder) entry(rel string, en *entry) (name uint64) {
	name = e.strs.number(rel)
	e.uint(name)
	e.body = append(e.body, en.Sum[:]...)
	at := len(e.body)
	e.stored(en.Stored)
	// The length goes before the result: written after it, then moved.
	n := len(e.body) - at
	var l [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(l[:], uint64(n))
	e.body = append(e.body, l[:k]...)
	copy(e.body[at+k:], e.body[at:at+n])
	copy(e.body[at:], l[:k])
	return name
}

// stored writes a file's result.
func (e *encoder) stored(s *load.Stored) {
	e.findings(s.Findings)
	e.bool(s.Record != nil)
	if r := s.Record; r != nil {
		e.str(r.ID)
		e.str(string(r.Kind))
		e.uint(uint64(len(r.UsesSensors)))
		for _, u := range r.UsesSensors {
			e.str(u)
		}
		e.bool(r.Point != nil)
		if r.Point != nil {
			e.body = binary.LittleEndian.AppendUint64(e.body, math.Float64bits(r.Point.Lat))
			e.body = binary.LittleEndian.AppendUint64(e.body, math.Float64bits(r.Point.Lon))
		}
		e.bool(r.FromRD)
		for _, p := range []load.Pos{r.Spots.ID, r.Spots.Kind, r.Spots.Point, r.Spots.PointRD} {
			e.pos(p)
		}
		e.uint(uint64(len(r.Spots.Uses)))
		for _, p := range r.Spots.Uses {
			e.pos(p)
		}
	}
	o := s.Outcome
	e.findings(o.Findings)
	e.uint(o.Cost)
	e.bool(o.Complete)
	e.uint(uint64(len(o.History)))
	for _, h := range o.History {
		e.str(h.File)
		b, _ := h.At.MarshalBinary()
		e.str(string(b))
		e.bool(h.OK)
	}
	e.day(o.Holds.From)
	e.day(o.Holds.Until)
}

// day writes a bound of a span (a day, midnight UTC): 0 for none (open),
// else its Unix time in seconds, zigzagged, plus one.
func (e *encoder) day(t time.Time) {
	if t.IsZero() {
		e.uint(0)
		return
	}
	n := t.Unix()
	e.uint(uint64(n<<1^n>>63) + 1)
}

func newEncoder() *encoder { return &encoder{strs: newStrTable(0)} }

// seed starts the encoder's table with table, numbered as there, so that
// entries written with it can be copied as they are.
func (e *encoder) seed(table []string) {
	e.strs = seeded(table)
}

// writeHead writes the payload but the entries, which follow it: written
// as it goes, not made whole first, as the table of 100,000 records' was,
// 25 MB at the end of a run, grown to it in 100 MB of copies.
func (e *encoder) writeHead(w *bufio.Writer, run string, saves, base uint64, n int) {
	var b [binary.MaxVarintLen64]byte
	num := func(v uint64) { w.Write(binary.AppendUvarint(b[:0], v)) }
	num(uint64(len(run)))
	w.WriteString(run)
	num(saves)
	num(base)
	num(uint64(e.strs.len()))
	for i := range e.strs.len() {
		s := e.strs.at(i)
		num(uint64(len(s)))
		w.WriteString(s)
	}
	num(uint64(n))
}

var errDamaged = errors.New("damaged")

// decoder reads a payload; the first error sticks and every later read
// returns zeros, so the caller checks once at the end.
type decoder struct {
	data  string
	err   error
	table []string
	end   int64 // where data ends in the file
}

func (d *decoder) fail() { d.err = errDamaged }

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(d.data) && i < binary.MaxVarintLen64; i++ {
		b := d.data[i]
		if i == binary.MaxVarintLen64-1 && b > 1 {
			break // more than 64 bits
		}
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			d.data = d.data[i+1:]
			return v
		}
	}
	d.fail()
	return 0
}

// count reads a number of items, each taking at least least bytes, so a
// damaged count cannot make the reader allocate for more items than the
// bytes left could hold: a finding takes some 200 bytes in memory, and
// believed for each byte left, a count made a result of 10 MB take 2 GB.
func (d *decoder) count(least int) int {
	n := d.uint()
	if n > uint64(len(d.data)/least) {
		d.fail()
		return 0
	}
	return int(n)
}

// The least bytes an item takes in a payload, for count: one for each
// number, the 32 of an entry's sum.
const (
	findingBytes = 15         // its fields (encoder.findings)
	entryBytes   = 1 + 32 + 1 // its name, sum and result's length
	posBytes     = 2          // its line and column
	historyBytes = 3          // its file, time and answer
)

func (d *decoder) int() int {
	v := d.uint()
	if v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) bool() bool {
	switch d.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *decoder) bytes(n int) string {
	if d.err != nil || n > len(d.data) {
		d.fail()
		return ""
	}
	s := d.data[:n]
	d.data = d.data[n:]
	return s
}

func (d *decoder) str() string {
	i := d.uint()
	if d.err != nil || i >= uint64(len(d.table)) {
		d.fail()
		return ""
	}
	return d.table[i]
}

func (d *decoder) findings() []finding.Finding {
	n := d.count(findingBytes)
	if n == 0 {
		return nil
	}
	fs := make([]finding.Finding, n)
	for i := range fs {
		f := &fs[i]
		f.File = d.str()
		f.Line = d.int()
		f.Column = d.int()
		f.Record = d.str()
		f.Rule = d.str()
		f.Principle = d.str()
		f.Severity = finding.Severity(d.int())
		msgEN, helpEN := d.str(), d.str()
		msgNL, helpNL := d.str(), d.str()
		lawEN, lawNL := d.str(), d.str()
		f.Message, f.Help, f.Law = label.Text{msgNL, msgEN}, label.Text{helpNL, helpEN}, label.Text{lawNL, lawEN}
		f.Path = d.str()
		f.Key = d.bool()
	}
	return fs
}

func (d *decoder) pos() load.Pos {
	return load.Pos{Line: int32(d.int()), Col: int32(d.int())}
}

func (d *decoder) float() float64 {
	b := d.bytes(8)
	if d.err != nil {
		return 0
	}
	var x uint64
	for i := 7; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return math.Float64frombits(x)
}

// entry reads an entry's name and sum, and where it and its result are,
// which it passes over: a result is read and decoded when a run finds it
// (resultAt), and after the configuration changed none is. Decoded as
// read, the results of 100,000 records took 200 MB that nothing used.
func (d *decoder) entry() (string, slot) {
	start := d.at()
	rel := d.str()
	var sl slot
	copy(sl.sum[:], d.bytes(len(sl.sum)))
	rn := d.count(1)
	d.bytes(rn)
	n := d.at() - start
	if n > math.MaxUint32 {
		d.fail()
	}
	sl.off, sl.n, sl.rn = start, uint32(n), uint32(rn)
	return rel, sl
}

// at is where the decoder is in the file.
func (d *decoder) at() int64 { return d.end - int64(len(d.data)) }

// storedOf decodes the bytes of a result (as resultAt reads them), whose
// strings are numbered by table; false when they do not hold one.
func storedOf(result string, table []string) (_ *load.Stored, ok bool) {
	defer func() {
		// The decoder must not take the run down, whatever the bytes.
		if recover() != nil {
			ok = false
		}
	}()
	d := &decoder{data: result, table: table}
	s := d.stored()
	if d.err != nil || len(d.data) > 0 {
		return nil, false
	}
	return s, true
}

// stored reads a file's result.
func (d *decoder) stored() *load.Stored {
	s := &load.Stored{}
	s.Findings = d.findings()
	if d.bool() {
		r := &load.Facts{ID: d.str(), Kind: record.Kind(d.str())}
		if n := d.count(1); n > 0 {
			r.UsesSensors = make([]string, n)
			for i := range r.UsesSensors {
				r.UsesSensors[i] = d.str()
			}
		}
		if d.bool() {
			r.Point = &record.Point{Lat: d.float(), Lon: d.float()}
		}
		r.FromRD = d.bool()
		r.Spots.ID, r.Spots.Kind, r.Spots.Point, r.Spots.PointRD = d.pos(), d.pos(), d.pos(), d.pos()
		if n := d.count(posBytes); n > 0 {
			r.Spots.Uses = make([]load.Pos, n)
			for i := range r.Spots.Uses {
				r.Spots.Uses[i] = d.pos()
			}
		}
		s.Record = r
	}
	o := &s.Outcome
	o.Findings = d.findings()
	o.Cost = d.uint()
	o.Complete = d.bool()
	if n := d.count(historyBytes); n > 0 {
		o.History = make([]principle.HistoryAnswer, n)
		for i := range o.History {
			h := &o.History[i]
			h.File = d.str()
			if err := h.At.UnmarshalBinary([]byte(d.str())); err != nil {
				d.fail()
			}
			h.OK = d.bool()
		}
	}
	o.Holds.From, o.Holds.Until = d.day(), d.day()
	return s
}

// day reads what encoder.day wrote.
func (d *decoder) day() time.Time {
	v := d.uint()
	if v == 0 {
		return time.Time{}
	}
	v--
	return time.Unix(int64(v>>1)^-int64(v&1), 0).UTC()
}

// contents are what a cache file holds.
type contents struct {
	run   string           // the key of the run whose results the entries are
	index map[string]int32 // the number of each file's entry in slots
	slots []slot
	table []string // the string table, by which the entries number their strings
	saves uint64   // saves since every entry was last encoded
	base  uint64   // the table's length then
	data  []byte   // the whole file, set by readFrom, not decode
}

// decode reads a payload written by Store.Save, found at from in its
// file, or fails. Nothing it returns holds on to the payload.
func decode(payload []byte, from int64) (*contents, error) {
	// Read as a string without a copy: only the table and the key are
	// kept, each copied out.
	d := &decoder{data: unsafe.String(unsafe.SliceData(payload), len(payload)), end: from + int64(len(payload))}
	c := &contents{}
	c.run = strings.Clone(d.bytes(d.count(1)))
	c.saves = d.uint()
	c.base = d.uint()
	n := d.count(1)
	d.table = make([]string, 0, n)
	region, at := d.data, make([]int, 0, n)
	for range n {
		k := d.count(1)
		at = append(at, len(region)-len(d.data))
		d.table = append(d.table, d.bytes(k))
	}
	if d.err == nil {
		// What a load takes from the cache reads its strings from the
		// table alone, and keeps them for the rest of the run (a build's
		// findings). The table is copied out of the payload, in one
		// piece, so that the rest, most of it, goes at once.
		table := strings.Clone(region[:len(region)-len(d.data)])
		for i, s := range d.table {
			d.table[i] = table[at[i] : at[i]+len(s)]
		}
	}
	n = d.count(entryBytes)
	if n > math.MaxInt32 {
		d.fail()
	}
	c.index, c.slots = make(map[string]int32, n), make([]slot, 0, n)
	for range n {
		rel, sl := d.entry()
		if i, again := c.index[rel]; again {
			c.slots[i] = sl // the last, as a map of them would keep
			continue
		}
		c.index[rel] = int32(len(c.slots))
		c.slots = append(c.slots, sl)
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.data) > 0 {
		return nil, errDamaged
	}
	c.table = d.table
	return c, nil
}
