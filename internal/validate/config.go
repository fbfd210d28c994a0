package validate

import (
	"errors"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/schema"
)

// configKind names the schema of register.yaml among the compiled ones.
const configKind = record.Kind(schema.Config)

// configValidator compiles the schema of register.yaml alone, once per
// process: every command reads the configuration, and most need none of
// the record schemas' compiling to do so.
var configValidator = sync.OnceValues(func() (*Validator, error) {
	return compile(schema.FS, true, []record.Kind{configKind})
})

// CompileConfig compiles the configuration's schema for Config, once, for
// a caller that wants it ready before the first file is checked.
func CompileConfig() { _, _ = configValidator() }

// Config checks register.yaml, parsed into doc, against the published
// schema of the configuration (schema/config.schema.json) and returns a
// finding of rule finding.RuleConfig for each value of the wrong shape
// (organisation: [1, 2], site: "x"), placed at its line and column.
//
// The configuration's own reading is more lenient than the schema in two
// ways, and Config follows it: a key the schema does not know is left to
// that reading, which warns of it (and reads keys written in capitals, or
// with dots at the top, as the settings they name), except within a list,
// which that reading does not walk; a number or true/false written where
// text is asked is the text it was written as (require: false); and a key
// the schema requires in an entry is the reader's to ask for (a watched
// supplier without its source is watched all the same). Config checks the
// shape of what is written, not whether all of it is.
func Config(doc *source.Document) []finding.Finding {
	if doc == nil || doc.Value == nil {
		return nil
	}
	v, err := configValidator()
	if err != nil {
		return []finding.Finding{worded(finding.Finding{File: doc.Path, Rule: finding.RuleConfig, Severity: finding.Error},
			msgNotValidated.With(err), message.Phrase{})}
	}
	s := v.schemas[configKind]
	if vd := v.verdicts[configKind]; vd != nil {
		j := judge{}
		if j.valid(vd, doc.Value) && !j.unsure {
			return nil
		}
	}
	err = s.Validate(doc.Value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []finding.Finding{worded(finding.Finding{File: doc.Path, Rule: finding.RuleConfig, Severity: finding.Error},
			msgNotValidated.With(err), message.Phrase{})}
	}
	if ve = lenient(ve); ve == nil {
		return nil
	}
	return v.findings(doc, v.problems(ve), finding.RuleConfig)
}

// lenient drops from the error tree what the configuration's reading
// accepts (see Config): unknown keys outside lists, a scalar where text is
// asked, and missing keys. An error left without causes goes too.
func lenient(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		if !slices.ContainsFunc(e.InstanceLocation, isIndex) {
			return nil
		}
	case *kind.Type:
		if slices.Contains(k.Want, "string") && (k.Got == "boolean" || k.Got == "number" || k.Got == "integer") {
			return nil
		}
	case *kind.Required:
		return nil
	}
	if len(e.Causes) == 0 {
		return e
	}
	out := *e
	out.Causes = nil
	for _, c := range e.Causes {
		if c := lenient(c); c != nil {
			out.Causes = append(out.Causes, c)
		}
	}
	if len(out.Causes) == 0 {
		return nil
	}
	return &out
}
