package opendata

import (
	"bytes"

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
// nothing a record withholds now comes from a piece made before.
type Pieces interface {
	Piece(r *record.Record, what string, refs []string) ([]byte, bool)
	Keep(r *record.Record, what string, refs []string, piece []byte)
}

// pieceMaker hands out the pieces of records: kept ones, or ones it
// encodes into its buffer from the record's public view.
type pieceMaker struct {
	kept Pieces          // nil: nothing is kept
	vw   *publish.Viewer // nil: the records given are the views
	buf  bytes.Buffer
}

func newPieceMaker(recs []*record.Record, kept Pieces) *pieceMaker {
	return &pieceMaker{kept: kept, vw: publish.NewViewer(recs)}
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
		m.kept.Keep(r, what, refs, bytes.Clone(m.buf.Bytes()))
	}
	return m.buf.Bytes(), nil
}
