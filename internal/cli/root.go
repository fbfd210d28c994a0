// Package cli is the register command line: cobra commands that read flags,
// call the internal packages that do the work, and print. The work is in
// packages that know nothing of cobra.
//
// Each command lives in its own file in one shape, so its work can be tested
// without cobra:
//
//	type fooOptions struct {
//		*App          // streams, clock, register root
//		format string // one field per flag
//	}
//
//	// newFooCmd only builds the cobra command and fills fooOptions; a test
//	// passes runF to see the parsed options without running the command.
//	func newFooCmd(a *App, runF func(*fooOptions) error) *cobra.Command
//
//	// runFoo does the work; tests call it with an App of buffers.
//	func runFoo(o *fooOptions) error
//
// and is listed once in subcommands. A command that reads the register opens
// it with a.open (internal/pipeline): configuration, records, history and
// the checklist, each once.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/message"
)

// Exit codes, the same for every command.
const (
	ExitOK       = 0 // all good
	ExitFindings = 1 // findings at or above the failing severity
	ExitError    = 2 // usage or I/O error
)

// App holds what every command shares: the streams it writes to, the register
// root and the clock. Tests build one with buffers and a fixed clock.
type App struct {
	Out io.Writer
	Err io.Writer
	// Now is the clock; commands take "today" from it unless --as-of is given.
	Now func() time.Time
	// IsTerminal reports whether Out is a terminal (colour and progress).
	IsTerminal bool
	// Version is the tool's version, shown by --version and in SARIF output.
	Version string

	root   string // the --root flag as given
	lang   string // the --lang flag as given
	uiLang string // the language of the run's own texts (ui)
}

// Root returns the register root: --root when given, else ./register when it
// exists, else the current folder.
func (a *App) Root() string {
	if a.root != "" {
		return a.root
	}
	if st, err := os.Stat("register"); err == nil && st.IsDir() {
		return "register"
	}
	return "."
}

// errFindings signals exit code 1 after the command has printed its report.
var errFindings = errors.New("findings at or above the failing severity")

// usageError marks an error as the user's to fix in the command line (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error with a message that says what to do.
func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// subcommands builds every command of register; help lists them sorted by
// name. A new command is one file and one line here.
func subcommands(a *App) []*cobra.Command {
	return []*cobra.Command{
		newBuildCmd(a, nil),
		newChainCmd(a, nil),
		newChangesCmd(a, nil),
		newCheckCmd(a, nil),
		newCompareCmd(a, nil),
		newDueCmd(a, nil),
		newExplainCmd(a, nil),
		newExportCmd(a, nil),
		newFederateCmd(a, nil),
		newHistoryCmd(a, nil),
		newImportCmd(a, nil),
		newInitCmd(a, nil),
		newMigrateCmd(a, nil),
		newNewCmd(a, nil),
		newPacketCmd(a, nil),
		newQualityCmd(a, nil),
		newRulesCmd(a, nil),
		newSchemaCmd(a, nil),
		newSignCmd(a, nil),
		newServeCmd(a, nil),
		newValidateCmd(a, nil),
	}
}

// NewRootCmd builds the register command with every subcommand, its help
// in the run's language.
func NewRootCmd(a *App) *cobra.Command {
	root := &cobra.Command{
		Use:           "register",
		Short:         a.say(msgRootShort),
		Long:          a.say(msgRootLong),
		Version:       a.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		// A bad --lang is the user's to fix, whichever command it is given to.
		PersistentPreRunE: func(*cobra.Command, []string) error {
			if _, ok := message.Parse(a.lang); a.lang != "" && !ok {
				return usageText(msgLangFlag, a.lang)
			}
			return nil
		},
	}
	root.SetOut(a.Out)
	root.SetErr(a.Err)
	root.PersistentFlags().StringVar(&a.lang, "lang", "", a.say(msgLangUsage))
	root.PersistentFlags().StringVar(&a.root, "root", "", a.say(msgRootUsage))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{a.flagError(err)} })
	root.AddCommand(subcommands(a)...)
	addCompletions(root, a)
	// Wrong arguments are the user's to fix: exit 2 with a pointer to help.
	for _, c := range root.Commands() {
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return usageError{a.cobraError(err)}
				}
				return nil
			}
		}
	}
	a.translateHelp(root)
	return root
}

// Run executes the command line args and returns the exit code.
func Run(a *App, args []string) int {
	// What checks the configuration is readied meanwhile, for the
	// command's load of it (config.Settings does without).
	go config.Prepare()
	// The language is settled before the commands are built, so their help
	// speaks it too.
	a.scanGlobal(args)
	a.ui()
	cmd := NewRootCmd(a)
	cmd.SetArgs(args)
	err := cmd.Execute()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFindings):
		return ExitFindings
	default:
		var ue usageError
		// cobra reports an unknown command itself, before any of ours runs.
		usage := errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command")
		fmt.Fprintf(a.Err, "register: %s\n", a.errorText(err))
		if usage {
			a.sayln(a.Err, msgSeeHelp)
		}
		return ExitError
	}
}

// Execute runs the program with the process's arguments and streams.
func Execute(version string) int {
	a := &App{
		Out:        os.Stdout,
		Err:        os.Stderr,
		Now:        time.Now,
		IsTerminal: isTerminal(os.Stdout),
		Version:    version,
	}
	return Run(a, os.Args[1:])
}

func isTerminal(f *os.File) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// rel shows a path relative to the working folder when that is shorter.
func rel(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, p); err == nil && len(r) < len(p) {
			return r
		}
	}
	return p
}
