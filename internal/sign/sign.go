// Package sign makes the signs that make a sensor recognisable in the
// street (VNG 4.3; for the mayor's cameras also a legal duty, Gemeentewet
// art. 151c): a pictogram of what it senses and does, the operator, the
// purpose in one sentence, how long data is kept, and a QR code to the
// record's page on the public site, in Dutch with English second where the
// register speaks it. Signs are A4 or A5 PDF pages, drawn with gopdf and
// the Go fonts, so printing needs nothing else.
package sign

import (
	"errors"
	"slices"
	"strings"
	"unicode"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// ErrNotPublic is returned for a record that is not public: its sign would
// point to a page the site does not have.
var ErrNotPublic = errors.New("not public")

// reasonOf words why r is not public, in brackets, in either language.
type reasonOf struct{ r *record.Record }

func (x reasonOf) In(lang string) string {
	if reason := publish.Reason(x.r, lang); reason != "" {
		return " (" + reason + ")"
	}
	return ""
}

var (
	msgAlgorithm = message.New("%s is an algorithm, not a sensor; signs are for sensors in public space",
		"%s is een algoritme, geen sensor; borden zijn er voor sensoren in de openbare ruimte")
	msgWithheld = message.New("%s withholds %s, which its sign must show (%s): a sign without them would describe the sensor wrongly or leave out what the law requires; show them on the public record, or make the sign by hand",
		"%s houdt %s achter, wat het bord moet tonen (%s): een bord zonder dat zou de sensor verkeerd beschrijven of weglaten wat de wet vraagt; maak het openbaar in de registratie, of maak het bord met de hand")
	msgTooLong = message.New("the sign of %s does not fit on %s: even in the smallest readable type its text runs into the QR code; shorten the operator's name (organisation.name, %d characters) or the purpose's first sentence (%d characters)%s, or make the sign by hand",
		"het bord van %s past niet op %s: zelfs in de kleinste leesbare letter loopt de tekst in de QR-code; maak de naam van de organisatie (organisation.name, %d tekens) of de eerste zin van het doel (%d tekens) korter%s, of maak het bord met de hand")
	msgNotPublic = message.New("%s is not public%s, so the site has no page for a sign to point to; a sensor that must be recognisable needs a public record, or a sign made by hand",
		"%s is niet openbaar%s, dus de site heeft geen pagina waar een bord naar kan wijzen; een sensor die herkenbaar moet zijn heeft een openbare registratie nodig, of een bord dat met de hand is gemaakt")
)

// errNoBaseURL is returned when the site has no address for the QR code.
var errNoBaseURL = message.New("register.yaml has no site.base_url: set it to where the site is published, so the QR code can point to the record's page",
	"register.yaml heeft geen site.base_url: zet daar het adres waar de site staat, zodat de QR-code naar de pagina van de registratie kan wijzen").Err()

// ErrWithheld is returned for a sensor whose sign would need what its
// record withholds: what it senses, or that it is the mayor's camera
// surveillance.
var ErrWithheld = errors.New("withholds what its sign must show")

// ErrTooLong is returned for a sign whose text does not fit above its QR
// code even in the smallest type a sign may have.
var ErrTooLong = errors.New("does not fit on the sign")

// ErrNotSensor is returned for an algorithm: only sensors stand in the street.
var ErrNotSensor = errors.New("not a sensor")

// Sign is what the sign of one sensor says.
type Sign struct {
	ID         string
	Pictograms []Pictogram
	// Operator is the organisation that runs the sensor.
	Operator string
	// Purpose is the purpose in one sentence.
	Purpose string
	// Retention is how long data is kept, in words.
	Retention label.Text
	// PublicOrder marks the mayor's camera surveillance (Gemeentewet art.
	// 151c), which the sign must say.
	PublicOrder bool
	// URL is the record's page on the public site; the QR code holds it.
	URL string
	// English adds the English text under the Dutch.
	English bool
}

// New makes the sign of a sensor from its public view, as vw makes it
// (publish.NewViewer of the register r is in: its text may quote what
// another record withholds; nil sees r alone): a value the record
// withholds shows as "niet openbaar", and a record that is not public has
// no sign (ErrNotPublic). The register's site.base_url must be set, as the
// QR code points there.
func New(r *record.Record, vw *publish.Viewer, cfg *config.Config) (*Sign, error) {
	if r.Kind != record.Sensor {
		return nil, msgAlgorithm.ErrOf(ErrNotSensor, r.ID)
	}
	v := vw.View(r)
	if v == nil {
		return nil, msgNotPublic.ErrOf(ErrNotPublic, r.ID, reasonOf{r})
	}
	url := pageurl.RecordURL(cfg, v.Kind, v.ID)
	if url == "" {
		return nil, errNoBaseURL
	}
	if err := shown(r, v); err != nil {
		return nil, err
	}
	s := &Sign{ID: v.ID, Pictograms: For(v), Operator: strings.TrimSpace(v.Organisation.Name), Purpose: Sentence(v.Purpose),
		PublicOrder: v.PublicOrder(), URL: url, English: slices.Contains(cfg.Languages, "en")}
	if v.IsWithheld("organisation.name") {
		s.Operator = publish.NotPublicNL
	}
	if v.IsWithheld("purpose") {
		s.Purpose = publish.NotPublicNL
	}
	for i, lang := range []string{"nl", "en"} {
		switch ret := strings.TrimSpace(v.Retention); {
		case v.IsWithheld("retention"):
			s.Retention[i] = publish.NotPublic(lang)
		case ret == "not_stored":
			s.Retention[i] = map[string]string{"nl": "wordt niet opgeslagen", "en": "not stored"}[lang]
		case ret == "":
			s.Retention[i] = map[string]string{"nl": "niet vastgelegd", "en": "not recorded"}[lang]
		default:
			s.Retention[i] = label.Duration(lang, ret)
		}
	}
	return s, nil
}

// What the sign shows of what a sensor is, and the fields it is read from.
var (
	sensesFields      = []string{"sensor_type", "capabilities"}
	publicOrderFields = []string{"camera_regime", "legal_basis"}
	whatItSenses      = label.Text{"wat de sensor waarneemt", "what the sensor senses"}
	publicOrderDuty   = label.Text{"dat het cameratoezicht van de burgemeester is, Gemeentewet art. 151c", "that it is the mayor's camera surveillance, Gemeentewet art. 151c"}
	both              = label.Text{"wat de sensor waarneemt, en dat het cameratoezicht van de burgemeester is, Gemeentewet art. 151c", "what the sensor senses, and that it is the mayor's camera surveillance, Gemeentewet art. 151c"}
)

// shown refuses the sign of r when its public view v would show it as
// another sensor (other pictograms) or leave out the mayor's camera
// surveillance, because of what r withholds. A sign that describes a
// harmless sensor instead, or a 151c camera without 151c (Gemeentewet
// 151c(4) makes it a duty), misleads the resident it is for; when what is
// withheld changes nothing the sign shows, the sign is made.
func shown(r, v *record.Record) error {
	senses := !slices.Equal(IDs(For(v)), IDs(For(r)))
	publicOrder := v.PublicOrder() != r.PublicOrder()
	var fields []string
	what := whatItSenses
	switch {
	case senses && publicOrder:
		fields, what = append(slices.Clone(sensesFields), publicOrderFields...), both
	case senses:
		fields = sensesFields
	case publicOrder:
		fields, what = publicOrderFields, publicOrderDuty
	default:
		return nil
	}
	var names []string
	for _, w := range r.Withheld() {
		if slices.ContainsFunc(fields, func(f string) bool { return record.Covers(w, f) || record.Covers(f, w) }) {
			names = append(names, w)
		}
	}
	if len(names) == 0 {
		names = fields
	}
	return msgWithheld.ErrOf(ErrWithheld, r.ID, strings.Join(names, ", "), what)
}

// Sentence returns the first sentence of a text, with its white space
// collapsed, at most 220 characters: the purpose as a sign can hold it.
func Sentence(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	for i, c := range s {
		if (c == '.' || c == '!' || c == '?') && i+2 < len(s) && s[i+1] == ' ' {
			// "bijv. de" is not a sentence's end: the next one starts
			// with a capital.
			if next := []rune(s[i+2:]); len(next) > 0 && unicode.IsUpper(next[0]) {
				s = s[:i+1]
				break
			}
		}
	}
	if r := []rune(s); len(r) > 220 {
		// Cut at a word, not in one.
		cut := string(r[:219])
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,;:") + "…"
	}
	return s
}
