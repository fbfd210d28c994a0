package packet

import (
	"fmt"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// Labels are the packet's fixed texts in one language. The Dutch follows the
// glossary (shared/glossary.md) and the principles' Dutch labels; the site
// keeps its own, unexported, table, so the packet keeps this small one.
type Labels struct {
	Title, DefaultCommittee                                 string
	CommitteeL, Meeting, Organisation, Register, Commit     string
	Uncommitted, ComparedWith, NoHistory, NoPrevious        string
	Window, Contents, Agenda, Record, Kind, Why, Section    string
	NothingOnAgenda, RemovedTitle, RemovedIntro             string
	DeviationsT, DeviationsIntro, NoDeviations              string
	KeyFacts, FindingsT, NoFindings, DueT, NoDue            string
	KeptBackLevel, KeptBack                                 string
	ChangesT, CommitsT, ExceptionsT, NoExceptions           string
	QuestionsT, NoQuestions, AppendixT, AppendixIntro       string
	Severity, Rule, Principle, Message, Help, Date, What    string
	State, Detail, Field, Change, Old, New, Subject, Reason string
	ApprovedBy, Until, Made, Page, Of, NotGiven, Yes, No    string
	Counts, NoComparison                                    string

	lang string
}

var nl = &Labels{
	lang:             "nl",
	Title:            "Reviewpakket ethische commissie",
	DefaultCommittee: "Ethische commissie",
	CommitteeL:       "Commissie",
	Meeting:          "Vergaderdatum",
	Organisation:     "Organisatie",
	Register:         "Register",
	Commit:           "Gemaakt van commit",
	Uncommitted:      "met wijzigingen die nog niet zijn vastgelegd in Git",
	ComparedWith:     "Vergeleken met",
	NoHistory:        "Geen Git-geschiedenis beschikbaar: nieuwe en gewijzigde registraties zijn niet geselecteerd.",
	NoPrevious: "Geen vorig pakket gevonden: nieuwe en gewijzigde registraties zijn niet geselecteerd. " +
		"Geef --since met een tag, commit of datum, of tag na de vergadering met --tag.",
	Window:          "Termijn voor wat eraan komt",
	Contents:        "Inhoud",
	Agenda:          "Agenda",
	Record:          "Registratie",
	Kind:            "Soort",
	Why:             "Waarom op de agenda",
	Section:         "Paragraaf",
	NothingOnAgenda: "Er staat deze keer niets op de agenda: niets is nieuw of gewijzigd, niets loopt af en de toets vindt geen fouten.",
	RemovedTitle:    "Verwijderd uit het register",
	RemovedIntro:    "Deze registraties zijn sinds het vorige pakket uit het register gehaald:",
	DeviationsT:     "Afwijkingen van de standaardinstellingen",
	DeviationsIntro: "De gemeente heeft deze regels van de toets uitgezet of lichter gemaakt, of deze instellingen van de toets anders gezet dan standaard; wat ze toetsen is in dit pakket dus niet (volledig) naar de standaard getoetst:",
	NoDeviations:    "De toets gebruikt de standaardinstellingen: geen regel is uitgezet of lichter gemaakt, en geen instelling is anders dan standaard.",
	KeyFacts:        "De belangrijkste feiten",
	FindingsT:       "Bevindingen van de toets aan de principes",
	NoFindings:      "De toets aan de principes vindt niets.",
	KeptBackLevel:   "niet openbaar",
	KeptBack:        "Het oordeel van deze regel berust op gegevens die niet openbaar zijn, en is daarom ook niet openbaar.",
	DueT:            "Data die aandacht vragen",
	NoDue:           "Er loopt niets af en er is geen evaluatie nodig binnen de termijn.",
	ChangesT:        "Wijzigingen sinds het vorige pakket",
	CommitsT:        "Vastgelegde wijzigingen",
	ExceptionsT:     "Goedgekeurde uitzonderingen",
	NoExceptions:    "Geen uitzonderingen.",
	QuestionsT:      "Vragen voor de commissie",
	NoQuestions:     "Geen vragen uit de toets; de commissie kan de registratie ter kennisname bespreken.",
	AppendixT:       "Bijlage: de aangehaalde principes",
	AppendixIntro: "De principes voor de digitale samenleving van de VNG (2022) en de afspraken uit het " +
		"programma die de bevindingen in dit pakket aanhalen, met de regels van de toets die ernaar verwijzen.",
	Severity:     "Ernst",
	Rule:         "Regel",
	Principle:    "Principe",
	Message:      "Bevinding",
	Help:         "Oplossing",
	Date:         "Datum",
	What:         "Wat",
	State:        "Stand",
	Detail:       "Toelichting",
	Field:        "Veld",
	Change:       "Wijziging",
	Old:          "Was",
	New:          "Wordt",
	Subject:      "Omschrijving",
	Reason:       "Reden",
	ApprovedBy:   "Goedgekeurd door",
	Until:        "Geldig tot",
	Made:         "Gemaakt met register packet",
	Page:         "Pagina",
	Of:           "van",
	NotGiven:     "Niet ingevuld",
	Yes:          "Ja",
	No:           "Nee",
	Counts:       "Op de agenda",
	NoComparison: "Geen vergelijking met een vorig pakket (zie het voorblad).",
}

var en = &Labels{
	lang:             "en",
	Title:            "Ethics committee review packet",
	DefaultCommittee: "Ethics committee",
	CommitteeL:       "Committee",
	Meeting:          "Meeting date",
	Organisation:     "Organisation",
	Register:         "Register",
	Commit:           "Made from commit",
	Uncommitted:      "with changes not yet committed to Git",
	ComparedWith:     "Compared with",
	NoHistory:        "No Git history available: new and changed records are not selected.",
	NoPrevious: "No previous packet found: new and changed records are not selected. " +
		"Give --since with a tag, commit or date, or tag after the meeting with --tag.",
	Window:          "Window for what falls due",
	Contents:        "Contents",
	Agenda:          "Agenda",
	Record:          "Record",
	Kind:            "Kind",
	Why:             "Why on the agenda",
	Section:         "Section",
	NothingOnAgenda: "Nothing is on the agenda this time: nothing is new or changed, nothing falls due and the checklist finds no errors.",
	RemovedTitle:    "Removed from the register",
	RemovedIntro:    "These records were removed from the register since the previous packet:",
	DeviationsT:     "Deviations from the default settings",
	DeviationsIntro: "The municipality switched these rules of the checklist off or made them lighter, or set these settings of the checklist away from their defaults; what they check is therefore not (fully) checked by the defaults in this packet:",
	NoDeviations:    "The checklist runs on its default settings: no rule is switched off or made lighter, and no setting differs from its default.",
	KeyFacts:        "Key facts",
	FindingsT:       "Findings of the principles checklist",
	NoFindings:      "The principles checklist finds nothing.",
	KeptBackLevel:   "not public",
	KeptBack:        "This rule's verdict rests on information that is not public, so it is not public either.",
	DueT:            "Dates that need attention",
	NoDue:           "Nothing ends and no evaluation is due within the window.",
	ChangesT:        "Changes since the previous packet",
	CommitsT:        "Commits",
	ExceptionsT:     "Approved exceptions",
	NoExceptions:    "No exceptions.",
	QuestionsT:      "Questions for the committee",
	NoQuestions:     "No questions from the checklist; the committee may discuss the record for information.",
	AppendixT:       "Appendix: the principles cited",
	AppendixIntro: "The VNG principles for the digital society (2022) and the programme commitments that the " +
		"findings in this packet cite, with the checklist's rules that refer to them.",
	Severity:     "Severity",
	Rule:         "Rule",
	Principle:    "Principle",
	Message:      "Finding",
	Help:         "How to resolve",
	Date:         "Date",
	What:         "What",
	State:        "State",
	Detail:       "Detail",
	Field:        "Field",
	Change:       "Change",
	Old:          "Was",
	New:          "Becomes",
	Subject:      "Description",
	Reason:       "Reason",
	ApprovedBy:   "Approved by",
	Until:        "Valid until",
	Made:         "Made with register packet",
	Page:         "Page",
	Of:           "of",
	NotGiven:     "Not given",
	Yes:          "Yes",
	No:           "No",
	Counts:       "On the agenda",
	NoComparison: "No comparison with a previous packet (see the cover).",
}

func labelsFor(lang string) *Labels {
	if lang == "en" {
		return en
	}
	return nl
}

// pick returns a text in the packet's language.
func (L *Labels) pick(p label.Text) string { return p.In(L.lang) }

// date writes a date the way a letter does: "24 november 2026".
func (L *Labels) date(t time.Time) string { return label.Date(L.lang, period.Format(t)) }

// dateString writes a YYYY-MM-DD date as date does, or leaves text that is
// not a date as it is.
func (L *Labels) dateString(s string) string { return label.Date(L.lang, s) }

// duration writes an ISO 8601 duration in words: P90D → "90 dagen".
func (L *Labels) duration(d period.Duration) string { return label.Duration(L.lang, d.String()) }

// durationString writes a duration as written in a record in words, or
// leaves text that is not a duration as it is.
func (L *Labels) durationString(s string) string { return label.Duration(L.lang, s) }

// sinceText describes the comparison with the previous packet.
func (L *Labels) sinceText(cs *history.ChangeSet, fromTag bool) string {
	var b strings.Builder
	b.WriteString(cs.Since)
	if fromTag {
		b.WriteString(L.pick([2]string{" (de tag van het vorige pakket)", " (the previous packet's tag)"}))
	}
	switch {
	case cs.Base == "":
		b.WriteString(L.pick([2]string{": het register bestond toen nog niet, dus alles is nieuw",
			": the register did not exist then, so everything is new"}))
	default:
		fmt.Fprintf(&b, ": commit %s", short(cs.Base))
		if cs.BaseDate != nil {
			fmt.Fprintf(&b, L.pick([2]string{" van %s", " of %s"}), L.date(*cs.BaseDate))
		}
	}
	return b.String()
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

var reasonWords = map[Reason]label.Text{
	New:       {"nieuw", "new"},
	Changed:   {"gewijzigd", "changed"},
	Due:       {"termijn", "due"},
	Findings:  {"bevindingen", "findings"},
	Requested: {"op verzoek", "requested"},
}

// ReasonWord returns the reason in words, in the packet's language.
func (L *Labels) ReasonWord(r Reason) string { return L.pick(reasonWords[r]) }

func (L *Labels) reasonList(rs []Reason) string {
	words := make([]string, len(rs))
	for i, r := range rs {
		words[i] = L.ReasonWord(r)
	}
	return strings.Join(words, ", ")
}

var severityWords = map[finding.Severity]label.Text{
	finding.Error:   {"Fout", "Error"},
	finding.Warning: {"Waarschuwing", "Warning"},
	finding.Info:    {"Ter informatie", "Info"},
}

func (L *Labels) severity(s finding.Severity) string {
	if w, ok := severityWords[s]; ok {
		return L.pick(w)
	}
	return s.String()
}

// yesNo writes a boolean as Ja or Nee.
func (L *Labels) yesNo(b bool) string {
	if b {
		return L.Yes
	}
	return L.No
}

// or returns s, or "Niet ingevuld" when it says nothing (record.Says).
func (L *Labels) or(s string) string {
	if !record.Says(s) {
		return L.NotGiven
	}
	return strings.TrimSpace(s)
}
