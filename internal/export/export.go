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
	"fmt"
	"io"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/schema"
)

// Formats are the export formats, in the order help shows them.
var Formats = format.Set[*Job]{
	{Name: "algoritmeregister", Exts: []string{".json"}, Write: func(w io.Writer, j *Job) (err error) {
		j.Findings, err = WriteAlgoritmeregister(w, j.Register)
		return err
	}},
	{Name: "sensorthings", Exts: []string{".json"}, Write: func(w io.Writer, j *Job) error { return WriteSensorThings(w, j.Register) }},
	{Name: "csv", Exts: []string{".csv"}, Write: func(w io.Writer, j *Job) error {
		if j.Options.Kind != record.Sensor && j.Options.Kind != record.Algorithm {
			return ErrKindNeeded
		}
		return opendata.WriteCSV(w, j.Options.Kind, j.Register.Records)
	}},
	{Name: "json", Exts: []string{".json"}, Write: func(w io.Writer, j *Job) error { return opendata.WriteJSON(w, j.Register) }},
	{Name: "geojson", Exts: []string{".geojson"}, Write: func(w io.Writer, j *Job) error { return opendata.WriteGeoJSON(w, j.Register.Records) }},
	{Name: "dcat", Exts: []string{".jsonld"}, Write: func(w io.Writer, j *Job) error {
		return opendata.WriteDCAT(w, j.Register.Config, j.Options.Dates, opendata.Datasets(SchemaNames()))
	}},
}

// Job is what an export format writes, and what it found it could not take.
type Job struct {
	Register *register.Register
	Options  Options
	// Findings are the values the format could not take as the register
	// has them; the format fills them in.
	Findings []finding.Finding
}

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
// useful could be written (unknown format, failed write). The output goes
// to w as it is made, so that an export of 100,000 records is not held in
// memory: a caller that must not leave half an output behind on failure
// gives a temporary file (atomicfile) or a buffer.
func Write(w io.Writer, name string, reg *register.Register, opts Options) ([]finding.Finding, error) {
	f, err := Formats.Lookup(name)
	if err != nil {
		return nil, err
	}
	job := &Job{Register: reg, Options: opts}
	if err := f.Write(w, job); err != nil {
		return nil, err
	}
	finding.Sort(job.Findings)
	return job.Findings, nil
}

// SchemaNames lists the file names of the published JSON Schemas, sorted, as
// the public site publishes them under opendata.SchemaDir; the DCAT
// catalogue names them as the standard each download conforms to.
func SchemaNames() []string { return schema.DataFiles() }
