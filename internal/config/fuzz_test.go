package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// FuzzLoad feeds arbitrary register.yaml files to the configuration: a
// problem in the file is a finding, never an error or a panic, and the
// configuration that comes back is usable (a language, positive limits).
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"organisation: Gemeente X\nlanguages: [en, nl]\n",
		"rules: {security-audit: off, camera-temporary: {severity: warning, reason: x}}\n",
		"evaluation: {default_interval: P4Y, intervals: {camera: P1Y, drone: PX}}\n",
		"limits: {custom_rules_cost: veel, data_sharing_max: P}\n",
		"rules_custom: [{id: x, when: 'record.name == \"a\"', require: 'true'}, 3, {require: 1}]\n",
		"site: [a, b]\n",
		"- a\n- b\n",
		"languages: fr\nsupplier_watch: {manufacturer: x}\n",
		"notice: {period: P5D, since: 2025-02-30}\n",
		"Rules: {a: b}\nrules: {c: d}\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, fs, err := Load(dir)
		if err != nil {
			t.Fatalf("Load: %v (a problem in the file should be a finding)", err)
		}
		if c == nil || len(c.Languages) == 0 || c.Limits.CustomRulesCost == 0 {
			t.Fatalf("unusable configuration %+v", c)
		}
		for _, fd := range fs {
			if fd.File == "" || fd.Message.In("en") == "" || (fd.Rule != finding.RuleConfig && fd.Rule != finding.RuleYAML) {
				t.Fatalf("finding %+v", fd)
			}
		}
	})
}
