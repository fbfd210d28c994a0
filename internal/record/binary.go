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
	(*recordDecoder())(&d, unsafe.Pointer(r), 0)
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

// tooDeep reports whether the bytes are damage before a value at depth is
// read: found so already, or the value lies deeper than a record's values
// can (maxBinaryDepth).
func (d *binaryReader) tooDeep(depth int) bool {
	if depth > maxBinaryDepth {
		d.bad = true
	}
	return d.bad
}

// A decoder reads a value of one type from d into the memory at p, which
// holds that type's zero value; depth is how deep in the record it is.
// Each type's decoder is made once (compileDecoder) and writes the fields
// where the type keeps them: going through reflect.Value for each field
// of each record was a twentieth of a build after one change at 10,000
// records.
type decoder func(d *binaryReader, p unsafe.Pointer, depth int)

// sliceHeader is how a slice is held: unsafe.Slice and reflect make the
// same.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// recordDecoder is Record's decoder.
var recordDecoder = sync.OnceValue(func() *decoder {
	return compileDecoder(reflect.TypeFor[Record](), map[reflect.Type]*decoder{})
})

// compileDecoder returns the decoder of t, and of the types in it, made
// once each (done): a type that refers to itself refers to its own
// decoder, and the depth stops it.
func compileDecoder(t reflect.Type, done map[reflect.Type]*decoder) *decoder {
	if f, ok := done[t]; ok {
		return f
	}
	f := new(decoder)
	done[t] = f
	switch t.Kind() {
	case reflect.String:
		*f = func(d *binaryReader, p unsafe.Pointer, _ int) {
			n := d.uvarint()
			if d.bad || n > uint64(len(d.b)) {
				d.bad = true
				return
			}
			if n > 0 {
				*(*string)(p) = unsafe.String(unsafe.SliceData(d.b), int(n))
			}
			d.b = d.b[n:]
		}
	case reflect.Bool:
		*f = func(d *binaryReader, p unsafe.Pointer, _ int) {
			switch d.byte() {
			case 0:
			case 1:
				*(*bool)(p) = true
			default:
				d.bad = true
			}
		}
	case reflect.Int, reflect.Int64:
		wide := t.Kind() == reflect.Int64
		*f = func(d *binaryReader, p unsafe.Pointer, _ int) {
			n, size := binary.Varint(d.b)
			if size <= 0 {
				d.bad = true
				return
			}
			d.b = d.b[size:]
			if wide {
				*(*int64)(p) = n
			} else {
				*(*int)(p) = int(n)
			}
		}
	case reflect.Float64:
		*f = func(d *binaryReader, p unsafe.Pointer, _ int) {
			if len(d.b) < 8 {
				d.bad = true
				return
			}
			v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
			if math.IsNaN(v) || math.IsInf(v, 0) {
				// No record holds one (the YAML reader refuses them):
				// damage, and a NaN would not even equal itself when
				// read back.
				d.bad = true
				return
			}
			*(*float64)(p) = v
			d.b = d.b[8:]
		}
	case reflect.Pointer:
		elem, et := compileDecoder(t.Elem(), done), t.Elem()
		*f = func(d *binaryReader, p unsafe.Pointer, depth int) {
			if d.tooDeep(depth) {
				return
			}
			switch d.byte() {
			case 0:
			case 1:
				v := reflect.New(et).UnsafePointer()
				(*elem)(d, v, depth+1)
				*(*unsafe.Pointer)(p) = v
			default:
				d.bad = true
			}
		}
	case reflect.Slice:
		elem, size := compileDecoder(t.Elem(), done), t.Elem().Size()
		*f = func(d *binaryReader, p unsafe.Pointer, depth int) {
			if d.tooDeep(depth) {
				return
			}
			n := d.uvarint()
			if d.bad || n == 0 {
				return
			}
			// Each element takes a byte at least: a length beyond what
			// is left is damage, and is not allocated.
			if n-1 > uint64(len(d.b)) {
				d.bad = true
				return
			}
			m := int(n - 1)
			base := reflect.MakeSlice(t, m, m).UnsafePointer()
			for i := range m {
				if (*elem)(d, unsafe.Add(base, uintptr(i)*size), depth+1); d.bad {
					return
				}
			}
			// Every slice is laid out so, whatever its elements.
			*(*sliceHeader)(p) = sliceHeader{data: base, len: m, cap: m}
		}
	case reflect.Array:
		elem, size, n := compileDecoder(t.Elem(), done), t.Elem().Size(), t.Len()
		*f = func(d *binaryReader, p unsafe.Pointer, depth int) {
			if d.tooDeep(depth) {
				return
			}
			for i := range n {
				if (*elem)(d, unsafe.Add(p, uintptr(i)*size), depth+1); d.bad {
					return
				}
			}
		}
	case reflect.Struct:
		type field struct {
			offset uintptr
			dec    *decoder
		}
		var fields []field
		for _, i := range exportedFields(t) {
			sf := t.Field(i)
			fields = append(fields, field{sf.Offset, compileDecoder(sf.Type, done)})
		}
		*f = func(d *binaryReader, p unsafe.Pointer, depth int) {
			if d.tooDeep(depth) {
				return
			}
			for _, fl := range fields {
				if (*fl.dec)(d, unsafe.Add(p, fl.offset), depth+1); d.bad {
					return
				}
			}
		}
	default:
		*f = func(d *binaryReader, _ unsafe.Pointer, _ int) { d.bad = true }
	}
	return f
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
