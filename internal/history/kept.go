package history

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
)

// What a run works out from HEAD's history alone (the outline a feed asks
// for) is the same for every run until the next commit. The last one made
// is kept in the cache folder, in a file of its own, for the next run of
// the same program (KeepDiffs), under a key of the program, HEAD, the
// shallow boundary and what was asked. The file starts with its format
// and ends in a checksum: damaged, cut short, of another format or made
// under another key, it reads as nothing kept.

var keptCRC = crc32.MakeTable(crc32.Castagnoli)

// runKey starts the key of what a run keeps: the program, HEAD and the
// shallow boundary; false when nothing can be kept, the program having no
// name. The caller holds r.mu.
func (r *Repo) runKey() ([]byte, bool) {
	if r.diffTool == "" {
		return nil, false
	}
	key := appendText(nil, r.diffTool)
	key = append(key, r.head[:]...)
	key = binary.AppendUvarint(key, uint64(len(r.shallow)))
	for _, h := range r.shallow {
		key = append(key, h[:]...)
	}
	return key, true
}

// readKept returns a reader of what was kept in the file name under key;
// false when nothing was.
func (r *Repo) readKept(name, header string, key []byte) (*binread.Reader, bool) {
	for _, dir := range r.cacheDirs() {
		if data, err := binread.ReadFile(filepath.Join(dir, name), maxKept); err == nil {
			if d, ok := openKept(data, header, key); ok {
				return d, true
			}
		}
	}
	return nil, false
}

// maxKept bounds the size of a kept file that is read: far above what a
// history of a million commits keeps.
const maxKept = 1 << 30

// openKept returns a reader of the payload of data, a kept file
// (keptFile) of the format header made under key; false for anything
// else.
func openKept(data []byte, header string, key []byte) (*binread.Reader, bool) {
	if len(data) < 4 {
		return nil, false
	}
	body, sum := data[:len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, keptCRC) != binary.BigEndian.Uint32(sum) {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(body, []byte(header))
	if !ok {
		return nil, false
	}
	d := binread.New(rest)
	if d.Text() != string(key) || d.Bad() {
		return nil, false
	}
	return d, true
}

// keptFile is what a kept file holds: its format and key, then the
// payload.
func keptFile(header string, key, payload []byte) []byte {
	out := append([]byte(header), appendText(nil, key)...)
	out = append(out, payload...)
	return binary.BigEndian.AppendUint32(out, crc32.Checksum(out, keptCRC))
}

// writeKept keeps data as the file name for the next run; a file that
// cannot be written only costs speed.
func (r *Repo) writeKept(name string, data []byte) {
	r.mu.Lock()
	dirs := r.writeDirs()
	r.mu.Unlock()
	writeFirst(dirs, name, data)
}

// writeFirst writes data as the file name in the first of dirs that takes
// it, and reports whether one did.
func writeFirst(dirs []string, name string, data []byte) bool {
	for _, dir := range dirs {
		if os.MkdirAll(dir, 0o755) == nil && atomicfile.Replace(filepath.Join(dir, name), data, 0o644) == nil {
			return true
		}
	}
	return false
}

// changeWriter writes changes for a kept file: each commit once, in a
// table that goes before them, and each change by its commit's number.
type changeWriter struct {
	commits map[string]uint64
	table   []byte
	body    []byte
}

func newChangeWriter() *changeWriter { return &changeWriter{commits: map[string]uint64{}} }

// change appends c, whose fields are still to be read: what it did and
// the blobs it compares.
func (w *changeWriter) change(c *Change) {
	n, ok := w.commits[c.Commit]
	if !ok {
		n = uint64(len(w.commits))
		w.commits[c.Commit] = n
		w.table = appendText(w.table, c.Commit)
		w.table = appendText(appendText(appendText(w.table, c.Author), c.Email), c.Message)
		w.table = appendTime(w.table, &c.When)
	}
	b := binary.AppendUvarint(w.body, n)
	b = appendText(appendText(appendText(b, c.Op), c.File), c.OldFile)
	w.body = append(append(b, c.old[:]...), c.new[:]...)
}

// payload is the commit table and then what was written after it, the
// changes among it.
func (w *changeWriter) payload() []byte {
	out := binary.AppendUvarint(nil, uint64(len(w.commits)))
	return append(append(out, w.table...), w.body...)
}

// keptCommit is a commit of the table (changeWriter).
type keptCommit struct {
	hash, author, email, message string
	when                         time.Time
}

// readCommits reads the commit table.
func readCommits(d *binread.Reader) []keptCommit {
	commits := make([]keptCommit, d.Count())
	for i := range commits {
		commits[i] = keptCommit{hash: d.Text(), author: d.Text(), email: d.Text(), message: d.Text()}
		if t := readTime(d); t != nil {
			commits[i].when = *t
		}
	}
	return commits
}

// readChange reads what changeWriter.change wrote of a commit of
// commits; false when the bytes are damaged.
func readChange(d *binread.Reader, commits []keptCommit) (Change, bool) {
	at := d.Uvarint()
	c := Change{Op: Op(d.Text()), File: d.Text(), OldFile: d.Text()}
	copy(c.old[:], d.Bytes(uint64(len(c.old))))
	copy(c.new[:], d.Bytes(uint64(len(c.new))))
	if d.Bad() || at >= uint64(len(commits)) {
		return Change{}, false
	}
	cm := commits[at]
	c.Commit, c.Author, c.Email, c.Message, c.When = cm.hash, cm.author, cm.email, cm.message, cm.when
	return c, true
}

// appendText appends s after its length.
func appendText[T ~string | ~[]byte](b []byte, s T) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendTime appends t as Unix seconds and its zone's offset, as a
// commit's time is made (commitRec.when); nil as a zero byte.
func appendTime(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, 0)
	}
	_, offset := t.Zone()
	return binary.AppendVarint(binary.AppendVarint(append(b, 1), t.Unix()), int64(offset))
}

// readTime reads what appendTime wrote.
func readTime(d *binread.Reader) *time.Time {
	if set := d.Bytes(1); len(set) != 1 || set[0] == 0 {
		return nil
	}
	unix, offset := d.Varint(), d.Varint()
	t := time.Unix(unix, 0).In(time.FixedZone("", int(offset)))
	return &t
}
