package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/packet"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/principle"
)

func init() { addCommand(newPacketCmd) }

// packetOptions are the flags of register packet.
type packetOptions struct {
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

func newPacketCmd(a *App) *cobra.Command {
	var o packetOptions
	cmd := &cobra.Command{
		Use:   "packet",
		Short: "Make the ethics committee's review packet (HTML, Markdown or PDF)",
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
		RunE: func(cmd *cobra.Command, args []string) error { return a.runPacket(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.asOf, "as-of", "", "meeting date (YYYY-MM-DD); dates fall due relative to it; default: today in Europe/Amsterdam")
	f.StringVar(&o.since, "since", "", "previous packet: a tag, commit or date (YYYY-MM-DD); default: the newest tag made by --tag")
	f.StringSliceVar(&o.ids, "ids", nil, "also put these records on the agenda (comma-separated ids)")
	f.StringVarP(&o.out, "out", "o", "", "write the packet to this file; .html, .md or .pdf chooses the format")
	f.StringVar(&o.lang, "lang", "", "language of the packet: nl or en (default: the register's first language)")
	f.StringVar(&o.within, "within", "", "window for dates falling due, as an ISO 8601 duration (default: due_within, P90D)")
	f.StringVar(&o.committee, "committee", "", "the committee's name on the cover (default: Ethische commissie)")
	f.StringVar(&o.tag, "tag", "", "tag the commit the packet is made from with this name, for the next packet's --since")
	f.StringVar(&o.commit, "commit", "", "with --tag and no --out: the commit to tag (default HEAD)")
	f.BoolVar(&o.public, "public", false, "make a packet fit for publication: records that are not public are counted, not shown, and withheld fields read 'niet openbaar' with the reason, as on the site")
	return cmd
}

// runPacket loads the register, runs the checklist, selects the records and
// writes the packet; with --tag it then tags the commit.
func (a *App) runPacket(o packetOptions) error {
	if o.tag != "" && o.out == "" {
		return a.tagPacket(o.tag, o.commit)
	}
	if o.commit != "" {
		return usagef("--commit goes with --tag and no --out: a packet is always made from HEAD and the files as they are")
	}
	// Refuse a tag that cannot be made before the packet is written, so a
	// failed run leaves nothing behind.
	if o.tag != "" {
		if err := packet.CheckTag(a.Root(), o.tag); errors.Is(err, history.ErrNoRepo) {
			return usagef("--tag: %v", err)
		} else if err != nil {
			return usageError{err}
		}
	}
	var format packet.Format
	if o.out != "" {
		f, err := packet.FormatFor(o.out)
		if err != nil {
			return usagef("--out %v", err)
		}
		format = f
	}
	lang := strings.ToLower(strings.TrimSpace(o.lang))
	if lang != "" && lang != "nl" && lang != "en" {
		return usagef("--lang %q: use nl or en", o.lang)
	}
	var within period.Duration
	if o.within != "" {
		d, err := period.Parse(o.within)
		if err != nil || d.IsZero() {
			return usagef("--within %q: give an ISO 8601 duration such as P90D or P6M", o.within)
		}
		within = d
	}
	today, err := a.today(o.asOf)
	if err != nil {
		return err
	}

	res, err := a.loadRegister()
	if err != nil {
		return err
	}
	a.warnConfig(res)
	reg := res.Register
	if lang == "" {
		lang = reg.Config.Language()
	}

	repo := a.trustedRepo("the packet is made without history")
	if repo != nil {
		defer repo.Close()
	}
	fs := principle.Run(reg, principle.Options{Today: today, History: checklistHistory(repo)})
	load.Locate(a.Root(), fs)
	all := append(res.Findings, fs...)
	finding.Sort(all)

	opts := packet.Options{Today: today, Within: within, IDs: o.ids, Lang: lang, Committee: o.committee, Public: o.public}
	if repo != nil {
		opts.History = repo
		opts.Since = o.since
		if opts.Since == "" {
			tag, err := packet.PreviousTag(a.Root())
			if err != nil {
				fmt.Fprintf(a.Err, "register: warning: looking for the previous packet's tag: %v\n", err)
			}
			opts.Since, opts.SinceFromTag = tag, tag != ""
		}
		if dirty, err := packet.Dirty(a.Root()); err == nil {
			opts.Dirty = dirty
		}
	} else if o.since != "" {
		fmt.Fprintf(a.Err, "register: warning: --since %s ignored: no Git history available\n", o.since)
	}
	p, err := packet.Build(reg, all, opts)
	if errors.Is(err, packet.ErrUnknownID) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	unread := 0
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			unread++
		}
	}
	if unread > 0 {
		fmt.Fprintf(a.Err, "register: warning: %d problems while loading; run 'register validate': records that could not be read are not in the packet\n", unread)
	}

	if o.out == "" {
		if err := packet.Render(a.Out, p, packet.Markdown); err != nil {
			return err
		}
	} else {
		if err := packet.WriteFile(o.out, p); err != nil {
			return err
		}
		fmt.Fprintf(a.Out, "wrote %s (%s): %s\n", rel(o.out), format, p.CountText())
	}
	if o.tag != "" {
		if p.Commit == "" {
			return fmt.Errorf("--tag %s: the register is not in a Git repository with commits, so there is nothing to tag", o.tag)
		}
		if p.Dirty {
			fmt.Fprintf(a.Err, "register: warning: the register has uncommitted changes; the tag marks commit %s without them\n", p.Commit[:min(12, len(p.Commit))])
		}
		return a.tagPacket(o.tag, p.Commit)
	}
	return nil
}

// tagPacket tags a commit as the previous packet's.
func (a *App) tagPacket(name, rev string) error {
	hash, err := packet.Tag(a.Root(), name, rev, a.Now())
	if errors.Is(err, history.ErrNoRepo) {
		return usagef("--tag: %v", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "tagged %s as %s; the next packet compares with it\n", hash[:min(12, len(hash))], name)
	return nil
}
