package principle

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// readsTable names, per built-in rule that checks records, the fields of a
// record (top-level YAML keys, or a field below one where the rule reads
// no other: "location.area") its Applies and Check read: its verdict on a
// record follows from those fields, the run's day and the configuration
// alone (TestRulesReadOnlyDeclaredFields holds each rule to it). A public
// output shows a rule's verdict only when the record withholds none of
// them: a tick or a cross on a withheld field tells what it holds.
// A rule that reads camera_regime reads legal_basis too: a camera whose
// legal basis names Gemeentewet 151c is a public-order camera whatever its
// regime says (record.PublicOrder). A rule that asks whether a sensor is a
// camera reads its capabilities, camera_regime and legal_basis as well as
// its sensor_type: a sensor that films or claims 151c is one whatever its
// type (record.IsCamera). A rule that asks whether a record processes
// personal data reads its datasets too: a dataset with personal_data: true
// makes it so whatever personal_data.processed says
// (record.PersonalBySign).
// Kept as a table beside the rules, not in them, so that a change to a
// rule's check and a change to what it reads are read side by side here.
var readsTable = map[string][]string{
	"biometric-ban":            {"ai_act", "camera_regime", "capabilities", "datasets", "legal_basis", "organisation", "personal_data", "sensor_type", "status", "themes"},
	"owner-reachable":          {"owner"},
	"personal-data-inferred":   {"camera_regime", "capabilities", "datasets", "legal_basis", "minimisation", "organisation.type", "personal_data", "sensor_type", "status"},
	"dpia-required":            {"affects_individuals", "camera_regime", "capabilities", "data_sharing", "datasets", "dpia", "evaluation", "incidents", "legal_basis", "lifecycle", "minimisation", "organisation.type", "personal_data", "role", "sensor_type", "status"},
	"dpia-public":              {"camera_regime", "capabilities", "datasets", "dpia", "legal_basis", "minimisation", "organisation", "personal_data", "sensor_type", "status"},
	"legal-basis":              {"camera_regime", "capabilities", "datasets", "legal_basis", "minimisation", "organisation", "personal_data", "sensor_type", "status"},
	"special-categories":       {"camera_regime", "capabilities", "datasets", "legal_basis", "organisation", "personal_data", "sensor_type", "status"},
	"retention":                {"camera_regime", "capabilities", "data_sharing", "datasets", "evaluation", "incidents", "legal_basis", "lifecycle", "minimisation", "personal_data", "retention", "sensor_type", "status", "switched_off"},
	"decision-recorded":        {"data_sharing", "decisions", "evaluation", "incidents", "lifecycle", "organisation", "status"},
	"problem-and-alternatives": {"alternatives", "problem", "status"},
	"risk-analysis":            {"affects_individuals", "camera_regime", "capabilities", "datasets", "legal_basis", "location.area", "minimisation", "personal_data", "risks", "role", "sensor_type", "status"},
	"impact-assessment":        {"affects_individuals", "assessments", "capabilities", "datasets", "personal_data", "role", "status"},
	"self-learning":            {"assessments", "camera_regime", "evaluation", "legal_basis", "lifecycle", "self_learning", "sensor_type", "status"},
	"lifecycle-end":            {"camera_regime", "legal_basis", "lifecycle", "sensor_type", "status"},
	"lifecycle-ended":          {"camera_regime", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "sensor_type", "status"},
	"camera-regime":            {"camera_regime", "capabilities", "data_sharing", "legal_basis", "organisation", "sensor_type", "status"},
	"camera-decision":          {"camera_regime", "data_sharing", "decisions", "evaluation", "incidents", "legal_basis", "lifecycle", "sensor_type", "status"},
	"camera-retention":         {"camera_regime", "capabilities", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "retention", "sensor_type", "status", "switched_off"},
	"camera-temporary":         {"camera_regime", "legal_basis", "lifecycle", "sensor_type", "status"},
	"evaluation-lapsed":        {"camera_regime", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "sensor_type", "status"},
	"signage":                  {"camera_regime", "capabilities", "datasets", "legal_basis", "minimisation", "organisation.type", "personal_data", "sensor_type", "signage", "status"},
	"minimisation":             {"camera_regime", "capabilities", "legal_basis", "minimisation", "sensor_type", "status"},
	"device-minimisation":      {"camera_regime", "capabilities", "datasets", "legal_basis", "minimisation", "organisation.type", "personal_data", "sensor_type", "status"},
	"supplier-watch":           {"camera_regime", "capabilities", "legal_basis", "sensor_type", "status", "vendor"},
	"security-audit":           {"camera_regime", "capabilities", "data_sharing", "datasets", "evaluation", "incidents", "legal_basis", "lifecycle", "minimisation", "personal_data", "security", "sensor_type", "status"},
	"data-rights":              {"data_rights", "status", "supplier", "vendor"},
	"sharing-temporary":        {"camera_regime", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "sensor_type", "status"},
	"breach-reported":          {"camera_regime", "incidents", "legal_basis", "organisation.type"},
	"human-oversight":          {"affects_individuals", "camera_regime", "capabilities", "datasets", "human_oversight", "legal_basis", "organisation.type", "personal_data", "role", "status"},
	"explanation":              {"affects_individuals", "capabilities", "datasets", "explanation", "personal_data", "role", "status"},
	"datasets-and-source":      {"datasets", "organisation", "source_code", "status", "supplier"},
	"objection":                {"affects_individuals", "capabilities", "datasets", "objection", "personal_data", "role", "status"},
	"publication-category":     {"affects_individuals", "ai_act", "capabilities", "datasets", "personal_data", "publication_category", "role", "status"},
	"ai-act-profile":           {"ai_act", "algorithm_type", "capabilities", "datasets", "personal_data", "role", "status", "themes"},
	"ai-act-fria":              {"ai_act", "camera_regime", "capabilities", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "organisation", "sensor_type", "status"},
	"ai-act-registration":      {"ai_act", "camera_regime", "capabilities", "legal_basis", "organisation", "sensor_type", "status"},
	"ai-act-transparency":      {"ai_act", "algorithm_type", "capabilities", "status"},
	"ai-act-literacy":          {"ai_act", "algorithm_type", "capabilities", "status"},
	"notice-period":            {"camera_regime", "capabilities", "data_sharing", "evaluation", "incidents", "legal_basis", "lifecycle", "organisation", "registered_on", "sensor_type", "status", "themes"},
	"independent-review":       {"ai_act", "capabilities", "publication_category", "reviews", "status"},
	"advice-response":          {"reviews"},
	"correction-route":         {"camera_regime", "capabilities", "correction", "datasets", "legal_basis", "organisation.type", "personal_data", "sensor_type", "status"},
	"plain-language":           {"purpose", "summary"},
	"switched-off-listed":      {"capabilities", "switched_off"},
	"no-personal-name":         {"exceptions", "owner"},
	// A record that still holds a placeholder is never public (load marks
	// it with placeholder.Find, as this rule does): on a public record
	// the rule always passes, which tells nothing.
	"placeholder": {},
	// The exception rules judge the exceptions (everyRuleReads); whether
	// one is unused, or refused for a legal finding, also rests on the
	// rule it names (RestsOnWithheld).
	"exception-expired":  {},
	"exception-unused":   {},
	"exception-refused":  {},
	"exception-too-long": {},
}

// statusReads are the fields a status that says retired rests on: its
// lifecycle.end and the use facts after it (lifecycle.RetiredEnd).
var statusReads = []string{"data_sharing", "evaluation", "incidents", "lifecycle"}

// everyRuleReads are the fields every rule's verdict rests on: a
// record's exceptions lower or raise each rule's findings (applyExceptions).
var everyRuleReads = []string{"exceptions"}

// Reads returns the fields of a record (dotted YAML paths) the rule's
// verdict rests on, and false when it cannot say: a custom rule whose
// expressions use the record otherwise than by naming its fields (readsOf).
// A rule that checks the register as a whole reads no record.
func (r *Rule) Reads() ([]string, bool) {
	if r.custom {
		if !r.customReads.known {
			return nil, false
		}
		return append(append([]string(nil), everyRuleReads...), r.customReads.fields...), true
	}
	if r.Check == nil && r.CheckRegister != nil {
		return nil, true // it looks at the configuration, not at a record
	}
	fields, ok := readsTable[r.ID]
	if !ok {
		return nil, false
	}
	out := append(append([]string(nil), everyRuleReads...), fields...)
	if slices.Contains(fields, "status") {
		// A status that says retired counts only where the dates agree
		// (retired): whoever reads the status reads them too.
		for _, f := range statusReads {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out, true
}

// RestsOnWithheldField reports whether a field the rule reads of rec
// itself, not its exceptions (which every rule reads), is withheld: what
// the rule works out of the record (an evaluation's due date) is then not
// public.
func (r *Rule) RestsOnWithheldField(rec *record.Record) bool {
	return r.readsWithheld(rec, false)
}

// RestsOnWithheld reports whether the rule's verdict on rec rests on a
// field rec withholds (Reads), so that a public output must show neither
// a pass nor its findings. A rule that cannot say what it reads rests on
// every withheld field. custom are the register's own rules
// (CompileCustom): an exception may name one of them as well as a
// built-in rule.
func (r *Rule) RestsOnWithheld(rec *record.Record, custom ...*Rule) bool {
	if rec == nil || rec.Publication == nil || len(rec.Publication.Withheld) == 0 {
		return false
	}
	if r == exceptionUnused || r == exceptionRefused {
		// An exception is unused when the rule it names finds nothing,
		// refused when that rule's finding is law: its verdict shows
		// through, whether that rule is built in or the register's own.
		for _, ex := range rec.Exceptions {
			named, ok := Lookup(ex.Rule)
			if !ok {
				k := slices.IndexFunc(custom, func(c *Rule) bool { return c.ID == ex.Rule })
				if k < 0 {
					continue // a rule that does not exist: unused whatever the record holds
				}
				named = custom[k]
			}
			if named != exceptionUnused && named != exceptionRefused && named.RestsOnWithheld(rec) {
				return true
			}
		}
	}
	return r.readsWithheld(rec, true)
}

// readsWithheld reports whether rec withholds a field the rule reads
// (every field, for a rule that cannot say), or a part of one or a whole
// it is part of (record.Overlaps); the exceptions every rule reads count
// only with exceptions.
func (r *Rule) readsWithheld(rec *record.Record, exceptions bool) bool {
	if rec == nil || rec.Publication == nil {
		return false
	}
	fields, ok := r.Reads()
	if ok && !r.custom && rec.Status != "retired" {
		// The dates a retired label rests on are read only for such a
		// label (retired): on other records the verdict does not rest on
		// them, unless the rule reads them anyway.
		fields = slices.DeleteFunc(fields, func(f string) bool {
			return slices.Contains(statusReads, f) && !slices.Contains(readsTable[r.ID], f)
		})
	}
	for _, w := range rec.Publication.Withheld {
		w = strings.TrimSpace(w)
		top, _, _ := strings.Cut(w, ".")
		if top == "" || !exceptions && slices.Contains(everyRuleReads, top) {
			continue
		}
		if !ok || slices.ContainsFunc(fields, func(f string) bool { return record.Overlaps(w, f) }) {
			return true
		}
	}
	return false
}
