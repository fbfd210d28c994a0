package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestNoPersonalName(t *testing.T) {
	runCases(t, "no-personal-name", nil, []ruleCase{
		{name: "a role and a functional mailbox", yaml: `
id: c
kind: sensor
owner: {role: Teamleider Toezicht en Handhaving, email: toezicht@voorbeeldstad.example, department: Openbare Ruimte}
exceptions:
  - {rule: signage, reason: Borden komen, approved_by: college van B en W, approved_on: 2026-01-01, until: 2026-12-31}
`},
		{name: "initials and a surname as the role", yaml: `
id: c
kind: sensor
owner: {role: J. de Vries, email: toezicht@voorbeeldstad.example}
`, want: []want{{"no-personal-name", "VNG 3.7", finding.Warning, 3, 15, "owner.role looks like a person's name"}}},
		{name: "a person's mailbox", yaml: `
id: c
kind: sensor
owner: {role: Teamleider, email: j.devries@voorbeeldstad.example}
`, want: []want{{"no-personal-name", "VNG 3.7", finding.Warning, 3, 34, "owner.email starts with initials"}}},
		{name: "an exception approved by a person", yaml: `
id: c
kind: sensor
exceptions:
  - {rule: signage, reason: Borden komen, approved_by: "dhr. Jansen, wethouder", approved_on: 2026-01-01, until: 2026-12-31}
`, want: []want{{"no-personal-name", "VNG 3.7", finding.Warning, 4, 56, "exceptions[0].approved_by looks like a person's name"}}},
	})
}
