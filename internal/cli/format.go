package cli

import (
	"bufio"
	"bytes"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/logsafe"
	"github.com/voorbeeldstad/register/internal/message"
)

// formatFlag adds --format (-f) for the formats of one output: the help
// names them (usage holds %s where the list goes), completion offers them,
// and checkFormat refuses any other, so the three never disagree.
func (a *App) formatFlag(cmd *cobra.Command, p *string, def string, formats format.Named, usage *message.Text) {
	cmd.Flags().StringVarP(p, "format", "f", def, a.say(usage, format.Choices(formats.Names())))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats.Names(), cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a format that is not one of formats, before any work
// is done.
func checkFormat(formats format.Named, name string) error {
	if slices.Contains(formats.Names(), name) {
		return nil
	}
	return usageError{format.Unknown(name, formats.Names())}
}

// logSafe is write for the format name: a text format, read in a terminal
// or a CI log (a workflow prints due.txt), is written as logsafe.Text
// makes it, so a record's value cannot start a runner's command or move
// the cursor; any other format as it is.
func logSafe(name string, write func(io.Writer) error) func(io.Writer) error {
	if name != "text" {
		return write
	}
	return func(w io.Writer) error {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		_, err := io.WriteString(w, logsafe.Text(buf.String()))
		return err
	}
}

// writeOutput writes to a file through a temporary file renamed into
// place, so a reader (a web server publishing the calendar or feed) never
// sees half a file, and an output that fails part of the way leaves the
// file as it was; or to standard output (path ""), which likewise gets
// the output only once it is whole.
func (a *App) writeOutput(path string, write func(io.Writer) error) error {
	if path == "" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		_, err := a.Out.Write(buf.Bytes())
		return err
	}
	return atomicfile.WriteFrom(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}
