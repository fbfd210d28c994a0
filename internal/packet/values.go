package packet

import (
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/principle"

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
var standalone = map[string]label.Text{
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

// principleLabel returns the label of a reference in the principles'
// catalogue, or "" when unknown.
func (L *Labels) principleLabel(ref string) string {
	if p, ok := principle.Find(ref); ok {
		return L.pick(p.Label)
	}
	return ""
}
