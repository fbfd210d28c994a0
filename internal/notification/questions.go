// Package notification is the duty to report a sensor: the questions the
// public site's form asks an operator, in plain Dutch and English, and the
// import of the record that form produces into the register, dated by the
// day the municipality received it (registered_on), so the notice-period
// rule measures from receipt.
//
// The form runs in the resident's or operator's browser and sends nothing
// anywhere; the desk receives the YAML file it makes (by mail or as a new
// file on the register's forge) and adds it with 'register import
// notification'.
package notification

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/migrate"
	"github.com/voorbeeldstad/register/internal/record"
)

// Input is how a question is asked.
type Input string

// The inputs of the form. Each maps to one field of the record; the site
// renders them and its script reads them back into the record's shape.
const (
	Text     Input = "text"     // one line of text
	LongText Input = "textarea" // a few sentences
	Email    Input = "email"
	Phone    Input = "tel"
	Date     Input = "date"     // YYYY-MM-DD
	Integer  Input = "integer"  // a whole number
	Decimal  Input = "decimal"  // a coordinate
	Choice   Input = "select"   // one value of the schema's enum
	Radio    Input = "radio"    // one value of a short enum, all shown
	Choices  Input = "checkbox" // values of a list's enum
	YesNo    Input = "yesno"    // a boolean as two radio buttons
	Check    Input = "check"    // a boolean that is only ever set to true
	Lines    Input = "lines"    // a list of texts, one per line
	Duration Input = "duration" // a number with a unit, or not stored
)

// Question is one question of the notification form.
type Question struct {
	// Path is the record field the answer fills, dotted ("owner.email").
	Path  string
	Input Input
	// Required is true when the schema requires the field of every sensor
	// record (a test holds this to the schema).
	Required bool
	// Label is the question, Help one line under it; Dutch, then English.
	Label label.Text
	Help  label.Text
}

// Section is a group of questions under one heading.
type Section struct {
	ID        string
	Title     label.Text
	Questions []Question
}

// Sections are the questions of the form, in the order asked. They ask what
// the duty to report needs and a shopkeeper can answer; what only the
// municipality decides (exceptions, publication, evaluations) is not asked.
var Sections = []Section{
	{ID: "organisatie", Title: [2]string{"Over uw organisatie", "About your organisation"}, Questions: []Question{
		{Path: "organisation.name", Input: Text, Required: true,
			Label: [2]string{"Naam van uw organisatie", "Name of your organisation"},
			Help:  [2]string{"Zoals in het Handelsregister, bijvoorbeeld Bakkerij De Korenbloem.", "As in the business register, for example Bakkerij De Korenbloem."}},
		{Path: "organisation.type", Input: Choice, Required: true,
			Label: [2]string{"Wat voor organisatie bent u?", "What kind of organisation are you?"},
			Help:  [2]string{"Een winkel, bedrijf of vereniging is een private partij.", "A shop, company or club is a private party."}},
		{Path: "organisation.kvk", Input: Text,
			Label: [2]string{"KvK-nummer", "Chamber of Commerce number (KvK)"},
			Help:  [2]string{"8 cijfers. Mag leeg blijven als u geen KvK-nummer hebt.", "8 digits. Leave it empty if you have none."}},
		{Path: "owner.role", Input: Text, Required: true,
			Label: [2]string{"Wie is verantwoordelijk voor de sensor?", "Who is responsible for the sensor?"},
			Help:  [2]string{"Noem een functie, zoals Bedrijfsleider. Nooit de naam van een persoon: het register is openbaar.", "Give a role, such as Store manager. Never a person's name: the register is public."}},
		{Path: "owner.email", Input: Email, Required: true,
			Label: [2]string{"Op welk e-mailadres bent u bereikbaar?", "At which email address can you be reached?"},
			Help:  [2]string{"Een algemeen adres dat blijft werken als mensen van baan wisselen, zoals info@uwbedrijf.nl.", "A general address that keeps working when people change jobs, such as info@yourcompany.nl."}},
		{Path: "owner.phone", Input: Phone,
			Label: [2]string{"Algemeen telefoonnummer", "General phone number"},
			Help:  [2]string{"Mag leeg blijven.", "May be left empty."}},
	}},
	{ID: "sensor", Title: [2]string{"Over de sensor", "About the sensor"}, Questions: []Question{
		{Path: "name", Input: Text, Required: true,
			Label: [2]string{"Hoe noemt u de sensor?", "What do you call the sensor?"},
			Help:  [2]string{"Een naam die voorbijgangers begrijpen, bijvoorbeeld Camera bij de ingang van de bakkerij. Hoogstens 100 tekens.", "A name passers-by understand, for example Camera at the bakery's entrance. At most 100 characters."}},
		{Path: "id", Input: Text, Required: true,
			Label: [2]string{"Kenmerk", "Identifier"},
			Help:  [2]string{"Wordt uit de naam gemaakt: kleine letters, cijfers en streepjes. U hoeft niets te doen.", "Made from the name: lower-case letters, digits and hyphens. You need not do anything."}},
		{Path: "sensor_type", Input: Choice, Required: true,
			Label: [2]string{"Wat voor sensor is het?", "What kind of sensor is it?"}},
		{Path: "camera_regime", Input: Choice,
			Label: [2]string{"Alleen voor een camera of drone: onder welke regels valt hij?", "Only for a camera or drone: which rules does it fall under?"},
			Help:  [2]string{"Een camera van een winkel of bedrijf valt onder Private partij.", "A camera of a shop or company is Private party."}},
		{Path: "capabilities", Input: Choices, Required: true,
			Label: [2]string{"Wat kan de sensor?", "What can the sensor do?"},
			Help:  [2]string{"Kruis alles aan wat het apparaat kan, ook wat uit staat.", "Tick everything the device can do, including what is switched off."}},
		{Path: "quantity", Input: Integer,
			Label: [2]string{"Hoeveel van deze sensoren plaatst u?", "How many of these sensors do you place?"},
			Help:  [2]string{"Leeg betekent één.", "Empty means one."}},
		{Path: "summary", Input: LongText, Required: true,
			Label: [2]string{"Wat doet de sensor?", "What does the sensor do?"},
			Help:  [2]string{"In een paar gewone zinnen, hoogstens 400 tekens.", "In a few plain sentences, at most 400 characters."}},
		{Path: "purpose", Input: LongText, Required: true,
			Label: [2]string{"Waarom plaatst u de sensor?", "Why do you place the sensor?"},
			Help:  [2]string{"Welk probleem lost hij op?", "Which problem does it solve?"}},
		{Path: "status", Input: Choice, Required: true,
			Label: [2]string{"Hoe ver is het?", "How far along is it?"},
			Help:  [2]string{"Kies Gepland als de sensor er nog niet hangt.", "Choose Planned when the sensor is not in place yet."}},
	}},
	{ID: "plek", Title: [2]string{"Waar komt de sensor?", "Where is the sensor?"}, Questions: []Question{
		{Path: "location.description", Input: Text, Required: true,
			Label: [2]string{"Waar hangt of staat de sensor?", "Where does the sensor hang or stand?"},
			Help:  [2]string{"Adres en plek, bijvoorbeeld Kerkstraat 12, boven de winkeldeur.", "Address and spot, for example Kerkstraat 12, above the shop door."}},
		{Path: "location.area", Input: Text,
			Label: [2]string{"In welke buurt of wijk?", "In which neighbourhood?"}},
		{Path: "location.point.lat", Input: Decimal,
			Label: [2]string{"Breedtegraad", "Latitude"},
			Help:  [2]string{"Op een kaart-app: houd uw vinger op de plek en neem het eerste getal over, bijvoorbeeld 52.3731.", "In a map app: hold your finger on the spot and copy the first number, for example 52.3731."}},
		{Path: "location.point.lon", Input: Decimal,
			Label: [2]string{"Lengtegraad", "Longitude"},
			Help:  [2]string{"Het tweede getal, bijvoorbeeld 4.8932.", "The second number, for example 4.8932."}},
		{Path: "location.mobile", Input: Check,
			Label: [2]string{"De sensor beweegt, bijvoorbeeld op een auto of drone", "The sensor moves, for example on a car or drone"},
			Help:  [2]string{"Noem dan bij buurt of wijk het gebied waar hij komt; breedte- en lengtegraad zijn dan niet nodig.", "Then name the area it covers under neighbourhood; latitude and longitude are then not needed."}},
	}},
	{ID: "wanneer", Title: [2]string{"Wanneer?", "When?"}, Questions: []Question{
		{Path: "lifecycle.start", Input: Date, Required: true,
			Label: [2]string{"Vanaf wanneer hangt de sensor er?", "From when is the sensor in place?"}},
		{Path: "lifecycle.end", Input: Date,
			Label: [2]string{"Tot wanneer?", "Until when?"},
			Help:  [2]string{"Mag leeg blijven als u dat nog niet weet.", "May be left empty if you do not know yet."}},
	}},
	{ID: "gegevens", Title: [2]string{"Gegevens over mensen", "Data about people"}, Questions: []Question{
		{Path: "personal_data.processed", Input: Radio, Required: true,
			Label: [2]string{"Legt de sensor iets vast over mensen, zoals beelden, geluid, kentekens of telefoons?", "Does the sensor record anything about people, such as images, sound, number plates or phones?"},
			Help:  [2]string{"Twijfelt u? Kies dan Onbekend.", "In doubt? Choose Unknown."}},
		{Path: "legal_basis.regime", Input: Choice,
			Label: [2]string{"Onder welke wet valt het vastleggen?", "Which law governs the recording?"},
			Help:  [2]string{"Voor een winkel of bedrijf is dat de AVG.", "For a shop or company that is the GDPR."}},
		{Path: "legal_basis.gdpr_ground", Input: Choice,
			Label: [2]string{"Op welke grond uit de AVG mag u de gegevens vastleggen?", "On which GDPR ground may you record the data?"},
			Help:  [2]string{"Voor een winkelcamera is dat meestal Gerechtvaardigd belang.", "For a shop camera that is usually Legitimate interest."}},
		{Path: "personal_data.categories", Input: Lines,
			Label: [2]string{"Welke gegevens?", "Which data?"},
			Help:  [2]string{"Eén per regel, bijvoorbeeld Camerabeelden.", "One per line, for example Camera images."}},
		{Path: "retention", Input: Duration,
			Label: [2]string{"Hoe lang bewaart u de gegevens?", "How long do you keep the data?"}},
		{Path: "signage.present", Input: YesNo,
			Label: [2]string{"Hangt er een bord of sticker bij de sensor?", "Is there a sign or sticker at the sensor?"}},
		{Path: "signage.description", Input: Text,
			Label: [2]string{"Wat staat erop en waar hangt het?", "What does it say and where is it?"}},
	}},
	{ID: "apparaat", Title: [2]string{"Het apparaat", "The device"}, Questions: []Question{
		{Path: "vendor.manufacturer", Input: Text,
			Label: [2]string{"Merk of fabrikant", "Make or manufacturer"}},
		{Path: "vendor.model", Input: Text,
			Label: [2]string{"Type of model", "Model"}},
	}},
}

// Fixed are the fields every notification holds whatever the answers:
// the kind, the record format's version, and an evaluation block (the
// schema requires one; the register's default interval applies).
var Fixed = map[string]any{"kind": "sensor", migrate.VersionKey: migrate.Current, "evaluation": map[string]any{}}

// Values returns the values a Choice, Radio or Choices question offers:
// the sensor schema's enum for the field (for a list, for its items), so the
// form offers what the record format allows and nothing else.
func Values(q Question) []string {
	return field.Values(record.Sensor, q.Path)
}

// Required reports whether the field at a dotted path is one every sensor
// record needs, or holds one (owner holds owner.role): a Required
// question's field or one of its parents, or a field every notification
// holds (Fixed). An update that emptied it would leave a record that is
// not valid, so a notification may not.
func Required(path string) bool {
	if _, ok := Fixed[path]; ok {
		return true
	}
	for _, s := range Sections {
		for _, q := range s.Questions {
			if q.Required && (q.Path == path || strings.HasPrefix(q.Path, path+".")) {
				return true
			}
		}
	}
	return false
}

// Asked reports whether the form asks for the field at a dotted path or
// for one of its parents or children, so the importer can point out fields
// an operator added by hand.
func Asked(path string) bool {
	if _, ok := Fixed[path]; ok {
		return true
	}
	for _, s := range Sections {
		for _, q := range s.Questions {
			if q.Path == path || len(q.Path) > len(path) && q.Path[:len(path)+1] == path+"." ||
				len(path) > len(q.Path) && path[:len(q.Path)+1] == q.Path+"." {
				return true
			}
		}
	}
	return false
}
