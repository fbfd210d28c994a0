package acceptance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bundledRegister is the register that ships with the tool.
const bundledRegister = "../../register"

// reviewEdit is one change to a file of the bundled register, as the legal
// review made it: old is replaced by new, once.
type reviewEdit struct{ file, old, new string }

// reviewFinding is a finding check must give: the rule, its severity and a
// part of its English message, on the file.
type reviewFinding struct{ file, rule, severity, message string }

// TestLegalReviewVerdicts makes the legal review's changes to the bundled
// register and pins the verdict the law asks for on each: what the review
// found wrong (a legal duty reported as a warning, or not at all) is an
// error that cites the law.
func TestLegalReviewVerdicts(t *testing.T) {
	const (
		grote   = "sensors/cam-uitgaansgebied-grote-markt.yaml"
		leerl   = "algorithms/leerlingenvervoer.yaml"
		station = "sensors/cam-politie-stationsplein.yaml"
		druk    = "sensors/druktemeters-binnenstad.yaml"
		noLaw   = "    Politiewet 2012. De beelden"
		law151  = "    Gemeentewet artikel 151c en APV Voorbeeldstad artikel 2.77. De beelden"
	)
	tests := []struct {
		name  string
		edits []reviewEdit
		want  []reviewFinding
	}{
		{"a municipality's camera that claims the police regime is held to the GDPR",
			[]reviewEdit{
				{grote, "camera_regime: public_order", "camera_regime: police"},
				{grote, law151, noLaw},
				{grote, "signage:\n  present: true", "signage:\n  present: false"},
				{grote, "retention: P28D", "retention: P90D"},
			},
			[]reviewFinding{
				{grote, "camera-regime", "error", "camera_regime is police, but the operator is of type municipality: only the police operate under the Politiewet 2012 and the Wet politiegegevens"},
				{grote, "legal-basis", "error", "legal_basis.regime is police_data, but the operator is of type municipality"},
				{grote, "signage", "error", "people filmed must be informed (GDPR art. 13)"},
			}},
		{"a municipality's algorithm that claims police data still needs the GDPR's exception for special categories",
			[]reviewEdit{
				{leerl, "regime: gdpr", "regime: police_data"},
				{leerl, "  special_categories_ground: substantial_public_interest\n", ""},
			},
			[]reviewFinding{
				{leerl, "legal-basis", "error", "legal_basis.regime is police_data, but the operator is of type municipality…(Wet politiegegevens art. 1(a); Besluit politiegegevens buitengewoon opsporingsambtenaren)"},
				{leerl, "special-categories", "error", "does not give the exception of GDPR art. 9(2) (special_categories_ground)"},
			}},
		{"a high-risk date later than the law's is an error of check, and the law's date applies",
			[]reviewEdit{{"register.yaml", "due_within: P90D\n", "due_within: P90D\nai_act:\n  high_risk_from: 2028-06-01\n"}},
			[]reviewFinding{{"register.yaml", "config", "error", "ai_act.high_risk_from: 2028-06-01 is later than 2027-12-02, the date the high-risk obligations of Annex III apply from by law…the law's date 2027-12-02 applies"}}},
		{"biometric categorisation by ethnicity stays an error with biometric-ban off",
			[]reviewEdit{
				{"register.yaml", "  security-audit: warning\n", "  security-audit: warning\n  biometric-ban: {severity: \"off\", reason: De raad staat het toe.}\n"},
				{druk, "  - image_analysis\n", "  - image_analysis\n  - biometric_categorisation\n"},
				{druk, "    - Grof beeld van voorbijgangers, alleen kort in het apparaat om te tellen\n", "    - Grof beeld van voorbijgangers, alleen kort in het apparaat om te tellen\n    - Etnische afkomst, geschat uit het beeld\n"},
			},
			[]reviewFinding{
				{druk, "biometric-ban", "error", "infers a sensitive trait (etnische)…a prohibited AI practice (AI Act art. 5(1)(g), since 2025-02-02)"},
				{"register.yaml", "config", "error", "rules.biometric-ban: off would switch off or lower duties that follow from law (GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g))"},
			}},
	}
	for _, authority := range []string{"Politie, basisteam Voorbeeldstad (teamchef)", "Burgemeester", "Officier van justitie"} {
		tests = append(tests, struct {
			name  string
			edits []reviewEdit
			want  []reviewFinding
		}{"after-the-fact identification authorised by " + authority + " stays an error",
			[]reviewEdit{{station, "authority: Rechter-commissaris, rechtbank Midden-Nederland", "authority: " + authority}},
			[]reviewFinding{{station, "biometric-ban", "error", "does not count: it lacks an authorisation the checklist can recognise (AI Act art. 26(10)"}}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			root := filepath.Join(dir, "register")
			copyTree(t, bundledRegister, root)
			for _, e := range tt.edits {
				path := filepath.Join(root, filepath.FromSlash(e.file))
				text := readFile(t, path)
				if !strings.Contains(text, e.old) {
					t.Fatalf("%s does not hold %q", e.file, e.old)
				}
				if err := os.WriteFile(path, []byte(strings.Replace(text, e.old, e.new, 1)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, dir, nil, "check", "--as-of", asOf, "--format", "json", "--lang", "en", "--no-cache")
			rep := decodeReport(t, r.stdout)
			for _, w := range tt.want {
				found := false
				for _, f := range rep.Findings {
					if f.File == w.file && f.Rule == w.rule && f.Severity == w.severity && containsAll(f.Message, w.message) {
						found = true
					}
				}
				if !found {
					t.Errorf("no %s %s on %s with %q; findings on the file:", w.severity, w.rule, w.file, w.message)
					for _, f := range rep.Findings {
						if f.File == w.file {
							t.Errorf("  %s %s %q", f.Severity, f.Rule, f.Message)
						}
					}
				}
			}
		})
	}
}

// containsAll reports whether the parts of want, separated by "…", appear
// in s in that order.
func containsAll(s, want string) bool {
	for _, part := range strings.Split(want, "…") {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return true
}
