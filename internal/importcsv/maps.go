package importcsv

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// mapsFS holds the ready-made mapping files for the registers
// municipalities most often start from.
//
//go:embed maps/*.yaml
var mapsFS embed.FS

// Maps lists the names of the ready-made mapping files, sorted.
func Maps() []string {
	entries, _ := fs.ReadDir(mapsFS, "maps")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(out)
	return out
}

// readyMap returns a ready-made mapping file by name.
func readyMap(name string) ([]byte, bool) {
	if strings.ContainsAny(name, "/\\") || strings.Contains(name, "..") {
		return nil, false
	}
	data, err := mapsFS.ReadFile("maps/" + name + ".yaml")
	return data, err == nil
}
