// Package schema holds the register's published JSON Schemas (draft 2020-12):
// one per kind of record, and common.schema.json with the definitions both
// share. The JSON files are the authority on the record format; this package
// only embeds them, so the binary carries the exact files that editors and
// other tools read from the repository.
//
// The schemas have no absolute $id (an editor would try to fetch it) and refer
// to each other relatively, so a validator must add every file of FS as a
// resource under one base URL, for example BaseURL + File(name).
package schema

import (
	"embed"
	"errors"
	"fmt"
	"slices"
)

// FS holds every *.schema.json file of this folder.
//
//go:embed *.schema.json
var FS embed.FS

// Names lists the record schemas, one per kind of record, in the order the
// register shows the kinds.
var Names = []string{"sensor", "algorithm"}

// Common is the name of the schema with the shared definitions that the
// record schemas reference; it describes no record itself.
const Common = "common"

// Config is the name of the schema of register.yaml, the register's
// settings. It describes no record and is not part of the open data.
const Config = "config"

// DataFiles lists, sorted, the files of FS that describe records (the record
// schemas and Common): the ones published with the open data.
func DataFiles() []string {
	names := []string{File(Common)}
	for _, n := range Names {
		names = append(names, File(n))
	}
	slices.Sort(names)
	return names
}

// BaseURL is the base under which validators add the files of FS, so that the
// relative references between them resolve without touching disk or network.
const BaseURL = "file:///schema/"

// ErrUnknown is returned for a schema name that does not exist.
var ErrUnknown = errors.New("unknown schema")

// File returns the file name in FS of the schema called name, for example
// "sensor.schema.json" for "sensor".
func File(name string) string { return name + ".schema.json" }

// Record returns the schema for records of a kind ("sensor" or "algorithm").
func Record(kind string) ([]byte, error) {
	if !slices.Contains(Names, kind) {
		return nil, fmt.Errorf("%w %q: a record's kind is sensor or algorithm", ErrUnknown, kind)
	}
	return FS.ReadFile(File(kind))
}

// Read returns any schema by name: a record schema from Names, Common or
// Config.
func Read(name string) ([]byte, error) {
	if name == Common || name == Config {
		return FS.ReadFile(File(name))
	}
	if !slices.Contains(Names, name) {
		return nil, fmt.Errorf("%w %q: choose sensor, algorithm, common or config", ErrUnknown, name)
	}
	return FS.ReadFile(File(name))
}
