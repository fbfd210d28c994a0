package packet

import (
	"fmt"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/register"
)

// openAdvice describes, per record in reg, each piece of the ethics
// committee's advice, asked or unasked, that still waits for the
// municipality's response, with how long it has waited and whether that is
// longer than the term (advice.response_term): the committee sees which of
// its advice went unanswered (C-ethics-committee). reg is the public view
// in a public packet, so withheld reviews and records that are not public
// stay out.
func (L *Labels) openAdvice(reg *register.Register, today time.Time, term period.Duration) []string {
	var out []string
	for _, r := range reg.Records {
		for _, rv := range r.Reviews {
			if !rv.AwaitsResponse() {
				continue
			}
			kind := L.pick([2]string{"advies", "advice"})
			switch {
			case rv.Asked == nil:
			case *rv.Asked:
				kind = L.pick([2]string{"gevraagd advies", "asked advice"})
			default:
				kind = L.pick([2]string{"ongevraagd advies", "unasked advice"})
			}
			line := fmt.Sprintf("%s (%s): %s", recordName(r), r.ID, kind)
			if given, err := period.ParseDate(rv.Date); err == nil {
				n := int(today.Sub(given).Hours() / 24)
				line += fmt.Sprintf(L.pick([2]string{" van %s, wacht %s op een reactie", " of %s, waiting %s for a response"}), L.dateString(rv.Date), L.days(n))
				if today.After(term.AddTo(given)) {
					line += fmt.Sprintf(L.pick([2]string{", langer dan de termijn van %s", ", longer than the term of %s"}), L.duration(term))
				}
			} else {
				line += L.pick([2]string{" zonder datum, wacht op een reactie", " without a date, waiting for a response"})
			}
			line += "."
			if s := strings.Join(strings.Fields(rv.Summary), " "); s != "" {
				line += " " + L.pick([2]string{"Advies: ", "Advice: "}) + strings.TrimRight(s, ".") + "."
			}
			if rv.URL != "" {
				line += " " + rv.URL
			}
			if !r.IsPublic() || r.IsWithheld("reviews") {
				// Only the internal edition gets here: mark what must not
				// leave the committee's table.
				line += " [" + publish.NotPublic(L.lang) + "]"
			}
			out = append(out, line)
		}
	}
	return out
}

// days writes a number of days, "1 dag" or "3 dagen".
func (L *Labels) days(n int) string {
	if n == 1 {
		return L.pick([2]string{"1 dag", "1 day"})
	}
	return fmt.Sprintf(L.pick([2]string{"%d dagen", "%d days"}), n)
}

// AdviceTitle heads the list of open advice.
func (p *Packet) AdviceTitle() string {
	return p.L.pick([2]string{"Advies zonder reactie", "Advice awaiting a response"})
}

// AdviceIntro explains the list, or says there is nothing on it.
func (p *Packet) AdviceIntro() string {
	if len(p.OpenAdvice) == 0 {
		return p.L.pick([2]string{"Op elk advies van de ethische commissie heeft de gemeente gereageerd.",
			"The municipality has responded to every piece of the ethics committee's advice."})
	}
	return fmt.Sprintf(p.L.pick([2]string{"Gevraagd en ongevraagd advies van de ethische commissie waarop de gemeente nog niet reageerde; de termijn voor een reactie is %s (advice.response_term).",
		"Asked and unasked advice of the ethics committee the municipality has not yet responded to; the term for a response is %s (advice.response_term)."}), p.AdviceTerm)
}
