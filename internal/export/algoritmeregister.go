package export

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// RuleAlgoritmeregister is the rule id of findings about values the national
// algorithm register's publication standard cannot take.
const RuleAlgoritmeregister = "export-algoritmeregister"

// Entry is one algorithm in the national algorithm register's publication
// standard v1.0, in the shape of the submission API's AlgorithmIn. Optional
// fields without a value are left out rather than sent as null: the standard
// types them as strings or lists.
type Entry struct {
	Name                  string        `json:"name"`
	DescriptionShort      string        `json:"description_short"`
	Organization          string        `json:"organization"`
	Category              []string      `json:"category,omitempty"`
	Status                string        `json:"status"`
	BeginDate             string        `json:"begin_date,omitempty"`
	EndDate               string        `json:"end_date,omitempty"`
	ContactEmail          string        `json:"contact_email"`
	Website               string        `json:"website,omitempty"`
	PublicationCategory   string        `json:"publication_category"`
	URL                   string        `json:"url,omitempty"`
	Goal                  string        `json:"goal,omitempty"`
	Proportionality       string        `json:"proportionality,omitempty"`
	HumanIntervention     string        `json:"human_intervention,omitempty"`
	Risks                 string        `json:"risks,omitempty"`
	LawfulBasis           string        `json:"lawful_basis,omitempty"`
	LawfulBasisGrouping   []TitledLink  `json:"lawful_basis_grouping,omitempty"`
	ProcessIndexURL       string        `json:"process_index_url,omitempty"`
	ImpacttoetsenGrouping []Impacttoets `json:"impacttoetsen_grouping,omitempty"`
	SourceData            string        `json:"source_data,omitempty"`
	SourceDataGrouping    []TitledLink  `json:"source_data_grouping,omitempty"`
	MethodsAndModels      string        `json:"methods_and_models,omitempty"`
	Provider              string        `json:"provider,omitempty"`
	Publiccode            string        `json:"publiccode,omitempty"`
	Lang                  string        `json:"lang"`
	StandardVersion       string        `json:"standard_version"`
	SourceID              string        `json:"source_id,omitempty"`
}

// Impacttoets is an impact assessment with, when it is public, a link.
type Impacttoets struct {
	Title string `json:"title"`
	Link  string `json:"link,omitempty"`
}

// TitledLink is a title with a link, as the standard's groupings hold them.
type TitledLink struct {
	Title string `json:"title"`
	Link  string `json:"link"`
}

// statusNL maps the record format's status to the standard's three, as the
// record format prescribes.
var statusNL = map[string]string{
	"planned":        "In ontwikkeling",
	"in_development": "In ontwikkeling",
	"active":         "In gebruik",
	"suspended":      "Buiten gebruik",
	"retired":        "Buiten gebruik",
}

// categoryNL maps publication_category to the standard's categories A, B, C.
var categoryNL = map[string]string{
	"high_risk_ai": "Hoog-risico AI-systeem",
	"impactful":    "Impactvolle algoritmes",
	"other":        "Overige algoritmes",
}

// ThemeNL maps the record format's theme slugs to the standard's themes
// (the 16 national themes, as the standard spells them).
var ThemeNL = map[string]string{
	"organisatie-en-bedrijfsvoering": "Organisatie en bedrijfsvoering",
	"cultuur-en-recreatie":           "Cultuur en recreatie",
	"economie":                       "Economie",
	"overheidsfinancien":             "Overheidsfinanciën",
	"wonen":                          "Wonen",
	"internationaal":                 "Internationaal",
	"migratie-en-integratie":         "Migratie en integratie",
	"natuur-en-milieu":               "Natuur en milieu",
	"onderwijs-en-wetenschap":        "Onderwijs en wetenschap",
	"openbare-orde-en-veiligheid":    "Openbare orde en veiligheid",
	"recht":                          "Recht",
	"ruimte-en-infrastructuur":       "Ruimte en infrastructuur",
	"sociale-zekerheid":              "Sociale zekerheid",
	"verkeer":                        "Verkeer",
	"werk":                           "Werk",
	"zorg-en-gezondheid":             "Zorg en gezondheid",
}

// assessmentNL names the record format's assessment types as the standard's
// list of recommended impact assessments does.
var assessmentNL = map[string]string{
	"IAMA":          "Impact Assessment Mensenrechten en Algoritmes (IAMA)",
	"FRAIA":         "Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)",
	"DEDA":          "De Ethische Data Assistant (DEDA)",
	"AIIA":          "AI Impact Assesment (AIIA)", // the standard's own spelling
	"IRPA":          "Impact Assessment Rechtspersonen (IRPA)",
	"risk_analysis": "Risicoanalyse",
	"other":         "Andere impacttoets",
}

var algorithmTypeNL = map[string]string{
	"rule_based":       "Regelgebaseerd",
	"statistical":      "Statistisch",
	"machine_learning": "Machine learning",
	"generative_ai":    "Generatieve AI",
	"hybrid":           "Hybride",
}

// field is one value of an entry with where it came from and the standard's
// limit, so a value that does not fit is reported against the record's own
// field.
type field struct {
	name     string // the standard's field
	from     string // the record's field, as a JSON Pointer
	max      int    // the standard's maximum length in characters; 0: none
	required bool
	value    *string
}

// WriteAlgoritmeregister writes the register's public algorithms as a JSON
// array of national algorithm register entries (AlgorithmIn, standard v1.0).
// Values that exceed the standard's limits or required values that are
// missing or withheld are returned as findings (rule
// export-algoritmeregister); the entry still carries the full value, so the
// submission API refuses it rather than publishing a cut text.
func WriteAlgoritmeregister(w io.Writer, reg *register.Register) ([]finding.Finding, error) {
	entries := []Entry{}
	var fs []finding.Finding
	pub := publish.Register(reg).Register
	for _, r := range pub.Records {
		if r.Kind != record.Algorithm {
			continue
		}
		e, more := algorithm(r, pub)
		entries = append(entries, e)
		fs = append(fs, more...)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(entries); err != nil {
		return nil, fmt.Errorf("write algoritmeregister export: %w", err)
	}
	return fs, nil
}

// Algorithm maps one algorithm record to a national register entry and
// reports what the standard cannot take. Withheld fields are left out.
func Algorithm(r *record.Record, reg *register.Register) (Entry, []finding.Finding) {
	if r = publish.View(r); r == nil {
		return Entry{}, nil
	}
	return algorithm(r, reg)
}

// algorithm is Algorithm for a record that is already its public view.
func algorithm(r *record.Record, reg *register.Register) (Entry, []finding.Finding) {
	e := Entry{Lang: "nld", StandardVersion: "1.0"}
	shown := func(path string) bool { return !r.IsWithheld(path) }
	text := func(path, v string) string {
		if shown(path) {
			return strings.TrimSpace(v)
		}
		return ""
	}
	e.Name = text("name", r.Name)
	e.DescriptionShort = text("summary", r.Summary)
	e.Organization = text("organisation.name", r.Organisation.Name)
	if e.Organization == "" && reg != nil && reg.Config != nil && shown("organisation.name") {
		e.Organization = reg.Config.Organisation
	}
	e.Status = statusNL[r.Status]
	e.ContactEmail = text("owner.email", r.Owner.Email)
	e.PublicationCategory = categoryNL[r.PublicationCategory]
	if shown("themes") {
		for _, t := range r.Themes {
			if nl, ok := ThemeNL[t]; ok {
				e.Category = append(e.Category, nl)
			}
		}
	}
	// The standard asks for the month the algorithm went into use, and for an
	// end date only once it is out of use: while in use it stays empty.
	if e.Status != "In ontwikkeling" && shown("lifecycle.start") {
		e.BeginDate = month(r.Lifecycle.Start)
	}
	if e.Status == "Buiten gebruik" && shown("lifecycle.end") {
		e.EndDate = month(r.Lifecycle.End)
	}
	if shown("links") {
		for _, l := range r.Links {
			if l.URL != "" {
				e.Website = l.URL
				break
			}
		}
	}
	e.URL = recordURL(r, reg)
	e.Goal = text("purpose", r.Purpose)
	e.Proportionality = sections(
		[2]string{"Probleem", text("problem", r.Problem)},
		[2]string{"Alternatieven", text("alternatives", r.Alternatives)})
	// The standard has no field for objection and appeal; how a resident
	// has an outcome corrected belongs with how people check and correct
	// outcomes, after the record's own text on that.
	e.HumanIntervention = paragraphs(
		text("human_oversight", r.HumanOversight),
		labelled("Bezwaar en beroep", text("objection", r.Objection)))
	if r.Risks != nil && shown("risks") {
		e.Risks = sections(
			[2]string{"Afschrikeffect", text("risks.chilling_effect", r.Risks.ChillingEffect)},
			[2]string{"Discriminatie", text("risks.discrimination", r.Risks.Discrimination)},
			[2]string{"Stapeling", text("risks.stacking", r.Risks.Stacking)},
			[2]string{"Maatregelen", text("risks.mitigations", r.Risks.Mitigations)})
	}
	if r.LegalBasis != nil {
		e.LawfulBasis = text("legal_basis.law", r.LegalBasis.Law)
		if shown("legal_basis.links") {
			e.LawfulBasisGrouping = lawLinks(r.LegalBasis.Links)
		}
	}
	e.ProcessIndexURL = text("processing_register_url", r.ProcessingRegisterURL)
	e.ImpacttoetsenGrouping = impactAssessments(r)
	e.SourceData, e.SourceDataGrouping = sourceData(r)
	e.MethodsAndModels = methods(r)
	if r.Supplier != nil {
		e.Provider = text("supplier.name", r.Supplier.Name)
	}
	if r.SourceCode != nil {
		e.Publiccode = text("source_code.url", r.SourceCode.URL)
	}
	e.SourceID = r.ID
	return e, check(r, &e)
}

// check reports missing required values and values over the standard's
// limits (counted in characters, as the standard counts them).
func check(r *record.Record, e *Entry) []finding.Finding {
	fields := []field{
		{"name", "/name", 100, true, &e.Name},
		{"description_short", "/summary", 400, true, &e.DescriptionShort},
		{"organization", "/organisation/name", 100, true, &e.Organization},
		{"status", "/status", 0, true, &e.Status},
		{"contact_email", "/owner/email", 500, true, &e.ContactEmail},
		{"publication_category", "/publication_category", 0, true, &e.PublicationCategory},
		{"website", "/links", 500, false, &e.Website},
		{"url", "", 500, false, &e.URL},
		{"goal", "/purpose", 2500, false, &e.Goal},
		{"proportionality", "/alternatives", 2500, false, &e.Proportionality},
		{"human_intervention", "/human_oversight", 2500, false, &e.HumanIntervention},
		{"risks", "/risks", 2500, false, &e.Risks},
		{"lawful_basis", "/legal_basis/law", 2500, false, &e.LawfulBasis},
		{"process_index_url", "/processing_register_url", 500, false, &e.ProcessIndexURL},
		{"source_data", "/datasets", 2500, false, &e.SourceData},
		{"methods_and_models", "/explanation", 5000, false, &e.MethodsAndModels},
		{"provider", "/supplier/name", 200, false, &e.Provider},
		{"publiccode", "/source_code/url", 500, false, &e.Publiccode},
		{"source_id", "/id", 100, false, &e.SourceID},
	}
	var fs []finding.Finding
	add := func(path string, msg, help message.Phrase) {
		fs = append(fs, finding.Finding{File: r.File, Record: r.ID, Rule: RuleAlgoritmeregister,
			Severity: finding.Error, Path: path, Message: msg.Pair(), Help: help.Pair()})
	}
	for _, f := range fields {
		n := utf8.RuneCountInString(*f.value)
		switch {
		case f.required && n == 0:
			help := msgFillIn.With(source.Dotted(f.from), f.name)
			if r.IsWithheld(source.Dotted(f.from)) {
				help = msgWithheldRequired.With(f.name)
			}
			add(f.from, msgRequired.With(f.name), help)
		case f.max > 0 && n > f.max:
			add(f.from, msgTooLong.With(f.name, n, f.max), msgShorten.With(f.max))
		}
	}
	for i, it := range e.ImpacttoetsenGrouping {
		if n := utf8.RuneCountInString(it.Link); n > 500 {
			add(fmt.Sprintf("/assessments/%d/url", i), msgLongLink.With("impacttoetsen_grouping", n), msgShorterLink.With())
		}
	}
	for i, l := range e.SourceDataGrouping {
		if n := utf8.RuneCountInString(l.Title); n > 500 {
			add(fmt.Sprintf("/datasets/%d/name", i), msgLongTitle.With("source_data_grouping", n), msgShorterName.With())
		}
		if n := utf8.RuneCountInString(l.Link); n > 500 {
			add(fmt.Sprintf("/datasets/%d/url", i), msgLongLink.With("source_data_grouping", n), msgShorterLink.With())
		}
	}
	if e.BeginDate != "" && !monthPattern.MatchString(e.BeginDate) {
		add("/lifecycle/start", msgNotMonth.With("begin_date"), msgWriteDate.With("lifecycle.start"))
	}
	if e.EndDate != "" && !monthPattern.MatchString(e.EndDate) {
		add("/lifecycle/end", msgNotMonth.With("end_date"), msgWriteDate.With("lifecycle.end"))
	}
	if e.Status == "Buiten gebruik" && e.EndDate == "" && !r.IsWithheld("lifecycle.end") {
		add("/lifecycle/end", msgNoEndDate.With(), msgAddEnd.With())
	}
	// Contact details: the standard takes a mail address or a web address
	// that starts with https://, and links only over https.
	if e.ContactEmail != "" && !contactPattern.MatchString(e.ContactEmail) {
		add("/owner/email", msgBadContact.With(e.ContactEmail), msgGiveMailbox.With())
	}
	for _, u := range []struct{ name, from, value string }{
		{"website", "/links", e.Website}, {"url", "", e.URL}, {"process_index_url", "/processing_register_url", e.ProcessIndexURL},
		{"publiccode", "/source_code/url", e.Publiccode},
	} {
		if u.value != "" && !strings.HasPrefix(u.value, "https://") {
			add(u.from, msgNotHTTPS.With(u.name, u.value), msgUseHTTPS.With())
		}
	}
	for i, l := range e.LawfulBasisGrouping {
		if n := utf8.RuneCountInString(l.Link); n > 500 {
			add(fmt.Sprintf("/legal_basis/links/%d", i), msgLongLink.With("lawful_basis_grouping", n), msgShorterLink.With())
		}
	}
	return fs
}

var (
	monthPattern   = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	contactPattern = regexp.MustCompile(`^(https://\S+|[^@\s]+@[^@\s]+\.[^@\s]+)$`)
)

// lawLinks lists the legal basis's links as the standard's titled links. The
// record keeps links without titles; the title is the link itself when it
// fits the standard's 100 characters, and else says which link it is.
func lawLinks(links []string) []TitledLink {
	var out []TitledLink
	for i, l := range links {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		title := l
		if utf8.RuneCountInString(title) > 100 {
			title = fmt.Sprintf("Wettelijke basis, link %d", i+1)
		}
		out = append(out, TitledLink{Title: title, Link: l})
	}
	return out
}

// month turns YYYY-MM-DD into the standard's YYYY-MM.
func month(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return date
}

func labelled(label, text string) string {
	if text == "" {
		return ""
	}
	return label + ": " + text
}

// sections joins labelled parts as paragraphs, each with its label; a single
// part is given as it is, so a text written as one (the standard's
// Afwegingen, imported whole) comes back character for character.
func sections(parts ...[2]string) string {
	var filled [][2]string
	for _, p := range parts {
		if p[1] != "" {
			filled = append(filled, p)
		}
	}
	if len(filled) == 1 {
		return filled[0][1]
	}
	var out []string
	for _, p := range filled {
		out = append(out, labelled(p[0], p[1]))
	}
	return paragraphs(out...)
}

// paragraphs joins the non-empty parts with blank lines.
func paragraphs(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// impactAssessments lists the DPIA and the assessments; a link only where
// the record publishes one (a DPIA that is not public keeps its link back).
func impactAssessments(r *record.Record) []Impacttoets {
	var out []Impacttoets
	if r.DPIA != nil && r.DPIA.Status == "done" && !r.IsWithheld("dpia") {
		it := Impacttoets{Title: "Data Protection Impact Assessment (DPIA)"}
		if r.DPIA.Public != nil && *r.DPIA.Public && !r.IsWithheld("dpia.url") {
			it.Link = r.DPIA.URL
		}
		out = append(out, it)
	}
	if !r.IsWithheld("assessments") {
		for _, a := range r.Assessments {
			it := Impacttoets{Title: assessmentNL[a.Type]}
			if it.Title == "" {
				it.Title = a.Type
			}
			if !r.IsWithheld("assessments.url") {
				it.Link = a.URL
			}
			out = append(out, it)
		}
	}
	if r.AIAct != nil && r.AIAct.FRIA != nil && !r.IsWithheld("ai_act.fria") {
		it := Impacttoets{Title: "Grondrechteneffectbeoordeling (FRIA, AI-verordening art. 27)"}
		if !r.IsWithheld("ai_act.fria.url") {
			it.Link = r.AIAct.FRIA.URL
		}
		out = append(out, it)
	}
	return out
}

// sourceData describes the datasets in words, one per line, and lists the
// ones with a published link.
func sourceData(r *record.Record) (string, []TitledLink) {
	if r.IsWithheld("datasets") {
		return "", nil
	}
	var lines []string
	var links []TitledLink
	for _, d := range r.Datasets {
		line := d.Name
		if d.Source != "" && !r.IsWithheld("datasets.source") {
			line += " (bron: " + d.Source + ")"
		}
		if d.Description != "" && !r.IsWithheld("datasets.description") {
			line += ": " + d.Description
		}
		if d.PersonalData != nil && *d.PersonalData {
			line += " Bevat persoonsgegevens."
		}
		lines = append(lines, line)
		if d.URL != "" && !r.IsWithheld("datasets.url") {
			links = append(links, TitledLink{Title: d.Name, Link: d.URL})
		}
	}
	return strings.Join(lines, "\n"), links
}

// methods is the technical working: the kind of algorithm, whether it is
// self-learning (the standard asks to say so at least), and the explanation.
func methods(r *record.Record) string {
	var head []string
	if t := algorithmTypeNL[r.AlgorithmType]; t != "" && !r.IsWithheld("algorithm_type") {
		head = append(head, "Soort algoritme: "+t+".")
	}
	if r.SelfLearning != nil && !r.IsWithheld("self_learning") {
		if *r.SelfLearning {
			head = append(head, "Zelflerend: ja, het leert door tijdens het gebruik.")
		} else {
			head = append(head, "Zelflerend: nee.")
		}
	}
	expl := ""
	if !r.IsWithheld("explanation") {
		expl = strings.TrimSpace(r.Explanation)
	}
	return paragraphs(strings.Join(head, " "), expl)
}

// recordURL is the record's page on the municipality's own public register,
// the standard's "link naar bronregistratie"; empty when the site has no
// base URL.
func recordURL(r *record.Record, reg *register.Register) string {
	if reg == nil {
		return ""
	}
	return pageurl.RecordURL(reg.Config, r.Kind, r.ID)
}
