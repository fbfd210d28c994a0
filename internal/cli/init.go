package cli

import (
	"errors"
	"path/filepath"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/initreg"
)

// releaseVersion matches a released version, which the new register's
// workflow can pin; development builds install the latest release.
var releaseVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

// initOptions are the flags of register init.
type initOptions struct {
	*App
	dir     string
	org     string
	domain  string
	version string
}

func newInitCmd(a *App, runF func(*initOptions) error) *cobra.Command {
	o := &initOptions{App: a}
	if runF == nil {
		runF = runInit
	}
	cmd := &cobra.Command{
		Use:     "init DIR --organisation NAME",
		Short:   a.say(msgInitShort),
		Long:    a.say(msgInitLong),
		Example: `  register init register-heidebeek --organisation "Gemeente Heidebeek" --domain heidebeek.nl`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageText(msgInitArgs)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			return runF(o)
		},
	}
	cmd.Flags().StringVar(&o.org, "organisation", "", a.say(msgInitOrgUsage))
	cmd.Flags().StringVar(&o.domain, "domain", "", a.say(msgInitDomainUsage))
	cmd.Flags().StringVar(&o.version, "tool-version", "", a.say(msgInitVersionUsage))
	return cmd
}

// runInit writes the new register repository.
func runInit(o *initOptions) error {
	v := o.version
	if v == "" && releaseVersion.MatchString(o.Version) {
		v = o.Version
	}
	files, err := initreg.Init(o.dir, initreg.Options{Organisation: o.org, Domain: o.domain, Version: v, Now: o.Now()})
	if errors.Is(err, initreg.ErrNotEmpty) || errors.Is(err, initreg.ErrOption) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	for _, f := range files {
		o.sayln(o.Out, msgCreated, rel(filepath.Join(o.dir, filepath.FromSlash(f))))
	}
	o.sayln(o.Out, msgInitGit, rel(o.dir))
	o.sayln(o.Out, msgInitNext, rel(filepath.Join(o.dir, "README.md")), rel(o.dir))
	return nil
}
