package field

import (
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// standalone are labels for fields named without their section around them,
// in a list of changes or of key facts: where the record page's short label
// ("Einde") would not say enough, or its long one lists the parts the page
// shows ("Looptijd (start en einde)") where a sentence says them.
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

// wholeRecord names the empty pointer: the record itself.
var wholeRecord = label.Text{"Hele registratie", "Whole record"}

// Standalone returns the label of a field by dotted path without list
// indices, for a text that names it outside its section (a list of changes,
// a record's key facts), and whether the field has one: the standalone label
// where the table's would not say enough on its own, else the table's (see
// Label).
func Standalone(lang, path string) (string, bool) {
	if l, ok := standalone[path]; ok {
		return l.In(lang), true
	}
	return Label(lang, path)
}

// Name names the field at a JSON Pointer ("/decisions/1/date") or a dotted
// path ("decisions.1.date") for a reader: the standalone label of the most
// specific field known, followed by what the label does not cover, list
// positions counted from 1 as a reader counts ("Besluiten 2 › date"). A
// path the table does not know is shown as its parts ("x-custom › a/b");
// the empty pointer is the whole record.
func Name(lang, path string) string {
	if path == "" {
		return wholeRecord.In(lang)
	}
	segs := split(path)
	best, used := nearest(lang, segs)
	if used == 0 {
		return strings.Join(segs, " › ")
	}
	// Append what the label does not cover: positions and deeper keys.
	out := best
	keys := 0
	for _, s := range segs {
		if record.IsIndex(s) {
			n, _ := strconv.Atoi(s) // at most nine digits: IsIndex
			if out == best {
				out += " " + strconv.Itoa(n+1) // "Besluiten 2"
			} else {
				out += " › " + strconv.Itoa(n+1)
			}
			continue
		}
		if keys++; keys > used {
			out += " › " + s
		}
	}
	return out
}

// Nearest returns the standalone label of the most specific field known
// along a JSON Pointer or dotted path, without positions or the parts below
// it ("decisions.1.date" → "Besluiten"), or the path's first part when no
// field along it is known: the name of a changed field in a list of names.
func Nearest(lang, path string) string {
	segs := split(path)
	if best, used := nearest(lang, segs); used > 0 {
		return best
	}
	if len(segs) == 0 {
		return wholeRecord.In(lang)
	}
	return segs[0]
}

// Bare returns a dotted path without its list positions: the path of the
// table's field that holds it ("decisions.1.date" → "decisions.date").
func Bare(path string) string {
	return strings.Join(keys(strings.Split(path, ".")), ".")
}

// split returns the parts of a JSON Pointer, unescaped, or of a dotted path.
func split(path string) []string {
	if path == "" {
		return nil
	}
	if strings.HasPrefix(path, "/") {
		return source.SplitPointer(path)
	}
	return strings.Split(path, ".")
}

// keys returns the parts of a path that are not list positions.
func keys(segs []string) []string {
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		if !record.IsIndex(s) {
			out = append(out, s)
		}
	}
	return out
}

// nearest returns the standalone label of the longest run of a path's keys
// (its parts without positions) that names a field, and how many keys the
// label covers; 0 when none does.
func nearest(lang string, segs []string) (string, int) {
	ks := keys(segs)
	for n := len(ks); n > 0; n-- {
		if l, ok := Standalone(lang, strings.Join(ks[:n], ".")); ok {
			return l, n
		}
	}
	return "", 0
}
