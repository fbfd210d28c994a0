package site

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/notification"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// The notification page ("Meld een sensor"): a form for the duty to report
// that runs in the visitor's browser and sends nothing anywhere. It asks the
// questions of package notification, checks the answers against the sensor
// schema the site publishes while they are typed, and makes the record as a
// YAML file to download, to mail to the desk or to open as a new file on
// the register's forge (notice.email, notice.new_file_url). Without a
// script it is a form to print and fill in by hand.

// notifySchemaPath is the script that hands the sensor schema to the form: a
// script, not a JSON file to fetch, so the form works from disk (file://).
const notifySchemaPath = "data/notify-schema.js"

// notifyWords are the page's own words, Dutch and English.
var notifyWords = map[string]label.Text{
	"notify":            {"Meld een sensor", "Report a sensor"},
	"notify.intro":      {"Plaatst u een camera of andere sensor die de openbare ruimte waarneemt? Dan meldt u die bij de gemeente, minstens %s voordat hij er hangt. Ook een wijziging meldt u hier.", "Are you placing a camera or other sensor that observes public space? Then report it to the municipality at least %s before it is in place. Report a change here too."},
	"notify.private":    {"Dit formulier werkt helemaal in uw browser. Wat u invult, wordt nergens heen gestuurd tot u dat zelf doet.", "This form works entirely in your browser. Nothing you fill in is sent anywhere until you send it yourself."},
	"notify.noscript":   {"Uw browser voert geen scripts uit. Druk dit formulier af, vul het met de hand in en stuur het naar %s.", "Your browser runs no scripts. Print this form, fill it in by hand and send it to %s."},
	"notify.noscriptx":  {"Uw browser voert geen scripts uit. Druk dit formulier af, vul het met de hand in en stuur het naar de gemeente.", "Your browser runs no scripts. Print this form, fill it in by hand and send it to the municipality."},
	"notify.required":   {"verplicht", "required"},
	"notify.choose":     {"Kies", "Choose"},
	"notify.make":       {"Maak het bestand", "Make the file"},
	"notify.print":      {"Afdrukken", "Print"},
	"notify.result":     {"Uw melding", "Your report"},
	"notify.resultnext": {"Stuur het bestand naar de gemeente. Het telt als gemeld op de dag dat de gemeente het ontvangt.", "Send the file to the municipality. It counts as reported on the day the municipality receives it."},
	"notify.download":   {"Download het bestand", "Download the file"},
	"notify.mail":       {"Mail het naar het meldpunt", "Mail it to the desk"},
	"notify.forge":      {"Stel het voor als nieuw bestand in het register", "Propose it as a new file in the register"},
	"notify.errors":     {"Nog niet alles klopt", "Not everything is right yet"},
	"notify.update":     {"U past de registratie %s aan. Velden die niet openbaar zijn (%s), staan hier niet en blijven zoals ze zijn.", "You are updating the entry %s. Fields that are not public (%s) are not shown and stay as they are."},
	"notify.updatenone": {"U past de registratie %s aan. Een veld dat u leeg laat, blijft zoals het is.", "You are updating the entry %s. A field you leave empty stays as it is."},
	"notify.days":       {"dagen", "days"},
	"notify.weeks":      {"weken", "weeks"},
	"notify.months":     {"maanden", "months"},
	"notify.years":      {"jaar", "years"},
	"notify.notstored":  {"wordt niet bewaard", "is not stored"},
	"notify.number":     {"Aantal", "Number"},
	"notify.unit":       {"Eenheid", "Unit"},
	"notify.updatelink": {"Wijzig deze registratie (voor de eigenaar)", "Update this entry (for the operator)"},
	// Messages of the form's script, by the schema keyword that failed.
	"notify.m.required": {"Vul dit in.", "Please fill this in."},
	"notify.m.long":     {"Te lang: hoogstens %d tekens.", "Too long: at most %d characters."},
	"notify.m.choose":   {"Kies er minstens één.", "Choose at least one."},
	"notify.m.number":   {"Schrijf een getal, bijvoorbeeld 52.3731.", "Write a number, for example 52.3731."},
	"notify.m.range":    {"Dit getal kan hier niet.", "This number is not possible here."},
	"notify.m.date":     {"Schrijf een datum als JJJJ-MM-DD.", "Write a date as YYYY-MM-DD."},
	"notify.m.email":    {"Dit is geen e-mailadres.", "This is not an email address."},
	"notify.m.id":       {"Alleen kleine letters, cijfers en streepjes, 2 tot 63 tekens.", "Only lower-case letters, digits and hyphens, 2 to 63 characters."},
	"notify.m.kvk":      {"Schrijf de 8 cijfers van het KvK-nummer.", "Write the 8 digits of the KvK number."},
	"notify.m.phone":    {"Alleen cijfers, spaties, + ( ) en -.", "Only digits, spaces, + ( ) and -."},
	"notify.m.where":    {"Geef breedte- en lengtegraad, of vink aan dat de sensor beweegt en noem het gebied.", "Give latitude and longitude, or tick that the sensor moves and name the area."},
	"notify.m.invalid":  {"Dit klopt niet.", "This is not right."},
	"notify.m.noschema": {"De controle tijdens het typen is niet beschikbaar; de gemeente controleert het bestand.", "Checking while you type is not available; the municipality checks the file."},
}

// notifyOption is one value a question offers.
type notifyOption struct {
	Value string
	Label string
}

// notifyQuestion is a question as the page shows it.
type notifyQuestion struct {
	notification.Question
	ID       string // the control's id
	Text     string
	Help     string
	Options  []notifyOption
	Units    []notifyOption // for a duration
	Max      int            // maxLength, for the counter
	Required bool
}

type notifySection struct {
	ID        string
	Title     string
	Questions []notifyQuestion
}

type notifyBody struct {
	Intro     string
	NoScript  string
	Sections  []notifySection
	NewFile   string // notice.new_file_url
	Email     string // notice.email
	Fixed     string // JSON of the fixed fields
	Messages  string // JSON of the script's words
	HasSchema bool
}

// notifyJob is the page of one language.
func (b *builder) notifyJob(lang string) job {
	p := b.pagePath(lang, "notify")
	return b.lazyPage("notify", p, func() *Page {
		pg := b.page(lang, "notify", func(l string) string { return b.pagePath(l, "notify") }, t(lang, "notify"), b.notifyBody(lang))
		if _, ok := b.opts.Schemas["sensor.schema.json"]; ok {
			pg.Scripts = append([]string{notifySchemaPath, "assets/vendor/json-schema.js"}, pg.Scripts...)
		}
		pg.Scripts = append(pg.Scripts, "assets/notify.js")
		return pg
	})
}

// notifySchemaJob writes the script with the record schemas the site
// publishes, for the form to check against.
func (b *builder) notifySchemaJob() []job {
	if _, ok := b.opts.Schemas["sensor.schema.json"]; !ok {
		return nil
	}
	return []job{{path: notifySchemaPath, render: func(w *bytes.Buffer) error {
		schemas := map[string]json.RawMessage{}
		for _, name := range []string{"sensor.schema.json", "common.schema.json"} {
			if data, ok := b.opts.Schemas[name]; ok && json.Valid(data) {
				var c bytes.Buffer
				if err := json.Compact(&c, data); err != nil {
					return err
				}
				schemas[name] = c.Bytes()
			}
		}
		data, err := json.Marshal(schemas)
		if err != nil {
			return err
		}
		w.WriteString("// The record schemas this site publishes (open data), for the notification form.\nwindow.registerSchemas = ")
		w.Write(data)
		w.WriteString(";\n")
		return nil
	}}}
}

func (b *builder) notifyBody(lang string) notifyBody {
	i := langIndex(lang)
	body := notifyBody{
		Intro:   tf(lang, "notify.intro", label.Duration(lang, b.cfg.Notice.Period.String())),
		NewFile: b.cfg.Notice.NewFileURL, Email: b.cfg.Notice.Email,
	}
	_, body.HasSchema = b.opts.Schemas["sensor.schema.json"]
	switch to := cmp.Or(b.cfg.Notice.Email, b.cfg.Site.ContactEmail); {
	case to != "":
		body.NoScript = tf(lang, "notify.noscript", to)
	default:
		body.NoScript = t(lang, "notify.noscriptx")
	}
	for _, s := range notification.Sections {
		sec := notifySection{ID: s.ID, Title: s.Title[i]}
		for _, q := range s.Questions {
			v := notifyQuestion{Question: q, ID: "q-" + strings.ReplaceAll(q.Path, ".", "-"), Text: q.Label[i], Help: q.Help[i], Required: q.Required}
			for _, o := range notification.Values(q) {
				v.Options = append(v.Options, notifyOption{Value: o, Label: label.Value(lang, q.Path, o)})
			}
			if q.Input == notification.YesNo {
				v.Options = []notifyOption{{"true", t(lang, "yes")}, {"false", t(lang, "no")}}
			}
			if q.Input == notification.Duration {
				v.Units = []notifyOption{{"D", t(lang, "notify.days")}, {"W", t(lang, "notify.weeks")}, {"M", t(lang, "notify.months")}, {"Y", t(lang, "notify.years")}}
			}
			switch q.Path {
			case "name":
				v.Max = 100
			case "summary":
				v.Max = 400
			}
			sec.Questions = append(sec.Questions, v)
		}
		body.Sections = append(body.Sections, sec)
	}
	fixed, _ := json.Marshal(notification.Fixed)
	body.Fixed = string(fixed)
	msgs := map[string]string{}
	for k := range notifyWords {
		if rest, ok := strings.CutPrefix(k, "notify.m."); ok {
			msgs[rest] = t(lang, k)
		}
	}
	for _, k := range []string{"notify.update", "notify.updatenone"} {
		msgs[strings.TrimPrefix(k, "notify.")] = t(lang, k)
	}
	m, _ := json.Marshal(msgs)
	body.Messages = string(m)
	return body
}

// updateURL is the notification form pre-filled with a sensor's public
// fields, for its operator to report a change: the answers travel in the
// URL's fragment, which the browser never sends to a server. Only the
// public view's values are in it (publish.Map): nothing withheld, nothing
// of a record that is not public.
func (b *builder) updateURL(lang string, r *record.Record) string {
	if r.Kind != record.Sensor {
		return ""
	}
	answers := b.prefillAnswers(r)
	if answers == nil {
		return ""
	}
	// Which fields are withheld is public (the record page says so); the
	// form leaves them to the register's record.
	var withheld, paths []string
	for _, w := range r.Withheld() {
		if notification.Asked(w) && !slices.Contains(paths, w) {
			paths = append(paths, w)
			if l := fieldLabel(lang, w); !slices.Contains(withheld, l) {
				withheld = append(withheld, l)
			}
		}
	}
	// What json.Marshal makes of {answers, withheld, withheldPaths}: its
	// keys in that order, the answers as marshalled once for every
	// language.
	w, err := json.Marshal(withheld)
	if err != nil {
		return ""
	}
	wp, err := json.Marshal(paths)
	if err != nil {
		return ""
	}
	data := slices.Concat([]byte(`{"answers":`), answers, []byte(`,"withheld":`), w, []byte(`,"withheldPaths":`), wp, []byte(`}`))
	return rootFor(b.recordPath(lang, r)) + b.pagePath(lang, "notify") + "#prefill=" + base64.RawURLEncoding.EncodeToString(data)
}

// prefillAnswers returns the answers the update link of sensor r carries,
// as JSON: its public values of the form's questions. The same in every
// language, they are made once per record (publish.Map turns the public
// view into JSON and back, which was a twentieth of a build's CPU when
// each language's page did it), and let go of once every language's page
// took them: a record's pages are made one after another (jobs), and at
// 100,000 records all of them kept were 50 MB. nil when the view does not
// turn.
func (b *builder) prefillAnswers(r *record.Record) []byte {
	if v, ok := b.prefill.Load(r); ok {
		return b.takePrefilled(r, v.(*prefilled))
	}
	m, err := publish.Map(r)
	if err != nil || m == nil {
		return nil
	}
	answers := map[string]any{}
	for _, s := range notification.Sections {
		for _, q := range s.Questions {
			if v, ok := lookup(m, q.Path); ok {
				answers[q.Path] = v
			}
		}
	}
	data, err := json.Marshal(answers)
	if err != nil {
		return nil
	}
	if len(b.langs) > 1 {
		p := &prefilled{answers: data}
		p.left.Store(int32(len(b.langs) - 1))
		if v, loaded := b.prefill.LoadOrStore(r, p); loaded {
			// Another language's page made them meanwhile.
			return b.takePrefilled(r, v.(*prefilled))
		}
		return p.answers
	}
	return data
}

// takePrefilled is a page's taking of the answers kept for r: let go of
// once the last language's page took them.
func (b *builder) takePrefilled(r *record.Record, p *prefilled) []byte {
	if p.left.Add(-1) <= 0 {
		b.prefill.Delete(r)
	}
	return p.answers
}

// prefilled are a sensor's update-link answers, kept for the pages in
// the other languages, left of them.
type prefilled struct {
	answers []byte
	left    atomic.Int32
}

// lookup finds a dotted path in decoded JSON.
func lookup(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, seg := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = mm[seg]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}
