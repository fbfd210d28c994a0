// Package placeholder holds the marks that the templates of `register new`
// and `register init` put where a real value belongs, and finds them in a
// record: the one place the templates take their marks from and the
// checklist's rule placeholder looks for them, so a record published with
// the template's words, addresses or coordinates is always caught.
package placeholder

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// RuleID is the id of the checklist's rule that reports the marks.
const RuleID = "placeholder"

// The marks of the templates.
const (
	// Fill ends a text the writer of a new record must replace.
	Fill = "(vul in)"
	// Example marks the example records of a new register.
	Example = "(voorbeeld)"
	// Domain is the template's web address; ".example" is reserved (RFC
	// 2606) and never reaches a real site.
	Domain = "vul-in.example"
	// Mailbox is the template's functional mailbox.
	Mailbox = "vul-in@gemeente.example"
	// OriginX and OriginY are the template's position: the origin of the
	// Rijksdriehoek grid at the Onze Lieve Vrouwetoren in Amersfoort, a
	// real place no sensor record means.
	OriginX, OriginY = geo.AmersfoortX, geo.AmersfoortY
)

// OriginLat and OriginLon are the template's position in WGS84, rounded
// to five decimals (about a metre) as a template shows it.
var OriginLat, OriginLon = func() (float64, float64) {
	lat, lon := geo.RDToWGS84(OriginX, OriginY)
	return math.Round(lat*1e5) / 1e5, math.Round(lon*1e5) / 1e5
}()

// textMarks are the marks found in any text, as they are shown and as they
// are matched (in lower case). An example mark may carry more words before
// its closing parenthesis ("(voorbeeld; vervang door de echte plek)"), but
// is a word of its own ("(voorbeeldproject)" is none: containsWord).
var textMarks = [][2]string{{Fill, Fill}, {Example, strings.TrimSuffix(Example, ")")}}

// Domains are the example domains of the templates and the documentation:
// the template's own, and that of Voorbeeldstad, the municipality the
// README, examples/register.yaml and `register explain` write for. In a
// register of another organisation an address under one of them is copied
// from an example.
var Domains = []string{Domain, strings.SplitN(Mailbox, "@", 2)[1], "voorbeeldstad.example"}

// exampleHost finds a host name under the reserved .example domain, in a
// web address or a mail address.
var exampleHost = regexp.MustCompile(`(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.example\b`)

// Mark is a placeholder found in a record.
type Mark struct {
	// Path is the JSON Pointer of the field ("/owner/email").
	Path string
	// What says which mark it is, in English and in Dutch, without quoting
	// the field's value (which may be withheld from publication).
	What label.Text
}

// Find returns the template's marks in the record, field by field: the
// template's words in any text, a web or mail address under one of Domains
// unless it is the register's own organisation's (the bundled register is
// Voorbeeldstad's), and the template's position.
// organisation is the register's name for itself (register.yaml); when
// empty, the record's organisation.name stands in.
func Find(r *record.Record, organisation string) []Mark {
	if r == nil {
		return nil
	}
	if strings.TrimSpace(organisation) == "" {
		organisation = r.Organisation.Name
	}
	own := slugOf(organisation)
	var marks []Mark
	// One path, grown and cut back as the walk goes: the function reads
	// it only while it runs.
	var path [8]string
	recordWalker(reflect.ValueOf(r).Elem(), path[:0], func(path []string, s string) {
		if m, ok := inText(s, own); ok {
			m.Path = source.JoinPointer(path...)
			marks = append(marks, m)
		}
	})
	if loc := r.Location; loc != nil {
		switch {
		case loc.PointRD != nil && loc.PointRD.X == OriginX && loc.PointRD.Y == OriginY:
			marks = append(marks, origin("/location/point_rd"))
		case loc.Point != nil && near(loc.Point.Lat, loc.Point.Lon):
			marks = append(marks, origin("/location/point"))
		}
	}
	return marks
}

// origin is the mark of the template's position.
func origin(path string) Mark {
	return Mark{Path: path,
		What: label.Text{"de plek uit het sjabloon (het nulpunt van de Rijksdriehoek in Amersfoort, 155000, 463000)",
			"the template's position (the origin of the Rijksdriehoek grid in Amersfoort, 155000, 463000)"}}
}

// near reports whether a WGS84 position is the template's, to within about
// ten metres.
func near(lat, lon float64) bool {
	return math.Abs(lat-OriginLat) < 1e-4 && math.Abs(lon-OriginLon) < 1.5e-4
}

// inText finds a mark in one text value.
func inText(s, own string) (Mark, bool) {
	if !maybeMarked(s) {
		return Mark{}, false // most texts: no need to fold them
	}
	low := fold(s)
	for _, m := range textMarks {
		if containsWord(low, m[1]) {
			return Mark{What: label.Text{"de invultekst " + strconv.Quote(m[0]) + " uit het sjabloon", "the template's text " + strconv.Quote(m[0])}}, true
		}
	}
	if !strings.Contains(low, ".example") || !mayNameDomain(low, own) {
		return Mark{}, false // most texts: no need for the expression
	}
	for _, host := range exampleHost.FindAllString(low, -1) {
		labels := strings.Split(host, ".")
		domain := strings.Join(labels[len(labels)-2:], ".")
		if !slices.Contains(Domains, domain) || labels[len(labels)-2] == own {
			continue
		}
		return Mark{What: label.Text{"het voorbeeldadres " + strconv.Quote(domain) + " uit een sjabloon",
			"the example address " + strconv.Quote(domain) + " of a template"}}, true
	}
	return Mark{}, false
}

// containsWord reports whether low holds mark as a word of its own: not
// followed by a letter or digit, so "(voorbeeld; ...)" is the example's
// mark and "(voorbeeldproject Utrecht)" or "(voorbeelden: ...)" is not.
func containsWord(low, mark string) bool {
	for i := strings.Index(low, mark); i >= 0; {
		rest := low[i+len(mark):]
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return true
		}
		next := strings.Index(rest, mark)
		if next < 0 {
			return false
		}
		i += len(mark) + next
	}
	return false
}

// fold lower-cases s for the search in the form a reader sees it: in its
// compatibility form (NFKC: a full-width "（vul in）" is "(vul in)"), every
// run of Unicode white space one space (a tab, a line break of a literal
// block, U+2028, U+0085, a non-breaking space or two spaces between "vul"
// and "in" all show as a break between the words, as the publication
// filter reads them too), and the characters that take no place on a page
// (record.Invisible, a soft hyphen in "(voor\u00adbeeld)") left out.
func fold(s string) string {
	if !isASCII(s) {
		s = norm.NFKC.String(s) // s itself when it is in that form
	}
	if folded(s) {
		return s // most texts that are searched: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r): // exactly Unicode's White_Space
			space = true
			continue
		case r >= utf8.RuneSelf && unicode.Is(record.Invisible, r):
			continue // no ASCII character is invisible
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// folded reports whether fold leaves s, in compatibility form, as it is:
// no upper case, no invisible character, and white space only as single
// spaces.
func folded(s string) bool {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
			continue
		}
		if unicode.ToLower(r) != r || r >= utf8.RuneSelf && unicode.Is(record.Invisible, r) {
			return false
		}
		space = false
	}
	return true
}

// maybeMarked reports whether s may hold a text mark or an example host:
// false only when it is ASCII and holds none of them in any case. Other
// texts are folded and searched. In ASCII a mark's words are written as
// they are, apart from the white space between them, so the first word is
// looked for.
func maybeMarked(s string) bool {
	if !isASCII(s) {
		return true
	}
	for _, m := range textMarks {
		if first, _, _ := strings.Cut(m[1], " "); containsFold(s, first) {
			return true
		}
	}
	return containsFold(s, ".example")
}

// isASCII reports whether s is all ASCII, looking at eight bytes at a
// time: every text of every record passes here.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if (s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7])&0x80 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFold reports whether the ASCII text s holds sub (lower case,
// starting with a byte that has no case) in any case.
func containsFold(s, sub string) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], sub[0])
		if j < 0 || i+j+len(sub) > len(s) {
			return false
		}
		i += j
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
}

// mayNameDomain reports whether the folded text low holds one of Domains
// that is not the organisation's own: the host an example address needs
// to be a mark ends in one, so a text without any has none.
func mayNameDomain(low, own string) bool {
	for _, d := range Domains {
		if label, _, _ := strings.Cut(d, "."); label != own && strings.Contains(low, d) {
			return true
		}
	}
	return false
}

// lastSlug is the organisation slugOf was last asked for, and its slug:
// a register has one organisation, and every record's search asks.
var lastSlug atomic.Pointer[[2]string]

// slugOf is slug, remembering the last answer.
func slugOf(org string) string {
	if p := lastSlug.Load(); p != nil && p[0] == org {
		return p[1]
	}
	s := slug(org)
	lastSlug.Store(&[2]string{org, s})
	return s
}

// slug is the part of an organisation's name its example domain uses:
// "Gemeente Voorbeeldstad" → "voorbeeldstad", as `register init` makes it.
func slug(org string) string {
	org = strings.ToLower(strings.TrimSpace(org))
	org = strings.TrimPrefix(org, "gemeente ")
	var b strings.Builder
	dash := false
	for _, c := range org {
		switch {
		case c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// A walker calls fn with the path and value of every text in v, following
// the record's YAML field names. path is appended to in place: fn must not
// keep it.
type walker func(v reflect.Value, path []string, fn func([]string, string))

// recordWalker walks a record. It is put together once from the record's
// type, so the walk does not look up each struct's fields again for every
// value: for every record, that lookup cost as much as the search.
var recordWalker = walkerOf(reflect.TypeFor[record.Record]())

// walkers are the walkers made for the types an interface held.
var walkers sync.Map // reflect.Type -> walker

// walkerOf returns the walker of values of type t.
func walkerOf(t reflect.Type) walker {
	if w, ok := walkers.Load(t); ok {
		return w.(walker)
	}
	w := compile(t, map[reflect.Type]*made{})
	if w == nil {
		w = func(reflect.Value, []string, func([]string, string)) {}
	}
	walkers.Store(t, w)
	return w
}

// made is a walker being made, or made.
type made struct {
	walk walker
	done bool
}

// compile makes the walker of type t; nil when t holds no text. seen holds
// the types met so far, so a type met again is made once, and a type that
// holds itself walks itself.
func compile(t reflect.Type, seen map[reflect.Type]*made) walker {
	if m, ok := seen[t]; ok {
		if m.done {
			return m.walk
		}
		return func(v reflect.Value, path []string, fn func([]string, string)) {
			if m.walk != nil {
				m.walk(v, path, fn)
			}
		}
	}
	m := &made{}
	seen[t] = m
	defer func() { m.done = true }()
	w := &m.walk
	switch t.Kind() {
	case reflect.Pointer:
		if elem := compile(t.Elem(), seen); elem != nil {
			*w = func(v reflect.Value, path []string, fn func([]string, string)) {
				if !v.IsNil() {
					elem(v.Elem(), path, fn)
				}
			}
		}
	case reflect.Interface:
		*w = func(v reflect.Value, path []string, fn func([]string, string)) {
			if !v.IsNil() {
				e := v.Elem()
				walkerOf(e.Type())(e, path, fn)
			}
		}
	case reflect.String:
		*w = func(v reflect.Value, path []string, fn func([]string, string)) {
			if v.Len() > 0 {
				fn(path, v.String())
			}
		}
	case reflect.Slice, reflect.Array:
		if elem := compile(t.Elem(), seen); elem != nil {
			*w = func(v reflect.Value, path []string, fn func([]string, string)) {
				for i := range v.Len() {
					elem(v.Index(i), append(path, strconv.Itoa(i)), fn)
				}
			}
		}
	case reflect.Map:
		if elem := compile(t.Elem(), seen); elem != nil {
			*w = func(v reflect.Value, path []string, fn func([]string, string)) {
				iter := v.MapRange()
				for iter.Next() {
					elem(iter.Value(), append(path, iter.Key().String()), fn)
				}
			}
		}
	case reflect.Struct:
		type part struct {
			name  string
			index int
			walk  walker
		}
		var parts []part
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			if fw := compile(f.Type, seen); fw != nil {
				parts = append(parts, part{name, i, fw})
			}
		}
		if len(parts) > 0 {
			*w = func(v reflect.Value, path []string, fn func([]string, string)) {
				for _, p := range parts {
					p.walk(v.Field(p.index), append(path, p.name), fn)
				}
			}
		}
	}
	return *w
}
