package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/feed"
	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// changesOptions are the flags of register changes.
type changesOptions struct {
	*App
	since  string
	format string
	output string
}

func newChangesCmd(a *App, runF func(*changesOptions) error) *cobra.Command {
	o := &changesOptions{App: a}
	if runF == nil {
		runF = runChanges
	}
	cmd := &cobra.Command{
		Use:   "changes --since REF|DATE",
		Short: a.say(msgChangesShort),
		Long:  a.say(msgChangesLong),
		Example: `  register changes --since v2026.1
  register changes --since 2026-01-01 --format json
  register changes --since 2026-01-01 --format atom --output public/changes.xml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	cmd.Flags().StringVar(&o.since, "since", "", a.say(msgSinceUsage))
	a.formatFlag(cmd, &o.format, "text", changesFormats, msgFormatUsage)
	cmd.Flags().StringVarP(&o.output, "output", "o", "", a.say(msgOutputUsage))
	return cmd
}

// changesView is what a format of register changes writes.
type changesView struct {
	cs      *history.ChangeSet
	shallow bool
	feed    feed.Options // for atom
	lang    string       // of the text format
}

// changesFormats are the formats of register changes.
var changesFormats = format.Set[changesView]{
	{Name: "text", Exts: []string{".txt"}, Write: func(w io.Writer, v changesView) error { return writeChangesText(w, v.cs, v.lang) }},
	{Name: "json", Exts: []string{".json"}, Write: func(w io.Writer, v changesView) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			*history.ChangeSet
			Shallow bool `json:"shallow"`
		}{v.cs, v.shallow})
	}},
	{Name: "atom", Exts: []string{".xml", ".atom"}, Write: func(w io.Writer, v changesView) error {
		return feed.Write(w, feed.Entries(v.cs, v.feed), v.feed)
	}},
}

// runChanges lists the changes since o.since.
func runChanges(o *changesOptions) error {
	f, err := changesFormats.Lookup(o.format)
	if err != nil {
		return usageError{err}
	}
	if o.since == "" {
		return usageText(msgSinceRequired)
	}
	if err := o.checkOutputFile("--output", o.output); err != nil {
		return err
	}
	repo, err := o.openRepo()
	if err != nil {
		return err
	}
	defer repo.Close()
	cs, err := repo.Since(o.since)
	if err != nil {
		return usageText(msgSince, err)
	}
	v := changesView{cs: cs, shallow: repo.Shallow(), lang: o.ui()}
	if o.format == "atom" {
		// The feed links each record's page and leaves out what is not public.
		p, err := o.open(openOptions{})
		if err != nil {
			return err
		}
		defer p.Close()
		v.feed = feedOptions(p.Records(), o.Now())
		if v.feed.BaseURL == "" {
			return usageError{feed.ErrNoBaseURL}
		}
	}
	return o.writeOutput(o.output, logSafe(o.format, func(w io.Writer) error { return f.Write(w, v) }))
}

// feedOptions are the change feed's settings from the register's
// configuration, with each record at HEAD looked up by its file.
func feedOptions(reg *register.Register, now time.Time) feed.Options {
	// Made when the feed is written, beside the pages.
	byFile := sync.OnceValue(func() map[string]*record.Record {
		m := make(map[string]*record.Record, len(reg.Records))
		for _, r := range reg.Records {
			m[r.File] = r
		}
		return m
	})
	cfg := reg.Config
	// Made only when an entry shows a reason; it makes no views.
	vw := sync.OnceValue(func() *publish.Viewer { return publish.NewViewer(reg.Records) })
	return feed.Options{Title: cfg.Site.Title, Organisation: cfg.Organisation, BaseURL: strings.TrimSpace(cfg.Site.BaseURL),
		Language: cfg.Language(), ShowAuthors: cfg.Site.ShowCommitAuthors, Now: now,
		Record: func(f string) *record.Record { return byFile()[f] },
		PublicID: func(id string) bool {
			r := reg.ByID(id)
			return r != nil && r.IsPublic()
		},
		Text: func(s, lang string) string { return vw().FreeText(s, lang) }}
}

// opNL are the words of history's operations in Dutch.
var opNL = map[history.Op]string{history.Added: "toegevoegd", history.Changed: "gewijzigd", history.Renamed: "hernoemd", history.Removed: "verwijderd"}

func writeChangesText(w io.Writer, cs *history.ChangeSet, lang string) error {
	bw := bufio.NewWriter(w)
	base := msgBeforeFirstCommit.In(lang)
	if cs.Base != "" {
		base = msgBaseCommit.Format(lang, short(cs.Base))
		if cs.BaseDate != nil {
			base = msgBaseCommitOf.Format(lang, short(cs.Base), period.Format(*cs.BaseDate))
		}
	}
	n := map[history.Op]int{}
	for _, rc := range cs.Records {
		n[rc.Op]++
	}
	fmt.Fprintln(bw, msgChangesHead.Format(lang, cs.Since, base,
		n[history.Added], n[history.Changed], n[history.Renamed], n[history.Removed]))
	for _, rc := range cs.Records {
		op, width := string(rc.Op), 8
		if lang == message.Dutch {
			op, width = opNL[rc.Op], 10
		}
		fmt.Fprintf(bw, "\n%-*s %s", width, op, rc.File)
		if last, ok := rc.Last(); ok {
			fmt.Fprint(bw, msgChangesLast.Format(lang, last.When.Format("2006-01-02"), last.Author, short(last.Commit), last.Subject()))
		}
		fmt.Fprintln(bw)
		writeFieldLines(bw, rc.Op, rc.OldFile, rc.Fields, rc.Problem, "    ", lang)
	}
	return bw.Flush()
}
