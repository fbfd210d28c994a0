package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/checkcache"
	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/feed"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/logsafe"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/site"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/schema"
)

// buildOptions are the flags of register build.
type buildOptions struct {
	*App
	out     string
	asOf    dateFlag
	failOn  string
	noCache bool
}

func newBuildCmd(a *App, runF func(*buildOptions) error) *cobra.Command {
	o := &buildOptions{App: a}
	if runF == nil {
		runF = runBuild
	}
	cmd := &cobra.Command{
		Use:   "build",
		Short: a.say(msgBuildShort),
		Long:  a.say(msgBuildLong),
		Example: `  register build
  register build --root register --out public
  register build --fail-on error        # in CI: publish, but fail on errors
  register build --as-of 2026-12-31`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "public", a.say(msgBuildOutUsage))
	cmd.Flags().StringVar(&o.failOn, "fail-on", "none", a.say(msgBuildFailOnUsage))
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgBuildAsOfUsage))
	cmd.Flags().BoolVar(&o.noCache, "no-cache", false, a.say(msgNoCacheUsage))
	return cmd
}

// runBuild builds the site and reports what it says of the register.
func runBuild(o *buildOptions) error {
	if strings.TrimSpace(o.out) == "" {
		return usageText(msgFederateOut)
	}
	if err := o.checkOutputFolder("--out", o.out); err != nil {
		return err
	}
	fail, err := parseFailOn(o.failOn)
	if err != nil {
		return err
	}
	today, err := o.today(o.asOf)
	if err != nil {
		return err
	}
	start := time.Now()
	st, res, checked, err := o.buildSite(o.out, today, !o.noCache, nil)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintln(o.Out, o.count(msgBuilt, st.Changed, rel(o.out), st.Pages, st.Files, secs, float64(st.Pages)/max(secs, 1e-9)))
	if st.Keyless != nil {
		o.warn(msgSiteKeyless, st.Keyless)
	}
	o.reportQuoting(st.Quoting)
	unread := o.reportUnread(res)
	if failed := o.reportChecklist(res, checked, fail); failed != nil {
		return failed
	}
	return unread
}

// reportQuoting tells the steward which texts the site shows with "niet
// openbaar" in them, because they quote what another record keeps back:
// the sentence reads oddly, and the text is better withheld or rephrased.
// The secret itself is not printed: a build log may be public.
func (a *App) reportQuoting(qs []publish.Quote) {
	for _, q := range qs {
		a.note(a.say(msgQuotesSecret, q.File, strings.Join(q.Fields, ", ")))
	}
}

// reportChecklist prints what the built site says of the register: the
// findings counted by severity (the load's and, counted, the checklist's)
// and every rule the configuration switched off or lowered, with where and
// why. It returns errFindings when a finding is at or above failOn (Off:
// never).
func (a *App) reportChecklist(res *load.Result, checked finding.Summary, failOn finding.Severity) error {
	sum := finding.Summarise(len(res.Register.Records), res.Findings)
	sum.Errors, sum.Warnings, sum.Infos = sum.Errors+checked.Errors, sum.Warnings+checked.Warnings, sum.Infos+checked.Infos
	a.note(a.say(msgBuildChecklist, a.count(msgRecords, sum.Records), a.count(msgErrors, sum.Errors), a.count(msgWarnings, sum.Warnings)))
	devs := principle.Deviations(res.Register.Config)
	if len(devs) == 0 {
		a.note(a.say(msgBuildNoDeviation))
	} else {
		a.note(a.count(msgBuildDeviations, len(devs)))
		for _, d := range devs {
			fmt.Fprintf(a.Err, "  %s\n", describeDeviation(a.ui(), d))
		}
	}
	if changes := res.Register.Config.Changes; len(changes) > 0 {
		a.note(a.count(msgBuildSettings, len(changes)))
		for _, c := range changes {
			value, def := c.Shown(a.ui())
			fmt.Fprintf(a.Err, "  %s\n", msgDeviation.Format(a.ui(), c.Key, value, def, c.Where()))
		}
	}
	if failOn == finding.Off {
		return nil
	}
	if sum.Errors > 0 || failOn == finding.Warning && sum.Warnings > 0 {
		return errFindings
	}
	return nil
}

// describeDeviation says in one line, in lang, what a setting does to a
// rule, where it was made and why.
func describeDeviation(lang string, d principle.Deviation) string {
	line := msgDeviation.Format(lang, d.Rule.ID, d.Setting.Severity, d.Rule.Default, d.Setting.Where())
	law, scope := d.Rule.Law.In(lang), d.Rule.LawScope.In(lang)
	switch {
	case d.Refused:
		line += msgDeviationRefused.Format(lang, law)
	case d.PolicyOnly:
		line += msgDeviationPolicyOnly.Format(lang, scope, law)
	}
	if d.Setting.Reason == "" {
		return line + msgDeviationNoReason.In(lang)
	}
	return line + msgDeviationReason.Format(lang, d.Setting.Reason)
}

// buildSite loads the register, runs the checklist, reads history and due
// dates, and builds the site into out. It returns the checklist's findings
// counted (the site keeps them, not the caller). With cache, a file whose
// checked result an earlier run kept is not checked again. With keep
// (serve), the register is opened through its reloader, which reads only
// the files changed since its last load, and the site keeps what it worked
// out of each record for the next build; nil opens the register afresh.
func (a *App) buildSite(out string, today time.Time, cache bool, keep *buildKeep) (site.Stats, *load.Result, finding.Summary, error) {
	var (
		reload *pipeline.Reloader
		memo   *site.Memo
	)
	if keep != nil {
		reload, memo = keep.reload, keep.memo
	}
	lock, err := site.Lock(out, memo) // a second build to out is refused before it loads
	if err != nil {
		return site.Stats{}, nil, finding.Summary{}, err
	}
	defer lock.Release()
	// One repository serves both the record pages' history and the
	// checklist's duty to report.
	// The checklist runs while the records load, each file's result kept
	// for the next build.
	// A build from the command line into the site it built before holds
	// the collector after the load while it finds what changed
	// (pipeline.Options.Hold); serve holds it its own way.
	p, err := a.reopen(reload, openOptions{without: a.say(msgSiteWithoutHistory), check: true, today: today, cache: cache, records: true, hold: keep == nil && site.Updates(out)})
	if err != nil {
		return site.Stats{}, nil, finding.Summary{}, err
	}
	defer p.Close()
	reg := p.Records()
	var (
		hist  map[string]site.History
		past  []string // secrets of the versions, for the subjects in hist
		dates opendata.Dates
		read  sync.WaitGroup
	)
	// The dates of the open data are read from the history while the
	// pages' history is: one after the other, they held up a build after
	// one change for a twentieth of its time.
	read.Go(func() { dates = openDataDates(p.Repo, reg) })
	if p.Repo != nil {
		// The field diffs the record pages and the feed read are kept
		// for the next build of this program (none when it cannot be
		// named).
		if tool, err := checkcache.ToolID(); err == nil {
			p.Repo.KeepDiffs(tool)
		}
		if hist, err = siteHistory(p.Repo, reg); err == nil && showsSubjects(hist) {
			past, err = pastSecrets(p.Repo, reg)
		}
		if err != nil {
			a.warnText(fmt.Sprintf("%v; %s", err, a.say(msgSiteWithoutHistory)))
			hist, past = nil, nil
		}
	}
	read.Wait()
	schemas, err := schemaFiles()
	if err != nil {
		return site.Stats{}, nil, finding.Summary{}, err
	}
	var checked finding.Summary
	prep, err := site.Prepare(reg, site.Options{
		Feed:  a.siteFeed(p.Repo, reg),
		Dates: dates,
		Out:   out,
		Lock:  lock,
		Now:   today.Add(12 * time.Hour), // noon of the day, so Europe/Amsterdam agrees
		Check: func(_ *register.Register, each func(*finding.Finding)) {
			p.HandOverEach(today, func(f *finding.Finding) {
				checked.Add(f)
				each(f)
			})
		},
		Findings:    p.Loaded.Findings,
		History:     hist,
		PastSecrets: past,
		Rules:       siteRules(reg.Config),
		Deviations:  siteDeviations(reg.Config),
		Schemas:     schemas,
		Memo:        memo,
		Making:      p.Making(),
		// Once the site keeps the checklist's findings its own way, the
		// rest is prepared and the pages are made within a budget of
		// what is really held: at 100,000 records the findings handed
		// over were half a million, and held through the rest of
		// Prepare they set its peak.
		Gathered: p.Settle,
	})
	if err != nil {
		return site.Stats{}, p.Loaded, checked, err
	}
	write := (*site.Prepared).Build
	if keep != nil && keep.write != nil {
		write = func(prep *site.Prepared) (site.Stats, error) { return keep.write(reg, prep) }
	}
	st, err := write(prep)
	return st, p.Loaded, checked, err
}

// siteRules are the checklist's rules as the site explains them, each
// with the severity the configuration gives it.
func siteRules(cfg *config.Config) []site.Rule {
	var rules []site.Rule
	for _, r := range principle.Rules() {
		sev := r.Default
		if cfg != nil {
			sev = cfg.Severity(r.ID, r.Default)
		}
		rules = append(rules, site.Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Why: r.Why,
			Covers: r.Covers, Cites: r.Cites, Basis: [2]string{r.BasisNL(), r.Basis()}, Applies: r.Applies, AppliesOn: r.AppliesOn,
			Severity: sev})
	}
	return rules
}

// feedLimit caps the published feed's entries, newest first: a feed reader
// polls the file, so it stays small.
const feedLimit = 200

// siteFeed returns what writes the site's change feed: the changes of the
// last year from the register's history. It says why there is none when the
// site has no address (a feed needs absolute links) or no history.
func (a *App) siteFeed(repo *history.Repo, reg *register.Register) func(io.Writer, func(s, lang string) string) error {
	cfg := reg.Config
	if strings.TrimSpace(cfg.Site.BaseURL) == "" {
		a.warn(msgNoBaseURL)
		return nil
	}
	if repo == nil {
		a.warn(msgNoFeedWithoutGit)
		return nil
	}
	since := period.Format(period.Today(a.Now()).AddDate(-1, 0, 0))
	opts := feedOptions(reg, a.Now())
	opts.SelfURL = strings.TrimSuffix(cfg.Site.BaseURL, "/") + "/" + pageurl.FeedPath
	opts.Limit = feedLimit
	// The history is compared when the feed is written, beside the pages:
	// on a history of years that takes a few tenths of a second, which the
	// pages (and serve's first page) need not wait for. A history that
	// cannot be compared fails the build, and the site stays as it was,
	// rather than publish a feed that says nothing changed.
	return func(w io.Writer, text func(s, lang string) string) error {
		cs, err := repo.Outline(since)
		if err != nil {
			return msgNoFeed.Err(err)
		}
		// The site's filter: what it keeps back, the feed keeps back.
		o := opts
		o.Text = text
		return feed.Write(w, feed.Entries(cs, o), o)
	}
}

// openDataDates reads from the history when the register began and when a
// public record of each kind last changed, for the DCAT catalogue; without
// history the catalogue states no dates rather than the day of the build.
func openDataDates(repo *history.Repo, reg *register.Register) opendata.Dates {
	d := opendata.Dates{Changed: map[record.Kind]string{}}
	if repo == nil {
		return d
	}
	day := amsterdamDays()
	if t, ok := repo.RegisterStart(); ok {
		d.Issued = day(t)
	}
	recs, err := repo.Records()
	if err != nil {
		return d
	}
	// The latest time of each kind, written as a day once: a day is
	// never earlier for a later time.
	latest := map[record.Kind]time.Time{}
	for _, r := range reg.Records {
		if h, ok := recs[r.File]; ok && !h.Changed.IsZero() && h.Changed.After(latest[r.Kind]) && r.IsPublic() {
			latest[r.Kind] = h.Changed
		}
	}
	for k, t := range latest {
		d.Changed[k] = day(t)
	}
	return d
}

// reportUnread lists the errors found while loading and returns errFindings
// when a record could not be read and is therefore missing from the site.
func (a *App) reportUnread(res *load.Result) error {
	var errs []finding.Finding
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	a.note(a.count(msgLoadErrors, len(errs)))
	for i, f := range errs {
		if i == 10 {
			a.sayln(a.Err, msgLoadErrorsMore, len(errs)-10)
			break
		}
		msg, _ := f.Text(a.ui())
		fmt.Fprintf(a.Err, "  %s: %s\n", f.Position(), logsafe.Text(msg))
	}
	if missingRecords(res) {
		return errFindings
	}
	return nil
}

// missingRecords reports whether a record file of the register did not
// become a record the site can have a page for (register.Publishable): one
// it could not read, or one whose id another file has already.
func missingRecords(res *load.Result) bool {
	read := map[string]bool{}
	for _, r := range res.Register.Records {
		if res.Register.Publishable(r) {
			read[r.File] = true
		}
	}
	for _, f := range res.Files {
		if !read[f] {
			return true
		}
	}
	return false
}

// historyLogLimit is the largest register whose record pages list every
// commit with the fields it changed; a larger one shows when each record was
// added and last changed. A variable, so a test can reach the summary
// without a thousand records.
var historyLogLimit = 1000

// siteHistory reads the history of each record of reg that is public now,
// for its page. A record's history begins where the public's does
// (publish.PublicPast), as the change feed's does: at the commit that added
// it, or that made it public, shown as its addition, with nothing of the
// commits before, while it was not public, not even their dates. A record
// that is not public now has no page, and no history is read for it.
func siteHistory(repo *history.Repo, reg *register.Register) (map[string]site.History, error) {
	var public []*record.Record
	for _, r := range reg.Records {
		if r != nil && r.IsPublic() {
			public = append(public, r)
		}
	}
	full := len(reg.Records) <= historyLogLimit
	hists := make([]site.History, len(public))
	found := make([]bool, len(public))
	errs := make([]error, len(public))
	// Each record's commits are read with their values, which decide
	// whether it was public after each of them, on every core.
	parallel.Each(len(public), func(i int) {
		hists[i], found[i], errs[i] = publicHistory(repo, public[i], full)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make(map[string]site.History, len(public))
	for i, r := range public {
		if found[i] {
			out[r.File] = hists[i]
		}
	}
	return out, nil
}

// publicHistory is the history of the record now (public) as its page
// shows it: with full, every commit the public may know of, newest first,
// with its subject and the fields it changed; else when it was added and
// last changed. Added is the day of the commit that added it or made it
// public; a history without one has none, rather than a day of the record
// that may not be public. found is false when the history holds no commit
// of the record's file.
func publicHistory(repo *history.Repo, now *record.Record, full bool) (sh site.History, found bool, err error) {
	// An addition is shown without its fields: only the diffs of the
	// commits that changed the record are read.
	log, err := repo.LogOfChanges(now.File)
	if err != nil || len(log) == 0 {
		return sh, false, err
	}
	day := amsterdamDays()
	past := publish.NewPublicPast(now)
	var shown []site.Change
	for i := range log {
		c := &log[i]
		seen := past.Next(c.Op, c.Fields, c.Problem)
		if !seen.Shown {
			break // not public after it: neither is anything older
		}
		ch := site.Change{Date: day(c.When), Subject: c.Subject(), Author: c.Author, Added: seen.Added}
		if seen.Added {
			sh.Added = ch.Date
		} else {
			for _, f := range c.Fields {
				if f.Path != "" {
					ch.Fields = append(ch.Fields, source.Dotted(f.Path))
				}
			}
		}
		shown = append(shown, ch)
		if past.Done() {
			break
		}
	}
	if full {
		sh.Changes = shown
		return sh, true, nil
	}
	// A summary: the newest commit and the addition, each as a day and
	// an author.
	for i, c := range shown {
		if i == 0 && c.Date != sh.Added || c.Added {
			sh.Changes = append(sh.Changes, site.Change{Date: c.Date, Author: c.Author, Added: c.Added})
		}
	}
	return sh, true, nil
}

// amsterdamDays returns a function that writes the day of a time in
// Amsterdam, each time once: a register's records share the few times of
// its commits, and a register of 10,000 records wrote 20,000 days, some
// milliseconds of a build after one change that nothing runs beside. Not
// for use from two goroutines.
func amsterdamDays() func(time.Time) string {
	// By the second: a day in Amsterdam begins at a whole one.
	days := map[int64]string{}
	return func(t time.Time) string {
		if d, ok := days[t.Unix()]; ok {
			return d
		}
		d := period.Format(t.In(period.Amsterdam))
		days[t.Unix()] = d
		return d
	}
}

// showsSubjects reports whether a record page may show a commit subject:
// only then are the versions the history holds read (pastSecrets).
func showsSubjects(hist map[string]site.History) bool {
	for _, h := range hist {
		for _, c := range h.Changes {
			if c.Subject != "" {
				return true
			}
		}
	}
	return false
}

// pastSecrets lists the secrets of every version of every record file the
// history holds (load.Past, publish.Today.PastSecrets), for the commit
// subjects a public output shows, which leave out what each version kept
// secret and what today's records (reg's) keep secret of every value
// their fields had; none when the register shows no subjects
// (site.show_commit_subjects). Each version is decoded once for the
// rules of today: what it kept secret is kept beside the history for the
// next run of this program.
func pastSecrets(repo *history.Repo, reg *register.Register) ([]string, error) {
	if repo == nil || reg == nil || reg.Config == nil || !reg.Config.Site.ShowCommitSubjects {
		return nil, nil
	}
	cfg := reg.Config
	today := publish.NewToday(reg.Records)
	var key string // nothing kept for a program that cannot be named
	if tool, err := checkcache.ToolID(); err == nil {
		key = tool + "\x00" + cfg.Organisation + "\x00" + today.Key()
	}
	secrets, err := repo.VersionTexts(key, func(v history.Version) []string {
		return today.PastSecrets(v.File, load.Past(v.File, v.Data, cfg.Organisation))
	})
	if err != nil {
		return nil, fmt.Errorf("read the versions the history holds, for commit subjects: %w", err)
	}
	return secrets, nil
}

// schemaFiles returns the embedded JSON Schemas to publish with the site:
// the record schemas, not the one of register.yaml.
func schemaFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, name := range schema.DataFiles() {
		data, err := fs.ReadFile(schema.FS, name)
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}

// siteDeviations are the configuration's changes to rules, as the site
// shows them.
func siteDeviations(cfg *config.Config) []site.Deviation {
	var out []site.Deviation
	for _, d := range principle.Deviations(cfg) {
		r := d.Rule
		out = append(out, site.Deviation{Rule: r.ID, Title: r.Title, Refs: append([]string{r.Ref}, r.Covers...),
			Severity: d.Setting.Severity, Default: r.Default, Where: d.Setting.Where(), Reason: d.Setting.Reason,
			Law: r.Law, Scope: r.LawScope, Refused: d.Refused, PolicyOnly: d.PolicyOnly})
	}
	return out
}

// buildKeep is what a command that builds again and again (serve) keeps
// from one build to the next.
type buildKeep struct {
	reload *pipeline.Reloader
	// memo holds what the site worked out of each record: the reloader
	// keeps a record whose file did not change, so it holds for the next
	// build.
	memo *site.Memo
	// write, when set, writes the prepared site of the register in
	// place of its Build: serve shows the pages of the records that
	// changed first.
	write func(*register.Register, *site.Prepared) (site.Stats, error)
}

// reopen is open through l, which reads only what changed since its last
// open; a nil l opens the register afresh.
func (a *App) reopen(l *pipeline.Reloader, o openOptions) (*pipeline.Register, error) {
	if l == nil {
		return a.open(o)
	}
	reg, err := l.Open(pipeline.Options{Files: o.files, History: o.without != "", Check: o.check, Today: o.today, Cache: o.cache, Records: o.records})
	if err != nil {
		return nil, err
	}
	return a.opened(reg, o)
}
