package principle

import (
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

// unknownIntervalKeys warns about an evaluation interval set for a key
// that is no camera regime, sensor type or kind ("public-order", "Camera's"),
// at the setting: it concerns no record (config.Evaluation.Ignored), so a
// typo would leave the interval meant at its default unnoticed.
func unknownIntervalKeys(cfg *config.Config) []finding.Finding {
	var out []finding.Finding
	for _, ch := range cfg.Evaluation.Ignored {
		k := strings.TrimPrefix(ch.Key, "evaluation.intervals.")
		f := finding.Finding{File: config.FileName, Rule: finding.RuleConfig, Principle: "VNG III", Severity: finding.Warning}
		what := ch.Key
		if env := placeAt(&f, ch.Place); env != "" {
			what = env + " (" + k + ")"
		}
		out = append(out, worded(f,
			en(fmt.Sprintf("%s names no camera regime, sensor type or kind, so it concerns no record; the setting is ignored", what),
				"name a camera_regime (such as public_order), a sensor_type (such as camera) or a kind (sensor, algorithm) as the record format writes it"),
			nl(fmt.Sprintf("%s is geen cameraregime, soort sensor of soort registratie. De termijn geldt dus voor geen enkele registratie, en de instelling doet niets.", what),
				"Noem een camera_regime (zoals public_order), een sensor_type (zoals camera) of een soort (sensor, algorithm), geschreven zoals in het recordformaat.")))
	}
	return out
}

// placeAtSetting points f at where the setting key was made (cfg.Changes):
// its place in register.yaml, or the environment variable, whose name it
// returns ("" for a place in the file, or none known).
func placeAtSetting(f *finding.Finding, cfg *config.Config, key string) string {
	i := slices.IndexFunc(cfg.Changes, func(c config.Change) bool { return c.Key == key })
	if i < 0 {
		return ""
	}
	return placeAt(f, cfg.Changes[i].Place)
}

// placeAt points f at p, a setting's place in register.yaml or the
// environment variable, whose name it returns ("" for a place in the file).
func placeAt(f *finding.Finding, p config.Place) string {
	f.Line, f.Column = p.Line, p.Column
	if p.File != "" {
		f.File = p.File
	}
	if p.Env != "" {
		f.File = p.Env
	}
	return p.Env
}
