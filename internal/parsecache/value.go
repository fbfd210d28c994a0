package parsecache

import (
	"encoding/binary"
	"encoding/json"
	"errors"
)

// A value is written as a tag byte and what the tag needs: a text's or a
// number's bytes after their length, a list's items or a mapping's keys
// and values after their count. The tags cover what source.Parse makes of
// a file and nothing else.
const (
	tagNull byte = iota
	tagFalse
	tagTrue
	tagString
	tagNumber
	tagList
	tagMap
)

// maxDepth bounds how deep a stored value may nest, so that no file can
// make the decoder recurse without end; the parser allows records far
// less deep (source.DefaultLimits).
const maxDepth = 256

var errDamaged = errors.New("parse cache: damaged entry")

// appendValue appends v's encoding to b; ok is false when v holds a type
// source.Parse does not make, and the value is then not kept.
func appendValue(b []byte, v any) (_ []byte, ok bool) {
	switch v := v.(type) {
	case nil:
		return append(b, tagNull), true
	case bool:
		if v {
			return append(b, tagTrue), true
		}
		return append(b, tagFalse), true
	case string:
		return appendText(append(b, tagString), v), true
	case json.Number:
		return appendText(append(b, tagNumber), string(v)), true
	case []any:
		b = binary.AppendUvarint(append(b, tagList), uint64(len(v)))
		for _, item := range v {
			if b, ok = appendValue(b, item); !ok {
				return b, false
			}
		}
		return b, true
	case map[string]any:
		b = binary.AppendUvarint(append(b, tagMap), uint64(len(v)))
		for k, item := range v {
			b = appendText(b, k)
			if b, ok = appendValue(b, item); !ok {
				return b, false
			}
		}
		return b, true
	}
	return b, false
}

func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// readValue decodes a whole entry written by appendValue; anything left
// over, cut short or out of bounds is damage.
func readValue(b []byte) (any, error) {
	d := decoder{b: b}
	v := d.value(0)
	if d.err == nil && len(d.b) != 0 {
		d.err = errDamaged
	}
	if d.err != nil {
		return nil, d.err
	}
	return v, nil
}

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

func (d *decoder) value(depth int) any {
	if d.err != nil || len(d.b) == 0 || depth > maxDepth {
		d.err = errDamaged
		return nil
	}
	tag := d.b[0]
	d.b = d.b[1:]
	switch tag {
	case tagNull:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagString:
		return d.text()
	case tagNumber:
		return json.Number(d.text())
	case tagList:
		n := d.count()
		out := make([]any, 0, n)
		for range n {
			if d.err != nil {
				return nil
			}
			out = append(out, d.value(depth+1))
		}
		return out
	case tagMap:
		n := d.count()
		out := make(map[string]any, n)
		for range n {
			k := d.text()
			if d.err != nil {
				return nil
			}
			if _, dup := out[k]; dup {
				d.err = errDamaged // the parser never keeps a key twice
				return nil
			}
			out[k] = d.value(depth + 1)
		}
		return out
	}
	d.err = errDamaged
	return nil
}
