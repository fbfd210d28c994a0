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
	asOf      string
	since     string
	ids       []string
	out       string
	lang      string
	within    string
	committee string
	tag       string
	commit    string
	public    bool
}

func newPacketCmd(a *App, runF func(*packetOptions) error) *cobra.Command {
	o := &packetOptions{App: a}
	if runF == nil {
		runF = runPacket
	}
	cmd := &cobra.Command{
		Use:   "packet",
		Short: a.say(msgPacketShort),
		Long: `packet prepares a meeting of the ethics committee (VNG 3.8): it selects the records
that are new or changed since the previous packet (--since: a tag, commit or date; by
default the tag the previous 'register packet --tag' made), those with an evaluation,
life cycle, exception or data-sharing agreement lapsed or falling due within the window,
those with errors in the principles checklist, and those asked for with --ids. For each
it gives the key facts in plain language, the checklist's findings with their
principles, the changes field by field, the exceptions and questions for the committee,
and it ends with the principles cited. Dutch by default; --lang en for English.

The format follows the extension of --out: .html (one self-contained file that prints
on A4), .md or .pdf. Without --out the packet is printed as Markdown.

The packet is for the committee: a record that is not public is marked "Vertrouwelijk —
niet openbaar" with its reason on the agenda and on each of its pages, and so is each
withheld field. Committee papers are often published: --public makes a packet fit for
that, from the register's public view (as the site): records that are not public are
counted, not shown, and withheld fields read "niet openbaar" with the reason.

After the meeting, --tag NAME tags the commit the packet was made from, so the next
packet's --since defaults to it. With --out, the packet is written and its commit
tagged; without, only the tag is made (on --commit, default HEAD).

Exit code 0 when the packet is written (findings are its content, not a failure);
2 on a usage or I/O error. A register outside Git still gets a packet, selected by
dates, findings and --ids.`,
		Example: `  register packet --out commissie-2026-11-24.pdf
  register packet --since ethiek-2026-09 --ids woningtoewijzing --out pakket.html
  register packet --as-of 2026-12-01 --lang en --out packet.md
  register packet --public --out openbaar-pakket.pdf
  register packet --tag ethiek-2026-11 --commit 1a2b3c4d`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.asOf, "as-of", "", "meeting date (YYYY-MM-DD); dates fall due relative to it; default: today in Europe/Amsterdam")
	f.StringVar(&o.since, "since", "", "previous packet: a tag, commit or date (YYYY-MM-DD); default: the newest tag made by --tag")
	f.StringSliceVar(&o.ids, "ids", nil, "also put these records on the agenda (comma-separated ids)")
	f.StringVarP(&o.out, "out", "o", "", a.say(msgPacketOutUsage))
	f.StringVar(&o.lang, "lang", "", a.say(msgPacketLangUsage))
	f.StringVar(&o.within, "within", "", "window for dates falling due, as an ISO 8601 duration (default: due_within, P90D)")
	f.StringVar(&o.committee, "committee", "", "the committee's name on the cover (default: Ethische commissie)")
	f.StringVar(&o.tag, "tag", "", "tag the commit the packet is made from with this name, for the next packet's --since")
	f.StringVar(&o.commit, "commit", "", "with --tag and no --out: the commit to tag (default HEAD)")
	f.BoolVar(&o.public, "public", false, "make a packet fit for publication: records that are not public are counted, not shown, and withheld fields read 'niet openbaar' with the reason, as on the site")
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
	// once. The check cache is not used: it keeps findings, and stand-ins
	// for the records, where the packet shows every selected record whole.
	reg, err := o.open(openOptions{warnConfig: true, without: o.say(msgPacketWithoutHistory), today: in.today})
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
			return in, usagef("--out %v", err)
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
		if dirty, err := history.Dirty(o.Root()); err == nil {
			opts.Dirty = dirty
		}
	} else if o.since != "" {
		o.warn(msgPacketSinceIgnored, o.since)
	}
	p, err := packet.Build(reg.Records(), reg.Findings(in.today), opts)
	if errors.Is(err, packet.ErrUnknownID) {
		return nil, usagef("%v", err)
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
