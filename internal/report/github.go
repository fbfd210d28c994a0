package report

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
)

// writeGitHub prints one GitHub Actions workflow command per finding, which
// GitHub shows as an annotation on the file in a pull request:
//
//	::error file=register/sensors/cam.yaml,line=12,col=3,title=biometric-ban (VNG 2.1)::message
//
// then the summary line as plain text for the job log.
func writeGitHub(b sink, fs []finding.Finding, sum finding.Summary, opts Options) error {
	for _, f := range fs {
		var props []string
		if file := RepoPath(opts.Root, f.File); file != "" {
			props = append(props, "file="+escapeProperty(file))
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
				if f.Column > 0 {
					props = append(props, fmt.Sprintf("col=%d", f.Column))
				}
			}
		}
		if title := ruleTitle(f); title != "" {
			props = append(props, "title="+escapeProperty(title))
		}
		msg, help := opts.words(f)
		if help != "" {
			msg += "\n" + help
		}
		b.WriteString("::")
		b.WriteString(githubCommand(f.Severity))
		if len(props) > 0 {
			b.WriteByte(' ')
			b.WriteString(strings.Join(props, ","))
		}
		b.WriteString("::")
		b.WriteString(escapeData(msg))
		b.WriteByte('\n')
	}
	b.WriteString(summaryIn(opts.Lang, sum))
	b.WriteByte('\n')
	return nil
}

// githubCommand maps a severity to the workflow command of the same weight.
func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	default:
		return "notice"
	}
}

// ruleTitle names a finding's rule and, when it has one, its principle:
// "biometric-ban (VNG 2.1)".
func ruleTitle(f finding.Finding) string {
	switch {
	case f.Rule != "" && f.Principle != "":
		return f.Rule + " (" + f.Principle + ")"
	case f.Rule != "":
		return f.Rule
	default:
		return f.Principle
	}
}

// escapeData escapes a workflow command's message the way the runner
// unescapes it, so a newline cannot start a command of its own.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value; ":" and ","
// would otherwise end the value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// The escapers are built once: a Replacer is safe for concurrent use.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
