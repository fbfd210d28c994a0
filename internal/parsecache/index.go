package parsecache

import (
	"encoding/binary"
	"errors"
)

// The header and the index are written as texts and numbers: a text's
// bytes after their length, a number as a varint.

var errDamaged = errors.New("parse cache: damaged index")

func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decoder reads the index; the first damage stops it.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errDamaged
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a count of items that take at least one byte each: no count
// asks for more room than the bytes left could fill.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.err = errDamaged
		return 0
	}
	return int(n)
}

func (d *decoder) text() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errDamaged
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
