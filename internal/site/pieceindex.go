package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/record"
)

// The downloads (the CSV tables, the map's GeoJSON, the parts of
// register.json) hold every public record, so a build writes each of them
// again after any change, and making every record's view and encoding it
// was most of what a build after one change cost. A build notes where each
// record's piece went in each download, in the piece index beside the
// manifest; the next build copies a piece whose key is unchanged from the
// current site's download rather than make it again. A piece's key is made
// like a page's, from the build-wide key (which holds the secret), so the
// index, published with the site, lets no one test a guess of a withheld
// value.

// pieceIndexName is the piece index's file in the site folder. Like the
// manifest it describes the folder it is in.
const pieceIndexName = ".register-pieces"

// Keyed reports whether rel, a path in a built site, is one of the files
// whose keys are made with the folder's own secret (the manifest, the
// piece index): the same register built into two folders gives the same
// site but for these.
func Keyed(rel string) bool {
	rel = filepath.ToSlash(rel)
	return rel == manifestName || rel == pieceIndexName
}

// maxBookkeeping bounds what is read of the manifest, the piece index or
// the kept texts: far above what a site of a million records has.
const maxBookkeeping = 1 << 30

// readKept reads the manifest, the piece index or the kept texts at path,
// of at most maxBookkeeping bytes (outdir.OpenRegular).
func readKept(path string) ([]byte, error) {
	f, st, err := outdir.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > maxBookkeeping {
		return nil, fmt.Errorf("%s: more than %d bytes", path, maxBookkeeping)
	}
	// Into one buffer of the file's size, as os.ReadFile reads: read by
	// io.ReadAll, the manifest of a 10,000-record site (3 MB, read twice a
	// build) was copied through a dozen growing buffers.
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, maxBookkeeping))
	return buf.Bytes(), err
}

// pieceIndexHeader starts a piece index; another header reads as none.
const pieceIndexHeader = "register-pieces 3\n"

// pieceSums is the table of the CRC-32C that ends a piece index, of all
// that comes before it. An offset damaged in place still reads as an
// offset, and the build would copy a piece from the wrong bytes of its
// download into the site it publishes: the sum changes with any damage
// to a run of up to four bytes, and with other damage but once in four
// billion times. It guards against damage, not against a forger, who
// could as well edit the downloads, so a hash that costs five times as
// much to check is not needed.
var pieceSums = crc32.MakeTable(crc32.Castagnoli)

// placedPiece is where a piece went in a download: off bytes from its
// start, n long.
type placedPiece struct {
	key pageKey
	off int64
	n   int64
}

// placedFile is the pieces of one download, and the size and modification
// time its file had when the index was written: a file that no longer has
// both is not read from.
type placedFile struct {
	size, mtime int64
	pieces      []placedPiece
}

// readPieceIndex reads the piece index in dir: download path → its pieces.
// A missing, damaged or unknown index reads as empty, so every piece is
// made.
func readPieceIndex(dir string) map[string]*placedFile {
	data, err := readKept(filepath.Join(dir, pieceIndexName))
	if err != nil || !bytes.HasPrefix(data, []byte(pieceIndexHeader)) || len(data) < len(pieceIndexHeader)+crc32.Size {
		return nil
	}
	data, sum := data[:len(data)-crc32.Size], data[len(data)-crc32.Size:]
	if crc32.Checksum(data, pieceSums) != binary.BigEndian.Uint32(sum) {
		return nil
	}
	d := binread.New(data[len(pieceIndexHeader):])
	m := map[string]*placedFile{}
	for d.Len() > 0 && !d.Bad() {
		p := d.Text()
		f := &placedFile{size: int64(d.Uvarint()), mtime: d.Varint()}
		count := d.Uvarint()
		// Each piece takes more than a key's bytes: a count beyond what
		// is left is damage, and is not allocated.
		if count > uint64(d.Len())/uint64(len(pageKey{})) {
			return nil
		}
		f.pieces = make([]placedPiece, count)
		for i := range f.pieces {
			pc := &f.pieces[i]
			copy(pc.key[:], d.Bytes(uint64(len(pc.key))))
			pc.off, pc.n = int64(d.Uvarint()), int64(d.Uvarint())
			if f.size < 0 || pc.off < 0 || pc.n < 0 || pc.off > f.size || pc.n > f.size-pc.off {
				return nil
			}
		}
		m[p] = f
	}
	if d.Bad() {
		return nil
	}
	return m
}

// writePieceIndex writes the piece index of dir, its downloads in order of
// path, each with the size and time its file has now, and its sum
// (pieceSums).
func writePieceIndex(dir string, placed map[string][]placedPiece) error {
	paths := make([]string, 0, len(placed))
	for p := range placed {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	f := outdir.NewFile(filepath.Join(dir, pieceIndexName))
	sum := crc32.New(pieceSums)
	w := bufio.NewWriterSize(io.MultiWriter(f, sum), 64<<10)
	w.WriteString(pieceIndexHeader)
	var num []byte
	for _, p := range paths {
		st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		pieces := placed[p]
		num = binary.AppendUvarint(num[:0], uint64(len(p)))
		num = append(num, p...)
		num = binary.AppendUvarint(num, uint64(st.Size()))
		num = binary.AppendVarint(num, st.ModTime().UnixNano())
		w.Write(binary.AppendUvarint(num, uint64(len(pieces))))
		for _, pc := range pieces {
			num = append(num[:0], pc.key[:]...)
			num = binary.AppendUvarint(num, uint64(pc.off))
			w.Write(binary.AppendUvarint(num, uint64(pc.n)))
		}
	}
	// A write that failed is reported by the flush, and by Close.
	err := w.Flush()
	if err == nil {
		_, err = f.Write(sum.Sum(nil))
	}
	if _, cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// piecesJob is the job that streams the download at path, made of
// records' pieces by write with what keeps them: the Memo when the build
// has one (register serve), else the downloads themselves (filePieces);
// nothing when no key can be made.
func (b *builder) piecesJob(path string, write func(io.Writer, opendata.Pieces) error) job {
	return job{path: path, stream: func(w io.Writer) error {
		switch {
		case b.keys.global == nil:
			return write(w, nil)
		case b.opts.Memo != nil:
			return write(w, downloadPieces{b})
		}
		f := b.openPieces(path)
		defer f.close()
		return write(w, f)
	}}
}

// filePieces keeps the pieces of one download in the download: it hands
// out the pieces of the current site's file that the index places there,
// and notes where this build's pieces go (opendata.Placer). One job uses
// it.
type filePieces struct {
	b      *builder
	path   string
	spans  map[pageKey]placedPiece // nil: none to copy
	src    *os.File
	win    []byte // what was read of src last, from winOff
	winOff int64
	placed []placedPiece
	copied int

	// The key of the last piece asked for: Placed follows Piece.
	lastR    *record.Record
	lastWhat string
	lastKey  pageKey
	lastOK   bool
}

// pieceWindow is how much of a download is read at once: the pieces are
// asked for in about the order they are in.
const pieceWindow = 256 << 10

// keptPieces returns where the pieces are in the current site's download
// at path, when its index places them there and its file is as the index
// says: a download whose key is unchanged is the same, byte for byte, so
// they are where they are in the site being written too.
func (b *builder) keptPieces(path string) ([]placedPiece, bool) {
	old := b.curPieces[path]
	if old == nil {
		return nil, false
	}
	st, err := os.Lstat(filepath.Join(b.cur, filepath.FromSlash(path)))
	if err != nil || !sameLook(st, old) {
		return nil, false
	}
	return old.pieces, true
}

// sameLook reports whether a download's file has the size and time the
// index noted.
func sameLook(st fs.FileInfo, f *placedFile) bool {
	return st.Mode().IsRegular() && st.Size() == f.size && st.ModTime().UnixNano() == f.mtime
}

func (b *builder) openPieces(path string) *filePieces {
	f := &filePieces{b: b, path: path}
	old := b.curPieces[path]
	if old == nil {
		return f
	}
	src, st, err := outdir.OpenRegular(filepath.Join(b.cur, filepath.FromSlash(path)))
	if err != nil {
		return f
	}
	if !sameLook(st, old) {
		src.Close()
		return f
	}
	f.src = src
	f.spans = make(map[pageKey]placedPiece, len(old.pieces))
	for _, pc := range old.pieces {
		f.spans[pc.key] = pc
	}
	f.placed = make([]placedPiece, 0, len(old.pieces))
	return f
}

// key returns the key of the piece what of the public view r made with
// refs: the build-wide key, the record as loaded, and what of the view
// the piece follows from (pieceKey).
func (f *filePieces) key(r *record.Record, what string, refs []string) (pageKey, bool) {
	if r == f.lastR && what == f.lastWhat {
		return f.lastKey, f.lastOK
	}
	f.lastR, f.lastWhat, f.lastKey, f.lastOK = r, what, pageKey{}, false
	sum := f.b.loadedHash(r)
	if len(sum) != sha256.Size {
		return pageKey{}, false
	}
	var a [512]byte
	buf := append(append(a[:0], f.b.keys.global...), sum...)
	whole := sha256.Sum256(pieceKey(buf, f.b.textsKey(r), r, what, refs))
	f.lastKey, f.lastOK = keyOf(whole[:])
	return f.lastKey, f.lastOK
}

func (f *filePieces) Piece(r *record.Record, what string, refs []string) ([]byte, bool) {
	if f.spans == nil {
		return nil, false
	}
	key, ok := f.key(r, what, refs)
	if !ok {
		return nil, false
	}
	pc, ok := f.spans[key]
	if !ok {
		return nil, false
	}
	data, err := f.read(pc)
	if err != nil {
		// The file is not what the index says: copy nothing more.
		f.spans = nil
		return nil, false
	}
	f.copied++
	return data, true
}

// read returns the bytes of pc in the current site's download, valid
// until the next call.
func (f *filePieces) read(pc placedPiece) ([]byte, error) {
	if pc.n == 0 {
		return nil, nil // a sensor with no feature (WriteGeoJSONKept)
	}
	if pc.off >= f.winOff && pc.off+pc.n <= f.winOff+int64(len(f.win)) {
		at := pc.off - f.winOff
		return f.win[at : at+pc.n], nil
	}
	size := max(pc.n, pieceWindow)
	if int64(cap(f.win)) < size {
		f.win = make([]byte, size)
	}
	n, err := f.src.ReadAt(f.win[:size], pc.off)
	f.win, f.winOff = f.win[:n], pc.off
	if int64(n) < pc.n {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return f.win[:pc.n], nil
}

// Keep keeps nothing: the piece is kept where it is written (Placed).
func (f *filePieces) Keep(*record.Record, string, []string, []byte) {}

func (f *filePieces) Placed(r *record.Record, what string, refs []string, off int64, n int) {
	if key, ok := f.key(r, what, refs); ok {
		f.placed = append(f.placed, placedPiece{key: key, off: off, n: int64(n)})
	}
}

// close lets go of the current site's download and hands what was placed
// to the builder, for the index of the site being written.
func (f *filePieces) close() {
	if f.src != nil {
		f.src.Close()
	}
	f.b.mu.Lock()
	f.b.newPieces[f.path] = f.placed
	f.b.copied += f.copied
	f.b.mu.Unlock()
}
