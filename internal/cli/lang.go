package cli

import (
	"os"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
)

// language is the language of the findings and summaries the command line
// prints: --lang, else the first of the languages register.yaml names, else
// the environment's (LC_ALL, LC_MESSAGES, LANG: nl_NL.UTF-8 is Dutch), else
// English.
func (a *App) language(cfg *config.Config) (string, error) {
	switch a.lang {
	case "nl", "en":
		return a.lang, nil
	case "":
	default:
		return "", usagef("--lang %q: use nl or en", a.lang)
	}
	if cfg != nil && cfg.LanguagesSet && len(cfg.Languages) > 0 {
		return cfg.Language(), nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(l, "nl") {
				return "nl", nil
			}
			return "en", nil
		}
	}
	return "en", nil
}
