package cli

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/scaffold"
)

// newOptions are the arguments of register new.
type newOptions struct {
	*App
	kind string
	id   string
}

func newNewCmd(a *App, runF func(*newOptions) error) *cobra.Command {
	o := &newOptions{App: a}
	if runF == nil {
		runF = runNew
	}
	return &cobra.Command{
		Use:   "new sensor|algorithm ID",
		Short: a.say(msgNewShort),
		Long:  a.say(msgNewLong),
		Example: `  register new sensor geluid-evenemententerrein
  register new algorithm parkeervergunning --root examples/dorp`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageText(msgNewArgs)
			}
			o.kind, o.id = args[0], args[1]
			return runF(o)
		},
	}
}

// runNew writes the template of a new record.
func runNew(o *newOptions) error {
	kind, err := scaffold.ParseKind(o.kind)
	if err != nil {
		return usageError{err} // as it is: worded in the run's language
	}
	if err := record.CheckID(o.id); err != nil {
		return usageError{err} // as it is: worded in the run's language
	}
	// A mistyped --root would otherwise start a new register somewhere unexpected.
	if st, err := os.Stat(o.Root()); err != nil || !st.IsDir() {
		return usageText(msgNewRoot, o.Root())
	}
	path, err := scaffold.Create(o.Root(), kind, o.id, o.Now())
	if errors.Is(err, scaffold.ErrExists) {
		return errText(msgNewExists, rel(path))
	}
	if err != nil {
		return err
	}
	rootFlag := ""
	if o.root != "" {
		rootFlag = " --root " + o.root
	}
	o.sayln(o.Out, msgCreated, rel(path))
	o.sayln(o.Out, msgNewNext, rootFlag, rel(path), rootFlag)
	return nil
}
