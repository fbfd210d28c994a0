package principle

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// citingVariants turn a record into one that draws findings that cite the law:
// a DPIA missing, late, to come or waived, special categories without a
// ground or denied, high-risk duties still to come, real-time biometric
// identification, with its FRIA and registration missing too, and no
// safeguards at all. Each runs under the GDPR, as the police's
// own and as a boa's (outsideGDPR), as those cite the Law Enforcement
// Directive instead.
var citingVariants = []struct {
	name   string
	mutate func(r *record.Record)
}{
	{"as generated", func(*record.Record) {}},
	{"no DPIA", func(r *record.Record) { r.DPIA = nil }},
	{"DPIA to come", func(r *record.Record) { r.DPIA = &record.DPIA{Status: "done", Date: "2027-05-01"} }},
	{"DPIA after the start", func(r *record.Record) {
		r.Lifecycle.Start = "2024-01-01"
		r.DPIA = &record.DPIA{Status: "done", Date: "2025-06-01"}
	}},
	{"DPIA without a date", func(r *record.Record) { r.DPIA = &record.DPIA{Status: "done"} }},
	{"DPIA waived", func(r *record.Record) { r.DPIA = &record.DPIA{Status: "not_required", Reason: "small"} }},
	{"DPIA in progress", func(r *record.Record) { r.DPIA = &record.DPIA{Status: "in_progress"} }},
	{"personal data unknown", func(r *record.Record) { r.PersonalData.Processed = "unknown"; r.DPIA = nil }},
	{"personal data denied", func(r *record.Record) { r.PersonalData.Processed = "no"; r.DPIA = nil }},
	{"special categories without a ground", func(r *record.Record) {
		yes := true
		r.PersonalData.Processed, r.PersonalData.SpecialCategories = "yes", &yes
		r.PersonalData.SpecialGround, r.PersonalData.SpecialLaw = "", ""
	}},
	{"a special category named but denied", func(r *record.Record) {
		no := false
		r.PersonalData.Processed, r.PersonalData.SpecialCategories = "yes", &no
		r.PersonalData.Categories = append(r.PersonalData.Categories, "gezondheidsgegevens")
	}},
	{"high risk, no FRIA or registration", func(r *record.Record) {
		r.AIAct = &record.AIAct{Category: "high_risk", Role: "deployer", AnnexIII: "5(a)"}
	}},
	{"high risk without its Annex point", func(r *record.Record) {
		r.AIAct = &record.AIAct{Category: "high_risk", Role: "deployer"}
	}},
	{"real-time biometric identification", func(r *record.Record) {
		r.Capabilities = append(r.Capabilities, "realtime_biometric_identification")
	}},
	{"real-time biometric identification, high risk, no FRIA or registration", func(r *record.Record) {
		r.Capabilities = append(r.Capabilities, "realtime_biometric_identification")
		r.AIAct = &record.AIAct{Category: "high_risk", Role: "deployer", AnnexIII: "1(a)"}
	}},
	{"nothing recorded", func(r *record.Record) {
		r.LegalBasis, r.DPIA, r.Correction, r.Signage, r.Minimisation = nil, nil, nil, nil, nil
		r.Security, r.DataRights, r.Retention, r.Incidents = nil, nil, "", nil
		r.Assessments, r.Reviews, r.Decisions, r.AIAct = nil, nil, nil, nil
	}},
}

// citingRegimes are the laws a record's personal data fall under.
var citingRegimes = []struct {
	name   string
	mutate func(r *record.Record)
}{
	{"as generated", func(*record.Record) {}},
	{"the police's own", func(r *record.Record) {
		r.Organisation.Type = "police"
		r.LegalBasis = &record.LegalBasis{Regime: "police_data"}
	}},
	{"a boa's", func(r *record.Record) {
		yes := true
		r.Organisation.Type = "municipality"
		r.LegalBasis = &record.LegalBasis{Regime: "police_data", Boa: &yes}
		if r.Kind == record.Sensor {
			r.CameraRegime = "other"
		}
	}},
}

// citationCorpus is generated records and the police-data cameras of the
// tests, each in every variant under every regime.
func citationCorpus(t *testing.T) []*record.Record {
	t.Helper()
	var texts [][]byte
	for i := range 60 {
		_, _, text := testgen.Record(i, 11)
		texts = append(texts, text)
	}
	for _, c := range []string{boaCamera, boaCameraGDPR, policeOwnCamera, policeViewedCamera} {
		texts = append(texts, []byte(strings.TrimLeft(c, "\n")))
	}
	var recs []*record.Record
	for i, text := range texts {
		for _, v := range citingVariants {
			for _, g := range citingRegimes {
				doc, fs := source.Parse("r.yaml", text, source.DefaultLimits)
				if doc == nil {
					t.Fatalf("record %d: %v", i, fs)
				}
				rec := &record.Record{}
				_ = doc.Root.Decode(rec)
				v.mutate(rec)
				if rec.LegalBasis == nil && g.name != "as generated" {
					rec.LegalBasis = &record.LegalBasis{}
				}
				g.mutate(rec)
				rec.ID = fmt.Sprintf("%s-%d-%d", rec.ID, i, len(recs))
				rec.File = rec.Kind.Folder() + "/" + rec.ID + ".yaml"
				recs = append(recs, rec)
			}
		}
	}
	return recs
}

// citation is a law and an article of it as a message cites it: "GDPR
// art. 35(1)", "AVG art. 35 lid 1", "Directive (EU) 2016/680 art. 27".
var citation = regexp.MustCompile(`(AVG|UAVG|GDPR|AI Act|AI-verordening|Gemeentewet|Wet politiegegevens|Wpg|Richtlijn \(EU\) 2016/680|Directive \(EU\) 2016/680) art\. (\d+[a-z]?)((?: lid \d+)|(?:\(\d+\)))?`)

// doubleCitation says what in msg cites a law twice: the same article
// cited twice, or two parentheses back to back of which one cites law
// ("(...) (GDPR art. 35(1))"); "" when nothing does.
func doubleCitation(msg string) string {
	seen := map[string]bool{}
	for _, m := range citation.FindAllStringSubmatch(msg, -1) {
		key := m[1] + " art. " + m[2] + strings.TrimPrefix(strings.TrimPrefix(m[3], " lid "), "(")
		if seen[key] {
			return "cites " + m[0] + " twice"
		}
		seen[key] = true
	}
	groups := parentheses(msg)
	for i := 1; i < len(groups); i++ {
		a, b := groups[i-1], groups[i]
		if strings.TrimSpace(msg[a[1]:b[0]]) == "" && (citation.MatchString(msg[a[0]:a[1]]) || citation.MatchString(msg[b[0]:b[1]])) {
			return "back to back: " + msg[a[0]:b[1]]
		}
	}
	return ""
}

// parentheses are the spans of the outermost parentheses in s that open a
// group of their own (after a space or at the start), not an article's
// paragraph as in "art. 35(1)".
func parentheses(s string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			if depth == 0 {
				if i > 0 && s[i-1] != ' ' {
					// an article's paragraph, 35(1): skip to its end
					if j := strings.IndexByte(s[i:], ')'); j > 0 {
						continue
					}
				}
				start = i
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
				if depth == 0 {
					out = append(out, [2]int{start, i + 1})
				}
			}
		}
	}
	return out
}

func TestDoubleCitationSpotsWhatItShould(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"no DPIA is recorded (GDPR art. 35(1) and (3))", false},
		{"processes personal data (licence plates; GDPR art. 4(1)) (GDPR art. 35(1))", true},
		{"Er worden persoonsgegevens verwerkt (camerabeelden) (Wet politiegegevens; Richtlijn (EU) 2016/680 art. 27).", true},
		{"GDPR art. 9(2) applies (GDPR art. 9(2); UAVG art. 22-30)", true},
		{"de uitzondering uit art. 9 lid 2 AVG (special_categories_ground)", false},
		{"the exception of GDPR art. 9(2) (special_categories_ground)", false},
		{"AI Act art. 5(1)(h) and art. 5(1)(f)", false},
		{"De DPIA ontbreekt (AVG art. 35 lid 1). De sensor filmt (camera).", false},
	} {
		if got := doubleCitation(tc.msg) != ""; got != tc.want {
			t.Errorf("doubleCitation(%q) = %v, want %v", tc.msg, got, tc.want)
		}
	}
}

// TestMessagesCiteEachLawOnce runs the checklist over generated records and
// the police-data cameras, in ways that draw findings citing the law, and
// holds every message, English and Dutch, to one citation of each article,
// with no citation in parentheses right after another parenthesis. It runs
// on the test's day and on a day before the AI Act's first duties applied
// (2 February 2025), when messages also say from when a duty applies and
// on what source that date rests.
func TestMessagesCiteEachLawOnce(t *testing.T) {
	recs := citationCorpus(t)
	for _, today := range []string{testToday, "2025-01-15"} {
		t.Run(today, func(t *testing.T) {
			fs := Run(register.New("gen", config.Default(), recs), Options{Today: day(today)})
			cited := 0
			bad := map[string]int{}
			for _, f := range fs {
				for _, lang := range []string{"en", "nl"} {
					msg := f.Message.In(lang)
					if citation.MatchString(msg) {
						cited++
					}
					if why := doubleCitation(msg); why != "" {
						key := fmt.Sprintf("%s (%s): %s", f.Rule, lang, why)
						if bad[key]++; bad[key] == 1 {
							t.Errorf("%s\n  %s: %s", key, f.File, msg)
						}
					}
				}
			}
			if cited < 100 {
				t.Fatalf("only %d messages cite the law: the scan proves little", cited)
			}
		})
	}
	_ = finding.Error
}
