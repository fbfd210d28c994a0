package cli

import (
	"errors"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/notification"
	"github.com/voorbeeldstad/register/internal/period"
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
	// An id a removed record had is refused as one in use is; a file with
	// the id in the work tree (a record restored, not yet committed) is
	// the one Create refuses.
	if gone, ok := removedRecord(o.Root(), o.id); ok && !inWorkTree(o.Root(), o.id) {
		return errText(msgNewRemoved, gone.File, o.id, gone.Short(), period.Format(gone.On), gone.Short(), gone.File)
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

// inWorkTree reports whether a record file with the id is in the register
// at root, of either kind.
func inWorkTree(root, id string) bool {
	return slices.ContainsFunc(record.FilesOf(id), func(file string) bool {
		_, err := os.Lstat(filepath.Join(root, filepath.FromSlash(file)))
		return err == nil
	})
}

// removedRecord tells of a record the register at root had with the id and
// has no more (removed, or renamed to another id), from its Git history:
// its file as the user is shown it, and the commit that removed or renamed
// it. Without a Git repository, in a shallow clone (whose history may stop
// before the removal) or when the history cannot be read, it knows of
// none, and the work tree alone says which ids are taken.
func removedRecord(root, id string) (notification.Removal, bool) {
	repo, err := history.Open(root)
	if err != nil {
		return notification.Removal{}, false
	}
	defer repo.Close()
	if repo.Shallow() {
		return notification.Removal{}, false
	}
	for _, file := range record.FilesOf(id) {
		if fh, ok := repo.Removed(file); ok {
			return notification.Removal{File: rel(filepath.Join(root, filepath.FromSlash(file))), Commit: fh.Commit, On: fh.Changed}, true
		}
	}
	return notification.Removal{}, false
}
