// Package principle is the checklist: one rule per checkable principle of the
// VNG "Principes voor de Digitale Samenleving" (2022) and of the municipal
// programme commitments (shared/principles.md). Each rule cites its principle,
// carries its Dutch and English title and an explanation, and checks one
// record. Run applies the rules to a loaded register together with the
// register's configuration (severity overrides, switched-off rules, limits,
// the supplier watch list, custom rules written in CEL) and the exceptions
// recorded on each record.
package principle

import (
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/readability"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Rule is one check of the checklist.
type Rule struct {
	// ID is the stable kebab-case id that configuration, exceptions and
	// dashboards use; it is never renamed once released.
	ID string
	// Ref is the principle the rule comes from, as findings cite it:
	// "VNG 2.1" for a VNG (sub-)principle, the commitment id ("C-breach")
	// for a programme commitment.
	Ref string
	// Title names the rule; the public site shows the Dutch.
	Title label.Text
	// Default is the severity of the rule's findings unless the
	// configuration changes it. A check may give a finding a lower or
	// higher severity of its own (signage is an error where the law asks
	// for signs and a warning where only the principle does); a configured severity overrides both.
	Default finding.Severity
	// Why says why the rule exists: the principle, in our words.
	Why label.Text
	// Satisfy says what a record needs to pass, naming the fields and
	// values as the record format writes them.
	Satisfy label.Text
	// Example is a YAML fragment of a record that passes. The YAML is the
	// same in both languages; only its comments in words are Dutch or
	// English (build one without such comments with example).
	Example label.Text

	// Law cites the article(s) of law the rule enforces, as a Dutch and an
	// English reader cite them (shared/law.md); zero for a rule
	// that follows from policy alone (a VNG principle or a programme
	// commitment), which configuration may lower or switch off. A legal
	// rule always runs: configuration that would switch it off or lower it
	// is itself an error. A record's exception does not lower its findings
	// either, unless the law itself gives that exception (LawfulException):
	// then to a warning at most, never to info.
	Law label.Text
	// LawScope, for a rule that is law for some of its
	// findings only, says which ("for cameras"); its check marks those
	// findings with lawful, and configuration changes only the others.
	// Empty: every finding of a rule with Law is a legal duty.
	LawScope label.Text
	// LawSeverities lists, strictest first, the severities the law gives
	// the rule's legal findings where they are not its Default alone: an
	// error, and a warning for a claim the register cannot check (a
	// medical or safety reason, a law of its own) or a duty met late or
	// not yet due, a note before a duty's date. Nil: Default alone. The
	// checklist holds every legal finding to it (settle), and explain and
	// the findings on settings say it (LawHas): one place for what the
	// law has of the rule.
	LawSeverities []finding.Severity
	// LawfulRoute names the one way out of the rule's legal
	// findings that the law itself gives, recorded on the record (a
	// breach's delay_reason): a finding whose exception is refused says to
	// take it.
	LawfulRoute label.Text
	// LawfulException names the exception the law itself allows to the
	// rule's legal findings, which a record's exception may invoke (the
	// police's authorised biometric identification); ExceptionNeeds says
	// what such an exception must show. Zero: no exception lowers a legal
	// finding of the rule, however it is approved, and the exception is
	// reported as refused (exception-refused).
	LawfulException label.Text
	// Covers lists the principles the rule checks besides Ref, so the site
	// shows them as checked only when the rule ran.
	Covers []string
	// Cites lists the principles some of the rule's findings cite that it
	// does not check as a whole (a camera past its term breaks 151c's
	// commitments, a ground assumed for lack of knowing cites 6.4): a
	// finding may name them, but the rule's passing ticks none of them.
	// Where its verdict is kept back, so are their ticks.
	Cites []string
	// Applies, when set, says whether the rule concerns the record at all,
	// before it looks at what the record states: the camera rules concern
	// public-order cameras in use, the breach rule records with a
	// notifiable breach. A rule does not check a record it does not apply
	// to, and a principle counts as met only for records one of its rules
	// applies to: "not applicable" is not a pass. Nil: every record of the
	// kinds its principle concerns.
	Applies func(*record.Record) bool
	// AppliesOn, when set, says whether the rule concerns the record on
	// the day a run checks against, for a rule about a record in use by
	// its own dates (inService): Applies then says whether it may on
	// some day. A record planned to start next year is no record the
	// decision rules assessed, and its page earns no tick for them.
	AppliesOn func(r *record.Record, today time.Time) bool
	// WeighsLabel is set on a rule that judges the status label itself
	// against the record's dates: it sees the record as written, where
	// every other rule sees one labelled retired before its end as in
	// use (inUseUntilEnd).
	WeighsLabel bool

	// Check inspects one record and returns its problems. A finding only
	// needs Path, and Message and Help in Dutch and English
	// (build it with at, missing or worded); Run fills in the file, record, rule,
	// principle and severity. A check may set Severity (a deviation from
	// Default) and Principle (a more precise reference than Ref).
	Check func(*Context, *record.Record) []finding.Finding
	// CheckRegister inspects the register as a whole (its configuration);
	// its findings point into register.yaml. Set either Check or
	// CheckRegister.
	CheckRegister func(*Context) []finding.Finding
	// ExceptionNeeds, when set, names what an exception to this rule
	// needs beyond the usual fields (empty when the exception is
	// acceptable).
	ExceptionNeeds func(*record.Record, record.Exception) label.Text

	custom bool
	// customReads are what a custom rule's expressions read (readsOf).
	customReads exprReads
}

// AppliesTo reports whether the rule concerns the record (Applies).
func (r *Rule) AppliesTo(rec *record.Record) bool { return r.Applies == nil || r.Applies(rec) }

// AppliesOnDay reports whether the rule concerns the record on the day
// today (Applies, and AppliesOn when set).
func (r *Rule) AppliesOnDay(rec *record.Record, today time.Time) bool {
	return r.AppliesTo(rec) && (r.AppliesOn == nil || r.AppliesOn(rec, today))
}

// Custom reports whether the rule comes from the register's configuration
// (rules_custom) rather than from the tool.
func (r *Rule) Custom() bool { return r.custom }

// History tells when records entered the register's Git history. The
// history package implements it with go-git; nil means the register is not
// in a Git repository.
type History interface {
	// FirstCommit returns the date of the first commit that added the record
	// file (a path relative to the register root, with forward slashes).
	FirstCommit(file string) (time.Time, bool)
	// RegisterStart returns the date of the register's first commit.
	RegisterStart() (time.Time, bool)
}

// Options are what a run needs besides the register.
type Options struct {
	// Today is the date the run checks against (midnight UTC of the date
	// in Europe/Amsterdam, as period.Today returns it). Zero means today.
	Today time.Time
	// History provides first-commit dates for the duty to report; nil when
	// the register is not in Git.
	History History
}

// Context is what a check may look at besides the record itself.
type Context struct {
	// day is the date the run checks against, asked through Today,
	// After, OnOrAfter and Reached, which note for which days the
	// record's outcome holds.
	day *clock
	// Config is the register's configuration, defaults filled in.
	Config *config.Config
	// Register is the whole register, for checks that look across records.
	Register *register.Register
	// History is the register's Git history, or nil.
	History History

	// budget is what custom rules may still spend in this run; nil is no
	// limit (a Context made by hand, as tests do).
	budget *costBudget
	// texts remembers the run's measured texts (plain language); nil
	// measures each anew.
	texts *readability.Memo
}

// builtin lists the rules in the order of the rule id table in
// principles.md; Rules and `register rules` keep this order.
var builtin = []*Rule{
	biometricBan,
	ownerReachable,
	personalDataInferred,
	dpiaRequired,
	dpiaPublic,
	legalBasis,
	specialCategories,
	retentionStated,
	decisionRecorded,
	problemAndAlternatives,
	riskAnalysis,
	impactAssessment,
	selfLearning,
	lifecycleEnd,
	lifecycleEnded,
	cameraRegime,
	cameraDecision,
	cameraRetention,
	cameraTemporary,
	evaluationLapsed,
	signage,
	minimisation,
	deviceMinimisation,
	supplierWatch,
	securityAudit,
	dataRights,
	sharingTemporary,
	breachReported,
	humanOversight,
	explanation,
	datasetsAndSource,
	objection,
	publicationCategory,
	aiActProfile,
	aiActFRIA,
	aiActRegistration,
	aiActTransparency,
	aiActLiteracy,
	noticePeriod,
	independentReview,
	adviceResponse,
	correctionDesk,
	correctionRoute,
	plainLanguage,
	placeholderRule,
	switchedOffListed,
	noPersonalName,
	exceptionExpired,
	exceptionUnused,
	exceptionTooLong,
	exceptionRefused,
}

var byID = func() map[string]*Rule {
	m := make(map[string]*Rule, len(builtin))
	for _, r := range builtin {
		if _, dup := m[r.ID]; dup {
			panic("principle: duplicate rule id " + r.ID)
		}
		m[r.ID] = r
	}
	return m
}()

// Rules returns the built-in rules in a stable order. The rules are shared:
// callers must not change them.
func Rules() []*Rule { return slices.Clone(builtin) }

// IDs returns the ids of the built-in rules, in the order of Rules, so
// configuration can bind a REGISTER_RULES_<ID> environment variable to each.
func IDs() []string {
	ids := make([]string, len(builtin))
	for i, r := range builtin {
		ids[i] = r.ID
	}
	return ids
}

// Lookup returns the built-in rule with the id.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

// example returns a rule's example of YAML with no comments in words: the
// same text in both languages.
func example(yaml string) label.Text { return label.Text{yaml, yaml} }

// commented is an example whose YAML carries comments, written once with
// its Dutch comments; the English is the same YAML with each comment
// (Dutch, English) replaced.
func commented(yaml string, comments ...[2]string) label.Text {
	var pairs []string
	for _, c := range comments {
		pairs = append(pairs, "# "+c[0], "# "+c[1])
	}
	return label.Text{yaml, strings.NewReplacer(pairs...).Replace(yaml)}
}
