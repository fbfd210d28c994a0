package principle

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// testToday is the date every test checks against unless it says otherwise.
const testToday = "2026-11-24"

func day(s string) time.Time {
	t, err := period.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is what a test pins of a finding.
type want struct {
	Rule     string
	Ref      string
	Severity finding.Severity
	Line     int
	Column   int
	Message  string // a part of the message
}

// fixture is a register of records decoded from YAML, with their documents
// kept to resolve positions.
type fixture struct {
	reg  *register.Register
	docs map[string]*source.Document
}

// newFixture decodes each YAML text into a record, named by its id and kind.
func newFixture(t *testing.T, cfg *config.Config, texts ...string) *fixture {
	t.Helper()
	fx := &fixture{docs: map[string]*source.Document{}}
	var recs []*record.Record
	for i, text := range texts {
		text = strings.TrimLeft(text, "\n")
		doc, fs := source.Parse("tmp.yaml", []byte(text), source.DefaultLimits)
		if doc == nil {
			t.Fatalf("record %d does not parse: %v", i, fs)
		}
		rec := &record.Record{}
		if err := doc.Root.Decode(rec); err != nil {
			t.Fatalf("record %d does not decode: %v", i, err)
		}
		rec.File = rec.Kind.Folder() + "/" + rec.ID + ".yaml"
		doc.Path = rec.File
		fx.docs[rec.File] = doc
		recs = append(recs, rec)
	}
	fx.reg = register.New("testdata", cfg, recs)
	return fx
}

// locate fills positions as load.Locate does for real files.
func (fx *fixture) locate(fs []finding.Finding) {
	for i, f := range fs {
		if doc, ok := fx.docs[f.File]; ok {
			fs[i].Line, fs[i].Column = doc.Locate(f.Path, f.Key)
		}
	}
}

// loadConfig reads register.yaml text through config.Load and returns the
// configuration with the findings Load made, which configFrom refuses.
func loadConfig(t *testing.T, text string) (*config.Config, []finding.Finding) {
	t.Helper()
	dir := t.TempDir()
	if text != "" {
		if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte(strings.TrimLeft(text, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, fs, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, fs
}

// configFrom reads register.yaml text through config.Load, as the command
// does, and refuses a configuration with findings (loadConfig).
func configFrom(t *testing.T, text string) *config.Config {
	t.Helper()
	cfg, fs := loadConfig(t, text)
	if len(fs) > 0 {
		t.Fatalf("configuration has findings: %v", fs)
	}
	return cfg
}

// only runs one rule (and the exception rules, so exceptions apply) on the
// records, with today as given.
func only(t *testing.T, id string, cfg *config.Config, hist History, today string, texts ...string) []finding.Finding {
	t.Helper()
	rule, ok := Lookup(id)
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	if cfg == nil {
		cfg = config.Default()
	}
	fx := newFixture(t, cfg, texts...)
	ctx := &Context{day: newClock(day(today)), Config: cfg, Register: fx.reg, History: hist}
	fs := run(ctx, []*Rule{rule, exceptionExpired, exceptionUnused, exceptionTooLong, exceptionRefused})
	fx.locate(fs)
	finding.Sort(fs)
	return fs
}

// match compares findings with what is wanted, in order.
func match(t *testing.T, got []finding.Finding, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("got %d findings, want %d:", len(got), len(wants))
		for _, f := range got {
			t.Errorf("  got  %s %s %s %d:%d %q", f.Rule, f.Principle, f.Severity, f.Line, f.Column, f.Message.In("en"))
		}
		for _, w := range wants {
			t.Errorf("  want %s %s %s %d:%d %q", w.Rule, w.Ref, w.Severity, w.Line, w.Column, w.Message)
		}
		return
	}
	for i, f := range got {
		w := wants[i]
		if f.Rule != w.Rule || f.Principle != w.Ref || f.Severity != w.Severity || f.Line != w.Line || f.Column != w.Column ||
			!containsInOrder(f.Message.In("en"), w.Message) {
			t.Errorf("finding %d:\n got  %s %s %s %d:%d %q\n want %s %s %s %d:%d %q", i,
				f.Rule, f.Principle, f.Severity, f.Line, f.Column, f.Message,
				w.Rule, w.Ref, w.Severity, w.Line, w.Column, w.Message)
		}
		if f.Help.In("en") == "" {
			t.Errorf("finding %d (%s) has no help", i, f.Rule)
		}
		if why := notDutch(f); why != "" {
			t.Errorf("finding %d (%s) %q: %s", i, f.Rule, f.Message.In("en"), why)
		}
		// A finding on the register as a whole points into register.yaml,
		// or names the environment variable that made a setting.
		if f.File == "" || f.Record == "" && f.File != config.FileName && !strings.HasPrefix(f.File, config.EnvRulePrefix) {
			t.Errorf("finding %d (%s) lacks file or record: %+v", i, f.Rule, f)
		}
	}
}

// notDutch says what is wrong with a finding's Dutch text, or "". Every
// finding the checklist makes has a Dutch message and help of its own; only a
// custom rule's message and help are the municipality's own words, shown in
// both languages, and so may equal the English.
func notDutch(f finding.Finding) string {
	switch {
	case strings.TrimSpace(f.Message.In("nl")) == "":
		return "no Dutch message"
	case strings.TrimSpace(f.Help.In("nl")) == "":
		return "no Dutch help"
	}
	if _, builtin := Lookup(f.Rule); !builtin && f.Rule != finding.RuleConfig {
		return ""
	}
	switch {
	case f.Message.In("nl") == f.Message.In("en"):
		return "the Dutch message is the English one"
	case f.Help.In("nl") == f.Help.In("en"):
		return "the Dutch help is the English one"
	}
	return ""
}

// containsInOrder reports whether the parts of want, separated by "…",
// appear in s in that order.
func containsInOrder(s, want string) bool {
	for _, part := range strings.Split(want, "…") {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return true
}

// ruleCase is one record checked by one rule.
type ruleCase struct {
	name  string
	yaml  string
	today string // testToday when empty
	want  []want
}

// runCases checks each case with the rule alone. A case that fails is run
// twice more: with a valid exception to the rule appended (its policy
// findings turn into info findings; its legal ones keep their severity, and
// the exception is reported as refused) and with an expired one (they keep
// their severity and the exception is reported).
func runCases(t *testing.T, id string, cfg *config.Config, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		today := c.today
		if today == "" {
			today = testToday
		}
		text := strings.TrimLeft(c.yaml, "\n")
		var base []finding.Finding
		t.Run(c.name, func(t *testing.T) {
			base = only(t, id, cfg, nil, today, text)
			match(t, base, c.want)
		})
		if len(c.want) == 0 || id == biometricBanID || strings.Contains(text, "exceptions:") {
			continue
		}
		now := day(today)
		valid := exceptionLine(id, now.AddDate(0, -1, 0), now.AddDate(0, 6, 0))
		t.Run(c.name+"/valid exception", func(t *testing.T) {
			if len(base) != len(c.want) {
				t.Skip("the case itself fails")
			}
			var wants []want
			var laws []string
			for i, w := range c.want {
				approved := "approved by college on " + period.Format(now.AddDate(0, -1, 0)) + " until " + period.Format(now.AddDate(0, 6, 0))
				switch law := base[i].Law.In("en"); {
				case law != "":
					w.Message += "… (the exception at exceptions[0] does not count: an exception cannot set aside a duty that follows from law (" + law + ")"
					if !slices.Contains(laws, law) {
						laws = append(laws, law)
					}
				default:
					w.Severity = min(w.Severity, finding.Info)
					w.Message = "allowed by the exception " + approved + ": …" + w.Message
				}
				wants = append(wants, w)
			}
			if len(laws) > 0 {
				wants = append(wants, want{Rule: "exception-refused", Ref: "exceptions", Severity: finding.Warning, Line: strings.Count(text, "\n") + 2, Column: 12,
					Message: "the exception to " + id + " does not count: it would set aside a duty that follows from law (" + strings.Join(laws, "; ") + ")"})
			}
			match(t, only(t, id, cfg, nil, today, text+valid), wants)
		})
		expired := exceptionLine(id, now.AddDate(-1, 0, 0), now.AddDate(0, 0, -10))
		t.Run(c.name+"/expired exception", func(t *testing.T) {
			wants := slices.Clone(c.want)
			for i := range wants {
				wants[i].Message += "… (the exception for this rule ended on " + period.Format(now.AddDate(0, 0, -10)) + " and no longer counts)"
			}
			line := strings.Count(text, "\n") + 2
			item := strings.Split(expired, "\n")[1]
			col := strings.Index(item, "until: ") + len("until: ") + 1
			wants = append(wants, want{Rule: "exception-expired", Ref: "exceptions", Severity: finding.Warning, Line: line, Column: col,
				Message: "ended on " + period.Format(now.AddDate(0, 0, -10))})
			match(t, only(t, id, cfg, nil, today, text+expired), wants)
		})
	}
}

// exceptionLine is an exceptions block to append to a record.
func exceptionLine(rule string, from, until time.Time) string {
	return fmt.Sprintf("exceptions:\n  - {rule: %s, reason: Under review, approved_by: college, approved_on: %s, until: %s}\n",
		rule, period.Format(from), period.Format(until))
}

// fakeHistory is a Git history with fixed dates.
type fakeHistory struct {
	start string
	first map[string]string
}

func (h fakeHistory) FirstCommit(file string) (time.Time, bool) {
	s, ok := h.first[file]
	if !ok {
		return time.Time{}, false
	}
	return day(s).Add(10 * time.Hour), true
}

func (h fakeHistory) RegisterStart() (time.Time, bool) {
	if h.start == "" {
		return time.Time{}, false
	}
	return day(h.start).Add(9 * time.Hour), true
}

func TestRegistryIsComplete(t *testing.T) {
	// Every id principles.md lists, and only the ones added on purpose.
	listed := []string{"biometric-ban", "owner-reachable", "dpia-required", "dpia-public", "legal-basis",
		"decision-recorded", "problem-and-alternatives", "risk-analysis", "impact-assessment", "self-learning",
		"lifecycle-end", "lifecycle-ended", "camera-temporary", "evaluation-lapsed", "signage", "minimisation",
		"supplier-watch", "security-audit", "data-rights", "sharing-temporary", "breach-reported",
		"human-oversight", "explanation", "datasets-and-source", "objection", "publication-category",
		"notice-period", "independent-review", "exception-expired", "exception-unused", "exception-too-long"}
	added := []string{"retention", "correction-desk", "placeholder",
		// format v2: the law as it applies to each camera and algorithm
		"camera-regime", "camera-decision", "camera-retention", "personal-data-inferred", "device-minimisation",
		"special-categories", "ai-act-profile", "ai-act-fria", "ai-act-registration", "ai-act-transparency",
		// issue 18: plain language
		"plain-language",
		// issue 17: the correction chain and answered advice
		"correction-route", "advice-response",
		// an exception to a legal duty the law gives no exception to
		"exception-refused",
		// AI Act art. 4, which law.md lists
		"ai-act-literacy",
		// a capability switched off is one the record lists
		"switched-off-listed",
		// records carry no personal names
		"no-personal-name"}
	ids := IDs()
	for _, id := range append(listed, added...) {
		if !slices.Contains(ids, id) {
			t.Errorf("rule %s is missing", id)
		}
	}
	if len(ids) != len(listed)+len(added) {
		t.Errorf("%d rules, want %d", len(ids), len(listed)+len(added))
	}
	for _, r := range Rules() {
		if !ruleIDPattern.MatchString(r.ID) || r.Ref == "" || r.Title.In("nl") == "" || r.Title.In("en") == "" || r.Why.In("nl") == "" ||
			r.Why.In("en") == "" || r.Satisfy.In("en") == "" || r.Example.In("nl") == "" || r.Example.In("en") == "" || r.Default == finding.Off {
			t.Errorf("rule %s is not fully described: %+v", r.ID, r)
		}
		if (r.Check == nil) == (r.CheckRegister == nil) && !strings.HasPrefix(r.ID, "exception-") {
			t.Errorf("rule %s needs exactly one of Check and CheckRegister", r.ID)
		}
		if !strings.HasPrefix(r.Ref, "VNG ") && !strings.HasPrefix(r.Ref, "C-") && r.Ref != refExceptions {
			t.Errorf("rule %s cites %q, which is neither a VNG principle nor a commitment", r.ID, r.Ref)
		}
	}
}

func TestLookupAndSuggest(t *testing.T) {
	if r, ok := Lookup("signage"); !ok || r.Ref != "VNG 4.3" {
		t.Errorf("Lookup(signage) = %v, %v", r, ok)
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) found a rule")
	}
	tests := []struct {
		in    string
		first string
	}{
		{"biometric-bann", "biometric-ban"},
		{"biometric", "biometric-ban"},
		{"signge", "signage"},
		{"Owner-Reachable", "owner-reachable"},
		{"dpia", "dpia-required"},
	}
	for _, tt := range tests {
		got := Suggest(tt.in)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.in, got, tt.first)
		}
	}
	if got := Suggest("completely-unrelated-words"); len(got) != 0 {
		t.Errorf("Suggest(unrelated) = %v, want none", got)
	}
}
