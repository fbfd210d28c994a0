package config

import (
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
)

// The words of the findings about register.yaml and the REGISTER_
// variables, English and Dutch side by side. A setting's message starts
// with where it was made: the key in register.yaml, or the environment
// variable that made it.
var (
	msgNotAMapping = message.New("register.yaml must be a mapping of settings", "register.yaml moet een lijst van instellingen (een mapping) zijn")
	msgLinkNowhere = message.New("%s is a symlink that leads nowhere or in a loop; replace it with the file itself",
		"%s is een symlink die nergens heen leidt of in een kring gaat; vervang hem door het bestand zelf")
	msgLinkOutside = message.New("%s is a symlink that leads outside the register; replace it with the file itself",
		"%s is een symlink die buiten het register leidt; vervang hem door het bestand zelf")
	msgNotRegular = message.New("%s is not a regular file; register.yaml must be a plain file",
		"%s is geen gewoon bestand; register.yaml moet een gewoon bestand zijn")
	msgSeeExample      = message.New("see examples/register.yaml for every setting", "zie examples/register.yaml voor elke instelling")
	msgFixFileDefaults = message.New("fix register.yaml; until then the defaults apply", "verbeter register.yaml; tot dan gelden de standaardwaarden")
	msgFixSetting      = message.New("fix register.yaml or the REGISTER_ environment variable; until then the default applies",
		"verbeter register.yaml of de REGISTER_-omgevingsvariabele; tot dan geldt de standaardwaarde")
	msgFixVariableOver = message.New("fix the environment variable %s; until then the value of register.yaml applies",
		"verbeter de omgevingsvariabele %s; tot dan geldt de waarde uit register.yaml")
	msgFixVariableOverVar = message.New("fix the environment variable %s; until then the value %s gives applies",
		"verbeter de omgevingsvariabele %s; tot dan geldt de waarde uit %s")
	msgFixVariable = message.New("fix the environment variable %s; until then the default applies",
		"verbeter de omgevingsvariabele %s; tot dan geldt de standaardwaarde")
	// A setting and the period package's error, which words itself
	// (an interval in hours or of no time too: period.IntervalError).
	msgNotPeriod = message.Faulty
	// A value that is no text, named for what it is (wNull, ...), and
	// what the setting must be instead (formDuration, ...).
	msgNotText      = message.New("%s is %s, not %s", "%s is %s, geen %s")
	msgNotIntervals = message.New(`%s is not a JSON object of intervals, such as {"drone": "P2Y"}`, `%s is geen JSON-object met termijnen, zoals {"drone": "P2Y"}`)
	msgNoLanguage   = message.New("%s: language %q is not available: use nl and en", `%s: taal %q is er niet: kies uit "nl" en "en"`)
	msgNotCount     = message.New("%s: %q is not a positive whole number", "%s: %q is geen positief geheel getal")

	// A web address (addresses) with its form (formWeb, ...) and an
	// example of it.
	msgNotAddress   = message.New("%s: %q is not %s", "%s: %q is geen %s")
	msgWriteAddress = message.New("write %s, such as %s, or leave the setting out; until then the value is ignored",
		"schrijf een %s, zoals %s, of laat de instelling weg; tot dan telt de waarde niet")
	msgSetAddress = message.New("set the environment variable %s to %s, such as %s, or unset it; until then its value is ignored",
		"zet de omgevingsvariabele %s op een %s, zoals %s, of haal hem weg; tot dan telt de waarde niet")
	msgNotFlag   = message.New("%s: %q is not true or false", "%s: %q is niet true of false")
	msgWriteFlag = message.New("write true or false, or leave the setting out; until then the value is ignored",
		"schrijf true of false, of laat de instelling weg; tot dan telt de waarde niet")
	msgSetFlag = message.New("set the environment variable %s to true or false, or unset it; until then its value is ignored",
		"zet de omgevingsvariabele %s op true of false, of haal hem weg; tot dan telt de waarde niet")
	msgFixIgnored = message.New("fix the value in register.yaml or leave the setting out; until then the value is ignored",
		"verbeter de waarde in register.yaml of laat de instelling weg; tot dan telt de waarde niet")
	msgFixVariableIgnored = message.New("fix the environment variable %s or unset it; until then its value is ignored",
		"verbeter de omgevingsvariabele %s of haal hem weg; tot dan telt de waarde niet")
	msgNotEmail = message.New("%s: %q is not one plain e-mail address, such as meldingen@voorbeeldstad.nl",
		"%s: %q is niet één gewoon e-mailadres, zoals meldingen@voorbeeldstad.nl")
	msgNotEase        = message.New("%s: %q is not a number from 0 to 100", "%s: %q is geen getal van 0 tot en met 100")
	msgNotWatchList   = message.New("%s must be a list of {manufacturer, source}", "%s moet een lijst van {manufacturer, source} zijn")
	msgNotCustomRules = message.New("%s must be a list of rules with id, when, require and message", "%s moet een lijst van regels met id, when, require en message zijn")

	// The rules: section and REGISTER_RULES_ variables.
	msgRulesNotMapping = message.New("rules must be a mapping of rule ids to a severity", "rules moet rule-id's aan een zwaarte koppelen (een mapping)")
	msgRulesExample    = message.New(`write rules: {security-audit: {severity: warning, reason: "..."}}; until then the rule keeps its default`,
		`schrijf rules: {security-audit: {severity: warning, reason: "..."}}; tot dan houdt de regel zijn standaard`)
	msgNotRuleSetting = message.New("rules.%s.%s is not a setting of a rule", "rules.%s.%s is geen instelling van een regel")
	msgRuleTakes      = message.New("a rule takes severity and reason; until then the rule keeps its default",
		"een regel heeft severity en reason; tot dan houdt de regel zijn standaard")
	msgNoSeverity  = message.New("rules.%s has no severity", "rules.%s heeft geen severity")
	msgAddSeverity = message.New("add severity: error, warning, info or off; until then the rule keeps its default",
		"voeg severity toe: error, warning, info of off; tot dan houdt de regel zijn standaard")
	msgNotSeverity = message.New("%s: unknown severity %q: use error, warning, info or off",
		"%s: onbekende zwaarte %q: gebruik error, warning, info of off")
	msgFixRule = message.New("fix register.yaml; until then the rule keeps its default",
		"verbeter register.yaml; tot dan houdt de regel zijn standaard")
	msgReasonAlone = message.New("%s gives a reason, but %s is not set; the reason is ignored",
		"%s geeft een reden, maar %s is niet gezet; de reden telt niet")
	msgSetOrRemove = message.New("set %s to the severity the reason is for, or remove %s",
		"zet %s op de zwaarte waar de reden bij hoort, of verwijder %s")
	msgFixRuleVariable = message.New("fix the environment variable; until then the rule keeps the setting of register.yaml or its default",
		"verbeter de omgevingsvariabele; tot dan houdt de regel de instelling van register.yaml of zijn standaard")
	msgKeyFolded = message.New("%s: this is the key %q of line %d again, as keys count without regard to case",
		"%s: dit is opnieuw de sleutel %q van regel %d, want hoofdletters en kleine letters tellen bij sleutels niet")
	msgKeepFirst = message.New("remove one of the two or merge them; until then the first, on line %d, applies",
		"haal een van beide weg of voeg ze samen; tot dan geldt de eerste, op regel %d")
	// The same of a key of an environment variable's JSON object.
	msgKeyAgainIn  = message.New("%s: this is the key %q again", "%s: dit is opnieuw de sleutel %q")
	msgKeyFoldedIn = message.New("%s: this is the key %q again, as keys count without regard to case",
		"%s: dit is opnieuw de sleutel %q, want hoofdletters en kleine letters tellen bij sleutels niet")
	msgKeepFirstIn = message.New("remove one of the two from the environment variable %s; until then the first applies",
		"haal een van beide weg uit de omgevingsvariabele %s; tot dan geldt de eerste")
	// The same of two variables of one key, alike but for case.
	msgVariableFolded = message.New("%s: this sets the same interval as %s, as keys count without regard to case",
		"%s: dit zet dezelfde termijn als %s, want hoofdletters en kleine letters tellen bij sleutels niet")
	msgKeepFirstVariable = message.New("unset one of the two; until then %s is ignored and %s is read",
		"haal een van beide weg; tot dan telt %s niet en wordt %s gelezen")
	msgUnknownSetting = message.New("unknown setting %q is ignored", "onbekende instelling %q telt niet")
	msgCheckSpelling  = message.New("check the spelling; examples/register.yaml lists every setting",
		"controleer de spelling; examples/register.yaml noemt elke instelling")
)

// Why register.yaml could not be read, and what to do, after load's
// "read register.yaml: " (message.ReadFailed), which names the file.
var (
	msgConfigNoAccess = message.New("permission denied: whoever runs register must be allowed to read the file and open its folder; fix their permissions, or run register as a user who may read them",
		"geen toegang: wie register uitvoert, moet het bestand kunnen lezen en de map ervan kunnen openen; pas de rechten aan, of voer register uit als een gebruiker die ze mag lezen")
	msgConfigCannotRead = message.New("%s; check that it is a file register can read, then run register again",
		"%s; controleer of het een bestand is dat register kan lezen, en voer register daarna opnieuw uit")
)

// What a value of a setting is when it is no text (msgNotText), in Dutch
// and English.
var (
	wNull   = label.Text{"leeg (null)", "null"}
	wObject = label.Text{"een object", "an object"}
	wList   = label.Text{"een lijst", "a list"}
)

// What a setting must be, when it is no text (msgNotText), in Dutch and
// English; the web addresses have their own forms (formWeb, ...).
var (
	formDuration = label.Text{"termijn zoals P1Y", "a duration such as P1Y"}
	formDate     = label.Text{"datum in de vorm JJJJ-MM-DD", "a date in the form YYYY-MM-DD"}
	formFlag     = label.Text{"true of false", "true or false"}
	formEmail    = label.Text{"gewoon e-mailadres, zoals meldingen@voorbeeldstad.nl", "one plain e-mail address, such as meldingen@voorbeeldstad.nl"}
)
