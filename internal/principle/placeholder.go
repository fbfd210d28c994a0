package principle

import (
	"fmt"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

var placeholderRule = &Rule{
	ID: placeholder.RuleID, Ref: "VNG 4.1", Default: finding.Error,
	Title: label.Text{"Geen invulteksten", "No placeholders"},
	Why: label.Text{
		"Het register vertelt inwoners wat er werkelijk hangt en draait (VNG-principe 4.1: transparantie). Een tekst als \"(vul in)\", een voorbeeldadres of de plek uit het sjabloon is geen informatie maar een belofte om die nog te geven. Zo'n registratie komt niet op de website tot alles is ingevuld.",
		"The register tells residents what is really there (VNG principle 4.1: transparency). A text such as \"(vul in)\", an example address or the template's position is no information, only a promise of it. Such a record stays off the website until everything is filled in.",
	},
	Satisfy: label.Text{
		"Geen tekst bevat \"" + placeholder.Fill + "\" of \"" + placeholder.Example + "\" (de markeringen van `register new` en `register init`), geen web- of mailadres valt onder .example, tenzij het van de eigen organisatie van het register is, en de locatie is niet die van het sjabloon (" + fmt.Sprint(placeholder.OriginX) + ", " + fmt.Sprint(placeholder.OriginY) + ", de oorsprong van het Rijksdriehoekstelsel in Amersfoort).",
		"No text holds \"" + placeholder.Fill + "\" or \"" + placeholder.Example + "\" (the marks of `register new` and `register init`), no web or mail address is under .example unless it is the register's own organisation's, and the location is not the template's (" + fmt.Sprint(placeholder.OriginX) + ", " + fmt.Sprint(placeholder.OriginY) + ", the origin of the Rijksdriehoek grid in Amersfoort).",
	},
	Example: example(`name: Cameratoezicht Stationsplein
owner:
  role: Teamleider Toezicht
  email: toezicht@voorbeeldstad.nl
location:
  description: Stationsplein, bij de fietsenstalling
  point_rd: {x: 136520, y: 455890}`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		for _, m := range placeholder.Find(r, ctx.Config.Organisation) {
			field := source.Dotted(m.Path)
			fs = append(fs, at(m.Path,
				en(fmt.Sprintf("%s still holds %s", field, m.What.In("en")),
					"fill in the real value, or remove the field when it does not apply; the record stays off the public site until then"),
				nl(fmt.Sprintf("Bij %s staat nog %s.", field, m.What.In("nl")),
					"Vul de echte gegevens in, of haal het veld weg als het niet van toepassing is. Tot dan komt de registratie niet op de website.")))
		}
		return fs
	},
}
