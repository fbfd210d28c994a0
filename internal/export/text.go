package export

import "github.com/voorbeeldstad/register/internal/message"

// The words of the findings of the export to the national algorithm
// register, English and Dutch side by side: values the standard requires,
// and values over its limits or in a form it does not take.
var (
	msgRequired = message.New("the national algorithm register requires %s, and the record gives no value for it",
		"het landelijke algoritmeregister vereist %s, maar de registratie geeft daar geen waarde voor")
	msgFillIn = message.New("fill in %s: the national algorithm register requires %s",
		"vul %s in: het landelijke algoritmeregister vereist %s")
	msgWithheldRequired = message.New("the field is withheld from publication, but the national algorithm register requires %s; publish it or leave this algorithm out of the national register",
		"het veld wordt niet gepubliceerd, maar het landelijke algoritmeregister vereist %s; publiceer het, of laat dit algoritme weg uit het landelijke register")
	msgTooLong = message.New("%s is %d characters; the national algorithm register allows at most %d",
		"%s is %d tekens lang; het landelijke algoritmeregister staat er hoogstens %d toe")
	msgShorten = message.New("shorten the text to %d characters or fewer; the export does not cut it",
		"kort de tekst in tot hoogstens %d tekens; de export kort hem niet zelf in")
	msgLongLink = message.New("%s link is %d characters; the national algorithm register allows at most 500",
		"link in %s is %d tekens lang; het landelijke algoritmeregister staat er hoogstens 500 toe")
	msgLongTitle = message.New("%s title is %d characters; the national algorithm register allows at most 500",
		"titel in %s is %d tekens lang; het landelijke algoritmeregister staat er hoogstens 500 toe")
	msgShorterLink = message.New("use a shorter link", "gebruik een kortere link")
	msgShorterName = message.New("use a shorter dataset name", "gebruik een kortere naam voor de gegevensbron")
	msgNotMonth    = message.New("%s is not a YYYY-MM month", "%s is geen maand in de vorm JJJJ-MM")
	msgWriteDate   = message.New("write %s as YYYY-MM-DD", "schrijf %s als JJJJ-MM-DD")
	msgNoEndDate   = message.New("the algorithm is out of use, and the national algorithm register asks for the month it went out of use (end_date), which the record does not give",
		"het algoritme is buiten gebruik, en het landelijke algoritmeregister vraagt de maand waarin het buiten gebruik ging (end_date), maar die staat niet in de registratie")
	msgAddEnd = message.New("add lifecycle.end: the date the algorithm went out of use",
		"vul lifecycle.end in: de datum waarop het algoritme buiten gebruik ging")
	msgBadContact = message.New("contact_email %q is neither an e-mail address nor an https:// web address, which the national algorithm register requires",
		"contact_email %q is geen e-mailadres en geen webadres dat met https:// begint, en dat vereist het landelijke algoritmeregister")
	msgGiveMailbox = message.New("give a functional mailbox (or a contact page starting with https://) in owner.email; a phone number goes in owner.phone",
		"geef in owner.email een functionele mailbox (of een contactpagina die met https:// begint); een telefoonnummer hoort in owner.phone")
	msgNotHTTPS = message.New("%s %q does not start with https://, as the national algorithm register requires",
		"%s %q begint niet met https://, en dat vereist het landelijke algoritmeregister")
	msgUseHTTPS = message.New("use the https:// address of the page", "gebruik het https://-adres van de pagina")
)
