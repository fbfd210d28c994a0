package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/sign"
)

// signOptions are the flags of register sign.
type signOptions struct {
	*App
	id    string
	all   bool
	out   string
	paper string
}

func newSignCmd(a *App, runF func(*signOptions) error) *cobra.Command {
	o := &signOptions{App: a}
	if runF == nil {
		runF = runSign
	}
	cmd := &cobra.Command{
		Use:   "sign ID|--all --out FILE.pdf",
		Short: a.say(msgSignShort),
		Long:  a.say(msgSignLong),
		Example: `  register sign cam-uitgaansgebied-grote-markt --out bord.pdf
  register sign --all --paper a5 --out borden-a5.pdf`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.id = args[0]
			}
			return runF(o)
		},
	}
	cmd.Flags().BoolVar(&o.all, "all", false, a.say(msgSignAllUsage))
	cmd.Flags().StringVarP(&o.out, "out", "o", "", a.say(msgSignOutUsage))
	cmd.Flags().StringVar(&o.paper, "paper", "a4", a.say(msgSignPaperUsage))
	return cmd
}

// runSign writes the signs as a PDF.
func runSign(o *signOptions) error {
	paper, ok := sign.Papers[strings.ToLower(o.paper)]
	if !ok {
		return usageText(msgSignPaper, o.paper)
	}
	switch {
	case o.all == (o.id != ""):
		return usageText(msgSignOneOrAll)
	case o.out == "":
		return usageText(msgSignOut)
	}
	// The extension says the format, as for the packet: a sign is a PDF.
	ff, err := sign.Formats.ForFile(o.out)
	if err != nil {
		return usageError{err} // it names the file, in the user's language
	}
	if err := o.checkOutputFile("--out", o.out); err != nil {
		return err
	}
	p, err := o.open(openOptions{warnConfig: true})
	if err != nil {
		return err
	}
	defer p.Close()
	reg := p.Records()
	vw := publish.NewViewer(reg.Records)
	var signs []*sign.Sign
	refused := 0 // by --all: what their records withhold, or too long to fit
	if o.all {
		skipped := 0
		for _, r := range reg.OfKind(record.Sensor) {
			// A sign stays up until the camera is out of use by its
			// dates, not by its label alone.
			if lifecycle.RetiredOn(r, period.Today(o.Now())) {
				continue
			}
			s, err := sign.New(r, vw, reg.Config)
			if err == nil {
				err = sign.Fits(s, paper)
			}
			switch {
			case err != nil && !r.IsPublic():
				skipped++
				continue
			case errors.Is(err, sign.ErrWithheld), errors.Is(err, sign.ErrTooLong):
				// The others are made; this one is named, and the
				// run fails, so that no sensor is left without the
				// sign it needs unnoticed.
				o.note(o.errorText(err))
				refused++
				continue
			case err != nil:
				return err
			}
			signs = append(signs, s)
		}
		if skipped > 0 {
			o.note(o.count(msgSignSkipped, skipped))
		}
		switch {
		case len(signs) == 0 && refused > 0:
			return errors.New(o.count(msgSignRefused, refused))
		case len(signs) == 0:
			return errText(msgSignNone)
		}
	} else {
		r := reg.ByID(o.id)
		if r == nil {
			var ids []string
			for _, s := range reg.OfKind(record.Sensor) {
				if strings.Contains(s.ID, o.id) || strings.Contains(o.id, s.ID) {
					ids = append(ids, s.ID)
				}
			}
			if len(ids) > 0 {
				return usageText(msgSignNoRecordSuggest, o.id, strings.Join(slices.Compact(ids), ", "))
			}
			return usageText(msgSignNoRecord, o.id)
		}
		s, err := sign.New(r, vw, reg.Config)
		if err == nil {
			err = sign.Fits(s, paper)
		}
		if err != nil {
			return err
		}
		signs = append(signs, s)
	}
	job := &sign.Job{Signs: signs, Paper: paper}
	if err := o.writeOutput(o.out, func(w io.Writer) error { return ff.Write(w, job) }); err != nil {
		return err
	}
	fmt.Fprintln(o.Out, o.count(msgSignWrote, len(signs), strings.ToUpper(paper.Name), o.out))
	if refused > 0 {
		return errors.New(o.count(msgSignRefused, refused))
	}
	return nil
}
