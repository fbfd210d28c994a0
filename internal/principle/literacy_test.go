package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// An AI system states how the staff who work with it are made AI-literate
// (AI Act art. 4, since 2 February 2025): a warning where it does not, a
// legal one, before the date a warning of what is coming. A system that
// is no AI, or retired (its end come), is not concerned; a machine-learning algorithm is
// whatever its profile says.
func TestAIActLiteracy(t *testing.T) {
	literate := "Everyone who uses its outcomes is trained beforehand."
	alg := func(typ, aiAct, status string) string {
		return strings.NewReplacer("algorithm_type: rule_based", "algorithm_type: "+typ,
			"ai_act: {category: not_ai, basis: Fixed rules that compare a plate with the parking rights; no inference.}", aiAct,
			"status: active", "status: "+status).Replace(goodAlgorithm)
	}
	const missingMsg = "the record does not say how the staff who work with this AI system are made AI-literate (AI Act art. 4)"
	tests := []struct {
		name, yaml, today string
		want              []want
	}{
		{"no AI", alg("rule_based", "ai_act: {category: not_ai, basis: Fixed rules.}", "active"), testToday, nil},
		{"minimal risk, stated", alg("machine_learning", "ai_act: {category: minimal, role: deployer, literacy: "+literate+"}", "active"), testToday, nil},
		{"minimal risk, not stated", alg("machine_learning", "ai_act: {category: minimal, role: deployer}", "active"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"only blank", alg("machine_learning", "ai_act: {category: minimal, role: deployer, literacy: '  '}", "active"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"only a zero-width space and a soft hyphen", alg("machine_learning", `ai_act: {category: minimal, role: deployer, literacy: "\u200b\u00ad"}`, "active"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"a dash", alg("machine_learning", `ai_act: {category: minimal, role: deployer, literacy: "-"}`, "active"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"machine learning called not_ai", alg("machine_learning", "ai_act: {category: not_ai, basis: Fixed rules.}", "active"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"generative, no profile", alg("generative_ai", "", "planned"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 1, 1, missingMsg}}},
		{"a face-recognising camera called not_ai", `id: s
kind: sensor
status: active
capabilities: [face_recognition]
ai_act: {category: not_ai, basis: Records only.}
`, testToday, []want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 5, 1, missingMsg}}},
		{"retired", strings.Replace(alg("machine_learning", "ai_act: {category: minimal, role: deployer}", "retired"), "end: 2029-12-31", "end: 2026-06-30", 1), testToday, nil},
		{"labelled retired before its end: in use", alg("machine_learning", "ai_act: {category: minimal, role: deployer}", "retired"), testToday,
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, missingMsg}}},
		{"before the article applied", alg("machine_learning", "ai_act: {category: minimal, role: deployer}", "active"), "2025-01-15",
			[]want{{"ai-act-literacy", "VNG 3.2", finding.Warning, 36, 1, "(AI Act art. 4); the duty applies from 2025-02-02"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match(t, only(t, "ai-act-literacy", nil, nil, tt.today, tt.yaml), tt.want)
		})
	}
}

// Law: no configuration switches the rule off or lowers it.
func TestAIActLiteracyCannotBeSwitchedOff(t *testing.T) {
	for _, setting := range []string{"off", "info"} {
		cfg, _ := loadConfig(t, "rules:\n  ai-act-literacy: "+setting+"\n")
		fx := newFixture(t, cfg, strings.Replace(goodAlgorithm, "ai_act: {category: not_ai, basis: Fixed rules that compare a plate with the parking rights; no inference.}", "ai_act: {category: minimal, role: deployer}", 1))
		got := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
		var refused, kept bool
		for _, f := range got {
			refused = refused || f.Rule == finding.RuleConfig && strings.Contains(f.Message.In("en"), "ai-act-literacy")
			kept = kept || f.Rule == "ai-act-literacy" && f.Severity == finding.Warning
		}
		if !refused || !kept {
			t.Errorf("%s: setting refused %v, warning kept %v", setting, refused, kept)
		}
	}
}
