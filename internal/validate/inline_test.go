package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/schema"
)

// The validator compiles schemas with $refs inlined; they must accept and
// reject exactly what the published schemas do.
func TestInlinedSchemasJudgeLikeThePublishedOnes(t *testing.T) {
	flat, err := compile(schema.FS, true, record.Kinds)
	if err != nil {
		t.Fatal(err)
	}
	published, err := compile(schema.FS, false, record.Kinds)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []struct {
		name string
		kind record.Kind
		text string
	}
	add := func(name string, k record.Kind, text string) {
		inputs = append(inputs, struct {
			name string
			kind record.Kind
			text string
		}{name, k, text})
	}
	for _, dir := range []string{"../../register", "../../examples/dorp", "../../schema/testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
		more, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, f := range append(files, more...) {
			b, err := os.ReadFile(f)
			if err != nil || filepath.Base(f) == "register.yaml" {
				continue
			}
			k := record.Sensor
			if strings.Contains(f, "algorithm") {
				k = record.Algorithm
			}
			text := string(b)
			add(f, k, text)
			// Mutations: each value type and structure broken in turn.
			for i, r := range []*strings.Replacer{
				strings.NewReplacer("status: active", "status: live"),
				strings.NewReplacer("processed: no", "processed: maybe", "processed: yes", "processed: maybe", `processed: "yes"`, "processed: 1"),
				strings.NewReplacer("start: 20", "start: 19-"),
				strings.NewReplacer("email: ", "email: not-an-address "),
				strings.NewReplacer("interval: P", "interval: X"),
				strings.NewReplacer("  type: municipality", "  type: [municipality]"),
				strings.NewReplacer("https://", "ftp://"),
				strings.NewReplacer("lat: 5", "lat: 9"),
				strings.NewReplacer("role: ", "rol: "),
				strings.NewReplacer("status: not_required", "status: not_required\n  extra: 1"),
			} {
				if m := r.Replace(text); m != text {
					add(f+"#"+string(rune('a'+i)), k, m)
				}
			}
		}
	}
	if len(inputs) < 50 {
		t.Fatalf("only %d inputs; are the bundled registers there?", len(inputs))
	}
	for _, in := range inputs {
		doc, fs := source.Parse(in.name, []byte(in.text), source.DefaultLimits)
		if fs != nil {
			continue
		}
		a, b := flat.Validate(doc, in.kind), published.Validate(doc, in.kind)
		if (len(a) == 0) != (len(b) == 0) {
			t.Errorf("%s: inlined schema found %d problems, published %d:\n%v\n%v", in.name, len(a), len(b), a, b)
		}
	}
}
