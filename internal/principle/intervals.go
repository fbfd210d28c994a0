package principle

import (
	"fmt"
	"slices"
	"sort"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// unknownIntervalKeys warns about an evaluation interval set for a key
// that is no camera regime, sensor type or kind ("public-order", "Camera's"):
// it concerns no record, while the deviations list it as set, so a typo
// would leave the interval meant at its default unnoticed.
func unknownIntervalKeys(cfg *config.Config) []finding.Finding {
	known := slices.Concat(field.Values(record.Sensor, "camera_regime"), field.Values(record.Sensor, "sensor_type"))
	for _, k := range record.Kinds {
		known = append(known, string(k))
	}
	var keys []string
	for k := range cfg.Evaluation.Intervals {
		if !cfg.Evaluation.Defaulted[k] && !slices.Contains(known, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []finding.Finding
	for _, k := range keys {
		key := "evaluation.intervals." + k
		f := finding.Finding{File: config.FileName, Rule: finding.RuleConfig, Principle: "VNG III", Severity: finding.Warning}
		what := key
		if env := placeAtSetting(&f, cfg, key); env != "" {
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
	ch := cfg.Changes[i]
	f.Line, f.Column = ch.Line, ch.Column
	if ch.File != "" {
		f.File = ch.File
	}
	if ch.Env != "" {
		f.File = ch.Env
	}
	return ch.Env
}
