package importcsv

import (
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// TestRowWidth: cells beyond the header's columns are reported with their
// text, as every text the import leaves out is; a row with fewer cells
// gets a note, since a line break outside quotes may have split it.
func TestRowWidth(t *testing.T) {
	tests := []struct {
		name, csv string
		records   int
		want      []string // findings about the rows' widths, as short writes them
	}{
		{"two extra cells and a short row", "naam,korte omschrijving,status\nTeller aa,b,active,extra,extra2\nTeller bb\n", 2, []string{
			`2:20 warning import the row has 2 cells more than the header has columns (3); they are not imported: "extra", "extra2"`,
			`3:0 info import the row has 1 of the header's 3 cells; the cells it lacks are read as empty`}},
		{"one extra cell after a text with a line break", "naam;korte omschrijving\n\"Teller\naa\";b;; c \n", 1, []string{
			`3:8 warning import the row has 1 cell more than the header has columns (2); it is not imported: " c "`}},
		{"empty cells beyond the header leave out nothing", "naam;status\nTeller aa;active;;\n", 1, nil},
		{"a blank short row is only blank", "naam,status,doel\n,\nTeller aa,active,tellen\n", 1, nil},
		{"rows as wide as the header", "naam,status\nTeller aa,active\n", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("cols.csv", []byte(tt.csv), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range short(res.Findings) {
				if strings.Contains(f, "the row has") {
					got = append(got, f)
				}
			}
			if !slices.Equal(got, tt.want) || len(res.Records) != tt.records {
				t.Errorf("%d records, findings\n%s\nwant %d records,\n%s", len(res.Records), strings.Join(got, "\n"), tt.records, strings.Join(tt.want, "\n"))
			}
			for _, f := range res.Findings {
				if strings.Contains(f.Message.In("en"), "the row has") && !strings.Contains(f.Message.In("nl"), "de rij heeft") {
					t.Errorf("no Dutch: %q", f.Message.In("nl"))
				}
			}
		})
	}
}

// utf16File is text as UTF-16 in the byte order given, with its byte order
// mark, as Excel saves "Unicode text".
func utf16File(text string, order binary.AppendByteOrder, bom bool) []byte {
	var out []byte
	if bom {
		out = order.AppendUint16(out, 0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(text)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestUTF16: a spreadsheet saved as UTF-16 with its byte order mark is read
// as the text it holds; one that is damaged or lacks its mark is refused
// with a message that says so and what to do.
func TestUTF16(t *testing.T) {
	const sheet = "Naam\tKorte omschrijving\r\nCafé teller\tTelt fietsen 🚲 op de brug\r\n"
	tests := []struct {
		name string
		data []byte
		err  string // "" when the file is read
	}{
		{"little-endian", utf16File(sheet, binary.LittleEndian, true), ""},
		{"big-endian", utf16File(sheet, binary.BigEndian, true), ""},
		{"half a character at the end", append(utf16File(sheet, binary.LittleEndian, true), 'x'), `x.csv: the file is UTF-16 (it starts with its byte order mark) but ends in half a character`},
		{"half of a pair", append(utf16File("Naam\r\nTeller ", binary.LittleEndian, true), 0x3D, 0xD8, 'a', 0),
			`x.csv:2:8: the file is UTF-16, but the character here is damaged (half of a pair)`},
		{"without its mark", utf16File(sheet, binary.LittleEndian, false), `x.csv:1:2: byte 0x00 is not text: the file is not a spreadsheet saved as text, or is UTF-16 without its byte order mark`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", tt.data, Options{Kind: record.Sensor, Now: now})
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || !strings.Contains(err.Error(), "CSV UTF-8") {
					t.Errorf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Records) != 1 || res.Records[0].ID != "cafe-teller" || textOf(t, res.Records[0].Data, "name") != "Café teller" ||
				textOf(t, res.Records[0].Data, "summary") != "Telt fietsen 🚲 op de brug" {
				t.Fatalf("records %+v, findings %q", res.Records, short(res.Findings))
			}
		})
	}
	// JSON saved as UTF-16 reads the same.
	res, err := loadable(t, ReadJSON)("x.json", utf16File(`[{"name": "Café teller", "summary": "Telt 🚲"}]`, binary.LittleEndian, true), Options{Kind: record.Sensor, Now: now})
	if err != nil || len(res.Records) != 1 || textOf(t, res.Records[0].Data, "summary") != "Telt 🚲" {
		t.Errorf("JSON as UTF-16: %v %+v", err, res)
	}
}

// textOf is a top-level text of a record.
func textOf(t *testing.T, data []byte, key string) string {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	s, _ := m[key].(string)
	return s
}

// TestJSONTooDeep: JSON nested deeper than any register's entries is
// refused with the file, the place and what to do, not the reader's words.
func TestJSONTooDeep(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"lists", strings.Repeat("[", 100000), "deep.json: at line 1, column 10001 the lists and objects are nested more than 10000 deep, so the file is not imported"},
		{"objects in an entry", "[\n" + `{"name": "x", "a": ` + strings.Repeat(`{"a": `, 20000), "deep.json: at line 2, column "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadable(t, ReadJSON)("deep.json", []byte(tt.data), Options{Kind: record.Sensor, Now: now})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "invalid character") ||
				!strings.Contains(err.Error(), "check that this is the file meant") {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

// TestARecordTooLargeToLoadIsNotImported: a row whose record file would be
// larger than the loader reads is refused, at its line and the column of its
// largest cell, and no record is made of it; the other rows are imported.
// From JSON the finding names the entry's line and the key.
func TestARecordTooLargeToLoadIsNotImported(t *testing.T) {
	big := strings.Repeat("x", int(source.DefaultLimits.MaxBytes))
	tests := []struct {
		name string
		read func(string, []byte, Options) (*Result, error)
		data string
		want string // the finding, as short writes it
	}{
		{"a long name", Read, "naam,status\nTeller aa,active\n" + big + ",active\n", "3:1 error import"},
		{"a long purpose", Read, "status,naam,doel\nactive,Teller aa,tellen\nactive,Teller bb," + big + "\n", "3:3 error import"},
		{"from JSON", ReadJSON, `[{"name": "Teller aa"},` + "\n" + `{"name": "Teller bb", "purpose": "` + big + `"}]`, "2:1 error import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, tt.read)("big", []byte(tt.data), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Records) != 1 {
				t.Errorf("%d records, want the one of the other row", len(res.Records))
			}
			var got []string
			for _, f := range short(res.Findings) {
				if strings.HasPrefix(f, tt.want) {
					got = append(got, f)
				}
			}
			limit := strconv.FormatInt(source.DefaultLimits.MaxBytes, 10)
			if len(got) != 1 || !strings.Contains(got[0], "bytes, more than the "+limit) {
				t.Errorf("findings\n%s\nwant one %q about the size", strings.Join(short(res.Findings), "\n"), tt.want)
			}
			for _, f := range res.Findings {
				if f.Severity == finding.Error && (!strings.Contains(f.Message.In("nl"), "bytes worden, meer dan de "+limit) || f.Help.In("en") == "") {
					t.Errorf("Dutch %q, help %q", f.Message.In("nl"), f.Help.In("en"))
				}
			}
		})
	}
}
