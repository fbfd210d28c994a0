package acceptance

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestFileMistakes: more ways a steward's files go wrong, each made from the
// careful waste-container record, and the one finding each must give.
func TestFileMistakes(t *testing.T) {
	dir := workspace(t)
	sensors := filepath.Join(dir, "register", "sensors")
	base := strings.ReplaceAll(strings.TrimPrefix(readFile(t, filepath.Join(sensors, "afval-containers.yaml")), "\ufeff"), "\r\n", "\n")
	record := func(id string) string { return strings.Replace(base, "id: afval-containers", "id: "+id, 1) }
	utf16le := func(s string) string {
		var b strings.Builder
		b.WriteString("\xff\xfe")
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	var links strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&links, "  - title: Link %d\n    url: https://lindeveen.example/%s/%d\n", i, strings.Repeat("x", 200), i)
	}
	files := map[string]string{
		"dubbele-sleutel.yaml": strings.Replace(record("dubbele-sleutel"), "status: active\n", "status: active\nstatus: retired\n", 1),
		"eigenaar-lijst.yaml": strings.Replace(record("eigenaar-lijst"), "owner:\n  role: Teamleider Afvalinzameling\n  email: afval@lindeveen.example",
			"owner:\n  - role: Teamleider Afvalinzameling\n    email: afval@lindeveen.example", 1),
		"naam-getal.yaml":        strings.Replace(record("naam-getal"), "name: Vulgraadsensoren ondergrondse containers", "name: 2024", 1),
		"persoonlijk.yaml":       strings.Replace(record("persoonlijk"), "email: afval@lindeveen.example", "email: Jan de Vries", 1),
		"latin1.yaml":            strings.Replace(record("latin1"), "Vulgraadsensoren", "Vulgraadsensoren caf\xe9", 1),
		"utf16.yaml":             utf16le(record("utf16")),
		"leeg.yaml":              "",
		"alleen-commentaar.yaml": "# nog invullen\n",
		"algoritme-hier.yaml":    strings.Replace(record("algoritme-hier"), "kind: sensor", "kind: algorithm", 1),
		"tweede.yaml":            record("afval-containers"),
		"HoofdLetter.yaml":       record("HoofdLetter"),
		"groot.yaml":             record("groot") + "links:\n" + links.String(),
		"ankers.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
		"twee-documenten.yaml": record("twee-documenten") + "---\nid: nog-een\n",
		"extensie.yml":         record("extensie"),
		"notities.txt":         "geen record",
		"oud.yaml.bak":         record("oud"),
		"map/binnen.yaml":      record("binnen"),
	}
	for name, content := range files {
		writeFile(t, filepath.Join(sensors, filepath.FromSlash(name)), content)
	}
	rep := checkJSON(t, dir, 1)
	tests := []struct {
		file           string
		line, col      int
		rule, severity string
		message, help  string
	}{
		{"sensors/dubbele-sleutel.yaml", 6, 1, "yaml", "error", `key "status" appears more than once`, "remove or merge the duplicate"},
		{"sensors/eigenaar-lijst.yaml", 10, 3, "schema", "error", "owner must be a mapping, not a list", "indented 'key: value' lines"},
		{"sensors/naam-getal.yaml", 3, 7, "schema", "error", "name must be text, not a number", "quote it"},
		{"sensors/persoonlijk.yaml", 11, 10, "schema", "error", `"Jan de Vries" is not a valid e-mail address`, "functional mailbox"},
		{"sensors/latin1.yaml", 3, 27, "yaml", "error", "not valid UTF-8", "save the file as UTF-8"},
		{"sensors/utf16.yaml", 1, 1, "yaml", "error", "UTF-16", "save the file as UTF-8"},
		{"sensors/leeg.yaml", 0, 0, "yaml", "error", "file is empty", "write the record's fields, or remove the file"},
		{"sensors/alleen-commentaar.yaml", 0, 0, "yaml", "error", "file is empty", "write the record's fields"},
		{"sensors/algoritme-hier.yaml", 2, 7, "register", "error", `a record of kind "algorithm" is in sensors/`, "move it to algorithms/"},
		{"sensors/tweede.yaml", 1, 5, "register", "error", `id "afval-containers" is already used by sensors/afval-containers.yaml`, "choose another"},
		{"sensors/HoofdLetter.yaml", 1, 5, "schema", "error", `id "HoofdLetter" is not a valid id`, "lower-case"},
		{"sensors/groot.yaml", 0, 0, "yaml", "error", "file is 1308672 bytes, more than the limit of 1048576", ""},
		{"sensors/ankers.yaml", 1, 23, "yaml", "error", "aliases expand to more than 1000 values", "write the values out"},
		{"sensors/twee-documenten.yaml", 32, 1, "yaml", "error", "more than one YAML document", "remove the '---' separator"},
		{"sensors/map", 0, 0, "register", "warning", "folders inside sensors/ are not read", "directly in sensors/"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var same []string
			for _, f := range rep.Findings {
				if f.File != tt.file || f.Rule != tt.rule {
					continue
				}
				same = append(same, fmt.Sprintf("%d:%d %s %q / %q", f.line(), f.column(), f.Severity, f.Message, f.Help))
				if f.line() == tt.line && f.column() == tt.col && f.Severity == tt.severity &&
					strings.Contains(f.Message, tt.message) && strings.Contains(f.Help, tt.help) {
					return
				}
			}
			t.Errorf("want %d:%d %s %s %q / %q; got %v", tt.line, tt.col, tt.severity, tt.rule, tt.message, tt.help, same)
		})
	}
	// A .yml record is read like a .yaml one; other files are left alone.
	for _, f := range rep.Findings {
		switch {
		case f.File == "sensors/extensie.yml" && (f.Rule == "yaml" || f.Rule == "schema" || f.Rule == "register"):
			t.Errorf("the .yml record gets an error: %+v", f)
		case strings.Contains(f.File, "notities.txt") || strings.Contains(f.File, ".bak") || f.File == "sensors/map/binnen.yaml":
			t.Errorf("a file that is not a record was read: %+v", f)
		}
	}
	if rep.Summary.Records != 12+15 {
		t.Errorf("%d records, want 27 (12 + 15 .yaml/.yml files added)", rep.Summary.Records)
	}
}
