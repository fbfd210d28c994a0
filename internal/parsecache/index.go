package parsecache

import "encoding/binary"

// The header and the index are written as texts and numbers: a text's
// bytes after their length, a number as a varint (read with binread).

func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}
