package natcompare

import "github.com/voorbeeldstad/register/internal/message"

// The words of the text report, English and Dutch side by side; the
// report is in Report.TextLanguage.
var (
	msgHead         = message.New("National algorithm register: %d entries of %s", "Landelijk Algoritmeregister: %d items van %s")
	msgOthers       = message.New(" (%d of other organisations left aside)", " (%d van andere organisaties buiten beschouwing gelaten)")
	msgLocal        = message.New("; here: %d public algorithms", "; hier: %d openbare algoritmes")
	msgNotPublic    = message.New(" (%d not public, not compared)", " (%d niet openbaar, niet vergeleken)")
	msgMissingThere = message.New("Missing nationally (%d): public here, no entry there", "Ontbreekt landelijk (%d): hier openbaar, daar geen item")
	msgMissingHere  = message.New("Registered nationally but not here (%d)", "Landelijk geregistreerd, maar hier niet (%d)")
	msgInBoth       = message.New("In both (%d), %d with differences", "In beide (%d), waarvan %d met verschillen")
	msgPaired       = message.New("%s = national %s", "%s = landelijk %s")
	msgByName       = message.New(" (paired by name; add national_register.id: %q to the record)",
		" (gekoppeld op naam; voeg national_register.id: %q toe aan de registratie)")
	msgSame     = message.New(": the same", ": gelijk")
	msgHere     = message.New("here:     %s", "hier:      %s")
	msgNational = message.New("national: %s", "landelijk: %s")
	msgEmpty    = message.New("(empty)", "(leeg)")

	msgWhichOrganisation = message.New("which organisation's entries to compare: set organisation in register.yaml or give --organisation",
		"van welke organisatie de items te vergelijken zijn: zet organisation in register.yaml of geef --organisation")
)
