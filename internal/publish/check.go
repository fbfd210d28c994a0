package publish

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/spelling"
)

// Check reads a record's publication block as the file holds it (raw is
// the whole record as parsed YAML) and returns a finding for each way it
// does not say clearly what may be published: the block or withheld in the
// wrong shape, an unknown key (Public: false), public not a boolean, or a
// withheld path that names no field of the kind. Any such finding means the
// record must be treated as not public (see record.PublicationInvalid): a
// municipality that tried to keep something back and got the syntax wrong
// must not see it published. Findings carry Path, not a position.
func Check(raw any, kind record.Kind) []finding.Finding {
	m, ok := raw.(map[string]any)
	if !ok {
		return nil
	}
	var out []finding.Finding
	bad := func(path string, key bool, msg, help label.Text) {
		out = append(out, finding.Finding{Rule: finding.RulePublication, Severity: finding.Error, Path: path, Key: key,
			Message: msg.Append(label.Text{"; de registratie wordt niet gepubliceerd tot dit is verbeterd", "; the record is not published until this is fixed"}),
			Help:    help})
	}
	for _, k := range misspeltPublication(m, kind) {
		bad(source.JoinPointer(k), true,
			label.Text{fmt.Sprintf("%q lijkt een publication-blok, maar zo heet geen veld", k), fmt.Sprintf("%q looks like a publication block, but no field has that name", k)},
			label.Text{"schrijf publication (kleine letters, Engels), zodat vaststaat wat openbaar is", "write publication (lower case, in English), so that what is public is clear"})
	}
	for _, p := range nestedPublication(m, kind) {
		bad(p, true,
			label.Text{fmt.Sprintf("%s lijkt een publication-blok, maar dat hoort bovenaan de registratie; hier zegt het niets", source.Dotted(p)), fmt.Sprintf("%s looks like a publication block, but that belongs at the top of the record; here it says nothing", source.Dotted(p))},
			label.Text{"zet publication bovenaan (zonder inspringen), zodat vaststaat wat openbaar is", "put publication at the top (not indented), so that what is public is clear"})
	}
	// A withheld value quoted in a field that is shown (a supplier named in
	// the purpose, an internal DPIA's url in a link) would be published
	// there: the record is held back until one or the other is changed.
	// The value itself is not quoted, as a finding may be read in a
	// public CI log. What is withheld is what the block names and what
	// follows from the record (withheldBy).
	quotes := func(ws []any) {
		for _, q := range quotedSecrets(withheldBy(m, ws), m) {
			bad(q.path, false,
				label.Text{fmt.Sprintf("%s noemt wat %s afschermt", source.Dotted(q.path), q.withheld), fmt.Sprintf("%s quotes what %s withholds", source.Dotted(q.path), q.withheld)},
				label.Text{fmt.Sprintf("haal het uit %s, of scherm %s ook af", source.Dotted(q.path), source.Dotted(q.path)), fmt.Sprintf("take it out of %s, or withhold %s too", source.Dotted(q.path), source.Dotted(q.path))})
		}
	}
	v, ok := m["publication"]
	if !ok {
		quotes(nil)
		return out
	}
	if v == nil {
		// The key with nothing under it (publication: ~, or a block
		// begun and not written): what was meant is not said.
		bad("/publication", true,
			label.Text{"publication heeft geen waarde", "publication has no value"},
			label.Text{"schrijf publication: {public: false, reason: ...} of publication: {withheld: [location.point]}, of haal de sleutel weg voor een openbare registratie", "write publication: {public: false, reason: ...} or publication: {withheld: [location.point]}, or remove the key for a public record"})
		return out
	}
	pub, ok := v.(map[string]any)
	if !ok {
		bad("/publication", false,
			label.Text{"publication is geen lijst van velden", "publication is not a mapping"},
			label.Text{"schrijf publication: {public: false, reason: ...} of publication: {withheld: [location.point]}", "write publication: {public: false, reason: ...} or publication: {withheld: [location.point]}"})
		return out
	}
	keys := make([]string, 0, len(pub))
	for k := range pub {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		val := pub[k]
		switch k {
		case "public":
			if _, ok := val.(bool); !ok {
				bad("/publication/public", false,
					label.Text{"publication.public is niet true of false", "publication.public is not true or false"},
					label.Text{"schrijf public: false (zonder aanhalingstekens) om de registratie niet te publiceren", "write public: false (without quotes) to keep the record off the site"})
			}
		case "reason":
			if _, ok := val.(string); !ok && val != nil {
				bad("/publication/reason", false,
					label.Text{"publication.reason is geen tekst", "publication.reason is not text"},
					label.Text{"schrijf de reden als tekst, bijvoorbeeld reason: Woo art. 5.1 lid 2 sub d", "write the reason as text, for example reason: Woo art. 5.1 lid 2 sub d"})
			}
		case "withheld":
			list, ok := val.([]any)
			if !ok {
				if val == nil {
					continue
				}
				bad("/publication/withheld", false,
					label.Text{"publication.withheld is geen lijst van velden", "publication.withheld is not a list of field paths"},
					label.Text{"schrijf withheld: [location.point] (een lijst, ook voor één veld)", "write withheld: [location.point] (a list, also for one field)"})
				continue
			}
			for i, item := range list {
				s, ok := item.(string)
				ptr := fmt.Sprintf("/publication/withheld/%d", i)
				switch {
				case !ok:
					bad(ptr, false,
						label.Text{"een afgeschermd veld is geen veldpad", "a withheld entry is not a field path"},
						label.Text{"noem het veld als pad met punten, bijvoorbeeld location.point", "name the field as a dotted path, for example location.point"})
				case s == "id" || s == "kind":
					bad(ptr, false,
						label.Text{fmt.Sprintf("%s kan niet worden afgeschermd: het is het openbare adres van de registratie", s), fmt.Sprintf("%s cannot be withheld: it is the record's public address", s)},
						label.Text{"schrijf publication: {public: false, reason: ...} om de hele registratie niet te publiceren", "to keep the whole record back, write publication: {public: false, reason: ...}"})
				case !known(kind, strings.TrimSpace(s)) || s != strings.TrimSpace(s):
					bad(ptr, false,
						label.Text{fmt.Sprintf("afgeschermd pad %q is geen veld van een registratie van soort %s", s, kind), fmt.Sprintf("withheld path %q names no field of a %s record", s, kind)},
						label.Text{"gebruik het pad van het veld zoals in de registratie, bijvoorbeeld location.point, supplier.name of datasets.url, of datasets.0.url voor één element van een lijst (tellen begint bij 0; 'register schema " + string(kind) + "' noemt de velden)", "use the field's path as in the record, for example location.point, supplier.name or datasets.url, or datasets.0.url for one element of a list (counting from 0; 'register schema " + string(kind) + "' lists the fields)"})
				}
			}
		default:
			bad("/publication/"+k, true,
				label.Text{fmt.Sprintf("onbekende sleutel %q in publication", k), fmt.Sprintf("unknown key %q in publication", k)},
				label.Text{"publication kent alleen public, reason en withheld (kleine letters)", "publication holds public, reason and withheld only (lower case)"})
		}
	}
	if len(out) > 0 {
		return out
	}
	// A reason to keep something back, with nothing kept back and public
	// not said: the block says the record is not (all) public, but not
	// what to keep from the public. It stays off the public outputs until
	// it says.
	reason, _ := pub["reason"].(string)
	_, said := pub["public"]
	if ws, _ := pub["withheld"].([]any); record.Says(reason) && !said && len(ws) == 0 {
		bad("/publication/reason", false,
			label.Text{"publication.reason geeft een reden om iets niet te publiceren, maar het blok zet public niet op false en schermt geen veld af", "publication.reason gives a reason to keep something back, but the block neither sets public: false nor withholds a field"},
			label.Text{"schrijf public: false om de hele registratie niet te publiceren, of noem bij withheld de velden waar de reden over gaat; is de registratie helemaal openbaar, schrijf dan public: true of haal de reden weg", "write public: false to keep the whole record back, or list the fields the reason is about under withheld; if the whole record is public, write public: true or remove the reason"})
		return out
	}
	ws, _ := pub["withheld"].([]any)
	quotes(ws)
	return out
}

// withheldBy lists what the record m, as the file holds it, withholds
// (record.WithheldOf): the paths its block names (ws), then what follows
// from the record, as record.Record.Withheld does of the record read.
func withheldBy(m map[string]any, ws []any) []string {
	var named []string
	for _, w := range ws {
		if s, ok := w.(string); ok {
			named = append(named, s)
		}
	}
	d, _ := m["dpia"].(map[string]any)
	url, _ := d["url"].(string)
	public, _ := d["public"].(bool)
	return record.WithheldOf(named, url, public)
}

// misspeltPublication lists the top-level keys of the record m that are
// no field of its kind but look meant as its publication block: the name
// written otherwise ("Publication", "publicaton", "publicatie") or a block
// that holds public or withheld. What such a block says would be lost, and
// the record published whole, so it fails closed as a malformed block does.
func misspeltPublication(m map[string]any, kind record.Kind) []string {
	var out []string
	fields := schemaOf(kind).known
	for k, v := range m {
		if k == "publication" || fields[k] {
			continue
		}
		// The few keys at the top are measured whatever their length.
		if blockLike(k, v) || nearPublication(strings.ToLower(strings.TrimSpace(k))) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// nestedPublication lists the JSON Pointers, below the top of the record
// m (whose own keys misspeltPublication judges), of what looks meant as a publication block: a key that is no
// field of kind and is named so or nearly (looksLikePublication), or
// holds public or withheld; or a text that holds one written out, as a
// block indented under a folded text (>-) becomes. Indented under another
// field the block says nothing, and the record would be published whole.
// Every record's every key passes here: only what is found is sorted.
func nestedPublication(m map[string]any, kind record.Kind) []string {
	known := schemaOf(kind).known
	var out []string
	var path, dotted []string // down to v: with list indexes, and as a field's path
	found := func(k string) { out = append(out, source.JoinPointer(append(path, k)...)) }
	var walk func(v any, top bool)
	walk = func(v any, top bool) {
		switch t := v.(type) {
		case map[string]any:
			for k, e := range t {
				block, _ := e.(map[string]any)
				if _, withheld := block["withheld"]; withheld && (!top || k != "publication") {
					// A list of what to keep back belongs to the block
					// alone: under a field (location: {withheld: [point]})
					// it keeps nothing back. An unknown key at the top is
					// misspeltPublication's.
					if !top || known[k] {
						found(k)
					}
					continue
				}
				if blockLike(k, e) && !known[strings.Join(append(dotted, k), ".")] {
					if !top {
						found(k)
					}
					continue // at the top, misspeltPublication's
				}
				if text, ok := e.(string); ok && writesPublication(text) {
					found(k)
					continue
				}
				if !top || k != "publication" {
					path, dotted = append(path, k), append(dotted, k)
					walk(e, false)
					path, dotted = path[:len(path)-1], dotted[:len(dotted)-1]
				}
			}
		case []any:
			for i, e := range t {
				if text, ok := e.(string); ok && writesPublication(text) {
					found(strconv.Itoa(i))
					continue
				}
				path = append(path, strconv.Itoa(i))
				walk(e, false)
				path = path[:len(path)-1]
			}
		}
	}
	walk(m, true)
	sort.Strings(out)
	return out
}

// blockLike reports whether the key k, no field of the record, with the
// value e looks meant as a publication block: named so or nearly, or
// holding public or withheld.
func blockLike(k string, e any) bool {
	block, _ := e.(map[string]any)
	_, public := block["public"]
	_, withheld := block["withheld"]
	return public || withheld || namedLikeBlock(k)
}

// namedLikeBlock reports whether the key k is named as a publication block
// is, or nearly. Every key of every record is asked: the names of the
// fields, nearly all of them, are answered from fieldNameLikeBlock.
func namedLikeBlock(k string) bool {
	if like, ok := fieldNameLikeBlock()[k]; ok {
		return like
	}
	return nameLikeBlock(k)
}

// nameLikeBlock is namedLikeBlock worked out.
func nameLikeBlock(k string) bool {
	lower := strings.ToLower(strings.TrimSpace(k))
	return looksLikePublication(k) || strings.HasPrefix(lower, "public") || strings.HasPrefix(lower, "openba")
}

// fieldNameLikeBlock holds nameLikeBlock of each name a field of a kind
// has at any depth.
var fieldNameLikeBlock = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, kind := range record.Kinds {
		for _, f := range Fields(kind) {
			for _, name := range strings.Split(f.Path, ".") {
				names[name] = nameLikeBlock(name)
			}
		}
	}
	return names
})

// writesPublication reports whether a text holds a publication block
// written out ("publication: {public: false, ...}"): one indented under a
// folded text is read as a part of it.
func writesPublication(text string) bool {
	if !containsFold(text, "ublica") {
		return false // nearly every text: no need to fold it
	}
	lower := strings.ToLower(text)
	return (strings.Contains(lower, "publication:") || strings.Contains(lower, "publicatie:")) &&
		(strings.Contains(lower, "public:") || strings.Contains(lower, "withheld:"))
}

// containsFold reports whether s holds the ASCII lower-case word sub in
// any case, without a folded copy of s: every text of every record is
// asked.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// looksLikePublication reports whether a key is "publication" or
// "publicatie" written otherwise. Only a key of about their length that
// starts as they do is measured.
func looksLikePublication(k string) bool {
	lower := strings.ToLower(strings.TrimSpace(k))
	return len(lower) >= 7 && len(lower) <= 14 && lower[0] == 'p' && nearPublication(lower)
}

// nearPublication reports whether the lower-case key is "publication" or
// "publicatie" written otherwise.
func nearPublication(lower string) bool {
	return spelling.Distance(lower, "publication") <= 3 || spelling.Distance(lower, "publicatie") <= 2
}

// minQuoted is the shortest withheld text, as written, looked for in the
// other fields: shorter ones ("ja", a house number) are found in any text
// by chance. Without its separators it must keep minSkeleton bytes:
// "A-12" is looked for as "a12", "A--1" is not.
const (
	minQuoted   = 4
	minSkeleton = 2
)

// lookedFor reports whether the withheld text s is looked for in other
// texts.
func lookedFor(s string) bool {
	if len(strings.TrimSpace(s)) < minQuoted {
		return false
	}
	n := 0
	for i := 0; i < len(s) && n < minSkeleton; {
		if m := separator(s, i); m > 0 {
			i += m
			continue
		}
		n++
		i++
	}
	return n >= minSkeleton
}

// quote is a field that holds a withheld value: the field's JSON Pointer
// and the withheld path whose value it holds.
type quote struct{ path, withheld string }

// quotedSecrets lists the fields of the record raws, shown under the
// withheld paths withheld, that hold the text of a withheld field, whatever its
// case; the publication block itself is not looked in. A record is one
// raw; several are looked in as one record with all their values, each at
// its path (RulesBefore).
func quotedSecrets(withheld []string, raws ...map[string]any) []quote {
	if len(withheld) == 0 {
		return nil
	}
	covering := func(path string) string {
		for _, w := range withheld {
			if record.Covers(w, path) {
				return w
			}
		}
		return ""
	}
	// A leaf is a text, or a number (number set, num its value), whose
	// forms in a text (numberForms) are looked for but which holds no text
	// to look in.
	type leaf struct {
		dotted, ptr, text string
		// sks are the text's skeletons (separators.go): as written, and
		// with its escapes decoded (escapedOf).
		sks    []string
		number bool
		num    float64
	}
	var leaves []leaf
	var walk func(v any, dotted, ptr string)
	walk = func(v any, dotted, ptr string) {
		switch t := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if dotted == "" && k == "publication" {
					// Of the publication block only the reason is
					// shown; the rest names fields, not values.
					if pb, ok := t[k].(map[string]any); ok {
						walk(pb["reason"], "publication.reason", "/publication/reason")
					}
					continue
				}
				walk(t[k], join(dotted, k), ptr+source.JoinPointer(k))
			}
		case []any:
			for i, item := range t {
				walk(item, join(dotted, fmt.Sprint(i)), fmt.Sprintf("%s/%d", ptr, i))
			}
		case string:
			// Compared as skeletons (separators.go): "Acme B.V." quotes
			// "acme bv".
			sks := []string{folded(t)}
			if e, ok := escapedOf(t); ok {
				sks = append(sks, folded(e.s))
			}
			leaves = append(leaves, leaf{dotted: dotted, ptr: ptr, text: t, sks: sks})
		default:
			if f, ok := number(t); ok {
				leaves = append(leaves, leaf{dotted: dotted, ptr: ptr, number: true, num: f})
			}
		}
	}
	for _, raw := range raws {
		walk(raw, "", "")
	}
	// A secret's skeleton of four bytes or more is looked for anywhere
	// in a text's; a shorter one ("A-12") only as a whole word, as the
	// filter looks for it in other records (textIndex), or "a12" would be
	// found in "data123".
	type secret struct {
		sk       string
		word     *textIndex
		withheld string
		// of is the field the withheld one's values are drawn from
		// (field.Field.Of), which does not quote them; "" for none.
		of string
	}
	var secrets []secret
	for _, l := range leaves {
		w := covering(l.dotted)
		if w == "" {
			continue
		}
		forms := []string{l.text}
		if spelled := umlautsSpelled.Replace(norm.NFC.String(l.text)); spelled != l.text {
			forms = append(forms, spelled)
		}
		forms = append(forms, urlForms(l.text)...)
		if l.number {
			forms = numberForms(l.num)
		}
		for _, s := range forms {
			if !lookedFor(s) {
				continue
			}
			of := field.DrawnFrom(w)
			if sk := folded(s); len(sk) >= 4 {
				secrets = append(secrets, secret{sk: sk, withheld: w, of: of})
			} else {
				secrets = append(secrets, secret{word: newTextIndex([]string{s}), withheld: w, of: of})
			}
		}
	}
	var out []quote
	for _, l := range leaves {
		if l.number || covering(l.dotted) != "" {
			continue
		}
		for _, s := range secrets {
			if s.of != "" && field.Bare(l.dotted) == s.of {
				continue // switched_off's values in capabilities
			}
			if s.word == nil && slices.ContainsFunc(l.sks, func(sk string) bool { return strings.Contains(sk, s.sk) }) || s.word != nil && s.word.contains(l.text) {
				out = append(out, quote{l.ptr, s.withheld})
				break
			}
		}
	}
	return out
}

// folded is s as Check compares it: each letter written as another as
// the letters it stands for (compat.go), composed (NFKC), in lower case,
// as its skeleton.
func folded(s string) string {
	if !isASCII(s) {
		s = norm.NFKC.String(asWritten(s))
	}
	return skeleton(strings.ToLower(s))
}

// number reads a decoded number: json.Number as the loader gives it
// (source.Parse), or a Go number.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// numberForms are the ways a text may write the withheld number f: as
// written, to four, five or six decimals, rounded or cut off (a
// coordinate to about ten metres or better), each with a decimal point
// and, as Dutch writes it, a comma. Fewer decimals say too little to
// count as the value, and would be found in texts by chance (floatForms,
// which scrubs texts, takes them too).
func numberForms(f float64) []string {
	forms := []string{strconv.FormatFloat(f, 'f', -1, 64)}
	if f != math.Trunc(f) {
		for _, prec := range []int{4, 5, 6} {
			// Rounded, and cut off.
			scale := math.Pow10(prec)
			forms = append(forms, strconv.FormatFloat(f, 'f', prec, 64), strconv.FormatFloat(math.Trunc(f*scale)/scale, 'f', prec, 64))
		}
	}
	for _, s := range forms {
		if strings.Contains(s, ".") {
			forms = append(forms, strings.Replace(s, ".", ",", 1))
		}
	}
	return forms
}
