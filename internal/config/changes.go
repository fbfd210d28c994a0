package config

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
)

// Change is a setting the checklist's rules read that the configuration
// set to other than its default: a longer limit, an earlier date from
// which a duty applies, a laxer threshold. A rule that runs by it judges
// by it, so residents see each one, as they see every rule switched off or
// lowered (RuleSetting). A date the law gives is never set later than the
// law's (aiAct reports that, and keeps the law's date), so it is never a
// Change.
type Change struct {
	// Key is the setting's key in register.yaml ("limits.security_audit_max").
	Key string
	// Value and Default are the setting as set and by default, as
	// register.yaml writes them; "" is not set.
	Value, Default string
	Place
}

// msgNotSet is how a setting without a value reads.
var msgNotSet = message.New("not set", "niet ingesteld")

// Shown returns the value and the default as a person reads them in lang:
// "not set" where there is none.
func (c Change) Shown(lang string) (value, def string) {
	shown := func(s string) string {
		if s == "" {
			return msgNotSet.In(lang)
		}
		return s
	}
	return shown(c.Value), shown(c.Default)
}

// checklistSettings are the settings the checklist's rules read, each
// with how to write its value. The rules' severities are RuleSettings.
var checklistSettings = []struct {
	key   string
	value func(*Config) string
}{
	{"evaluation.default_interval", func(c *Config) string { return c.Evaluation.DefaultInterval.String() }},
	{"due_within", func(c *Config) string { return c.DueWithin.String() }},
	{"limits.data_sharing_max", func(c *Config) string { return c.Limits.DataSharingMax.String() }},
	{"limits.camera_lifecycle_max", func(c *Config) string { return c.Limits.CameraLifecycleMax.String() }},
	{"limits.exception_max", func(c *Config) string { return c.Limits.ExceptionMax.String() }},
	{"limits.security_audit_max", func(c *Config) string { return c.Limits.SecurityAuditMax.String() }},
	{"limits.custom_rules_cost", func(c *Config) string { return strconv.FormatUint(c.Limits.CustomRulesCost, 10) }},
	{"notice.period", func(c *Config) string { return c.Notice.Period.String() }},
	{"notice.since", func(c *Config) string { return c.Notice.Since }},
	{"advice.response_term", func(c *Config) string { return c.Advice.ResponseTerm.String() }},
	{"ai_act.high_risk_from", func(c *Config) string { return c.AIAct.HighRiskFrom }},
	{"ai_act.annex_i_from", func(c *Config) string { return c.AIAct.AnnexIFrom }},
	{"plain_language.min_reading_ease", func(c *Config) string {
		return strconv.FormatFloat(c.PlainLanguage.MinReadingEase, 'f', -1, 64)
	}},
	{"plain_language.max_sentence_words", func(c *Config) string { return strconv.Itoa(c.PlainLanguage.MaxSentenceWords) }},
	{"plain_language.min_words", func(c *Config) string { return strconv.Itoa(c.PlainLanguage.MinWords) }},
	{"supplier_watch", func(c *Config) string {
		var names []string
		for _, w := range c.SupplierWatch {
			names = append(names, w.Manufacturer)
		}
		return strings.Join(names, ", ")
	}},
}

// SettingKeys are the keys of the checklist's settings that Changes may
// list, but for the evaluation intervals per camera regime, sensor type or
// kind ("evaluation.intervals.camera"; see IntervalKey).
func SettingKeys() []string {
	keys := make([]string, len(checklistSettings))
	for i, s := range checklistSettings {
		keys[i] = s.key
	}
	return keys
}

// place is where the setting key was made: the environment variable
// that set it, else its place in register.yaml.
func (b *builder) place(key string) Place {
	if name := b.envOf(key); name != "" {
		return Place{Env: name}
	}
	if b.doc == nil {
		return Place{}
	}
	line, col := b.locate(key)
	return Place{File: b.file, Line: line, Column: col}
}

// changes lists the checklist's settings of b's configuration that differ
// from def's, in the order above, an evaluation interval per camera
// regime, sensor type or kind among them.
func (b *builder) changes(def *Config) []Change {
	var out []Change
	add := func(key, value, dflt string) {
		if value == dflt || sameText(value, dflt) {
			return
		}
		out = append(out, Change{Key: key, Value: value, Default: dflt, Place: b.place(key)})
	}
	for _, s := range checklistSettings {
		add(s.key, s.value(b.c), s.value(def))
	}
	var keys []string
	for k := range b.c.Evaluation.Intervals {
		keys = append(keys, k)
	}
	for k := range def.Evaluation.Intervals {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	interval := func(c *Config, k string) string {
		if d, ok := c.Evaluation.Intervals[k]; ok {
			return d.String()
		}
		return ""
	}
	for _, k := range keys {
		add(fmt.Sprintf("evaluation.intervals.%s", k), interval(b.c, k), interval(def, k))
	}
	return out
}

// sameText reports whether two settings written as text are durations as
// long as each other (sameLength); text that is no duration is as long as
// nothing.
func sameText(a, b string) bool {
	x, errX := period.Parse(a)
	y, errY := period.Parse(b)
	return errX == nil && errY == nil && sameLength(x, y)
}

// sameLength reports whether x and y are as long from any day: P1Y and
// P12M, P1W and P7D, but not P1Y and P365D, which a leap year tells apart.
func sameLength(x, y period.Duration) bool {
	return x.Years*12+x.Months == y.Years*12+y.Months && x.Weeks*7+x.Days == y.Weeks*7+y.Days && x.Clock == y.Clock
}
