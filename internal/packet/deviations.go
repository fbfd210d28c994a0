package packet

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
)

// deviations describes each rule the configuration switched off or set below
// its default, with where and why, and each setting of the checklist set
// away from its default, with where: the committee sees what the checklist
// did not check by the defaults, as residents do on the site.
func (L *Labels) deviations(cfg *config.Config) []string {
	var out []string
	for _, d := range principle.Deviations(cfg) {
		r, s := d.Rule, d.Setting
		title, sev, def := L.pick(r.Title), L.severity(s.Severity), L.severity(r.Default)
		if s.Severity == finding.Off {
			sev = L.pick([2]string{"uitgezet", "switched off"})
		}
		// The sentence ends with its own full stop.
		reason := strings.TrimRight(strings.TrimSpace(s.Reason), ".")
		if reason == "" {
			reason = L.pick([2]string{"geen reden opgegeven", "no reason given"})
		}
		line := fmt.Sprintf(L.pick([2]string{"%s (%s): %s (standaard: %s). Ingesteld in %s. Reden: %s.", "%s (%s): %s (default: %s). Set in %s. Reason: %s."}),
			title, r.ID, sev, def, s.Where(), reason)
		switch {
		case d.Refused:
			line += " " + fmt.Sprintf(L.pick([2]string{"De regel volgt uit de wet (%s): de instelling werkt niet, de regel is gewoon getoetst.",
				"The rule follows from law (%s): the setting has no effect, the rule was checked as usual."}), L.pick(r.Law))
		case d.PolicyOnly:
			line += " " + fmt.Sprintf(L.pick([2]string{"Alleen het beleidsdeel is veranderd; %s is het een wettelijke plicht (%s), en dat deel is gewoon getoetst.",
				"Only the policy part changed; %s it is a legal duty (%s), and that part was checked as usual."}),
				L.pick(r.LawScope), L.pick(r.Law))
		}
		out = append(out, line)
	}
	// The settings the rules judge by (a limit, the date a duty applies
	// from), set away from their defaults.
	for _, c := range cfg.Changes {
		value, def := c.Shown(L.lang)
		out = append(out, fmt.Sprintf(L.pick([2]string{"Instelling %s: %s (standaard: %s). Ingesteld in %s.", "Setting %s: %s (default: %s). Set in %s."}),
			c.Key, value, def, c.Where()))
	}
	return out
}
