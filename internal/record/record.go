// Package record is the register's data model: one Record per YAML file,
// sensors and algorithms alike, as described in the record format (design v1).
// Fields hold what the file says; dates stay YYYY-MM-DD strings so a record
// round-trips exactly. Optional structures are pointers so a rule can tell
// "absent" from "empty".
package record

import (
	"slices"
	"strings"
	"unicode"
)

// Kind is what a record describes.
type Kind string

// The two kinds of record, each with its own folder under the register root.
const (
	Sensor    Kind = "sensor"
	Algorithm Kind = "algorithm"
)

// Hidden reports whether a file or folder of that name in a record folder
// is passed over, as if it were not there: a dot file, such as an
// editor's swap or backup file.
func Hidden(name string) bool { return strings.HasPrefix(name, ".") }

// Folder returns the folder under the register root that holds records of
// this kind.
func (k Kind) Folder() string {
	switch k {
	case Sensor:
		return "sensors"
	case Algorithm:
		return "algorithms"
	}
	return ""
}

// Kinds lists the kinds in the order the register shows them.
var Kinds = []Kind{Sensor, Algorithm}

// Record is one sensor or algorithm.
type Record struct {
	ID      string `yaml:"id" json:"id"`
	Kind    Kind   `yaml:"kind" json:"kind"`
	Name    string `yaml:"name" json:"name"`
	Summary string `yaml:"summary" json:"summary"`
	Status  string `yaml:"status" json:"status"`
	// StatusLabel is the status the record's file gives when the
	// checklist judges the record by another: one labelled retired whose
	// lifecycle.end is still to come is judged as active until then, and
	// its messages say what the file says. No file sets it, and it is
	// never exported.
	StatusLabel           string        `yaml:"-" json:"-"`
	Organisation          Organisation  `yaml:"organisation" json:"organisation"`
	Owner                 Owner         `yaml:"owner" json:"owner"`
	Purpose               string        `yaml:"purpose" json:"purpose"`
	Problem               string        `yaml:"problem" json:"problem,omitempty"`
	Alternatives          string        `yaml:"alternatives" json:"alternatives,omitempty"`
	Themes                []string      `yaml:"themes" json:"themes,omitempty"`
	Decisions             []Decision    `yaml:"decisions" json:"decisions,omitempty"`
	LegalBasis            *LegalBasis   `yaml:"legal_basis" json:"legal_basis,omitempty"`
	ProcessingRegisterURL string        `yaml:"processing_register_url" json:"processing_register_url,omitempty"`
	PersonalData          PersonalData  `yaml:"personal_data" json:"personal_data"`
	DPIA                  *DPIA         `yaml:"dpia" json:"dpia,omitempty"`
	Assessments           []Assessment  `yaml:"assessments" json:"assessments,omitempty"`
	Risks                 *Risks        `yaml:"risks" json:"risks,omitempty"`
	AIAct                 *AIAct        `yaml:"ai_act" json:"ai_act,omitempty"`
	Lifecycle             Lifecycle     `yaml:"lifecycle" json:"lifecycle"`
	Evaluation            Evaluation    `yaml:"evaluation" json:"evaluation"`
	Reviews               []Review      `yaml:"reviews" json:"reviews,omitempty"`
	Retention             string        `yaml:"retention" json:"retention,omitempty"`
	DataRights            *DataRights   `yaml:"data_rights" json:"data_rights,omitempty"`
	DataSharing           []DataSharing `yaml:"data_sharing" json:"data_sharing,omitempty"`
	Correction            *Correction   `yaml:"correction" json:"correction,omitempty"`
	OpenData              *OpenData     `yaml:"open_data" json:"open_data,omitempty"`
	Security              *Security     `yaml:"security" json:"security,omitempty"`
	Supplier              *Supplier     `yaml:"supplier" json:"supplier,omitempty"`
	Incidents             []Incident    `yaml:"incidents" json:"incidents,omitempty"`
	Exceptions            []Exception   `yaml:"exceptions" json:"exceptions,omitempty"`
	RegisteredOn          string        `yaml:"registered_on" json:"registered_on,omitempty"`
	Publication           *Publication  `yaml:"publication" json:"publication,omitempty"`
	Links                 []Link        `yaml:"links" json:"links,omitempty"`

	// Capabilities is what a sensor can do, or what an algorithm analyses
	// (biometric identification, categorisation, emotion recognition, ...).
	Capabilities []string `yaml:"capabilities" json:"capabilities,omitempty"`
	// SwitchedOff are the capabilities listed under Capabilities that are
	// switched off: the sensor can, but does not.
	SwitchedOff []string `yaml:"switched_off" json:"switched_off,omitempty"`

	// Sensor only.
	SensorType   string    `yaml:"sensor_type" json:"sensor_type,omitempty"`
	CameraRegime string    `yaml:"camera_regime" json:"camera_regime,omitempty"`
	Measures     []Measure `yaml:"measures" json:"measures,omitempty"`
	Quantity     int       `yaml:"quantity" json:"quantity,omitempty"`
	// QuantityInvalid: quantity is given but is no count (not a whole
	// number from 1 to MaxQuantity). The schema reports it; Devices says
	// the number is not known rather than take the default of 1.
	QuantityInvalid bool          `yaml:"-" json:"-"`
	Location        *Location     `yaml:"location" json:"location,omitempty"`
	Signage         *Signage      `yaml:"signage" json:"signage,omitempty"`
	Minimisation    *Minimisation `yaml:"minimisation" json:"minimisation,omitempty"`
	Vendor          *Vendor       `yaml:"vendor" json:"vendor,omitempty"`

	// Algorithm only.
	AlgorithmType       string            `yaml:"algorithm_type" json:"algorithm_type,omitempty"`
	Role                string            `yaml:"role" json:"role,omitempty"`
	AffectsIndividuals  *bool             `yaml:"affects_individuals" json:"affects_individuals,omitempty"`
	PublicationCategory string            `yaml:"publication_category" json:"publication_category,omitempty"`
	HumanOversight      string            `yaml:"human_oversight" json:"human_oversight,omitempty"`
	Explanation         string            `yaml:"explanation" json:"explanation,omitempty"`
	SelfLearning        *bool             `yaml:"self_learning" json:"self_learning,omitempty"`
	Datasets            []Dataset         `yaml:"datasets" json:"datasets,omitempty"`
	SourceCode          *SourceCode       `yaml:"source_code" json:"source_code,omitempty"`
	Objection           string            `yaml:"objection" json:"objection,omitempty"`
	UsesSensors         []string          `yaml:"uses_sensors" json:"uses_sensors,omitempty"`
	NationalRegister    *NationalRegister `yaml:"national_register" json:"national_register,omitempty"`

	// FormatVersion is the version of the record format the file is in
	// (format_version; absent means 1). register migrate keeps it current.
	FormatVersion int `yaml:"format_version" json:"format_version,omitempty"`

	// File is the record's path relative to the register root, with forward
	// slashes (for example "sensors/cam-markt.yaml"). It is not part of the YAML.
	File string `yaml:"-" json:"-"`
	// PublicationInvalid is set by the loader when the publication block does
	// not follow the schema (withheld as text, an unknown key, a path that
	// names no field): the record is then treated as not public.
	PublicationInvalid bool `yaml:"-" json:"-"`
	// Placeholders is set by the loader when the record still holds the
	// marks of a template ("(vul in)", an example address, the template's
	// position): the record is then not public until it is filled in.
	Placeholders bool `yaml:"-" json:"-"`
	// Point is the sensor's position in WGS84, from location.point or converted
	// from location.point_rd; nil when the record has neither.
	Point *Point `yaml:"-" json:"-"`
}

// Organisation is who operates the sensor or algorithm (6.5: private parties
// are bound by the same rules).
type Organisation struct {
	Name string `yaml:"name" json:"name"`
	Type string `yaml:"type" json:"type"` // municipality, police, other_government, private, research, other
	KvK  string `yaml:"kvk" json:"kvk,omitempty"`
}

// Owner is the responsible officer (3.7): a role with a functional mailbox,
// never a person's name.
type Owner struct {
	Role       string `yaml:"role" json:"role"`
	Email      string `yaml:"email" json:"email"`
	Department string `yaml:"department" json:"department,omitempty"`
	Phone      string `yaml:"phone" json:"phone,omitempty"`
}

// Decision is a democratic or administrative decision behind the deployment (I).
type Decision struct {
	Body      string `yaml:"body" json:"body"` // council, college, mayor, other
	Kind      string `yaml:"kind" json:"kind"` // mandate, authorisation, extension, permit
	Date      string `yaml:"date" json:"date,omitempty"`
	Reference string `yaml:"reference" json:"reference,omitempty"`
}

// LegalBasis is the legal ground for the processing (VI).
type LegalBasis struct {
	Regime     string `yaml:"regime" json:"regime"` // gdpr, police_data, other
	GDPRGround string `yaml:"gdpr_ground" json:"gdpr_ground,omitempty"`
	Law        string `yaml:"law" json:"law,omitempty"`
	// OutsidePublicTask states why a public authority's processing on
	// legitimate interest falls outside its public task (GDPR art. 6(1),
	// last sentence): the one lawful way to that ground.
	OutsidePublicTask string `yaml:"outside_public_task" json:"outside_public_task,omitempty"`
	// Boa says the operator's buitengewoon opsporingsambtenaren process
	// the data to investigate the offences of their deed: the Wet
	// politiegegevens governs that, as it does the police's.
	Boa   *bool    `yaml:"boa" json:"boa,omitempty"`
	Links []string `yaml:"links" json:"links,omitempty"`
}

// PersonalData says whether personal data is processed (5.1, 6.4).
type PersonalData struct {
	Processed         string   `yaml:"processed" json:"processed"` // yes, no, unknown
	Categories        []string `yaml:"categories" json:"categories,omitempty"`
	SpecialCategories *bool    `yaml:"special_categories" json:"special_categories,omitempty"`
	// SpecialGround is the exception of GDPR art. 9(2) the processing of
	// special categories rests on (a letter's name, such as
	// substantial_public_interest for 9(2)(g)); SpecialLaw the article of the
	// UAVG (or, for police data, the Wpg) that makes it available.
	SpecialGround string `yaml:"special_categories_ground" json:"special_categories_ground,omitempty"`
	SpecialLaw    string `yaml:"special_categories_law" json:"special_categories_law,omitempty"`
}

// Likely reports whether personal data must be assumed: "unknown" counts as
// "yes" (6.4: when in doubt, treat it as personal data).
func (p PersonalData) Likely() bool { return p.Processed != "no" }

// DPIA is the data protection impact assessment (6.3, 6.6).
type DPIA struct {
	Status string `yaml:"status" json:"status"` // done, in_progress, not_required, not_done
	Date   string `yaml:"date" json:"date,omitempty"`
	URL    string `yaml:"url" json:"url,omitempty"`
	Public *bool  `yaml:"public" json:"public,omitempty"`
	Reason string `yaml:"reason" json:"reason,omitempty"`
}

// Assessment is an impact assessment such as an IAMA or DEDA (3.2).
type Assessment struct {
	Type    string `yaml:"type" json:"type"`
	Date    string `yaml:"date" json:"date,omitempty"`
	URL     string `yaml:"url" json:"url,omitempty"`
	Summary string `yaml:"summary" json:"summary,omitempty"`
}

// Risks is the risk analysis (2.2).
type Risks struct {
	ChillingEffect string `yaml:"chilling_effect" json:"chilling_effect,omitempty"`
	Discrimination string `yaml:"discrimination" json:"discrimination,omitempty"`
	Stacking       string `yaml:"stacking" json:"stacking,omitempty"`
	Mitigations    string `yaml:"mitigations" json:"mitigations,omitempty"`
}

// AIAct is the record's profile under the EU AI Act (Regulation (EU)
// 2024/1689): whether it is an AI system (category not_ai when it is not),
// the operator's role, its risk group with the annex point or the art. 6(3)
// exemption, the transparency duties of art. 50, and the FRIA and EU
// database entry the high-risk duties ask for.
type AIAct struct {
	Category     string   `yaml:"category" json:"category"`                     // prohibited, high_risk, transparency, minimal, not_ai
	Role         string   `yaml:"role" json:"role,omitempty"`                   // provider, deployer, provider_and_deployer
	AnnexIII     string   `yaml:"annex_iii" json:"annex_iii,omitempty"`         // point of Annex III, such as "1(a)" or "5(b)"
	AnnexI       string   `yaml:"annex_i" json:"annex_i,omitempty"`             // the Union product legislation of Annex I
	Exemption    string   `yaml:"exemption_6_3" json:"exemption_6_3,omitempty"` // why art. 6(3) takes an Annex III system out of high risk
	Transparency []string `yaml:"transparency" json:"transparency,omitempty"`   // art. 50 duties
	Basis        string   `yaml:"basis" json:"basis,omitempty"`
	FRIA         *FRIA    `yaml:"fria" json:"fria,omitempty"`
	EUDatabaseID string   `yaml:"eu_database_id" json:"eu_database_id,omitempty"`
	Literacy     string   `yaml:"literacy" json:"literacy,omitempty"` // how staff who work with it are made AI-literate (art. 4)
}

// FRIA is a fundamental-rights impact assessment (AI Act art. 27).
type FRIA struct {
	Date string `yaml:"date" json:"date,omitempty"`
	URL  string `yaml:"url" json:"url,omitempty"`
}

// Lifecycle is how long the deployment may last (3.4).
type Lifecycle struct {
	Start             string `yaml:"start" json:"start"`
	End               string `yaml:"end" json:"end,omitempty"`
	ExtensionCriteria string `yaml:"extension_criteria" json:"extension_criteria,omitempty"`
}

// Evaluation is when the record was last evaluated and how often it must be (III).
type Evaluation struct {
	Interval string `yaml:"interval" json:"interval,omitempty"`
	Last     string `yaml:"last" json:"last,omitempty"`
	Outcome  string `yaml:"outcome" json:"outcome,omitempty"`
}

// Review is an independent review, for example by the ethics committee (3.8).
type Review struct {
	Body    string `yaml:"body" json:"body"`
	Date    string `yaml:"date" json:"date,omitempty"`
	URL     string `yaml:"url" json:"url,omitempty"`
	Summary string `yaml:"summary" json:"summary,omitempty"`
	// Asked says whether the municipality asked for the advice (true) or
	// the reviewer gave it unasked (false); nil when the record does not
	// say. The ethics committee advises both ways (C-ethics-committee).
	Asked *bool `yaml:"asked" json:"asked,omitempty"`
	// Response is the municipality's answer to the advice; nil while the
	// advice waits for one.
	Response *Response `yaml:"response" json:"response,omitempty"`
}

// AwaitsResponse reports whether the review is advice the municipality owes
// an answer: the ethics committee's advice, asked or unasked, without a
// response yet. Other bodies report rather than advise the executive (the
// audit office answers to the council, the DPO is internal), so their
// reviews are not counted as open.
func (rv Review) AwaitsResponse() bool {
	return rv.Body == "ethics_committee" && rv.Response == nil
}

// Response is the municipality's response to a review's advice.
type Response struct {
	Date    string `yaml:"date" json:"date"`
	Summary string `yaml:"summary" json:"summary,omitempty"`
	URL     string `yaml:"url" json:"url,omitempty"`
}

// Correction is how residents have data about them corrected or deleted
// (GDPR art. 16, 17): the route, the desk that handles it, where to reach
// it and the longest it takes. Every recipient of the data is told of a
// correction (art. 19); the record's data_sharing names them.
type Correction struct {
	Route string `yaml:"route" json:"route"`
	Desk  string `yaml:"desk" json:"desk,omitempty"`
	URL   string `yaml:"url" json:"url,omitempty"`
	Email string `yaml:"email" json:"email,omitempty"`
	// Term is an ISO 8601 duration, such as P4W.
	Term string `yaml:"term" json:"term,omitempty"`
}

// DataRights says who holds the rights to the data (5.2).
type DataRights struct {
	Holder          string `yaml:"holder" json:"holder"` // municipality, supplier, shared
	ResaleForbidden *bool  `yaml:"resale_forbidden" json:"resale_forbidden,omitempty"`
}

// DataSharing is one data-sharing agreement; they are always temporary.
type DataSharing struct {
	Party         string `yaml:"party" json:"party"`
	Purpose       string `yaml:"purpose" json:"purpose,omitempty"`
	Start         string `yaml:"start" json:"start,omitempty"`
	End           string `yaml:"end" json:"end,omitempty"`
	Retention     string `yaml:"retention" json:"retention,omitempty"`
	OnwardSharing *bool  `yaml:"onward_sharing" json:"onward_sharing,omitempty"`
	AgreementURL  string `yaml:"agreement_url" json:"agreement_url,omitempty"`
}

// OpenData is where the collected data is published.
type OpenData struct {
	URL     string `yaml:"url" json:"url,omitempty"`
	Licence string `yaml:"licence" json:"licence,omitempty"`
}

// Security holds the security audit (7.4, 7.7).
type Security struct {
	LastAudit string `yaml:"last_audit" json:"last_audit,omitempty"`
	AuditURL  string `yaml:"audit_url" json:"audit_url,omitempty"`
	Measures  string `yaml:"measures" json:"measures,omitempty"`
}

// Supplier is the supplier and the contract (6.1).
type Supplier struct {
	Name        string   `yaml:"name" json:"name,omitempty"`
	ContractEnd string   `yaml:"contract_end" json:"contract_end,omitempty"`
	Conditions  []string `yaml:"conditions" json:"conditions,omitempty"`
}

// Incident is a data breach, malfunction or misuse.
type Incident struct {
	Type        string `yaml:"type" json:"type"`
	Discovered  string `yaml:"discovered" json:"discovered,omitempty"`
	Reported    string `yaml:"reported" json:"reported,omitempty"`
	Notifiable  *bool  `yaml:"notifiable" json:"notifiable,omitempty"`
	DelayReason string `yaml:"delay_reason" json:"delay_reason,omitempty"`
	Summary     string `yaml:"summary" json:"summary,omitempty"`
}

// IsNotifiable reports whether the incident must be reported to the Dutch DPA;
// a breach is notifiable unless the record says otherwise.
func (i Incident) IsNotifiable() bool { return i.Notifiable == nil || *i.Notifiable }

// Exception is an approved exception to one rule.
type Exception struct {
	Rule       string `yaml:"rule" json:"rule"`
	Reason     string `yaml:"reason" json:"reason,omitempty"`
	LegalBasis string `yaml:"legal_basis" json:"legal_basis,omitempty"`
	ApprovedBy string `yaml:"approved_by" json:"approved_by,omitempty"`
	ApprovedOn string `yaml:"approved_on" json:"approved_on,omitempty"`
	Until      string `yaml:"until" json:"until,omitempty"`
	// Objective, NationalLaw and Authorisation are what the AI Act asks
	// of the police's use of remote biometric identification: the
	// objective of art. 5(1)(h) (real time only), the national law that
	// provides for it (art. 5(5)), and the prior authorisation by a court
	// or independent administrative authority (art. 5(3), 26(10)).
	Objective     string         `yaml:"objective" json:"objective,omitempty"`
	NationalLaw   string         `yaml:"national_law" json:"national_law,omitempty"`
	Authorisation *Authorisation `yaml:"authorisation" json:"authorisation,omitempty"`
}

// Authorisation is a court's or an independent authority's authorisation.
type Authorisation struct {
	Authority string `yaml:"authority" json:"authority"`
	Date      string `yaml:"date" json:"date,omitempty"`
	Reference string `yaml:"reference" json:"reference,omitempty"`
}

// Publication controls what the public site and open data show.
type Publication struct {
	Public   *bool    `yaml:"public" json:"public,omitempty"`
	Reason   string   `yaml:"reason" json:"reason,omitempty"`
	Withheld []string `yaml:"withheld" json:"withheld,omitempty"`
}

// Link is a titled link.
type Link struct {
	Title string `yaml:"title" json:"title,omitempty"`
	URL   string `yaml:"url" json:"url"`
}

// Measure is a property a sensor measures.
type Measure struct {
	Property  string `yaml:"property" json:"property"`
	Unit      string `yaml:"unit" json:"unit,omitempty"`
	Frequency string `yaml:"frequency" json:"frequency,omitempty"`
}

// Location is where a sensor is.
type Location struct {
	Description string       `yaml:"description" json:"description"`
	Area        string       `yaml:"area" json:"area,omitempty"`
	Point       *Point       `yaml:"point" json:"point,omitempty"`
	PointRD     *PointRD     `yaml:"point_rd" json:"point_rd,omitempty"`
	Polygon     [][2]float64 `yaml:"polygon" json:"polygon,omitempty"` // [lon, lat] pairs
	Mobile      bool         `yaml:"mobile" json:"mobile,omitempty"`
}

// Point is a WGS84 position.
type Point struct {
	Lat float64 `yaml:"lat" json:"lat"`
	Lon float64 `yaml:"lon" json:"lon"`
}

// PointRD is a Rijksdriehoek (EPSG:28992) position in metres.
type PointRD struct {
	X float64 `yaml:"x" json:"x"`
	Y float64 `yaml:"y" json:"y"`
}

// Signage says how the sensor is made recognisable (4.3).
type Signage struct {
	Present     *bool  `yaml:"present" json:"present,omitempty"`
	Description string `yaml:"description" json:"description,omitempty"`
}

// Minimisation lists the measures that keep the sensor to what its purpose needs (7.5).
type Minimisation struct {
	Measures []string `yaml:"measures" json:"measures,omitempty"`
	Notes    string   `yaml:"notes" json:"notes,omitempty"`
}

// Vendor is the hardware's maker (7.6).
type Vendor struct {
	Manufacturer string `yaml:"manufacturer" json:"manufacturer,omitempty"`
	Model        string `yaml:"model" json:"model,omitempty"`
	Country      string `yaml:"country" json:"country,omitempty"`
}

// Dataset is a dataset an algorithm uses.
type Dataset struct {
	Name         string `yaml:"name" json:"name"`
	Source       string `yaml:"source" json:"source,omitempty"`
	Description  string `yaml:"description" json:"description,omitempty"`
	PersonalData *bool  `yaml:"personal_data" json:"personal_data,omitempty"`
	URL          string `yaml:"url" json:"url,omitempty"`
}

// SourceCode is where an algorithm's code is, or why it is not published.
type SourceCode struct {
	URL               string `yaml:"url" json:"url,omitempty"`
	Licence           string `yaml:"licence" json:"licence,omitempty"`
	UnavailableReason string `yaml:"unavailable_reason" json:"unavailable_reason,omitempty"`
}

// NationalRegister is the record's entry on the national algorithm register.
type NationalRegister struct {
	ID  string `yaml:"id" json:"id,omitempty"`
	URL string `yaml:"url" json:"url,omitempty"`
}

// IsPublic reports whether the record may be shown on the public site and in
// open data (the default). A record whose publication block could not be
// read is not public: the privacy switch fails closed.
func (r *Record) IsPublic() bool {
	if r.PublicationInvalid || r.Placeholders {
		return false
	}
	return r.Publication == nil || r.Publication.Public == nil || *r.Publication.Public
}

// IsWithheld reports whether a field path (for example "location.point" or
// "datasets.0.url") is withheld from publication, either itself or through
// a parent (see Covers), by publication.withheld or by a rule that follows
// from the record (see Withheld).
func (r *Record) IsWithheld(path string) bool {
	found := false
	r.eachWithheld(func(w string) bool {
		found = Covers(w, path)
		return !found
	})
	return found
}

// BlankedByWithholding reports whether value, the field's in the public
// view r, is blank because the record withholds the field: it was given,
// and is not public, rather than never given.
func (r *Record) BlankedByWithholding(field, value string) bool {
	return value == "" && r.IsWithheld(field)
}

// Withheld returns the paths the record keeps from the public: those
// publication.withheld names, then those that follow from the record
// itself, each once:
//
//   - both forms of the position, location.point and location.point_rd,
//     when either of them or any part of one is withheld, since one can
//     be converted into the other;
//   - dpia.url, when the record has one and dpia.public is not true: a
//     DPIA is published only when the record says so (6.6), so a url
//     without public: true is the municipality's internal copy.
//
// It returns nil when the record withholds nothing. Every public output
// asks this (or IsWithheld), never publication.withheld alone.
func (r *Record) Withheld() []string {
	var out []string
	r.eachWithheld(func(w string) bool {
		out = append(out, w)
		return true
	})
	return out
}

// eachWithheld calls f with each path of Withheld until f returns false.
func (r *Record) eachWithheld(f func(w string) bool) {
	var named []string
	if r.Publication != nil {
		named = r.Publication.Withheld
	}
	dpiaURL, dpiaPublic := "", false
	if r.DPIA != nil {
		dpiaURL, dpiaPublic = r.DPIA.URL, r.DPIA.Public != nil && *r.DPIA.Public
	}
	eachWithheldOf(named, dpiaURL, dpiaPublic, f)
}

// WithheldOf is Withheld of a record whose publication block names the
// paths named and whose DPIA has the url dpiaURL, public or not: for a
// record as its file holds it, before it is read (publish.Check).
func WithheldOf(named []string, dpiaURL string, dpiaPublic bool) []string {
	var out []string
	eachWithheldOf(named, dpiaURL, dpiaPublic, func(w string) bool {
		out = append(out, w)
		return true
	})
	return out
}

// eachWithheldOf calls f with each path of WithheldOf until f returns
// false.
func eachWithheldOf(named []string, dpiaURL string, dpiaPublic bool, f func(w string) bool) {
	covered := func(path string) bool { return CoveredBy(named, path) }
	for _, w := range named {
		if !f(w) {
			return
		}
	}
	position := false
	for _, w := range named {
		if Overlaps(w, "location.point") || Overlaps(w, "location.point_rd") {
			position = true
			break
		}
	}
	if position {
		for _, p := range []string{"location.point", "location.point_rd"} {
			if !covered(p) && !f(p) {
				return
			}
		}
	}
	if dpiaURL != "" && !dpiaPublic && !covered("dpia.url") {
		f("dpia.url")
	}
}

// CoveredBy reports whether one of the withheld paths named covers the
// field at path (Covers).
func CoveredBy(named []string, path string) bool {
	return slices.ContainsFunc(named, func(w string) bool { return Covers(w, path) })
}

// Overlaps reports whether the withheld path w covers the field at path
// or lies below it, so that path is withheld whole or in part:
// "location.point.lat" overlaps "location.point" and "location".
func Overlaps(w, path string) bool {
	if Covers(w, path) {
		return true
	}
	// w below path: path matches a prefix of w with w's indexes free.
	for path != "" {
		if w == "" {
			return false
		}
		ws, wrest, _ := strings.Cut(w, ".")
		ps, prest, _ := strings.Cut(path, ".")
		switch {
		case ws == ps:
			w, path = wrest, prest
		case IsIndex(ws) && !IsIndex(ps):
			w = wrest
		case IsIndex(ps) && !IsIndex(ws):
			path = prest
		default:
			return false
		}
	}
	return true
}

// Covers reports whether the withheld path w covers the field at path: w
// names path or one of its parents. A list index in path that w does not
// name is skipped, since w then means every element: "datasets.url" covers
// "datasets.0.url"; "datasets.0.url" covers "datasets.0.url" only.
func Covers(w, path string) bool {
	_, ok := CoveredPart(w, path)
	return ok
}

// CoveredPart returns the part of path that the withheld path w covers
// (Covers), the whole of which is withheld: "switched_off" of
// "switched_off.1", "datasets.0.url" of "datasets.0.url" under
// "datasets.url". What changed below it says more than that it changed.
func CoveredPart(w, path string) (string, bool) {
	whole := path
	for w != "" {
		if path == "" {
			return "", false
		}
		ws, wrest, _ := strings.Cut(w, ".")
		ps, prest, _ := strings.Cut(path, ".")
		switch {
		case ps == ws:
			w, path = wrest, prest
		case IsIndex(ps) && !IsIndex(ws):
			path = prest
		default:
			return "", false
		}
	}
	return strings.TrimSuffix(whole[:len(whole)-len(path)], "."), true
}

// IsIndex reports whether a path segment is a list index ("0", "12").
func IsIndex(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// IsCamera reports whether the sensor records or views images of public
// space: a camera or ANPR camera by its type, and any sensor that records
// video or is viewed live, or that claims the mayor's camera surveillance
// (PublicOrder), whatever its sensor_type says. What the sensor does
// decides its duties, not its label: a lamp post that films is a camera.
func (r *Record) IsCamera() bool {
	if r.Kind != Sensor {
		return false
	}
	return r.SensorType == "camera" || r.SensorType == "anpr_camera" ||
		r.Has("video_recording") || r.Has("live_viewing") || r.PublicOrder()
}

// HasRegime reports whether the sensor must state its camera_regime: cameras
// (IsCamera), ANPR cameras and drones, whose law depends on who uses them and
// why, and any sensor that states one, since a regime claims a camera's law.
func (r *Record) HasRegime() bool {
	return r.IsCamera() || r.Kind == Sensor && (r.SensorType == "drone" || r.CameraRegime != "")
}

// The camera regimes: which law governs a camera, ANPR camera or drone.
const (
	RegimePublicOrder = "public_order" // the mayor's camera surveillance, Gemeentewet art. 151c
	RegimePolice      = "police"       // Politiewet 2012, Wet politiegegevens
	RegimePrivate     = "private"      // a private operator under the GDPR
	RegimeUnknown     = "unknown"      // not decided yet: a question for the owner
)

// Regimes lists the values of camera_regime, in the order forms show them.
var Regimes = []string{RegimePublicOrder, RegimePolice, "traffic_management", "enforcement", "operational", "object_security", RegimePrivate, "other", RegimeUnknown}

// PublicOrder reports whether the sensor is the mayor's camera surveillance
// for public order (Gemeentewet art. 151c), the only regime 151c's duties and
// the programme's camera commitments apply to: camera_regime public_order,
// or a legal basis that names 151c whatever regime the record states, and
// whatever its sensor_type. The stricter reading wins, so a label (a regime
// or a sensor type) cannot take a 151c camera out of 151c's duties; the
// checklist reports the contradiction itself.
func (r *Record) PublicOrder() bool {
	return r.Kind == Sensor && (r.CameraRegime == RegimePublicOrder || r.LegalBasis.Names151c())
}

// Regime is the camera regime the record is judged under: public_order for
// a camera PublicOrder reports, else what camera_regime says.
func (r *Record) Regime() string {
	if r.PublicOrder() {
		return RegimePublicOrder
	}
	return r.CameraRegime
}

// Names151c reports whether the legal basis names Gemeentewet art. 151c,
// the mayor's power of camera surveillance, in its law or its links: what
// register migrate reads as a public-order camera and the checklist holds
// to 151c's duties. Nil names nothing.
func (lb *LegalBasis) Names151c() bool {
	if lb == nil {
		return false
	}
	return Names151c(append([]string{lb.Law}, lb.Links...)...)
}

// Names151c reports whether any of the texts (a legal basis's law or links)
// names article 151c: "151c" (or "151C") not part of a longer number or
// article ("1151c", "151ca"), so "Gemeentewet artikel 151c", "art. 151c lid 1"
// and a wetten.overheid.nl link ending in "Artikel151c" all count. A
// mention that denies it ("niet art. 151c", "geen cameratoezicht als
// bedoeld in artikel 151c") does not (denies151c).
func Names151c(texts ...string) bool {
	for _, s := range texts {
		s = strings.ToLower(s)
		for from := 0; ; {
			i := strings.Index(s[from:], "151c")
			if i < 0 {
				break
			}
			i += from
			end := i + len("151c")
			if (i == 0 || !isDigit(s[i-1])) && (end == len(s) || !isAlnum(s[end])) && !denies151c(s[:i]) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// denies151c reports whether the lower-case text before a mention of 151c
// ends in its denial: a negation followed by nothing but the words of a
// reference to the article, in the same clause ("valt niet onder artikel",
// "(niet art."). Any other word between them ("niet 's nachts op grond
// van", "niet alleen", "niet art. 151b maar") leaves the mention naming
// 151c: fail closed, for a mention read as a denial takes a camera out of
// 151c's duties.
func denies151c(before string) bool {
	before = before[clauseStart(before):]
	words := strings.FieldsFunc(before, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '\'' })
	for i := len(words) - 1; i >= 0; i-- {
		switch w := words[i]; {
		case slices.Contains(denials151c, w):
			return true
		case !slices.Contains(referenceWords, w):
			return false
		}
	}
	return false
}

// clauseStart returns where the last clause of the lower-case text s
// starts: after the last comma, semicolon, colon, bracket, line break, or
// sentence's end ("?", "!", or a full stop that closes no abbreviation
// such as "art.").
func clauseStart(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ',', ';', ':', '(', ')', '[', ']', '\n', '?', '!':
			return i + 1
		case '.':
			word := s[:i]
			word = word[strings.LastIndexFunc(word, func(c rune) bool { return !unicode.IsLetter(c) })+1:]
			if !slices.Contains(abbreviations, word) {
				return i + 1
			}
		}
	}
	return 0
}

// abbreviations are the words a reference to an article abbreviates with
// a full stop that ends no sentence.
var abbreviations = []string{"art", "artt", "nr", "nrs", "no", "jo", "sub", "lid", "gemw", "par", "sec", "para"}

// denials151c are the words that deny what follows them.
var denials151c = []string{"niet", "geen", "noch", "nooit", "not", "nor", "never"}

// referenceWords are the words that may stand between a denial and the
// article it denies: how a text refers to Gemeentewet 151c and to the
// surveillance it governs, in Dutch and English.
var referenceWords = []string{
	"art", "artikel", "nr", "lid", "onder", "van", "in", "bedoeld", "als", "de", "het", "een", "op", "grond", "basis",
	"valt", "vallen", "is", "zijn", "cameratoezicht", "camerabewaking", "toezicht", "voor", "openbare", "orde", "gemeentewet",
	"article", "section", "under", "of", "the", "a", "an", "within", "meaning", "based", "on", "municipalities", "act",
	"camera", "surveillance", "public", "order", "for", "as", "referred", "to",
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'z' }

// inferredPersonal are the sensor types and capabilities that process
// personal data whatever a record says: licence plates, device identifiers
// (hashed or not), location traces, images and sound of people in public
// space, and what is recognised of their faces, bodies and behaviour
// relate to identifiable people (GDPR art. 4(1)).
var inferredPersonalTypes = []string{"anpr_camera", "wifi_bluetooth_counter"}
var inferredPersonalCapabilities = []string{"licence_plate_recognition", "device_tracking",
	"video_recording", "live_viewing", "audio_recording",
	"face_recognition", "biometric_identification", "realtime_biometric_identification", "post_biometric_identification",
	"biometric_categorisation", "emotion_recognition", "gait_recognition", "person_tracking", "re_identification",
	"behaviour_detection_image", "behaviour_detection_sound"}

// PersonalByNature reports whether the record processes personal data by
// its nature, whatever personal_data.processed says, and why (the sensor
// type, camera regime or capability). A capability counts for every kind
// of record that states it: an algorithm that reads licence plates or
// follows devices in the images or signals it is given processes personal
// data as much as the sensor that does it on the device (GDPR art. 4(1)).
func (r *Record) PersonalByNature() (string, bool) {
	if r.Kind != Sensor {
		return r.personalCapability()
	}
	for _, t := range inferredPersonalTypes {
		if r.SensorType == t {
			return t, true
		}
	}
	if r.CameraRegime == RegimePublicOrder || r.CameraRegime == RegimePolice {
		// Watching people is what the regime is for.
		return "camera_regime " + r.CameraRegime, true
	}
	if r.PublicOrder() {
		return "legal_basis Gemeentewet 151c", true
	}
	return r.personalCapability()
}

// personalCapability returns the first capability the record lists that
// processes personal data by its nature (inferredPersonalCapabilities).
func (r *Record) personalCapability() (string, bool) {
	for _, c := range inferredPersonalCapabilities {
		if r.Has(c) {
			return c, true
		}
	}
	return "", false
}

// ProcessesPersonalData reports whether personal data must be assumed:
// when the record says yes or unknown (6.4), when it processes it by its
// nature (PersonalByNature), and when it says it processes
// identifiers of people (PersonalBySign), whatever personal_data.processed
// says.
func (r *Record) ProcessesPersonalData() bool {
	if r.PersonalData.Likely() {
		return true
	}
	if _, ok := r.PersonalByNature(); ok {
		return true
	}
	_, ok := r.PersonalBySign()
	return ok
}

// Has reports whether the record lists a capability.
func (r *Record) Has(capability string) bool {
	for _, c := range r.Capabilities {
		if c == capability {
			return true
		}
	}
	return false
}

// Uses reports whether the record lists a capability and does not list it
// as switched off.
func (r *Record) Uses(capability string) bool {
	return r.Has(capability) && !slices.Contains(r.SwitchedOff, capability)
}

// Active reports whether the record is in use.
func (r *Record) Active() bool { return r.Status == "active" }

// MaxQuantity is the largest quantity the record format takes (the
// schema's maximum): the largest whole number every JSON reader holds
// exactly.
const MaxQuantity = 1<<53 - 1

// Devices is how many devices the record describes: its quantity, or 1
// where none is given (the format's default). known is false where the
// quantity is given but is no count, so that no output shows a number the
// register does not state. A withheld quantity is the caller's to leave
// out: in a public view it reads as absent.
func (r *Record) Devices() (n int, known bool) {
	switch {
	case r.QuantityInvalid || r.Quantity < 0 || r.Quantity > MaxQuantity:
		return 0, false
	case r.Quantity == 0:
		return 1, true
	}
	return r.Quantity, true
}
