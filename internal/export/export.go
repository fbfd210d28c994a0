// Package export writes a loaded register in the formats other registers and
// platforms read: the national algorithm register's publication standard
// (algoritmeregister), OGC SensorThings entities for sensor platforms, and the
// open-data formats the public site publishes (csv, json, geojson, dcat),
// which it takes from the opendata package so there is one implementation.
//
// Every format leaves out records that are not public and fields a record
// withholds. A value the receiving standard cannot take (too long, missing)
// becomes a finding; nothing is cut or invented.
package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/schema"
)

// Formats lists the export formats, in the order help shows them.
var Formats = []string{"algoritmeregister", "sensorthings", "csv", "json", "geojson", "dcat"}

// Options tune an export.
type Options struct {
	// Kind picks the records for csv, which holds one kind per file. The
	// other formats ignore it.
	Kind record.Kind
	// Dates say when the register's open data began and last changed, for
	// dcat (from the register's history; see opendata.Dates).
	Dates opendata.Dates
}

// ErrKindNeeded is returned for csv without a kind: a CSV file has one set of
// columns, and sensors and algorithms have different ones.
var ErrKindNeeded = fmt.Errorf("csv holds one kind of record: choose sensor or algorithm")

// Write writes the register in the format to w. The findings say what the
// format could not take as the register has it; an error means nothing
// useful could be written (unknown format, failed write). The output is
// rendered in full before anything reaches w, so a failure never leaves half
// a file behind.
func Write(w io.Writer, format string, reg *record.Register, opts Options) ([]finding.Finding, error) {
	var buf bytes.Buffer
	var fs []finding.Finding
	var err error
	switch format {
	case "algoritmeregister":
		fs, err = WriteAlgoritmeregister(&buf, reg)
	case "sensorthings":
		err = WriteSensorThings(&buf, reg)
	case "csv":
		if opts.Kind != record.Sensor && opts.Kind != record.Algorithm {
			return nil, ErrKindNeeded
		}
		err = opendata.WriteCSV(&buf, opts.Kind, reg.Records)
	case "json":
		err = opendata.WriteJSON(&buf, reg)
	case "geojson":
		err = opendata.WriteGeoJSON(&buf, reg.Records)
	case "dcat":
		err = opendata.WriteDCAT(&buf, reg.Config, opts.Dates, opendata.Datasets(SchemaNames()))
	default:
		return nil, fmt.Errorf("unknown export format %q: use one of %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("write %s export: %w", format, err)
	}
	finding.Sort(fs)
	return fs, nil
}

// SchemaNames lists the file names of the published JSON Schemas, sorted, as
// the public site publishes them under opendata.SchemaDir; the DCAT
// catalogue names them as the standard each download conforms to.
func SchemaNames() []string { return schema.DataFiles() }
