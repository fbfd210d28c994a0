package cli

import (
	"cmp"
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/packet"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/pipeline"
)

// packetOptions are the flags of register packet.
type packetOptions struct {
	*App
	asOf      dateFlag
	since     string
	ids       []string
	out       string
	lang      string
	within    string
	committee string
	tag       string
	commit    string
	public    bool
	noCache   bool
}

func newPacketCmd(a *App, runF func(*packetOptions) error) *cobra.Command {
	o := &packetOptions{App: a}
	if runF == nil {
		runF = runPacket
	}
	cmd := &cobra.Command{
		Use:   "packet",
		Short: a.say(msgPacketShort),
		Long:  a.say(msgPacketLong),
		Example: `  register packet --out commissie-2026-11-24.pdf
  register packet --since ethiek-2026-09 --ids woningtoewijzing --out pakket.html
  register packet --as-of 2026-12-01 --lang en --out packet.md
  register packet --public --out openbaar-pakket.pdf
  register packet --tag ethiek-2026-11 --commit 1a2b3c4d`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	f := cmd.Flags()
	f.Var(&o.asOf, "as-of", a.say(msgPacketAsOfUsage))
	f.StringVar(&o.since, "since", "", a.say(msgPacketSinceUsage))
	f.StringSliceVar(&o.ids, "ids", nil, a.say(msgPacketIdsUsage))
	f.StringVarP(&o.out, "out", "o", "", a.say(msgPacketOutUsage))
	f.StringVar(&o.lang, "lang", "", a.say(msgPacketLangUsage))
	f.StringVar(&o.within, "within", "", a.say(msgPacketWithinUsage))
	f.StringVar(&o.committee, "committee", "", a.say(msgPacketCommitteeUsage))
	f.StringVar(&o.tag, "tag", "", a.say(msgPacketTagUsage))
	f.StringVar(&o.commit, "commit", "", a.say(msgPacketCommitUsage))
	f.BoolVar(&o.public, "public", false, a.say(msgPacketPublicUsage))
	f.BoolVar(&o.noCache, "no-cache", false, a.say(msgNoCacheUsage))
	return cmd
}

// runPacket loads the register, runs the checklist, selects the records and
// writes the packet; with --tag it then tags the commit.
func runPacket(o *packetOptions) error {
	if o.tag != "" && o.out == "" {
		return o.tagPacket(o.tag, o.commit)
	}
	in, err := o.parse()
	if err != nil {
		return err
	}
	// The checklist runs while the records load, so each file is parsed
	// once, and not at all when the check cache holds its result and its
	// whole record (records), as for a build: the packet shows every
	// selected record whole.
	reg, err := o.open(openOptions{warnConfig: true, without: o.say(msgPacketWithoutHistory), check: true, today: in.today, cache: !o.noCache, records: true, budgeted: true})
	if err != nil {
		return err
	}
	defer reg.Close()
	p, err := o.build(reg, in)
	if err != nil {
		return err
	}
	if n := finding.Summarise(0, reg.Loaded.Findings).Errors; n > 0 {
		o.warn(msgPacketLoadProblems, n)
	}
	if o.out == "" {
		if err := packet.Render(o.Out, p, packet.Markdown); err != nil {
			return err
		}
	} else {
		if err := packet.WriteFile(o.out, p); err != nil {
			return err
		}
		o.sayln(o.Out, msgPacketWrote, rel(o.out), in.format, p.CountText())
	}
	if o.tag == "" {
		return nil
	}
	if p.Commit == "" {
		return errText(msgPacketNoGit, o.tag)
	}
	if p.Dirty {
		o.warn(msgPacketDirty, p.Commit[:min(12, len(p.Commit))])
	}
	return o.tagPacket(o.tag, p.Commit)
}

// packetInput is what the flags of register packet say, checked.
type packetInput struct {
	format packet.Format
	lang   string
	within period.Duration
	today  time.Time
}

// parse checks the flags before any work is done, so a failed run leaves
// nothing behind: not even a packet for a tag that cannot be made.
func (o *packetOptions) parse() (packetInput, error) {
	var in packetInput
	if o.commit != "" {
		return in, usageText(msgPacketCommit)
	}
	if o.tag != "" {
		if err := history.CheckTag(o.Root(), o.tag); errors.Is(err, history.ErrNoRepo) {
			return in, usageText(msgTag, err)
		} else if err != nil {
			return in, usageError{err}
		}
	}
	if o.out != "" {
		f, err := packet.FormatFor(o.out)
		if err != nil {
			return in, usageError{err} // it names the file, in the user's language
		}
		if err := o.checkOutputFile("--out", o.out); err != nil {
			return in, err
		}
		in.format = f
	}
	in.lang = strings.ToLower(strings.TrimSpace(o.lang))
	if in.lang != "" && in.lang != "nl" && in.lang != "en" {
		return in, usageText(msgLangFlag, o.lang)
	}
	if o.within != "" {
		d, err := period.Parse(o.within)
		if err != nil || d.IsZero() {
			return in, usageText(msgPacketWithin, o.within)
		}
		in.within = d
	}
	var err error
	in.today, err = o.today(o.asOf)
	return in, err
}

// build selects the records and makes the packet.
func (o *packetOptions) build(reg *pipeline.Register, in packetInput) (*packet.Packet, error) {
	lang := cmp.Or(in.lang, reg.Records().Config.Language())
	opts := packet.Options{Today: in.today, Within: in.within, IDs: o.ids, Lang: lang, Committee: o.committee, Public: o.public}
	if reg.Repo != nil {
		opts.History = reg.Repo
		opts.Since = o.since
		if opts.Since == "" {
			tag, err := history.PreviousTag(o.Root())
			if err != nil {
				o.warn(msgPacketPreviousTag, err)
			}
			opts.Since, opts.SinceFromTag = tag, tag != ""
		}
		if o.public && opts.Since != "" {
			// The commits since are listed, perhaps with their subjects.
			past, err := pastSecrets(reg.Repo, reg.Records())
			if err != nil {
				return nil, err
			}
			opts.PastSecrets = past
		}
		if dirty, err := history.Dirty(o.Root()); err == nil {
			opts.Dirty = dirty
		}
	} else if o.since != "" {
		o.warn(msgPacketSinceIgnored, o.since)
	}
	p, err := packet.Build(reg.Records(), reg.Findings(in.today), opts)
	if errors.Is(err, packet.ErrUnknownID) {
		return nil, usageError{err}
	}
	return p, err
}

// tagPacket tags a commit as the previous packet's.
func (a *App) tagPacket(name, rev string) error {
	hash, err := history.Tag(a.Root(), name, rev, a.Now())
	if errors.Is(err, history.ErrNoRepo) {
		return usageText(msgTag, err)
	}
	if err != nil {
		return err
	}
	a.sayln(a.Out, msgPacketTagged, hash[:min(12, len(hash))], name)
	return nil
}
