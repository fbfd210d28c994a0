package publish_test

import (
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// BenchmarkRegister makes the public view of a generated register of
// 10,000 records, as every build does: each record's view, and every
// text of every view read for quotes of another record's secrets.
func BenchmarkRegister(b *testing.B) {
	root := filepath.Join(b.TempDir(), "register")
	if err := testgen.Write(root, 10000, 1); err != nil {
		b.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		publish.Register(res.Register)
	}
}
