package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/history"
)

// historyOptions are the flags of register history.
type historyOptions struct {
	*App
	format string
	record string // the record's id or file
}

func newHistoryCmd(a *App, runF func(*historyOptions) error) *cobra.Command {
	o := &historyOptions{App: a}
	if runF == nil {
		runF = runHistory
	}
	cmd := &cobra.Command{
		Use:   "history ID|FILE",
		Short: a.say(msgHistoryShort),
		Long:  a.say(msgHistoryLong),
		Example: `  register history cam-markt
  register history register/sensors/cam-markt.yaml --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.record = args[0]
			return runF(o)
		},
	}
	a.formatFlag(cmd, &o.format, "text", historyFormats, msgFormatUsage)
	return cmd
}

// recordHistory is what a format of register history writes.
type recordHistory struct {
	repo *history.Repo
	file string
	log  []history.Change
	lang string // of the text format
}

// historyFormats are the formats of register history.
var historyFormats = format.Set[recordHistory]{
	{Name: "text", Exts: []string{".txt"}, Write: func(w io.Writer, h recordHistory) error { return writeHistoryText(w, h.file, h.log, h.lang) }},
	{Name: "json", Exts: []string{".json"}, Write: func(w io.Writer, h recordHistory) error { return writeHistoryJSON(w, h.repo, h.file, h.log) }},
}

// runHistory prints the log of one record.
func runHistory(o *historyOptions) error {
	f, err := historyFormats.Lookup(o.format)
	if err != nil {
		return usageError{err}
	}
	repo, err := o.openRepo()
	if err != nil {
		return err
	}
	defer repo.Close()
	file, log, err := o.recordLog(repo, o.record)
	if err != nil {
		return err
	}
	return logSafe(o.format, func(w io.Writer) error {
		return f.Write(w, recordHistory{repo: repo, file: file, log: log, lang: o.ui()})
	})(o.Out)
}

// openRepo opens the register's Git history, warning about a shallow clone.
func (a *App) openRepo() (*history.Repo, error) {
	repo, err := history.Open(a.Root())
	if errors.Is(err, history.ErrNoRepo) {
		return nil, errText(msgHistoryNoRepo, a.Root())
	}
	if err != nil {
		return nil, err
	}
	if repo.Shallow() {
		a.warnText(history.ShallowWarning)
	}
	return repo, nil
}

// recordLog finds the record's file, relative to the register root, and
// its log. The argument is a record id or a path to the file.
func (a *App) recordLog(repo *history.Repo, arg string) (string, []history.Change, error) {
	var candidates []string
	if strings.ContainsAny(arg, `/\`) || strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		candidates = append(candidates, registerRelative(a.Root(), arg))
	} else {
		for _, dir := range []string{"sensors", "algorithms"} {
			for _, ext := range []string{".yaml", ".yml"} {
				candidates = append(candidates, dir+"/"+arg+ext)
			}
		}
	}
	// A file in the work tree wins; else one that has a history (a record
	// removed since).
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(a.Root(), filepath.FromSlash(c))); err == nil {
			log, err := repo.Log(c)
			return c, log, err
		}
	}
	for _, c := range candidates {
		log, err := repo.Log(c)
		if err != nil {
			return "", nil, err
		}
		if len(log) > 0 {
			return c, log, nil
		}
	}
	return "", nil, errText(msgHistoryNoRecord, arg, a.Root())
}

// registerRelative turns a path given on the command line into one
// relative to the register root, slash-separated. A path that does not lie
// inside the root is taken as relative to the root already.
func registerRelative(root, p string) string {
	if absRoot, err := filepath.Abs(root); err == nil {
		if absP, err := filepath.Abs(p); err == nil {
			if r, err := filepath.Rel(absRoot, absP); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(r)
			}
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(p), "./")
}

func writeHistoryJSON(w io.Writer, repo *history.Repo, file string, log []history.Change) error {
	out := struct {
		File    string           `json:"file"`
		Head    string           `json:"head"`
		Shallow bool             `json:"shallow"`
		Commits []history.Change `json:"commits"`
	}{file, repo.Head(), repo.Shallow(), log}
	if out.Commits == nil {
		out.Commits = []history.Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeHistoryText(w io.Writer, file string, log []history.Change, lang string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, msgHistoryHead.Format(lang, len(log), file))
	for _, c := range log {
		fmt.Fprintf(bw, "\n%s  %s  %s <%s>\n", short(c.Commit), c.When.Format("2006-01-02 15:04 -0700"), c.Author, c.Email)
		for _, l := range strings.Split(c.Message, "\n") {
			fmt.Fprintf(bw, "    %s\n", l)
		}
		writeFieldLines(bw, c.Op, c.OldFile, c.Fields, c.Problem, "      ", lang)
	}
	return bw.Flush()
}

// writeFieldLines prints what a change did, in lang: the whole record
// added or removed in one line, else one line per field.
func writeFieldLines(w io.Writer, op history.Op, oldFile string, fields []fielddiff.Change, problem *history.Problem, indent, lang string) {
	switch op {
	case history.Added:
		fmt.Fprintln(w, indent+msgRecordAdded.In(lang))
		return
	case history.Removed:
		fmt.Fprintln(w, indent+msgRecordRemoved.In(lang))
		return
	case history.Renamed:
		fmt.Fprintln(w, indent+msgRecordRenamed.Format(lang, oldFile))
	}
	if problem != nil {
		fmt.Fprintln(w, indent+msgFieldsNotCompared.Format(lang, problem))
	}
	for _, f := range fields {
		fmt.Fprintln(w, indent+fieldChange(f, lang))
	}
}

// fieldChange says what happened to one field, in lang.
func fieldChange(c fielddiff.Change, lang string) string {
	p := c.Path
	if p == "" {
		p = msgWholeRecord.In(lang)
	}
	switch c.Op {
	case fielddiff.Added:
		return msgFieldAdded.Format(lang, p, fielddiff.Format(c.New))
	case fielddiff.Removed:
		return msgFieldRemoved.Format(lang, p, fielddiff.Format(c.Old))
	}
	return fmt.Sprintf("%s: %s → %s", p, fielddiff.Format(c.Old), fielddiff.Format(c.New))
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}
