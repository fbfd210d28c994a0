package export

import (
	"io"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// BenchmarkExport measures each format on a generated register of 10,000
// records, loaded once (loading is measured by the load package).
func BenchmarkExport(b *testing.B) {
	dir := b.TempDir()
	if err := testgen.Write(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range Formats.Names() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if _, err := Write(io.Discard, format, res.Register, Options{Kind: record.Sensor}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
