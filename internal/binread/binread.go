// Package binread reads what a program wrote with encoding/binary's
// Append functions, from bytes that may be damaged or hostile (a cache, an
// index beside a site): the first damage stops the reader, every later
// read gives zero, and the caller checks once, at the end (Bad). No read
// allocates more than the bytes left could fill. ReadFile reads such a file
// whole, within a bound.
package binread

import "encoding/binary"

// Reader reads b from the start.
type Reader struct {
	b   []byte
	bad bool
}

// New returns a Reader of b.
func New(b []byte) *Reader { return &Reader{b: b} }

// Bad reports whether the bytes were damaged: something read was not
// there or not as written.
func (r *Reader) Bad() bool { return r.bad }

// Len is how many bytes are left.
func (r *Reader) Len() int { return len(r.b) }

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	n, size := binary.Uvarint(r.b)
	if r.bad || size <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[size:]
	return n
}

// Varint reads a signed varint.
func (r *Reader) Varint() int64 {
	n, size := binary.Varint(r.b)
	if r.bad || size <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[size:]
	return n
}

// Count reads the number of items that follow, each at least one byte
// long: a count beyond the bytes left is damage.
func (r *Reader) Count() int {
	n := r.Uvarint()
	if n > uint64(len(r.b)) {
		r.bad = true
		return 0
	}
	return int(n)
}

// Bytes reads the next n bytes; they are the Reader's, not a copy.
func (r *Reader) Bytes(n uint64) []byte {
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

// Text reads a string written as its length and its bytes, as a copy.
func (r *Reader) Text() string { return string(r.Bytes(r.Uvarint())) }
