// Package packet builds the review packet for the ethics committee (VNG 3.8,
// programme commitment C-ethics-committee): which records are new or changed
// since the previous packet, which evaluations, life cycles, exceptions and
// agreements fall due, and which records have errors in the checklist, each
// with its key facts in plain language, its findings, its field-level changes,
// its exceptions and questions for the committee, and an appendix with the
// principles cited.
//
// Build selects the records and lays out the content in one language (Dutch by
// default, English on request); the renderers (HTML, Markdown and PDF) only
// print that content, so the three formats always say the same. The package
// knows nothing of cobra: the command in internal/cli loads the register, runs
// the checklist and opens the Git history, and passes the results in.
package packet

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Reason says why a record is on the agenda. The values are stable: they
// appear in tests and may appear in tooling built on the packet.
type Reason string

// The reasons, in the order the agenda shows them.
const (
	New       Reason = "new"       // added since the previous packet
	Changed   Reason = "changed"   // changed (or renamed) since the previous packet
	Due       Reason = "due"       // a date has passed or falls within the window
	Findings  Reason = "findings"  // the checklist reports an error
	Requested Reason = "requested" // asked for by hand (--ids)
)

// Reasons lists the reasons in display order.
var Reasons = []Reason{New, Changed, Due, Findings, Requested}

// History is what Build needs of the register's Git history; *history.Repo
// provides it. A nil History means the register is not in Git.
type History interface {
	// Head returns the commit HEAD points at ("" before the first commit).
	Head() string
	// Since compares the register at a tag, commit or date with HEAD.
	Since(refOrDate string) (*history.ChangeSet, error)
}

// Options are what Build needs besides the register and its findings.
type Options struct {
	// Today is the meeting date the packet is made for (midnight UTC of a
	// date, as period.Today returns it); dates fall due relative to it.
	Today time.Time
	// Within is the window for dates falling due; zero means the
	// configuration's due_within.
	Within period.Duration
	// Since is the tag, commit or date of the previous packet; "" means no
	// previous packet is known, so nothing is selected as new or changed.
	Since string
	// SinceFromTag is true when Since is the previous packet's tag found by
	// PreviousTag rather than given by hand (the cover says which).
	SinceFromTag bool
	// IDs are records added to the agenda by hand.
	IDs []string
	// Lang is "nl" (the default) or "en".
	Lang string
	// Committee names the committee on the cover; "" gives "Ethische
	// commissie" (or "Ethics committee").
	Committee string
	// History is the register's Git history, or nil outside Git.
	History History
	// PastSecrets are the secrets of every version of every record file
	// the history holds (publish.PastSecrets), which a public packet's
	// commit subjects leave out (publish.Public.AlsoScrubFromSubjects).
	// Needed only when those show subjects.
	PastSecrets []string
	// NoHistory says why History is nil, for the packet's history sections;
	// "" gives a plain "no Git history available".
	NoHistory string
	// Dirty is true when the register's files differ from the commit, so
	// the cover does not claim the commit alone describes the packet.
	Dirty bool
	// Public makes a packet fit for publication: it shows the register's
	// public view, as the site does. Without it the packet is for the
	// committee and marks what is not public.
	Public bool
}

// Packet is the content of one review packet, laid out in one language.
// Renderers print it as it is.
type Packet struct {
	// L holds the fixed texts (headings, column names) in the packet's language.
	L *Labels
	// Lang is "nl" or "en".
	Lang string
	// Title is the document title; Committee and Organisation are on the cover.
	Title, Committee, Organisation string
	// Meeting is the meeting date as shown (a formatted date).
	Meeting string
	// Register is the register root as given; Commit the commit it was read
	// from ("" outside Git), Dirty whether files differ from that commit.
	Register, Commit string
	Dirty            bool
	// Since describes the comparison with the previous packet, in words;
	// HistoryNote says why there is none (both are shown on the cover).
	Since, HistoryNote string
	// HasHistory is true when new and changed records could be selected.
	HasHistory bool
	// Window is the due window, as configured or given (for example P90D).
	Window string
	// Counts are the number of agenda items per reason.
	Counts map[Reason]int
	// Items are the records on the agenda, sensors first, then by name.
	Items []*Item
	// Removed are the records removed from the register since the previous
	// packet: they have no section, but the committee should know.
	Removed []Removed
	// Principles are the principles the items' findings cite, for the appendix.
	Principles []Principle
	// Public is true for a packet fit for publication; NotShown counts the
	// records (on the agenda or removed) it leaves out as not public.
	Public   bool
	NotShown int
	// Subjects is true when the commit tables show each commit's subject:
	// always for the committee, in the public edition only with
	// site.show_commit_subjects, since commit messages are written for
	// colleagues (publish.Public.Subject).
	Subjects bool
	// Notice is the cover's note on confidentiality: the public edition's,
	// or the warning that the packet holds data that is not public.
	Notice string
	// Deviations are the rules the configuration switched off or lowered,
	// each in one sentence with where and why; empty when the checklist
	// ran on its defaults.
	Deviations []string
	// OpenAdvice is the ethics committee's advice that waits for the
	// municipality's response, one sentence each with how long it has
	// waited; AdviceTerm is the term for a response, in words.
	OpenAdvice []string
	AdviceTerm string
}

// Item is one record on the agenda.
type Item struct {
	// Record is the record (its public view in a public packet); ID and
	// Anchor identify its section.
	Record *record.Record
	// Confidential is the mark of a record that is not public, with its
	// reason ("Vertrouwelijk — niet openbaar (Reden: ...)"); "" for a
	// public one. Renderers show it on the agenda and at the top and foot of
	// each of the record's pages.
	Confidential string
	// Anchor is the HTML id of the record's section.
	Anchor string
	// Reasons say why it is on the agenda, in display order; ReasonText is
	// the same in words ("nieuw, bevindingen").
	Reasons    []Reason
	ReasonText string
	// Kind is the kind in words ("Sensor: Camera").
	Kind string
	// Facts are the key facts in plain language.
	Facts []Fact
	// Findings are the checklist's findings for the record, most severe first.
	Findings []FindingRow
	// Due are the dates that need attention.
	Due []DueRow
	// Changes are the field-level changes since the previous packet, and
	// Commits the commits that made them; ChangeNote says why there are
	// none (new record shown whole, no history, unchanged).
	Changes    []ChangeRow
	Commits    []CommitRow
	ChangeNote string
	// Exceptions are the record's approved exceptions with their state.
	Exceptions []ExceptionRow
	// Questions are questions for the committee derived from the findings
	// and dates.
	Questions []string

	reasons map[Reason]bool
}

// Fact is one key fact: a label and its value in plain language.
type Fact struct {
	Label, Value string

	paths []string // the record's fields the fact shows
}

// FindingRow is one finding as the packet shows it.
type FindingRow struct {
	Severity  finding.Severity
	Level     string // the severity in words
	Rule      string // the rule id
	Title     string // the rule's title in the packet's language
	Principle string // the reference with its label ("VNG 3.4 Levensduur")
	Message   string // in the packet's language when the finding has it
	Help      string
	// Lang is the language of Message and Help when it is not the packet's
	// ("en" for a finding without Dutch in a Dutch packet), else "".
	Lang string
}

// DueRow is one date that needs attention.
type DueRow struct {
	Date, What, State, Detail string
}

// ChangeRow is one field that changed since the previous packet.
type ChangeRow struct {
	Field, Change, Old, New string
}

// CommitRow is one commit that changed the record since the previous packet.
// Authors are left out on purpose: the packet discusses records, not people.
type CommitRow struct {
	Date, Commit, Subject string
}

// ExceptionRow is one approved exception to a rule.
type ExceptionRow struct {
	Rule, Reason, ApprovedBy, Until, State string
	// Open is true while the exception counts (no end date, or not passed).
	Open bool
}

// Removed is a record removed from the register since the previous packet.
type Removed struct {
	File string
}

// Principle is one principle cited in the packet, for the appendix.
type Principle struct {
	Ref, Label string
	// Rules are the rules that cite it, with why each exists.
	Rules []PrincipleRule
}

// PrincipleRule is a rule cited in the appendix.
type PrincipleRule struct {
	ID, Title, Why string
}

// ErrUnknownID is returned (wrapped) when --ids names a record that is not in
// the register.
var ErrUnknownID = errors.New("no record with this id in the register")

// msgUnknownID is ErrUnknownID as the command line says it, in the run's
// language.
var msgUnknownID = message.New("--ids %s: no record with this id in the register; give the id as the record has it (its file name without .yaml)",
	"--ids %s: geen registratie met deze id in het register; geef de id zoals de registratie hem heeft (de bestandsnaam zonder .yaml)")

// Build selects the records for the meeting and lays out the packet: records
// new or changed since opts.Since (when there is history and a previous
// packet), records with a date lapsed or falling due within the window,
// records with error findings, and the records asked for by hand. fs are the
// findings of loading and of the checklist, positions filled in.
func Build(reg *register.Register, fs []finding.Finding, opts Options) (*Packet, error) {
	b, err := newBuilder(reg, opts)
	if err != nil {
		return nil, err
	}
	// By hand first, so an unknown id fails before any work is done.
	if err := b.requested(); err != nil {
		return nil, err
	}
	if err := b.changed(); err != nil {
		return nil, err
	}
	b.falling()
	b.failing(fs)
	b.layOut()
	return b.p, nil
}

// builder is one packet being built: the register, what selects each record
// for the agenda, and what the record's section shows.
type builder struct {
	p      *Packet
	L      *Labels
	opts   Options
	reg    *register.Register
	today  time.Time
	within period.Duration

	items    map[string]*Item
	changes  map[string]*history.RecordChange // by record id
	due      map[string][]lifecycle.Item      // by record id
	byRecord map[string][]finding.Finding     // by record id
	cited    map[string]map[string]bool       // principle → rules, for the appendix

	view *register.Register // what the packet may show: reg, or its public view
	pub  *publish.Public    // the public view, for a public packet
}

// newBuilder checks the options and fills the packet's cover.
func newBuilder(reg *register.Register, opts Options) (*builder, error) {
	if reg == nil {
		return nil, errors.New("build packet: no register")
	}
	lang := opts.Lang
	if lang == "" {
		lang = "nl"
	}
	if lang != "nl" && lang != "en" {
		return nil, fmt.Errorf("language %q: use nl or en", opts.Lang)
	}
	L := labelsFor(lang)
	b := &builder{L: L, opts: opts, reg: reg, view: reg, today: opts.Today, within: opts.Within,
		items: map[string]*Item{}, changes: map[string]*history.RecordChange{}, due: map[string][]lifecycle.Item{},
		byRecord: map[string][]finding.Finding{}, cited: map[string]map[string]bool{}}
	if b.today.IsZero() {
		b.today = period.Today(time.Now())
	}
	if b.within.IsZero() && reg.Config != nil {
		b.within = reg.Config.DueWithin
	}
	p := &Packet{L: L, Lang: lang, Committee: opts.Committee, Meeting: L.date(b.today),
		Register: registerName(reg.Root, opts.Public), Dirty: opts.Dirty, Window: L.duration(b.within), Counts: map[Reason]int{},
		Subjects: true}
	if p.Committee == "" {
		p.Committee = L.DefaultCommittee
	}
	if reg.Config != nil {
		p.Organisation = reg.Config.Organisation
	}
	p.Title = L.Title
	if p.Organisation != "" {
		p.Title = L.Title + " " + p.Organisation
	}
	if opts.Public {
		b.pub = publish.Register(reg)
		b.view = b.pub.Register
		p.Public = true
		p.Subjects = b.pub.ShowsSubjects()
		b.pub.AlsoScrubFromSubjects(opts.PastSecrets)
		p.Notice = L.publicEdition()
	}
	b.p = p
	return b, nil
}

// registerName is how a packet names the register it was made of: the
// root as given, but in a packet fit for publication its folder's name
// alone, since the root may be a path on the steward's machine with
// their own name in it (/home/<name>/...).
func registerName(root string, public bool) string {
	if !public || root == "" {
		return root
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	return filepath.Base(root)
}

// add puts a record on the agenda for a reason.
func (b *builder) add(r *record.Record, why Reason) {
	it := b.items[r.ID]
	if it == nil {
		it = &Item{Record: r, reasons: map[Reason]bool{}}
		b.items[r.ID] = it
	}
	it.reasons[why] = true
}

// requested adds the records asked for by hand.
func (b *builder) requested() error {
	for _, id := range b.opts.IDs {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		r := b.reg.ByID(id)
		if r == nil {
			return msgUnknownID.ErrOf(ErrUnknownID, id)
		}
		b.add(r, Requested)
	}
	return nil
}

// changed adds the records new or changed since the previous packet, and
// lists the ones removed.
func (b *builder) changed() error {
	p, L, opts := b.p, b.L, b.opts
	if opts.History == nil {
		p.HistoryNote = cmp.Or(opts.NoHistory, L.NoHistory)
		return nil
	}
	p.Commit = opts.History.Head()
	if opts.Since == "" {
		p.HistoryNote = L.NoPrevious
		return nil
	}
	cs, err := opts.History.Since(opts.Since)
	if err != nil {
		return fmt.Errorf("compare with %s: %w", opts.Since, err)
	}
	p.HasHistory = true
	p.Since = L.sinceText(cs, opts.SinceFromTag)
	byFile := map[string]*record.Record{}
	for _, r := range b.reg.Records {
		byFile[r.File] = r
	}
	for i := range cs.Records {
		rc := &cs.Records[i]
		if rc.Op == history.Removed {
			if opts.Public {
				// A subject of a commit since may still name it. Its id
				// is its file's name; a last version the history does not
				// hold counts as not public.
				r := removedRecord(rc, b.p.Organisation)
				if r == nil {
					r = &record.Record{PublicationInvalid: true}
				}
				r.ID = cmp.Or(r.ID, strings.TrimSuffix(path.Base(rc.File), ".yaml"))
				b.pub.AlsoScrub(r)
			}
			if opts.Public && !removedPublic(rc, b.p.Organisation) {
				p.NotShown++ // its file name is its id
				continue
			}
			p.Removed = append(p.Removed, Removed{File: rc.File})
			continue
		}
		r := byFile[rc.File]
		if r == nil {
			continue // not a record that loaded (register.yaml, a broken file)
		}
		if opts.Public {
			rc = publicRecordChange(rc, r)
		}
		b.changes[r.ID] = rc
		if rc.Op == history.Added {
			b.add(r, New)
		} else {
			b.add(r, Changed)
		}
	}
	return nil
}

// falling adds the records with dates that lapsed or fall due within the
// window.
func (b *builder) falling() {
	for _, d := range lifecycle.Due(b.reg, b.today, b.within) {
		b.due[d.Record.ID] = append(b.due[d.Record.ID], d)
		b.add(d.Record, Due)
	}
}

// failing adds the records with error findings of the checklist (and of
// loading, for records that loaded), and keeps every record's findings.
func (b *builder) failing(fs []finding.Finding) {
	for _, f := range fs {
		r := b.reg.ByID(f.Record)
		if f.Record == "" || r == nil {
			continue
		}
		b.byRecord[f.Record] = append(b.byRecord[f.Record], f)
		if f.Severity == finding.Error {
			b.add(r, Findings)
		}
	}
}

// layOut writes each record's section, in the packet's order, then the
// cover's notice and the appendices.
func (b *builder) layOut() {
	p, L, opts := b.p, b.L, b.opts
	confidential := 0
	for _, it := range b.items {
		shown, marked := b.item(it)
		if !shown {
			p.NotShown++
			continue
		}
		if marked {
			confidential++
		}
		p.Items = append(p.Items, it)
	}
	if opts.Public && p.NotShown > 0 {
		p.Notice += " " + L.notShownText(p.NotShown)
	}
	if !opts.Public && confidential > 0 {
		p.Notice = L.confidentialCover()
	}
	sortItems(p.Items)
	cfg := cfgOr(b.reg)
	p.Principles = L.appendix(b.cited)
	p.Deviations = L.deviations(cfg)
	p.AdviceTerm = L.duration(cfg.Advice.ResponseTerm)
	p.OpenAdvice = L.openAdvice(b.view, b.today, cfg.Advice.ResponseTerm)
}

// item fills one record's section. shown is false for a record a public
// packet does not show; marked is true when the section holds data the
// public may not see.
func (b *builder) item(it *Item) (shown, marked bool) {
	p, L, opts := b.p, b.L, b.opts
	loaded := it.Record
	r := loaded
	if !loaded.IsPublic() {
		if opts.Public {
			return false, false
		}
		it.Confidential = L.Confidential(publish.Reason(loaded, p.Lang))
		marked = true
	}
	if opts.Public {
		r = b.pub.ViewOf(loaded)
		if r == nil { // a second record with the same id
			return false, false
		}
		it.Record = r
	} else if loaded.Publication != nil && len(loaded.Publication.Withheld) > 0 {
		marked = true
	}
	for _, why := range Reasons {
		if it.reasons[why] {
			it.Reasons = append(it.Reasons, why)
			p.Counts[why]++
		}
	}
	it.Anchor = "record-" + r.ID
	it.ReasonText = L.reasonList(it.Reasons)
	it.Kind = L.kind(r, opts.Public)
	it.Facts = L.facts(r, factScope{reg: b.view, today: b.today, public: opts.Public})
	L.markFacts(it.Facts, loaded, opts.Public, b.pub)
	recordFindings := b.byRecord[loaded.ID]
	dueItems := b.due[loaded.ID]
	var keptBack []string
	if opts.Public {
		recordFindings, keptBack = b.pub.Verdicts(loaded, recordFindings)
		dueItems = slices.DeleteFunc(slices.Clone(dueItems), func(it lifecycle.Item) bool { return !publish.DueShown(it) })
		if len(dueItems) == 0 && it.Has(Due) {
			// Every date due comes from a withheld field: that one
			// falls due is not public either.
			it.Reasons = slices.DeleteFunc(it.Reasons, func(r Reason) bool { return r == Due })
			p.Counts[Due]--
			it.ReasonText = L.reasonList(it.Reasons)
		}
		if it.Has(Findings) && !slices.ContainsFunc(recordFindings, func(f finding.Finding) bool { return f.Severity == finding.Error }) {
			// Every error is of a verdict kept back: that the checklist
			// found one is not public either.
			it.Reasons = slices.DeleteFunc(it.Reasons, func(r Reason) bool { return r == Findings })
			p.Counts[Findings]--
			it.ReasonText = L.reasonList(it.Reasons)
		}
		if len(it.Reasons) == 0 {
			// Every reason it is on the agenda is kept back: being on
			// it would say that a withheld date falls due or a verdict
			// kept back is an error. It is counted as not shown.
			return false, false
		}
	}
	it.Findings = append(L.findings(recordFindings, b.cited), L.keptBack(keptBack, L.reason(loaded, opts.Public, b.pub))...)
	it.Due = L.dueRows(dueItems, b.today, cfgOr(b.reg))
	it.Exceptions = L.exceptions(r, b.today)
	L.markExceptions(it.Exceptions, loaded, opts.Public, b.pub)
	rc := b.changes[loaded.ID]
	L.changeSection(it, rc, p)
	if opts.Public {
		L.publicChanges(it, rc, loaded, b.pub)
	} else {
		L.markChanges(it, rc, loaded)
	}
	it.Questions = L.questions(it, dueItems, b.today)
	return true, marked
}

// sortItems puts the agenda in order: sensors first, then by name
// regardless of case, then by id. Each name is lowered once, not in each
// of the agenda's n log n comparisons.
func sortItems(items []*Item) {
	type key struct {
		kind int
		name string
		it   *Item
	}
	keys := make([]key, len(items))
	for i, it := range items {
		keys[i] = key{kindOrder(it.Record.Kind), strings.ToLower(it.Record.Name), it}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.name, b.name), cmp.Compare(a.it.Record.ID, b.it.Record.ID))
	})
	for i, k := range keys {
		items[i] = k.it
	}
}

func kindOrder(k record.Kind) int {
	if k == record.Sensor {
		return 0
	}
	return 1
}

// Has reports whether the item is on the agenda for the reason.
func (it *Item) Has(r Reason) bool { return slices.Contains(it.Reasons, r) }

// Item returns the agenda item of the record with the id, or nil.
func (p *Packet) Item(id string) *Item {
	for _, it := range p.Items {
		if it.Record.ID == id {
			return it
		}
	}
	return nil
}

// cfgOr returns the register's configuration, or the defaults.
func cfgOr(reg *register.Register) *config.Config {
	if reg.Config != nil {
		return reg.Config
	}
	return config.Default()
}
