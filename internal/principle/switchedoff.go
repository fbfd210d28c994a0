package principle

import (
	"fmt"
	"slices"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

var switchedOffListed = &Rule{
	ID: "switched-off-listed", Ref: "VNG 4.1", Default: finding.Warning,
	Title: label.Text{"Wat uit staat, staat bij de mogelijkheden", "What is switched off is among the capabilities"},
	Why: label.Text{
		"Het register vertelt inwoners eerlijk wat een sensor of algoritme kan en wat daarvan uit staat (VNG-principe 4.1: transparantie). Een mogelijkheid die uit staat, kan nog aan: daarom staat ze ook bij wat het kan.",
		"The register tells residents plainly what a sensor or algorithm can do and what of it is switched off (VNG principle 4.1: transparency). A capability that is switched off can be switched on: so it is listed among what it can do too.",
	},
	Satisfy: label.Text{
		"Elke mogelijkheid bij switched_off staat ook bij capabilities.",
		"Every capability under switched_off is listed under capabilities too.",
	},
	Example: example(`capabilities: [video_recording, live_viewing]
switched_off: [video_recording]`),
	Applies: func(r *record.Record) bool { return len(r.SwitchedOff) > 0 },
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		for i, c := range r.SwitchedOff {
			if slices.Contains(r.Capabilities, c) {
				continue
			}
			fs = append(fs, at(fmt.Sprintf("/switched_off/%d", i),
				en(fmt.Sprintf("switched_off lists %s, which is not among capabilities: a capability that is switched off is one the %s has", c, kindName(r).en),
					"add "+c+" to capabilities if the "+kindName(r).en+" can do it, or remove it from switched_off"),
				nl(fmt.Sprintf("Bij switched_off staat %s, maar die staat niet bij capabilities. Wat uit staat, kan %s wel.", c, kindName(r).the),
					"Zet "+c+" bij capabilities als het dat kan, of haal het weg bij switched_off.")))
		}
		return fs
	},
}
