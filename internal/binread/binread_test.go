package binread

import (
	"encoding/binary"
	"testing"
)

// TestReadsWhatWasAppended: numbers, counts and texts read back as they
// were appended, and the reader ends with nothing left and no damage.
func TestReadsWhatWasAppended(t *testing.T) {
	b := binary.AppendUvarint(nil, 300)
	b = binary.AppendVarint(b, -7)
	b = binary.AppendUvarint(b, 2) // a count of two items
	b = append(b, 'x', 'y')
	b = append(binary.AppendUvarint(b, 5), "hello"...)
	r := New(b)
	if got := r.Uvarint(); got != 300 {
		t.Errorf("Uvarint = %d", got)
	}
	if got := r.Varint(); got != -7 {
		t.Errorf("Varint = %d", got)
	}
	if n := r.Count(); n != 2 || string(r.Bytes(uint64(n))) != "xy" {
		t.Error("count and bytes do not read back")
	}
	if got := r.Text(); got != "hello" {
		t.Errorf("Text = %q", got)
	}
	if r.Bad() || r.Len() != 0 {
		t.Errorf("bad %v, %d bytes left", r.Bad(), r.Len())
	}
}

// TestDamageStopsTheReader: a number cut short, a count or a length
// beyond the bytes left sets Bad, and every read after gives zero.
func TestDamageStopsTheReader(t *testing.T) {
	for name, b := range map[string][]byte{
		"number cut short":   {0x80},
		"count beyond":       binary.AppendUvarint(nil, 10),
		"length beyond":      append(binary.AppendUvarint(nil, 4), "abc"...),
		"varint of 11 bytes": {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
	} {
		r := New(b)
		switch name {
		case "count beyond":
			r.Count()
		case "length beyond":
			r.Text()
		default:
			r.Uvarint()
		}
		if !r.Bad() {
			t.Errorf("%s: not bad", name)
		}
		if r.Uvarint() != 0 || r.Varint() != 0 || r.Bytes(0) != nil || r.Text() != "" {
			t.Errorf("%s: a read after the damage gave something", name)
		}
	}
}
