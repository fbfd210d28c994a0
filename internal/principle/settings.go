package principle

import (
	"slices"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
)

// settingRules are the rules that read each of the checklist's settings
// (config.SettingKeys): a setting the municipality changed bears on the
// records those rules apply to, whose pages then say so. Settings that bear
// on every record, or on a record's evaluation interval, are in Concerns.
var settingRules = map[string][]string{
	"limits.data_sharing_max":           {"sharing-temporary"},
	"limits.camera_lifecycle_max":       {"camera-temporary"},
	"limits.exception_max":              {"exception-too-long"},
	"limits.security_audit_max":         {"security-audit"},
	"notice.period":                     {"notice-period"},
	"notice.since":                      {"notice-period"},
	"advice.response_term":              {"advice-response"},
	"ai_act.high_risk_from":             {"ai-act-profile", "ai-act-fria", "ai-act-registration"},
	"ai_act.annex_i_from":               {"ai-act-profile", "ai-act-fria", "ai-act-registration"},
	"plain_language.min_reading_ease":   {"plain-language"},
	"plain_language.max_sentence_words": {"plain-language"},
	"plain_language.min_words":          {"plain-language"},
	"supplier_watch":                    {"supplier-watch"},
}

// everyRecord are the settings that bear on every record: how soon a date
// counts as near (the evaluation state every page shows, exceptions that
// end), and the budget the municipality's own rules run within.
var everyRecord = []string{"due_within", "limits.custom_rules_cost"}

// Concerns reports whether the checklist's setting key, as cfg has it,
// bears on what the checklist and the site say of the record r: a rule
// that reads it applies to r, or it sets the interval r's evaluation is
// due by (under cfg or by default: a setting that moved r to another
// interval concerns it too).
func Concerns(key string, r *record.Record, cfg *config.Config) bool {
	if slices.Contains(everyRecord, key) {
		return true
	}
	if key == "evaluation.default_interval" || strings.HasPrefix(key, "evaluation.intervals.") {
		// The regime the record is judged under, as its due date is
		// worked out (lifecycle): a camera under 151c is public order.
		// A record that states its own interval is held to this one
		// (evaluation-lapsed): it concerns that record too.
		kind, typ, regime := string(r.Kind), r.SensorType, r.Regime()
		return cfg.IntervalKey(kind, typ, regime) == key || defaults().IntervalKey(kind, typ, regime) == key
	}
	for _, id := range settingRules[key] {
		if rule, ok := byID[id]; ok && (rule.Applies == nil || rule.Applies(r)) {
			return true
		}
	}
	return false
}

// defaults is the configuration without register.yaml, made once.
var defaults = sync.OnceValue(config.Default)
