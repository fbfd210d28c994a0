package load

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestParseKeepsNothingOfItsBytes: every file is read into a buffer that
// then reads the next (reader.read), so what a file parses to, its record,
// facts and findings, must not change when its bytes do.
func TestParseKeepsNothingOfItsBytes(t *testing.T) {
	newReader := func() *reader {
		cfg := config.Default()
		return &reader{opts: Options{Limits: source.DefaultLimits, Records: true}, cfg: cfg, marks: true,
			strings:   &record.Strings{},
			checklist: principle.NewChecklist(cfg, principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)})}
	}
	for i := range 20 {
		kind, id, text := testgen.Record(i, 7)
		if i%4 == 0 {
			text = append(bytes.Clone(text), "unknown_field: [1, 2]\nsummary: twice\n"...) // findings from reading, too
		}
		rel := testgen.Folder(kind) + "/" + id + ".yaml"
		data := bytes.Clone(text)
		got := newReader().parse(rel, record.Kind(kind), data, nil)
		for j := range data {
			data[j] = 'x'
		}
		want := newReader().parse(rel, record.Kind(kind), bytes.Clone(text), nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: after its bytes changed, the file's result is\n%+v\nwant\n%+v", rel, got, want)
		}
	}
}
