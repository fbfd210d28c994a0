package packet

import (
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"

	"strconv"
	"strings"
)

// value returns the word for an enum value of a field, or the value itself.
func (L *Labels) value(field, v string) string {
	return label.Value(L.lang, field, v)
}

// field returns the glossary's label of a dotted field path.
func (L *Labels) field(path string) string {
	l, _ := L.lookup(path)
	return l
}

// standalone are labels for fields that appear in a list of changes or of
// key facts without their section around them: where the site's short label
// ("Einde") would not say enough, or its long one lists the parts the record
// page shows ("Looptijd (start en einde)") where the packet says them in a
// sentence; everything else is the field table's.
var standalone = map[string][2]string{
	"owner":               {"Verantwoordelijke", "Responsible officer"},
	"location":            {"Locatie", "Location"},
	"dpia":                {"DPIA", "DPIA"},
	"lifecycle":           {"Looptijd", "Life cycle"},
	"reviews":             {"Eerdere toetsing", "Earlier reviews"},
	"decisions":           {"Besluiten", "Decisions"},
	"lifecycle.start":     {"Looptijd: start", "Life cycle: start"},
	"lifecycle.end":       {"Looptijd: einde", "Life cycle: end"},
	"evaluation.interval": {"Evaluatie: hoe vaak", "Evaluation: how often"},
	"evaluation.last":     {"Laatste evaluatie", "Last evaluation"},
	"evaluation.outcome":  {"Uitkomst evaluatie", "Evaluation outcome"},
}

func (L *Labels) lookup(path string) (string, bool) {
	if l, ok := standalone[path]; ok {
		return L.pick(l), true
	}
	return field.Label(L.lang, path)
}

// fieldLabel names the field at a JSON Pointer: the most specific label
// known, followed by the rest of the path ("Besluiten 2 › datum"). List
// positions are shown counting from 1, as a reader counts.
func (L *Labels) fieldLabel(pointer string) string {
	if pointer == "" {
		return L.pick([2]string{"Hele registratie", "Whole record"})
	}
	segs := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i := range segs {
		segs[i] = strings.ReplaceAll(strings.ReplaceAll(segs[i], "~1", "/"), "~0", "~")
	}
	var keys []string // the path without indices, to look labels up
	for _, s := range segs {
		if _, err := strconv.Atoi(s); err != nil {
			keys = append(keys, s)
		}
	}
	// Longest known prefix of the key path.
	best, used := "", 0
	for n := len(keys); n > 0; n-- {
		if l, ok := L.lookup(strings.Join(keys[:n], ".")); ok {
			best, used = l, n
			break
		}
	}
	if best == "" {
		return strings.Join(segs, " › ")
	}
	// Append what the label does not cover: indices and deeper keys.
	var rest []string
	seen := 0
	for _, s := range segs {
		if n, err := strconv.Atoi(s); err == nil {
			rest = append(rest, strconv.Itoa(n+1))
			continue
		}
		seen++
		if seen > used {
			rest = append(rest, s)
		}
	}
	if len(rest) == 0 {
		return best
	}
	// An index right after the label reads as "Besluiten 2".
	out := best
	for i, r := range rest {
		if i == 0 {
			if _, err := strconv.Atoi(r); err == nil {
				out += " " + r
				continue
			}
		}
		out += " › " + r
	}
	return out
}

// principleLabels are the Dutch and English labels of the principles and
// commitments findings cite (shared/principles.md).
var principleLabels = map[string][2]string{
	"VNG I": {"Democratisch besluit", "Democratic decision"}, "VNG II": {"Maatschappelijke waarde", "Public value"},
	"VNG 2.1": {"Geen biometrische surveillance", "No biometric surveillance"}, "VNG 2.2": {"Risicoanalyse", "Risk analysis"},
	"VNG III": {"Evaluatie", "Evaluation"}, "VNG 3.1": {"Probleem en alternatieven", "Problem and alternatives"},
	"VNG 3.2": {"Afweging publieke waarden / IAMA", "Weighing public values / IAMA"},
	"VNG 3.3": {"Gestandaardiseerde documentatie", "Standard documentation"}, "VNG 3.4": {"Levensduur", "Life cycle"},
	"VNG 3.5": {"Zelflerend", "Self-learning"}, "VNG 3.6": {"Sensor- en cameraplan", "Sensor and camera plan"},
	"VNG 3.7": {"Verantwoordelijke", "Responsible officer"}, "VNG 3.8": {"Onafhankelijke toetsing", "Independent review"},
	"VNG IV": {"Transparantie", "Transparency"}, "VNG 4.1": {"Transparantie", "Transparency"},
	"VNG 4.2": {"Registratie", "Registration"}, "VNG 4.3": {"Herkenbaarheid", "Recognisability"},
	"VNG 4.4": {"Dialoog", "Dialogue"}, "VNG V": {"Persoonsgegevens vermijden", "Avoid personal data"},
	"VNG 5.1": {"Persoonsgegevens vermijden", "Avoid personal data"}, "VNG 5.2": {"Datarechten", "Data rights"},
	"VNG VI": {"Juridische grondslag", "Legal basis"}, "VNG 6.1": {"Inkoopvoorwaarden", "Procurement conditions"},
	"VNG 6.2": {"Inkoopvoorwaarden", "Procurement conditions"}, "VNG 6.3": {"DPIA", "DPIA"},
	"VNG 6.4": {"Bij twijfel persoonsgegeven", "When in doubt, personal data"}, "VNG 6.5": {"Private sensoren", "Private sensors"},
	"VNG 6.6": {"DPIA gedeeld", "DPIA shared"}, "VNG VII": {"Open standaarden", "Open standards"},
	"VNG 7.4": {"Beveiliging", "Security"}, "VNG 7.5": {"Minimalisatie", "Minimisation"}, "VNG 7.6": {"Ketenrisico", "Supply-chain risk"},
	"VNG 7.7":              {"Beveiligingsaudit", "Security audit"},
	"C-camera-temporary":   {"Camera's alleen tijdelijk", "Cameras only temporary"},
	"C-camera-yearly":      {"Camera's elk jaar geëvalueerd", "Cameras evaluated every year"},
	"C-no-live-face":       {"Geen live gezichtsherkenning", "No live face recognition"},
	"C-algorithm-register": {"Volledig algoritmeregister", "Complete algorithm register"},
	"C-human-oversight":    {"Menselijke tussenkomst", "Human oversight"},
	"C-sensor-register":    {"Meldplicht sensoren", "Duty to report sensors"},
	"C-sharing-temporary":  {"Gegevensdeling tijdelijk", "Data sharing is temporary"},
	"C-correction-desk":    {"Meldpunt voor fouten", "Desk for corrections"},
	"C-breach":             {"Datalekken op tijd gemeld", "Data breaches reported in time"},
	"C-open-source":        {"Open source", "Open source"},
	"C-ethics-committee":   {"Ethische commissie", "Ethics committee"},
	"exceptions":           {"Uitzonderingen", "Exceptions"},
}

// splitRefs splits a finding's principle field, which may cite more than one
// reference ("VNG 2.1, C-no-live-face"), and writes bare references ("2.1",
// "III") in the "VNG ..." form the table uses.
func splitRefs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, ok := principleLabels[p]; !ok && !strings.HasPrefix(p, "C-") && !strings.HasPrefix(strings.ToUpper(p), "VNG") {
			if _, ok := principleLabels["VNG "+p]; ok {
				p = "VNG " + p
			}
		}
		out = append(out, p)
	}
	return out
}

// principleLabel returns the label of a reference, or "" when unknown.
func (L *Labels) principleLabel(ref string) string {
	if l, ok := principleLabels[ref]; ok {
		return L.pick(l)
	}
	return ""
}
