package principle

import (
	"fmt"
	"slices"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

var adviceResponse = &Rule{
	ID: "advice-response", Ref: "C-ethics-committee", Default: finding.Warning,
	Applies: func(r *record.Record) bool {
		return slices.ContainsFunc(r.Reviews, func(rv record.Review) bool { return rv.Body == "ethics_committee" })
	},
	Title: label.Text{"Reactie op advies", "Response to advice"},
	Why: label.Text{
		"Een ethische commissie adviseert, gevraagd en ongevraagd (programma-afspraak). Een advies heeft pas zin als de gemeente erop antwoordt: wat zij ermee doet, en waarom. Daarom staat bij elk advies de reactie van de gemeente, op tijd.",
		"An ethics committee advises, asked and unasked (programme commitment). Advice only counts when the municipality answers it: what it does with it, and why. So every piece of advice has the municipality's response, in time.",
	},
	Satisfy: label.Text{
		"Elke toetsing door de ethische commissie heeft een reactie met een datum binnen advice.response_term (register.yaml, standaard P3M) na de datum van het advies.",
		"Every review by the ethics committee has a response with its date within advice.response_term (register.yaml, default P3M) of the advice's date.",
	},
	Example: example(`reviews:
  - body: ethics_committee
    date: 2026-05-20
    asked: false
    url: https://voorbeeldstad.example/ethische-commissie/advies-2026-03.pdf
    summary: Ongevraagd advies om de camera's na de zomer te evalueren.
    response:
      date: 2026-07-01
      summary: Het college neemt het advies over en evalueert in september.
      url: https://voorbeeldstad.example/college/reactie-advies-2026-03.pdf`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		term := ctx.Config.Advice.ResponseTerm
		var fs []finding.Finding
		for i, rv := range r.Reviews {
			if !rv.AwaitsResponse() {
				continue
			}
			given, ok := date(rv.Date)
			if !ok {
				// No date, no clock: say so, or the page would read "answered in time".
				fs = append(fs, missing(index("reviews", i),
					en("the ethics committee's advice has no valid date, so whether the municipality answered it in time cannot be checked",
						"add the advice's date as YYYY-MM-DD, and the municipality's response under response"),
					nl("Bij het advies van de ethische commissie staat geen geldige datum. Dan is niet te zien of de gemeente op tijd heeft gereageerd.",
						"Vul de datum van het advies in als JJJJ-MM-DD, en de reactie van de gemeente bij response.")))
				continue
			}
			due := term.AddTo(given)
			if !ctx.After(due) {
				continue
			}
			kind, soort := "advice", "advies"
			if isFalse(rv.Asked) {
				kind, soort = "unasked advice", "ongevraagde advies"
			}
			fs = append(fs, missing(index("reviews", i),
				en(fmt.Sprintf("the ethics committee's %s of %s has had no response, and the term of %s (advice.response_term) ended on %s", kind, rv.Date, term, period.Format(due)),
					"record the municipality's response under response with its date, summary and url"),
				nl(fmt.Sprintf("Het %s van de ethische commissie van %s heeft nog geen reactie van de gemeente. De termijn van %s (%s, advice.response_term) is verstreken op %s.", soort, datum(rv.Date), duur(term), term, datum(period.Format(due))),
					"Zet de reactie van de gemeente bij response, met datum (date), samenvatting (summary) en link (url).")))
		}
		return fs
	},
}
