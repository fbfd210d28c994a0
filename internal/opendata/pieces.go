package opendata

import (
	"bytes"
	"io"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// Pieces keeps what the downloads are made of, record by record, from one
// build to the next: a writer asks for a record's piece (its CSV row, its
// GeoJSON feature, its entry in register.json) before it makes the
// record's public view and encodes it, and hands over what it encoded.
// A piece follows from the record as given to the writer, what it is (the
// writer's name for it: "csv", "geojson", "json") and refs, the ids in the
// record's uses_sensors that name public records among those written
// (publish.Viewer.Refs): a Pieces must know a piece by all three, so that
// nothing a record withholds now comes from a piece made before. The
// piece Keep is given is valid during the call only: a Pieces copies what
// it keeps (a Placer keeps pieces where they were written, and copies
// none: at 100,000 records, copies made for it were 40 MB a second of
// garbage while a site was built).
type Pieces interface {
	Piece(r *record.Record, what string, refs []string) ([]byte, bool)
	Keep(r *record.Record, what string, refs []string, piece []byte)
}

// Placer is a Pieces that keeps pieces where they were written, in the
// download itself: it is told where each piece went, in bytes from the
// start of the download (off) and long (n). A Placer's Piece may return a
// piece that is valid only until its next call.
type Placer interface {
	Pieces
	Placed(r *record.Record, what string, refs []string, off int64, n int)
}

// pieceMaker hands out the pieces of records: kept ones, or ones it
// encodes into its buffer from the record's public view. It writes the
// download, so that it knows where each piece goes.
type pieceMaker struct {
	kept Pieces          // nil: nothing is kept
	vw   *publish.Viewer // nil: the records given are the views
	buf  bytes.Buffer
	out  io.Writer // the download
	at   int64     // what has been written to out
	refs []string  // the refs of the last piece
}

func newPieceMaker(out io.Writer, recs []*record.Record, kept Pieces) *pieceMaker {
	return &pieceMaker{out: out, kept: kept, vw: publish.NewViewer(recs)}
}

// write writes p to the download.
func (m *pieceMaker) write(p []byte) error {
	n, err := m.out.Write(p)
	m.at += int64(n)
	return err
}

func (m *pieceMaker) writeString(s string) error {
	n, err := io.WriteString(m.out, s)
	m.at += int64(n)
	return err
}

// put writes data, the piece what of r that piece returned last, to the
// download, and tells a Placer where it went.
func (m *pieceMaker) put(r *record.Record, what string, data []byte) error {
	off := m.at
	if err := m.write(data); err != nil {
		return err
	}
	if p, ok := m.kept.(Placer); ok {
		p.Placed(r, what, m.refs, off, len(data))
	}
	return nil
}

// piece returns the piece what of r, a public record, made by encode from
// the view of r into an empty buffer when it is not kept. It is valid
// until the next call.
func (m *pieceMaker) piece(r *record.Record, what string, encode func(buf *bytes.Buffer, v *record.Record) error) ([]byte, error) {
	var refs []string
	if m.kept != nil {
		refs = r.UsesSensors
		if m.vw != nil {
			refs = m.vw.Refs(r)
		}
		m.refs = refs
		if p, ok := m.kept.Piece(r, what, refs); ok {
			return p, nil
		}
	}
	m.buf.Reset()
	v := r
	if m.vw != nil {
		v = m.vw.View(r)
	}
	if err := encode(&m.buf, v); err != nil {
		return nil, err
	}
	if m.kept != nil {
		m.kept.Keep(r, what, refs, m.buf.Bytes())
	}
	return m.buf.Bytes(), nil
}

// PieceWriter writes a file made of the pieces of public views as the
// downloads are, for a writer outside this package (the site's search
// index): each piece kept, or encoded and kept, and a Placer told where
// it went.
type PieceWriter struct{ m pieceMaker }

// NewPieceWriter writes to out the pieces of views, kept by kept (nil:
// none kept).
func NewPieceWriter(out io.Writer, kept Pieces) *PieceWriter {
	return &PieceWriter{m: pieceMaker{out: out, kept: kept}}
}

// WriteString writes s between pieces.
func (w *PieceWriter) WriteString(s string) error { return w.m.writeString(s) }

// Piece returns the piece what of the view v, made by encode into an
// empty buffer when it is not kept; valid until the next call.
func (w *PieceWriter) Piece(v *record.Record, what string, encode func(buf *bytes.Buffer, v *record.Record) error) ([]byte, error) {
	return w.m.piece(v, what, encode)
}

// Put writes data, the piece what of v that Piece returned last.
func (w *PieceWriter) Put(v *record.Record, what string, data []byte) error {
	return w.m.put(v, what, data)
}
