package cli

import (
	"errors"
	"io/fs"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/message"
)

// translateHelp gives cobra's own parts of the help (the help and version
// flags, the help and completion commands, the headings of the usage text)
// the run's language. English needs nothing.
func (a *App) translateHelp(root *cobra.Command) {
	if a.ui() != message.Dutch {
		return
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = a.say(msgVersionUsage, root.Name())
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		switch c.Name() {
		case "help":
			c.Short = a.say(msgHelpCmdShort)
		case "completion":
			c.Short = a.say(msgCompletionShort)
		}
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = a.say(msgHelpUsage, c.Name())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	cobra.AddTemplateFunc("dutchDefaults", dutchDefaults.Replace)
	root.SetUsageTemplate(dutchUsage.Replace(root.UsageTemplate()))
}

// dutchDefaults words pflag's note of a flag's default in Dutch.
var dutchDefaults = strings.NewReplacer(`(default "`, `(standaard "`, "(default ", "(standaard ")

// dutchUsage turns the headings of cobra's usage template into Dutch.
var dutchUsage = strings.NewReplacer(
	"Usage:", "Gebruik:",
	"Aliases:", "Aliassen:",
	"Examples:", "Voorbeelden:",
	"Available Commands:", "Opdrachten:",
	"Additional Commands:", "Overige opdrachten:",
	"Global Flags:", "Algemene opties:",
	"Flags:", "Opties:",
	"Additional help topics:", "Meer uitleg:",
	`for more information about a command.`, `voor meer uitleg over een opdracht.`,
	`Use "`, `Zie "`,
	"[command]", "[opdracht]",
	"[flags]", "[opties]",
	"FlagUsages | trimTrailingWhitespaces", "FlagUsages | trimTrailingWhitespaces | dutchDefaults",
)

// pflag's and cobra's errors, which come in English only.
var (
	unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "([^"]*)"`)
	flagError      = []struct {
		prefix string
		msg    *message.Text
	}{
		{"unknown flag: ", msgUnknownFlag},
		{"unknown shorthand flag: ", msgUnknownShorthand},
		{"flag needs an argument: ", msgFlagNeedsValue},
	}
	badValue    = regexp.MustCompile(`^invalid argument (".*") for "(.*)" flag: (.*)$`)
	argsExactly = regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`)
	argsAtMost  = regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
)

// flagError says what pflag found wrong with the flags in the run's
// language.
func (a *App) flagError(err error) error {
	if a.ui() == message.English {
		return err
	}
	msg := err.Error()
	for _, e := range flagError {
		if rest, ok := strings.CutPrefix(msg, e.prefix); ok {
			return errText(e.msg, rest)
		}
	}
	if m := badValue.FindStringSubmatch(msg); m != nil {
		return errText(msgFlagBadValue, m[1], m[2], m[3])
	}
	return err
}

// cobraError puts the errors that cobra and the packages below the
// commands make in English (an unknown command, an argument count, a file
// that cannot be read) in the run's language; others are shown as they are.
// A root that is no register the load package words in both languages.
func (a *App) cobraError(err error) error {
	var te textError
	if a.ui() == message.English || errors.As(err, &te) {
		return err
	}
	msg := err.Error()
	if m := unknownCommand.FindStringSubmatchIndex(msg); m != nil {
		rest := strings.Replace(msg[m[1]:], "Did you mean this?", "Bedoelde u:", 1)
		return errText(msgUnknownCommand, msg[m[2]:m[3]], msg[m[4]:m[5]], rest)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		return errText(msgNotExist, pe.Path)
	}
	if errors.As(err, &pe) && errors.Is(err, fs.ErrPermission) {
		return errText(msgNoAccess, pe.Path)
	}
	if m := argsExactly.FindStringSubmatch(msg); m != nil {
		return errText(msgArgsExactly, m[1], m[2])
	}
	if m := argsAtMost.FindStringSubmatch(msg); m != nil {
		return errText(msgArgsAtMost, m[1], m[2])
	}
	return err
}
