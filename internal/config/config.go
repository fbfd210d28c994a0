// Package config reads register.yaml, the settings a municipality keeps at
// the root of its register: every key has a default, and REGISTER_...
// environment variables override the file. The file is parsed once, by the
// hardened reader every record goes through (source), and the settings are
// read from that one document.
package config

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file at the register root.
const FileName = "register.yaml"

// Config is the register's configuration. Durations are kept parsed.
type Config struct {
	Organisation  string
	Languages     []string
	Site          Site
	OpenData      OpenData
	Rules         map[string]RuleSetting
	Evaluation    Evaluation
	DueWithin     period.Duration
	Limits        Limits
	Notice        Notice
	Advice        Advice
	AIAct         AIAct
	PlainLanguage PlainLanguage
	SupplierWatch []WatchedSupplier
	RulesCustom   []CustomRule
	// Changes are the checklist's settings set to other than their
	// defaults, with where (see Change).
	Changes []Change

	// File is the configuration file that was read, or "" when none.
	File string
	// Unreadable says register.yaml is there but could not be read as
	// settings at all (a YAML syntax error, not a mapping): every default
	// stands in, and the findings of Load say why and where. A command
	// that reports findings (check, validate) reports them; any other
	// refuses to run on the defaults.
	Unreadable bool
	// LanguagesSet says register.yaml names the languages itself, so the
	// command line speaks the first of them (see Language).
	LanguagesSet bool
}

// RuleSetting is what register.yaml or a REGISTER_RULES_<ID> environment
// variable sets for one rule: its severity, the municipality's reason for
// changing it, and where the setting was made, so every deviation from the
// defaults can be shown to residents with its source.
type RuleSetting struct {
	Severity finding.Severity
	// Reason is the configuration's stated reason for the setting
	// ("reason" next to the severity, or REGISTER_RULES_<ID>_REASON).
	Reason string
	Place
}

// Place is where a setting was made: File, Line and Column locate it in
// register.yaml; Env names the environment variable instead when one
// made it.
type Place struct {
	File         string
	Line, Column int
	Env          string
}

// Where says where the setting was made: "register.yaml:12:3", or the
// environment variable's name.
func (p Place) Where() string {
	if p.Env != "" {
		return p.Env
	}
	return finding.Finding{File: p.File, Line: p.Line, Column: p.Column}.Position()
}

// Site configures the public website.
type Site struct {
	Title             string
	BaseURL           string
	ReportErrorURL    string
	ContactEmail      string
	TilesURL          string
	ShowCommitAuthors bool
	// ShowCommitSubjects shows commit subjects in public outputs. They are
	// written for colleagues, not reviewed as public text, so privacy fails
	// closed: off unless the municipality writes them for the public.
	ShowCommitSubjects bool
}

// OpenData describes the open data for catalogues (DCAT-AP-NL).
type OpenData struct {
	// Licence is the URI of the licence every download is published under.
	Licence string
	// PublisherURI identifies the organisation, preferably its TOOI URI
	// (https://identifier.overheid.nl/tooi/id/gemeente/gm0344).
	PublisherURI string
}

// DefaultLicence is CC0 1.0, the licence Dutch government open data is
// published under unless there is a reason not to.
const DefaultLicence = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"

// Evaluation holds the evaluation intervals (principle III).
type Evaluation struct {
	DefaultInterval period.Duration
	Intervals       map[string]period.Duration // by camera_regime, sensor_type or kind
	// Defaulted are the keys of Intervals that neither register.yaml nor
	// the environment set: the tool's defaults (public_order: P1Y). Such
	// a key caps the interval of a record it concerns, rather than
	// override a shorter one the municipality set for a broader key
	// (IntervalFor).
	Defaulted map[string]bool
	// Ignored are the intervals set for a key that is no camera regime,
	// sensor type or kind ("public-order", "Camera's"): they concern no
	// record, so they are not in Intervals, and no deviation in force
	// (Changes) either. The checklist warns of each where it was set,
	// so that a typo does not leave the interval meant unnoticed.
	Ignored []Change
}

// DefaultCustomRulesCost is limits.custom_rules_cost when register.yaml
// does not set it. Ordinary rules cost about seven units a record (the two
// in examples/register.yaml: 130,000 on 10,000 records), so this leaves
// room for ten such rules on a hundred thousand records, and bounds a rule
// that does too much to a few seconds (100 million units took 26 s of CPU).
const DefaultCustomRulesCost = 20_000_000

// Limits bounds what the checklist accepts.
type Limits struct {
	DataSharingMax     period.Duration
	CameraLifecycleMax period.Duration
	ExceptionMax       period.Duration
	SecurityAuditMax   period.Duration
	// CustomRulesCost bounds the work all custom rules together may do in
	// one check run, in CEL cost units (about one per field read or
	// comparison); when it runs out, the remaining evaluations are skipped
	// and reported.
	CustomRulesCost uint64
}

// Notice is the duty to report a sensor before it is placed.
type Notice struct {
	Period period.Duration
	Since  string // YYYY-MM-DD, or "" for the register's first commit
	// NewFileURL is the forge's page for a new file in the register's
	// sensors folder, where the site's notification form sends an operator
	// with the record filled in: {file} becomes the file name and {content}
	// the record, both URL-encoded. "" offers no such link.
	NewFileURL string
	// Email is the desk's mailbox for notifications; the form offers a
	// mail with the record. "" offers none.
	Email string
}

// Advice is how the municipality answers the ethics committee's advice.
type Advice struct {
	// ResponseTerm is how long advice, asked or unasked, may wait for the
	// municipality's response before the checklist warns (rule
	// advice-response) and the review packet marks it overdue.
	ResponseTerm period.Duration
}

// AIAct holds the dates from which the AI Act's high-risk obligations apply.
// The regulation fixed them, and the Digital Omnibus on AI moved them
// (political agreement 7 May 2026, adopted by the Council in June 2026): a
// register sets them here, so a later move needs no new release. The
// prohibitions (art. 5, from 2025-02-02) and the transparency duties
// (art. 50, from 2026-08-02) are fixed in the principle package.
type AIAct struct {
	// HighRiskFrom is the date the obligations for the high-risk systems of
	// Annex III apply from (art. 6(2), 26, 27, 49); default 2027-12-02.
	HighRiskFrom string
	// AnnexIFrom is the same for the products of Annex I; default 2028-08-02.
	AnnexIFrom string
	// Source says where the dates come from, shown with the findings
	// (SourceIn).
	Source string
}

// The default source of the AI Act's dates, in both languages.
const (
	aiActSource   = "Digital Omnibus on AI: political agreement of 7 May 2026, adopted by the Council in June 2026 (moved Annex III from 2026-08-02 to 2027-12-02 and Annex I to 2028-08-02)"
	aiActSourceNL = "Digital Omnibus over AI: politiek akkoord van 7 mei 2026, in juni 2026 door de Raad aangenomen (bijlage III verschoven van 2 augustus 2026 naar 2 december 2027, bijlage I naar 2 augustus 2028)"
)

// The dates the AI Act's high-risk obligations apply from by law, as the
// Digital Omnibus set them (shared/law.md): the defaults of
// ai_act.high_risk_from (Annex III) and ai_act.annex_i_from (Annex I).
const (
	LawHighRiskFrom = "2027-12-02"
	LawAnnexIFrom   = "2028-08-02"
)

// LawDate returns the date the law gives for an AI Act date setting
// (ai_act.high_risk_from or ai_act.annex_i_from), and false for another key.
func LawDate(key string) (string, bool) {
	switch key {
	case "ai_act.high_risk_from":
		return LawHighRiskFrom, true
	case "ai_act.annex_i_from":
		return LawAnnexIFrom, true
	}
	return "", false
}

// SourceIn is Source as a finding in lang shows it: the default in that
// language; a source the register wrote itself in its own words.
func (a AIAct) SourceIn(lang string) string {
	if a.Source == aiActSource && lang == "nl" {
		return aiActSourceNL
	}
	return a.Source
}

// HighRiskKey names the setting that holds the day the AI Act's
// high-risk duties apply to a system of the annex points given: a product
// of Annex I that is not also a system of Annex III has its own, later
// date (ai_act.annex_i_from).
func HighRiskKey(annexI, annexIII string) string {
	if strings.TrimSpace(annexIII) == "" && strings.TrimSpace(annexI) != "" {
		return "ai_act.annex_i_from"
	}
	return "ai_act.high_risk_from"
}

// HighRiskDay returns the setting that holds the day the AI Act's
// high-risk duties apply to a system of the annex points given
// (HighRiskKey), the date it holds, and that day: the law's day where the
// date does not read, which Load never leaves (it puts the default in a
// bad date's place), but a Config made in code may.
func (a AIAct) HighRiskDay(annexI, annexIII string) (key, date string, day time.Time) {
	key = HighRiskKey(annexI, annexIII)
	date = a.DateOf(key)
	day, err := period.ParseDate(date)
	if err != nil {
		law, _ := LawDate(key)
		day, _ = period.ParseDate(law)
	}
	return key, date, day
}

// DateOf is the date the setting key (HighRiskKey) holds.
func (a AIAct) DateOf(key string) string {
	if key == "ai_act.annex_i_from" {
		return a.AnnexIFrom
	}
	return a.HighRiskFrom
}

// SourceOf says in lang where the date in force for key
// (ai_act.high_risk_from or ai_act.annex_i_from) comes from, so a finding
// never quotes a source for a date it does not give: the source the
// register wrote (ai_act.source); the Digital Omnibus when the date is
// the law's and the register gave no source of its own; and the
// municipality's own setting when it set another date without one.
func (a AIAct) SourceOf(key, lang string) string {
	if a.Source != aiActSource {
		return a.Source
	}
	law, _ := LawDate(key)
	if a.DateOf(key) == law {
		return a.SourceIn(lang)
	}
	if lang == "nl" {
		return "instelling van de gemeente (" + key + " in register.yaml), zonder bron; de wet zegt " + label.Date(lang, law)
	}
	return "the municipality's own setting (" + key + " in register.yaml), without a source; the law says " + law
}

// PlainLanguage holds the thresholds of the plain-language rule, which
// measures each summary and purpose (principle C-algorithm-register: "in
// begrijpelijke taal").
//
// The defaults follow the B1 guidance (Direct Duidelijk, Klare taal): a
// sentence of more than 25 words is too long at B1, whatever its words.
// Flesch-Douma scores below 30 are "very difficult" (academic); but Dutch
// compounds count as long words, so a single short sentence written at B1
// ("Wateroverlast in de binnenstad voorkomen bij hevige regen.") scores
// 15-50, and the bundled registers' texts, written to B1, score 15 to 93.
// So the reading ease is judged only on texts of 15 words or more, and the
// default bar is 20: it catches text in the academic band, not ordinary
// Dutch.
type PlainLanguage struct {
	// MinReadingEase is the lowest reading ease a text may have: Flesch-Douma
	// for Dutch, Flesch for English (the two are on the same scale).
	MinReadingEase float64
	// MaxSentenceWords is the longest sentence, in words.
	MaxSentenceWords int
	// MinWords is how long a text must be before its reading ease counts;
	// the formula means little on a few words.
	MinWords int
}

// WatchedSupplier is a manufacturer flagged under principle 7.6.
type WatchedSupplier struct {
	Manufacturer string
	Source       string
}

// CustomRule is a municipality's own rule, written in configuration.
type CustomRule struct {
	ID        string
	Principle string
	Severity  string
	Kind      string // sensor, algorithm, or "" for both
	When      string // the records the rule applies to
	Require   string
	Title     string
	Message   string
	Help      string
}

// IntervalFor returns the evaluation interval for a record of the kind,
// sensor type and camera regime given, when the record itself states none:
// the interval set for its camera regime (public_order: the programme's
// yearly evaluation of security cameras), else for its sensor type, else
// for its kind, else the default.
func (c *Config) IntervalFor(kind, sensorType, regime string) period.Duration {
	if k := c.intervalClass(kind, sensorType, regime); k != "" {
		return c.Evaluation.Intervals[k]
	}
	return c.Evaluation.DefaultInterval
}

// IntervalKey is the setting IntervalFor reads for such a record, as
// register.yaml names it: "evaluation.intervals.public_order", or
// "evaluation.default_interval".
func (c *Config) IntervalKey(kind, sensorType, regime string) string {
	if k := c.intervalClass(kind, sensorType, regime); k != "" {
		return "evaluation.intervals." + k
	}
	return "evaluation.default_interval"
}

// intervalClass is the key of Evaluation.Intervals that sets the interval
// of such a record, "" for none (the default applies): the first of its
// camera regime, sensor type and kind that the municipality set, unless a
// default key that concerns the record (Defaulted) is shorter. A default
// caps: cameras set to P6M evaluate public-order ones every six months,
// cameras set to P2Y leave them yearly, and only public_order itself
// changes their default.
func (c *Config) intervalClass(kind, sensorType, regime string) string {
	own, capped := "", ""
	for _, k := range []string{regime, sensorType, kind} {
		if _, ok := c.Evaluation.Intervals[k]; !ok || k == "" {
			continue
		}
		if !c.Evaluation.Defaulted[k] {
			own = cmp.Or(own, k)
		} else {
			capped = cmp.Or(capped, k)
		}
	}
	if capped == "" {
		return own
	}
	d := c.Evaluation.DefaultInterval
	if own != "" {
		d = c.Evaluation.Intervals[own]
	}
	if d.Longer(c.Evaluation.Intervals[capped], capFrom) {
		return capped
	}
	return own
}

// capFrom is the day intervals are compared from: a month and thirty days
// differ by a day or so from one day to the next, a year and a month not.
var capFrom = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

// CustomRule returns the register's own rule with the id, if there is one.
func (c *Config) CustomRule(id string) (CustomRule, bool) {
	for _, r := range c.RulesCustom {
		if strings.TrimSpace(r.ID) == id {
			return r, true
		}
	}
	return CustomRule{}, false
}

// Severity returns the configured severity of a rule, or def when the
// configuration does not mention it.
func (c *Config) Severity(rule string, def finding.Severity) finding.Severity {
	if s, ok := c.Rules[rule]; ok {
		return s.Severity
	}
	return def
}

// Language returns the default language of the site (the first configured).
func (c *Config) Language() string {
	if len(c.Languages) == 0 {
		return "nl"
	}
	return c.Languages[0]
}

var defaults = map[string]any{
	"organisation":                      "",
	"languages":                         []string{"nl", "en"},
	"site.title":                        "Sensor- en algoritmeregister",
	"site.base_url":                     "",
	"site.report_error_url":             "",
	"site.contact_email":                "",
	"site.tiles_url":                    "",
	"site.show_commit_authors":          false,
	"site.show_commit_subjects":         false,
	"open_data.licence":                 DefaultLicence,
	"open_data.publisher_uri":           "",
	"rules":                             map[string]any{},
	"evaluation.default_interval":       "P4Y",
	"evaluation.intervals":              map[string]any{"public_order": "P1Y"},
	"due_within":                        "P90D",
	"limits.data_sharing_max":           "P3Y",
	"limits.camera_lifecycle_max":       "P2Y",
	"limits.exception_max":              "P1Y",
	"limits.security_audit_max":         "P3Y",
	"limits.custom_rules_cost":          DefaultCustomRulesCost,
	"notice.period":                     "P5D",
	"notice.since":                      "",
	"notice.new_file_url":               "",
	"notice.email":                      "",
	"advice.response_term":              "P3M",
	"ai_act.high_risk_from":             LawHighRiskFrom,
	"ai_act.annex_i_from":               LawAnnexIFrom,
	"ai_act.source":                     aiActSource,
	"plain_language.min_reading_ease":   20,
	"plain_language.max_sentence_words": 25,
	"plain_language.min_words":          15,
	"supplier_watch":                    []any{},
	"rules_custom":                      []any{},
}

// Default returns the configuration used when register.yaml is absent.
func Default() *Config {
	c, _ := build(newSettings(nil, false), nil, "")
	return c
}

// Load reads root/register.yaml when it exists. The configuration is always
// usable: problems in the file are returned as findings (unknown keys and bad
// values as warnings and errors) and the defaults stand in for bad values.
// REGISTER_... environment variables override the file; every
// REGISTER_RULES_<ID> variable is read (the checklist reports one that names
// no rule), so a setting made outside the file is never silently dropped.
func Load(root string) (*Config, []finding.Finding, error) { return load(root, true) }

// Settings is Load for what the settings are, without the findings of
// keys it does not know or values of the wrong shape, which the schema
// check gives: the command line asks it for the language it speaks
// before it runs a command, which then loads the configuration whole.
// Checked both times, the schema was compiled for it at the start of every
// command, one thing after the other.
func Settings(root string) (*Config, error) {
	c, _, err := load(root, false)
	return c, err
}

// Prepare readies what Load checks the shape of the file's values with
// (the schema, compiled once): a command starts it while it reads its
// arguments, on the core the start leaves idle, so that its Load does not
// compile it first.
func Prepare() { validate.CompileConfig() }

// load is Load; shape says whether the file's keys and the shape of its
// values are checked.
func load(root string, shape bool) (*Config, []finding.Finding, error) {
	path := filepath.Join(root, FileName)
	display := filepath.ToSlash(FileName)
	var doc *source.Document
	data, err := readConfig(path)
	switch {
	case err == nil:
		var fs []finding.Finding
		doc, fs = source.Parse(display, data, source.DefaultLimits)
		if len(fs) == 1 && fs[0].Message.In("en") == source.MsgEmpty {
			fs = nil // an empty file, or only comments: every default applies
		} else if fs != nil {
			for i := range fs {
				fs[i].Help = msgFixFileDefaults.With().Pair()
			}
			c, more := build(newSettings(nil, false), nil, "")
			c.Unreadable = true
			more = append(more, envRules(c, os.Environ())...)
			return c, append(fs, more...), nil
		}
		if doc == nil || doc.Value == nil {
			doc = nil // an empty file: every default applies
		} else if _, ok := doc.Value.(map[string]any); !ok {
			c, _ := build(newSettings(nil, false), nil, "")
			c.Unreadable = true
			envFs := envRules(c, os.Environ())
			return c, append(envFs, finding.Finding{File: display, Line: doc.Root.Line, Column: doc.Root.Column, Rule: finding.RuleConfig,
				Severity: finding.Error, Message: msgNotAMapping.With().Pair(), Help: msgSeeExample.With().Pair()}), nil
		}
	case os.IsNotExist(err):
	default:
		return nil, nil, message.ReadFailed.ErrOf(err, path, err)
	}
	var file any
	var folded []finding.Finding
	if doc != nil {
		file, folded = foldedTwice(doc, display)
	}
	c, fs := build(newSettings(file, true), doc, display)
	fs = append(folded, fs...)
	fs = append(fs, envRules(c, os.Environ())...)
	if doc != nil {
		c.File = display
		if shape {
			fs = append(unknownKeys(doc, display), fs...)
			fs = append(fs, shapeProblems(doc, fs)...)
		}
	}
	return c, fs, nil
}

// shapeProblems are the values of register.yaml that do not have the shape
// its schema gives them (organisation: [1, 2], site: "x"), each at its line
// and column. A setting the reading of the settings already has a finding
// for (fs: a bad duration, an unknown key, a rule without severity) keeps
// that one finding, which says what stands in: the schema's findings
// within it, or about a part of it, are left out. So are those about the
// custom rules, which principle.CompileCustom checks.
func shapeProblems(doc *source.Document, fs []finding.Finding) []finding.Finding {
	at := places(doc.Root)
	var reported [][]string
	for _, f := range fs {
		if p, ok := at[[2]int{f.Line, f.Column}]; ok && f.File == doc.Path {
			reported = append(reported, p)
		}
	}
	// The custom rules are checked where they are compiled
	// (principle.CompileCustom), each problem a finding at its line.
	reported = append(reported, []string{"rules_custom"})
	var out []finding.Finding
	for _, f := range validate.Config(doc) {
		p := source.SplitPointer(f.Path)
		if !slices.ContainsFunc(reported, func(r []string) bool { return within(p, r) || within(r, p) }) {
			out = append(out, f)
		}
	}
	return out
}

// within reports whether the path p is at or inside the path of.
func within(p, of []string) bool {
	return len(p) >= len(of) && slices.Equal(p[:len(of)], of)
}

// places maps the line and column of every key and value in the tree
// under n to its path, the deepest where several start at one place (a
// mapping starts where its first key does).
func places(n *yaml.Node) map[[2]int][]string {
	out := map[[2]int][]string{}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		if n == nil {
			return
		}
		out[[2]int{n.Line, n.Column}] = path
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := append(slices.Clip(path), n.Content[i].Value)
				out[[2]int{n.Content[i].Line, n.Content[i].Column}] = p
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(slices.Clip(path), strconv.Itoa(i)))
			}
		}
	}
	walk(n, nil)
	return out
}

// build makes the configuration from the settings (the file's values,
// REGISTER_ variables and defaults) in steps, one part of the file each; a
// bad value is a finding and its default stands in. doc and file place the
// findings in register.yaml; both are empty when there is no file.
func build(v settings, doc *source.Document, file string) (*Config, []finding.Finding) {
	b := &builder{v: v, doc: doc, file: file, setBy: map[string]string{}}
	b.site()
	b.openData()
	b.languages()
	if doc != nil {
		b.fs = append(b.fs, fileRules(b.c, doc, file)...)
	}
	b.evaluation()
	b.limits()
	b.notice()
	b.c.Advice.ResponseTerm = b.dur("advice.response_term")
	b.aiAct()
	b.plainLanguage()
	b.lists()
	if doc != nil || v.env != nil {
		// Set by the file or the environment: not the defaults
		// themselves, which are built without either.
		b.c.Changes = b.changes(Default())
	}
	return b.c, b.fs
}

// builder holds a configuration while build makes it, and the findings
// about the values it could not take.
type builder struct {
	v    settings
	doc  *source.Document
	file string
	c    *Config
	fs   []finding.Finding
	// setBy names, for each key of a mapping setting that was set, the
	// environment variable that set it, as it is written; "" for
	// register.yaml (envOf).
	setBy map[string]string
}

// bad reports a bad value of a key, worded by what with args after the
// place it was set: at that place in register.yaml, or by the environment
// variable it came from.
func (b *builder) bad(key string, what *message.Text, args ...any) {
	b.badStands(key, b.envOf(key), nil, what, args...)
}

// badStands is bad for a value the environment variable name set ("" for
// register.yaml); for a value of the environment set over another one
// that stands, stands, given the variable's name, is the help that says
// which (nil: the default applies).
func (b *builder) badStands(key, name string, stands func(name string) message.Phrase, what *message.Text, args ...any) {
	// Named by the variable that set it alone; a key inside a
	// variable's mapping stays named by its key.
	where := key
	if name != "" && !strings.HasPrefix(EnvName(key), name+"_") {
		where = name
	}
	msg := what.With(append([]any{where}, args...)...)
	switch {
	case name != "" && stands != nil:
		b.report(key, name, msg, stands(name))
	case name != "":
		// The value came from the environment: name the variable, as
		// for REGISTER_RULES_<ID>, not a place in a file that does
		// not hold it.
		b.report(key, name, msg, msgFixVariable.With(name))
	default:
		b.report(key, "", msg, msgFixSetting.With())
	}
}

// badOver is bad for a value that set (a layer of GetStringMapString,
// above 0 for the environment) over a value a lower layer gave the key
// (below: its layer, -1 for none): that one stands, and the help names it
// (register.yaml's, or the variable that sets the whole mapping) rather
// than say the default applies.
func (b *builder) badOver(layer, below int, key string, set layered, what *message.Text, args ...any) {
	var stands func(string) message.Phrase
	switch {
	case layer == 0 || below < 0:
	case below == 0:
		stands = func(name string) message.Phrase { return msgFixVariableOver.With(name) }
	default:
		parent := EnvName(key[:strings.LastIndexByte(key, '.')])
		stands = func(name string) message.Phrase { return msgFixVariableOverVar.With(name, parent) }
	}
	b.badStands(key, set.Env, stands, what, args...)
}

// findingOf is an error about a setting in file.
func findingOf(file string, msg, help message.Phrase) finding.Finding {
	return finding.Finding{File: file, Rule: finding.RuleConfig, Severity: finding.Error, Message: msg.Pair(), Help: help.Pair()}
}

// dur reads a duration, or the key's default when it is not one.
func (b *builder) dur(key string) period.Duration {
	if s, ok := b.textFor(key, formDuration); ok {
		d, err := period.Parse(s)
		if err == nil {
			return d
		}
		b.bad(key, msgNotPeriod, err)
	}
	return period.MustParse(defaults[key].(string))
}

// textFor reads key, a setting that must be text of the form given: a
// value that is no text (null in register.yaml, an object, a list) is
// reported for what it is, as an interval is (textOf), and false.
func (b *builder) textFor(key string, form label.Text) (string, bool) {
	v := b.v.Get(key)
	if w, ok := b.v.written(key); ok && w == nil && b.v.envSource(key) == "" {
		v = nil
	}
	set := textOf(v)
	if !set.What.IsZero() {
		b.bad(key, msgNotText, set.What, form)
		return "", false
	}
	return set.Text, true
}

// site starts the configuration with the organisation, its languages as
// given and the public site's settings: its title any text, its addresses
// and yes/no settings only as their checks take them.
func (b *builder) site() {
	v := b.v
	b.c = &Config{
		Organisation: v.GetString("organisation"),
		Languages:    v.GetStringSlice("languages"),
		LanguagesSet: v.InConfig("languages"),
		Site: Site{
			Title:              v.GetString("site.title"),
			BaseURL:            b.address("site.base_url"),
			ReportErrorURL:     b.address("site.report_error_url"),
			ContactEmail:       b.email("site.contact_email"),
			TilesURL:           b.address("site.tiles_url"),
			ShowCommitAuthors:  b.flag("site.show_commit_authors"),
			ShowCommitSubjects: b.flag("site.show_commit_subjects"),
		},
		Rules: map[string]RuleSetting{},
	}
}

// openData reads the open-data licence and publisher, which linked data
// needs as absolute http(s) URIs.
func (b *builder) openData() {
	b.c.OpenData = OpenData{
		Licence:      b.address("open_data.licence"),
		PublisherURI: b.address("open_data.publisher_uri"),
	}
}

// languages keeps the languages the site is available in, nl and en, and
// both when none is left.
func (b *builder) languages() {
	c := b.c
	for _, l := range c.Languages {
		if l != "nl" && l != "en" {
			b.bad("languages", msgNoLanguage, l)
		}
	}
	c.Languages = slices.DeleteFunc(c.Languages, func(l string) bool { return l != "nl" && l != "en" })
	if len(c.Languages) == 0 {
		c.Languages = []string{"nl", "en"}
	}
}

// evaluation reads the evaluation intervals, the default and those per
// kind or sensor type, and the window of the due list.
func (b *builder) evaluation() {
	c := b.c
	c.Evaluation.DefaultInterval = b.dur("evaluation.default_interval")
	// The default is an interval as those per kind are: in days.
	if _, err := period.ParseInterval(c.Evaluation.DefaultInterval.String()); err != nil {
		b.bad("evaluation.default_interval", msgNotPeriod, err)
		c.Evaluation.DefaultInterval = period.MustParse(defaults["evaluation.default_interval"].(string))
	}
	c.Evaluation.Intervals = map[string]period.Duration{}
	layers, twice, err := b.v.GetStringMapString("evaluation.intervals")
	if err != nil {
		b.bad("evaluation.intervals", msgNotIntervals)
	}
	for _, a := range twice {
		if a.FirstEnv != "" {
			b.report("evaluation.intervals."+a.Key, a.Env, msgVariableFolded.With(a.Env, a.FirstEnv), msgKeepFirstVariable.With(a.Env, a.FirstEnv))
			continue
		}
		msg := msgKeyFoldedIn
		if a.Key == a.First {
			msg = msgKeyAgainIn
		}
		b.report("evaluation.intervals."+a.Key, a.Env, msg.With("evaluation.intervals."+a.Key, a.First), msgKeepFirstIn.With(a.Env))
	}
	// Layer by layer, so that a bad value in the environment leaves the
	// file's for its key standing, as the message says.
	from := map[string]int{} // the layer each key's value comes from
	for i, layer := range layers {
		for _, k := range slices.Sorted(maps.Keys(layer)) {
			below, ok := from[k]
			if !ok {
				below = -1
			}
			set, key := layer[k], "evaluation.intervals."+k
			// In whole days and at least one, as a record's own.
			d, err := period.ParseInterval(set.Text)
			switch {
			case !set.What.IsZero():
				b.badOver(i, below, key, set, msgNotText, set.What, formDuration)
			case err != nil:
				b.badOver(i, below, key, set, msgNotPeriod, err)
			default:
				c.Evaluation.Intervals[k], from[k] = d, i
				b.setBy[key] = set.Env
			}
		}
	}
	// The file's intervals add to the defaults or change them key by key:
	// one set for drones does not drop the yearly evaluation of
	// public-order cameras. Each default stands until its own key changes
	// it, and the deviations (Changes) name that key; a key set to the
	// default's own length (as register init writes public_order: P1Y,
	// or P12M) is the default, and caps as it does.
	c.Evaluation.Defaulted = map[string]bool{}
	for k, s := range defaults["evaluation.intervals"].(map[string]any) {
		dflt := period.MustParse(s.(string))
		if d, set := c.Evaluation.Intervals[k]; !set || sameLength(d, dflt) {
			c.Evaluation.Intervals[k] = dflt
			c.Evaluation.Defaulted[k] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(c.Evaluation.Intervals)) {
		if !slices.Contains(intervalClasses(), k) {
			key := "evaluation.intervals." + k
			c.Evaluation.Ignored = append(c.Evaluation.Ignored, Change{Key: key, Value: c.Evaluation.Intervals[k].String(), Place: b.place(key)})
			delete(c.Evaluation.Intervals, k)
		}
	}
	c.DueWithin = b.dur("due_within")
}

// intervalClasses are the keys of evaluation.intervals that concern
// records (IntervalFor): the camera regimes and sensor types the record
// format allows, and the kinds of record.
var intervalClasses = sync.OnceValue(func() []string {
	out := slices.Concat(field.Values(record.Sensor, "camera_regime"), field.Values(record.Sensor, "sensor_type"))
	for _, k := range record.Kinds {
		out = append(out, string(k))
	}
	return out
})

// limits reads the checklist's limits and the budget of custom rules.
func (b *builder) limits() {
	c := b.c
	c.Limits = Limits{
		DataSharingMax:     b.dur("limits.data_sharing_max"),
		CameraLifecycleMax: b.dur("limits.camera_lifecycle_max"),
		ExceptionMax:       b.dur("limits.exception_max"),
		SecurityAuditMax:   b.dur("limits.security_audit_max"),
		CustomRulesCost:    DefaultCustomRulesCost,
	}
	if s := strings.TrimSpace(b.v.GetString("limits.custom_rules_cost")); s != "" {
		if n, err := strconv.ParseUint(strings.ReplaceAll(s, "_", ""), 10, 64); err == nil && n > 0 {
			c.Limits.CustomRulesCost = n
		} else {
			b.bad("limits.custom_rules_cost", msgNotCount, s)
		}
	}
}

// notice reads the notice period and where a new record is proposed: a
// forge's new-file page, or an e-mail address.
func (b *builder) notice() {
	c, v := b.c, b.v
	c.Notice.Period = b.dur("notice.period")
	// An unquoted date stays the text it was written as (source).
	c.Notice.Since = v.GetString("notice.since")
	if c.Notice.Since != "" {
		if _, err := period.ParseDate(c.Notice.Since); err != nil {
			b.bad("notice.since", msgNotPeriod, err)
			c.Notice.Since = ""
		}
	}
	c.Notice.NewFileURL = b.address("notice.new_file_url")
	c.Notice.Email = b.email("notice.email")
}

// aiAct reads where the AI Act's text comes from and the dates its duties
// apply from. A date may be earlier than the law's (LawDate), which is
// stricter; a later one would postpone a duty the law imposes, which no
// setting may do (README: a rule that follows from law cannot be silenced
// by configuration): it is an error at the setting, and the law's date
// applies. Should the law move the date again, a newer version of register
// carries the new date as its default.
func (b *builder) aiAct() {
	c := b.c
	c.AIAct.Source = b.v.GetString("ai_act.source")
	for _, d := range []struct {
		key string
		to  *string
	}{{"ai_act.high_risk_from", &c.AIAct.HighRiskFrom}, {"ai_act.annex_i_from", &c.AIAct.AnnexIFrom}} {
		*d.to = defaults[d.key].(string)
		s, ok := b.textFor(d.key, formDate)
		if !ok {
			continue
		}
		day, err := period.ParseDate(s)
		if err != nil {
			b.bad(d.key, msgNotPeriod, err)
			continue
		}
		*d.to = s
		law, _ := LawDate(d.key)
		if lawDay, _ := period.ParseDate(law); day.After(lawDay) {
			b.postpones(d.key, *d.to, law)
			*d.to = law
		}
	}
}

// postpones reports a legal date setting (key, set to value) later than
// law, the date the law gives: at its place in register.yaml, or by the
// environment variable that set it.
func (b *builder) postpones(key, value, law string) {
	day := func(s string) label.Text { return label.Text{label.Date("nl", s), s} }
	name := b.envOf(key)
	where := key
	if name != "" && name == EnvName(key) {
		where = name
	}
	msg := msgLaterThanLaw.With(where, day(value), day(law), dutiesOf(key), lawDatesSource, day(law))
	if name != "" {
		b.report(key, name, msg, msgKeepLawDateVariable.With(name, day(law)))
		return
	}
	b.report(key, "", msg, msgKeepLawDate.With(key, day(law)))
}

// dutiesOf names the duties the date setting key says from when they apply.
func dutiesOf(key string) label.Text {
	if key == "ai_act.annex_i_from" {
		return label.Text{"de plichten voor hoog-risico AI in producten van bijlage I", "the high-risk obligations for the products of Annex I"}
	}
	return label.Text{"de plichten voor hoog-risico AI van bijlage III", "the high-risk obligations of Annex III"}
}

// lawDatesSource is where the law's dates come from.
var lawDatesSource = label.Text{"AI-verordening art. 113, zoals gewijzigd door de Digital Omnibus over AI", "AI Act art. 113, as amended by the Digital Omnibus on AI"}

// The words of a legal date set later than the law's (postpones).
var (
	msgLaterThanLaw = message.New("%s: %s is later than %s, the date %s apply from by law (%s); a setting cannot postpone a duty the law imposes, so the law's date %s applies; a later date needs a newer version of register, once the law itself moves it",
		"%s: %s is later dan %s, de datum waarop %s volgens de wet gelden (%s); een instelling kan een plicht uit de wet niet uitstellen, dus geldt de datum uit de wet, %s; een latere datum vraagt een nieuwere versie van register, als de wet zelf de datum verschuift")
	msgKeepLawDate = message.New("remove %s from register.yaml or set it to %s or earlier (an earlier date is stricter and allowed); for a date the law has moved, update register",
		"haal %s weg uit register.yaml of zet het op %s of eerder (een eerdere datum is strenger en mag); werk register bij voor een datum die de wet heeft verschoven")
	msgKeepLawDateVariable = message.New("unset the environment variable %s or set it to %s or earlier (an earlier date is stricter and allowed); for a date the law has moved, update register",
		"haal de omgevingsvariabele %s weg of zet haar op %s of eerder (een eerdere datum is strenger en mag); werk register bij voor een datum die de wet heeft verschoven")
)

// plainLanguage reads the limits of the plain-language check.
func (b *builder) plainLanguage() {
	c := b.c
	c.PlainLanguage.MinReadingEase = 20
	if s := strings.TrimSpace(b.v.GetString("plain_language.min_reading_ease")); s != "" {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f <= 100 {
			c.PlainLanguage.MinReadingEase = f
		} else {
			b.bad("plain_language.min_reading_ease", msgNotEase, s)
		}
	}
	for _, d := range []struct {
		key string
		to  *int
		def int
	}{{"plain_language.max_sentence_words", &c.PlainLanguage.MaxSentenceWords, 25}, {"plain_language.min_words", &c.PlainLanguage.MinWords, 15}} {
		*d.to = d.def
		if s := strings.TrimSpace(b.v.GetString(d.key)); s != "" {
			if n, err := strconv.Atoi(s); err == nil && n > 0 {
				*d.to = n
			} else {
				b.bad(d.key, msgNotCount, s)
			}
		}
	}
}

// lists reads the supplier watch list and the register's own rules.
func (b *builder) lists() {
	watch, err := supplierWatch(b.v.Get("supplier_watch"))
	b.c.SupplierWatch = watch
	if err != nil {
		b.bad("supplier_watch", msgNotWatchList)
	}
	// The register's own rules come from register.yaml alone: no one
	// variable holds a list of rules, and REGISTER_RULES_CUSTOM is the
	// variable of a rule called "custom" (envRules), which would empty
	// the list and let every custom rule's finding go unseen.
	raw, ok := b.v.inFile("rules_custom")
	if !ok {
		raw = defaults["rules_custom"]
	}
	rules, err := customRules(raw)
	if err != nil {
		b.report("rules_custom", "", msgNotCustomRules.With("rules_custom"), msgFixSetting.With())
	}
	b.c.RulesCustom = rules
}

// mailbox reports whether s is one plain address that a mailto: link can
// hold as it is: no second address, header or space slipped in.
func mailbox(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at == strings.LastIndexByte(s, '@') && at < len(s)-1 && !strings.ContainsAny(s, " ?&/:,;<>\"\\%#\t\r\n")
}

// fileRules reads the rules: section of register.yaml into c.Rules. A rule
// is set either to a severity (security-audit: warning) or to a mapping with
// the severity and the reason for the change (security-audit: {severity:
// warning, reason: "..."}). Bad values are errors at their line; the rule then
// keeps its default.
func fileRules(c *Config, doc *source.Document, file string) []finding.Finding {
	top, _ := doc.Value.(map[string]any)
	raw, present := top["rules"]
	if !present || raw == nil {
		return nil
	}
	var fs []finding.Finding
	bad := func(pointer string, key bool, msg, help message.Phrase) {
		line, col := doc.Locate(pointer, key)
		fs = append(fs, finding.Finding{File: file, Line: line, Column: col, Rule: finding.RuleConfig,
			Severity: finding.Error, Message: msg.Pair(), Help: help.Pair()})
	}
	rules, ok := raw.(map[string]any)
	if !ok {
		bad("/rules", false, msgRulesNotMapping.With(), msgRulesExample.With())
		return fs
	}
	ids := slices.Sorted(maps.Keys(rules))
	for _, id := range ids {
		at := source.JoinPointer("rules", id)
		var sevText, reason string
		switch x := rules[id].(type) {
		case string:
			sevText = x
		case map[string]any:
			for k := range x {
				if k != "severity" && k != "reason" {
					bad(source.JoinPointer("rules", id, k), true, msgNotRuleSetting.With(id, k), msgRuleTakes.With())
				}
			}
			sevText, _ = x["severity"].(string)
			reason, _ = x["reason"].(string)
			if _, ok := x["severity"]; !ok {
				bad(at, true, msgNoSeverity.With(id), msgAddSeverity.With())
				continue
			}
		default:
			sevText = fmt.Sprint(x)
		}
		sev, err := finding.ParseSeverity(sevText)
		if err != nil {
			ptr := at
			if _, isMap := rules[id].(map[string]any); isMap {
				ptr = source.JoinPointer("rules", id, "severity")
			}
			bad(ptr, false, msgNotSeverity.With("rules."+id, sevText), msgFixRule.With())
			continue
		}
		line, col := doc.Locate(at, true)
		c.Rules[id] = RuleSetting{Severity: sev, Reason: strings.TrimSpace(reason), Place: Place{File: file, Line: line, Column: col}}
	}
	return fs
}

// EnvRulePrefix starts the environment variables that set a rule's
// severity: REGISTER_RULES_SECURITY_AUDIT=off, with the reason in
// REGISTER_RULES_SECURITY_AUDIT_REASON.
const EnvRulePrefix = "REGISTER_RULES_"

// FromEnv reports whether a finding's file names the environment variable
// that made a setting (REGISTER_...) rather than a file: such a
// finding has no path to show or open.
func FromEnv(file string) bool { return strings.HasPrefix(file, envPrefix) }

// EnvReasonSuffix ends the variable that gives the reason for a rule's
// environment setting. No rule id ends in "-reason".
const EnvReasonSuffix = "_REASON"

// EnvVar returns the environment variable that sets the rule's severity.
func EnvVar(id string) string {
	return EnvRulePrefix + strings.ToUpper(strings.ReplaceAll(id, "-", "_"))
}

// envRules reads REGISTER_RULES_<ID> variables from env (as os.Environ gives
// it) into c.Rules, over the file's settings. A bad severity is an error
// naming the variable; the rule then keeps the file's setting or its default.
// Rule ids are kebab-case, so the variable's name gives the id back.
func envRules(c *Config, env []string) []finding.Finding {
	vals := map[string]string{}
	for _, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if ok && strings.HasPrefix(k, EnvRulePrefix) && len(k) > len(EnvRulePrefix) {
			vals[k] = v
		}
	}
	keys := slices.Sorted(maps.Keys(vals))
	var fs []finding.Finding
	for _, k := range keys {
		if base, ok := strings.CutSuffix(k, EnvReasonSuffix); ok {
			if _, set := vals[base]; !set {
				fs = append(fs, finding.Finding{File: k, Rule: finding.RuleConfig, Severity: finding.Warning,
					Message: msgReasonAlone.With(k, base).Pair(), Help: msgSetOrRemove.With(base, k).Pair()})
			}
			continue
		}
		v := strings.TrimSpace(vals[k])
		if v == "" {
			continue // an empty variable sets nothing, as for every other REGISTER_ variable
		}
		id := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(k, EnvRulePrefix), "_", "-"))
		sev, err := finding.ParseSeverity(v)
		if err != nil {
			fs = append(fs, finding.Finding{File: k, Rule: finding.RuleConfig, Severity: finding.Error,
				Message: msgNotSeverity.With(k, v).Pair(), Help: msgFixRuleVariable.With().Pair()})
			continue
		}
		c.Rules[id] = RuleSetting{Severity: sev, Reason: strings.TrimSpace(vals[k+EnvReasonSuffix]), Place: Place{Env: k}}
	}
	return fs
}

// known lists every setting and every mapping that holds one.
var known = func() map[string]bool {
	m := map[string]bool{}
	for k := range defaults {
		m[k] = true
		for i := range k {
			if k[i] == '.' {
				m[k[:i]] = true
			}
		}
	}
	return m
}()

// unknownKeys warns about settings the tool does not know, at the key, so a
// typo such as "limts" does not silently leave a default in force.
func unknownKeys(doc *source.Document, file string) []finding.Finding {
	var fs []finding.Finding
	var walk func(path []string, v any)
	walk = func(path []string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			// The keys as written: one may hold dots itself.
			at := append(slices.Clip(path), k)
			full := strings.Join(at, ".")
			if !known[strings.ToLower(full)] {
				line, col := doc.Locate(source.JoinPointer(at...), true)
				fs = append(fs, finding.Finding{File: file, Line: line, Column: col, Rule: finding.RuleConfig,
					Severity: finding.Warning, Message: msgUnknownSetting.With(full).Pair(), Help: msgCheckSpelling.With().Pair()})
				continue
			}
			if _, setting := defaults[strings.ToLower(full)]; setting {
				// The keys of a mapping setting are free (rule
				// ids, sensor types); those inside any other
				// setting's value are no settings, and the value
				// itself is reported for what it is.
				continue
			}
			walk(at, m[k])
		}
	}
	walk(nil, doc.Value)
	return fs
}

// readConfig reads the file, refusing anything but a plain file of sane size
// (a FIFO named register.yaml would block a read forever). A file that is
// not there is no error of its own (os.IsNotExist: every default applies);
// another that cannot be read says why in plain words and what to do.
func readConfig(path string) (data []byte, err error) {
	defer func() {
		if err == nil || os.IsNotExist(err) {
			return
		}
		// The system's error without its path (the file is named before
		// it), so that the words stay these in either language.
		if pe, ok := err.(*os.PathError); ok {
			if os.IsPermission(pe) {
				err = msgConfigNoAccess.ErrOf(pe.Err)
			} else {
				err = msgConfigCannotRead.ErrOf(pe.Err, pe.Err.Error())
			}
		}
	}()
	// Like a record, register.yaml may be a symlink only within the register.
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&os.ModeSymlink != 0 {
		root, err1 := filepath.EvalSymlinks(filepath.Dir(path))
		target, err2 := filepath.EvalSymlinks(path)
		if err1 != nil || err2 != nil {
			return nil, msgLinkNowhere.Err(path)
		}
		if r, err := filepath.Rel(root, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, msgLinkOutside.Err(path)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, msgNotRegular.Err(path)
	}
	if st.Size() > source.DefaultLimits.MaxBytes {
		return nil, source.MsgTooBig.Err(st.Size(), source.DefaultLimits.MaxBytes) // Load names the file
	}
	return os.ReadFile(path)
}

// customRules reads rules_custom. Every field is text; a YAML scalar written
// without quotes (require: false, severity: 1) keeps the text it was
// written as, where a weakly typed decoder would turn false into "0".
func customRules(v any) ([]CustomRule, error) {
	if v == nil {
		return nil, nil
	}
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("not a list")
	}
	var out []CustomRule
	for _, item := range items {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("not a mapping")
		}
		text := func(k string) string {
			switch x := m[k].(type) {
			case nil:
				return ""
			case string:
				return x
			default:
				return fmt.Sprint(x) // false stays "false", 1 stays "1"
			}
		}
		out = append(out, CustomRule{
			ID: text("id"), Principle: text("principle"), Severity: text("severity"), Kind: text("kind"),
			When: text("when"), Require: text("require"), Title: text("title"), Message: text("message"), Help: text("help"),
		})
	}
	return out, nil
}
