package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/message"
)

// language is the language of the findings and summaries a command prints:
// --lang, else the first of the languages register.yaml names, else the
// environment's (LC_ALL, LC_MESSAGES, LANG: nl_NL.UTF-8 is Dutch), else
// English.
func (a *App) language(cfg *config.Config) (string, error) {
	if a.lang != "" {
		l, ok := message.Parse(a.lang)
		if !ok {
			return "", usageText(msgLangFlag, a.lang)
		}
		return l, nil
	}
	return configured(cfg), nil
}

// configured is the language a run speaks when --lang does not say: the
// register's first language, else the environment's, else English.
func configured(cfg *config.Config) string {
	if cfg != nil && cfg.LanguagesSet && len(cfg.Languages) > 0 {
		return cfg.Language()
	}
	if l := message.FromEnvironment(os.Getenv); l != "" {
		return l
	}
	return message.English
}

// ui is the language of the command line's own texts (help, errors, what a
// command did), found as language finds it and then kept for the run. A bad
// --lang is refused by the root command; until then the texts speak the
// configured language.
func (a *App) ui() string {
	if a.uiLang == "" {
		a.uiLang = message.English
		if l, ok := message.Parse(a.lang); ok {
			a.uiLang = l
		} else if cfg, err := config.Settings(a.Root()); err == nil {
			a.uiLang = configured(cfg)
		} else {
			a.uiLang = configured(nil)
		}
	}
	return a.uiLang
}

// scanGlobal reads --lang and --root from args before cobra parses them,
// so the help and errors of the command line are built in the run's
// language.
func (a *App) scanGlobal(args []string) {
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			return
		}
		for _, f := range []struct {
			name string
			p    *string
		}{{"--lang", &a.lang}, {"--root", &a.root}} {
			if v, ok := strings.CutPrefix(args[i], f.name+"="); ok {
				*f.p = v
			} else if args[i] == f.name && i+1 < len(args) {
				*f.p = args[i+1]
				i++
			}
		}
	}
}

// say returns m in the run's language, formatted with args.
func (a *App) say(m *message.Text, args ...any) string {
	return m.Format(a.ui(), localize(a.ui(), args)...)
}

// sayln prints m in the run's language on w, with a newline.
func (a *App) sayln(w io.Writer, m *message.Text, args ...any) {
	fmt.Fprintln(w, a.say(m, args...))
}

// count returns the counted text c for n in the run's language.
func (a *App) count(c *message.Count, n int, args ...any) string {
	return c.Format(a.ui(), n, localize(a.ui(), args)...)
}

// warn prints m on standard error as a warning of register.
func (a *App) warn(m *message.Text, args ...any) {
	a.warnText(a.say(m, args...))
}

// warnText prints text on standard error as a warning of register.
func (a *App) warnText(text string) {
	fmt.Fprintf(a.Err, "register: %s: %s\n", a.say(msgWarning), text)
}

// note prints text on standard error as register's, without a warning's
// label.
func (a *App) note(text string) { fmt.Fprintf(a.Err, "register: %s\n", text) }

// textError is an error whose text is in the catalogue: its Error is the
// English, and Run prints it in the run's language. An error among its
// arguments is wrapped, as %w would.
type textError struct {
	m    *message.Text
	args []any
}

func (e textError) Error() string { return e.In(message.English) }

// In is the error's text in lang, with its arguments in lang where they
// have a text in each (see localize).
func (e textError) In(lang string) string { return e.m.Format(lang, localize(lang, e.args)...) }

// localize returns args with the lingual ones, errors that are wholly
// lingual (wholly), and a file that does not exist or may not be read, in lang.
func localize(lang string, args []any) []any {
	out := make([]any, len(args))
	for i, arg := range args {
		out[i] = localized(lang, arg)
	}
	return out
}

// localized is one argument of a text, in lang where it can be.
func localized(lang string, arg any) any {
	err, isErr := arg.(error)
	var pe *fs.PathError
	switch le, whole := wholly(err); {
	case isErr && whole:
		return le.In(lang)
	case isErr && lang == message.Dutch && errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist):
		return msgNotExist.Format(lang, pe.Path)
	case isErr && lang == message.Dutch && errors.As(err, &pe) && errors.Is(err, fs.ErrPermission):
		return msgNoAccess.Format(lang, pe.Path)
	}
	if l, ok := arg.(message.Lingual); ok {
		return l.In(lang)
	}
	return arg
}

// shortList is a list of names, the first few shown and the rest counted:
// "a, b, c and 2 more", "a, b, c en nog 2".
type shortList []string

// shortListLen is how many names a shortList shows.
const shortListLen = 3

func (l shortList) In(lang string) string {
	s := strings.Join(l[:min(len(l), shortListLen)], ", ")
	if n := len(l) - shortListLen; n > 0 {
		s += msgAndMore.Format(lang, n)
	}
	return s
}

func (e textError) Unwrap() []error {
	var errs []error
	for _, arg := range e.args {
		if err, ok := arg.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// errText returns m with args as an error that Run prints in the run's
// language. m reads its error arguments with %v, not %w.
func errText(m *message.Text, args ...any) error { return textError{m, args} }

// usageText is errText for an error the user fixes in the command line (exit 2).
func usageText(m *message.Text, args ...any) error { return usageError{textError{m, args}} }

// writeError says a file could not be written, naming the file the user
// asked for and what to do about it.
func writeError(e *atomicfile.Error) error {
	dir := filepath.Dir(e.Path)
	switch {
	case errors.Is(e, fs.ErrPermission):
		return errText(msgWriteNoAccess, e.Path, dir)
	case errors.Is(e, fs.ErrNotExist):
		return errText(msgWriteNoFolder, e.Path, dir)
	}
	return errText(msgWriteFailed, e.Path, e.Err.Error())
}

// errorText is an error as Run prints it: in the run's language when it is
// a text of the catalogue, or one cobra, pflag or the file system made.
func (a *App) errorText(err error) string {
	var we *atomicfile.Error
	if errors.As(err, &we) {
		err = writeError(we)
	}
	err = a.cobraError(err)
	if le, ok := wholly(err); ok {
		return le.In(a.ui())
	}
	return err.Error()
}

// lingualError is an error worded in each language: a textError, or one
// a package made of its own texts (message.Text.Err, period's).
type lingualError interface {
	error
	message.Lingual
}

// wholly returns the lingual error in err's chain that says all err says,
// when there is one: an error that wraps it adds words of its own.
func wholly(err error) (lingualError, bool) {
	var le lingualError
	if errors.As(err, &le) && le.Error() == err.Error() {
		return le, true
	}
	return nil, false
}
