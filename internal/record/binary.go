package record

import (
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"sync"
	"unsafe"
)

// A record in binary is how the load keeps a decoded record between runs
// (the parse cache): reading it back is several times quicker than
// decoding the file's parsed value again, which was most of what a build
// after one change cost. It is every exported field of Record in the
// order the type declares them, so it holds what Decode and the loader
// made (File, Point, PublicationInvalid) exactly: nil apart from empty,
// and a pointer to false apart from no pointer. The layout follows the
// type, so only the program that wrote it can read it; the cache is keyed
// by the program's build.

// ErrBinary is returned for bytes that are not a record in binary.
var ErrBinary = errors.New("not a record in binary")

// maxBinaryDepth bounds how deep ReadBinary follows the type: far above
// Record's own depth, and a stop to a type that refers to itself.
const maxBinaryDepth = 16

// AppendBinary appends r in binary to b.
func AppendBinary(b []byte, r *Record) []byte {
	return appendBinary(b, reflect.ValueOf(r).Elem())
}

func appendBinary(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		b = binary.AppendUvarint(b, uint64(len(s)))
		return append(b, s...)
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0)
		}
		return appendBinary(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		for i := range v.Len() {
			b = appendBinary(b, v.Index(i))
		}
		return b
	case reflect.Array:
		for i := range v.Len() {
			b = appendBinary(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		for _, i := range exportedFields(v.Type()) {
			b = appendBinary(b, v.Field(i))
		}
		return b
	}
	// A kind Record does not use: a test keeps it so (binary_test.go).
	panic("record: no binary form for " + v.Type().String())
}

// ReadBinary reads a record that AppendBinary wrote. Its strings are b's
// own bytes, not copies: b must not change after, which the parse cache's
// bytes, read once a run and never written, do not. Copying or sharing
// each string cost a build after one change more than reading it.
// It returns ErrBinary for anything else, a damaged or cut-short record
// included, and never panics.
func ReadBinary(b []byte) (*Record, error) {
	r := &Record{}
	d := binaryReader{b: b}
	d.read(reflect.ValueOf(r).Elem(), 0)
	if d.bad || len(d.b) != 0 {
		return nil, ErrBinary
	}
	return r, nil
}

type binaryReader struct {
	b   []byte
	bad bool
}

func (d *binaryReader) uvarint() uint64 {
	n, size := binary.Uvarint(d.b)
	if size <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[size:]
	return n
}

func (d *binaryReader) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *binaryReader) read(v reflect.Value, depth int) {
	if d.bad {
		return
	}
	if depth > maxBinaryDepth {
		d.bad = true
		return
	}
	switch v.Kind() {
	case reflect.String:
		n := d.uvarint()
		if d.bad || n > uint64(len(d.b)) {
			d.bad = true
			return
		}
		if n > 0 {
			v.SetString(unsafe.String(unsafe.SliceData(d.b), int(n)))
		}
		d.b = d.b[n:]
	case reflect.Bool:
		switch d.byte() {
		case 0:
		case 1:
			v.SetBool(true)
		default:
			d.bad = true
		}
	case reflect.Int, reflect.Int64:
		n, size := binary.Varint(d.b)
		if size <= 0 {
			d.bad = true
			return
		}
		d.b = d.b[size:]
		v.SetInt(n)
	case reflect.Float64:
		if len(d.b) < 8 {
			d.bad = true
			return
		}
		f := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			// No record holds one (the YAML reader refuses them): damage,
			// and a NaN would not even equal itself when read back.
			d.bad = true
			return
		}
		v.SetFloat(f)
		d.b = d.b[8:]
	case reflect.Pointer:
		switch d.byte() {
		case 0:
		case 1:
			p := reflect.New(v.Type().Elem())
			d.read(p.Elem(), depth+1)
			v.Set(p)
		default:
			d.bad = true
		}
	case reflect.Slice:
		n := d.uvarint()
		if d.bad || n == 0 {
			return
		}
		// Each element takes a byte at least: a length beyond what is
		// left is damage, and is not allocated.
		if n-1 > uint64(len(d.b)) {
			d.bad = true
			return
		}
		sl := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range int(n - 1) {
			d.read(sl.Index(i), depth+1)
		}
		v.Set(sl)
	case reflect.Array:
		for i := range v.Len() {
			d.read(v.Index(i), depth+1)
		}
	case reflect.Struct:
		for _, i := range exportedFields(v.Type()) {
			d.read(v.Field(i), depth+1)
		}
	default:
		d.bad = true
	}
}

var exportedCache sync.Map // reflect.Type → []int

// exportedFields are the indexes of t's exported fields.
func exportedFields(t reflect.Type) []int {
	if f, ok := exportedCache.Load(t); ok {
		return f.([]int)
	}
	var out []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			out = append(out, i)
		}
	}
	exportedCache.Store(t, out)
	return out
}
