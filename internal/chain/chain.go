// Package chain follows personal data through the register, for the desk
// that corrects or deletes it (GDPR art. 16, 17): which records use a
// dataset (the BRP, say) or share data with a party, which recipients of
// their data must be told of a correction (art. 19), and how a resident
// asks for one. It works on whatever records it is given: the caller
// decides whether they are the public views (the site) or the records as
// loaded (the desk's own search).
package chain

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/record"
)

// Use is one record in the chain, with what put it there.
type Use struct {
	Record *record.Record
	// Datasets are the record's datasets that match the query.
	Datasets []record.Dataset
	// Shares are the record's data-sharing agreements with a party that
	// matches the query.
	Shares []record.DataSharing
	// Sensors are the sensors matching the query whose data the record (an
	// algorithm) uses.
	Sensors []*record.Record
}

// Recipient is a party that received data from records in the chain and
// must be told of a correction or deletion (GDPR art. 19).
type Recipient struct {
	Party string
	// From are the records whose data-sharing agreements name the party.
	From []*record.Record
}

// Source is where a matching dataset comes from: the place the error is
// corrected first, so the correction reaches every user of the dataset.
type Source struct {
	Dataset string
	Source  string
}

// Result is the chain of one query.
type Result struct {
	Query      string
	Uses       []Use
	Recipients []Recipient
	Sources    []Source
}

// Find follows the query through recs: a record is in the chain when one
// of its datasets is named so (by name or source), when it shares data with
// a party named so, or when it is an algorithm that uses a sensor named so
// (by id or name). The query matches whole words, regardless of case, so
// "BRP" finds "Basisregistratie Personen (BRP)" and not "BRPX"; an empty
// query matches nothing.
func Find(recs []*record.Record, query string) Result {
	return find(recs, nil, query)
}

// find is Find over the records of recs at the indices cand, in order; nil
// cand means all of them.
func find(recs []*record.Record, cand []int, query string) Result {
	res := Result{Query: strings.TrimSpace(query)}
	q := words(res.Query)
	if len(q) == 0 {
		return res
	}
	each := func(yield func(*record.Record)) {
		if cand == nil {
			for _, r := range recs {
				yield(r)
			}
			return
		}
		for _, i := range cand {
			yield(recs[i])
		}
	}
	sensors := map[string]*record.Record{}
	each(func(r *record.Record) {
		if r.Kind == record.Sensor && (Matches(r.ID, q) || Matches(r.Name, q)) {
			sensors[r.ID] = r
		}
	})
	each(func(r *record.Record) {
		u := Use{Record: r}
		for _, d := range r.Datasets {
			if Matches(d.Name, q) || Matches(d.Source, q) {
				u.Datasets = append(u.Datasets, d)
				res.addSource(d)
			}
		}
		for _, s := range r.DataSharing {
			if Matches(s.Party, q) {
				u.Shares = append(u.Shares, s)
			}
		}
		for _, id := range r.UsesSensors {
			if s, ok := sensors[id]; ok {
				u.Sensors = append(u.Sensors, s)
			}
		}
		if len(u.Datasets)+len(u.Shares)+len(u.Sensors) == 0 {
			return
		}
		res.Uses = append(res.Uses, u)
		for _, s := range r.DataSharing {
			res.addRecipient(s.Party, r)
		}
	})
	return res
}

// Index answers many queries over the same records, as Find would, without
// reading every record for each: a site with a page per dataset asks one
// query per dataset.
type Index struct {
	recs []*record.Record
	// byWord lists, for each word, the records (by index, ascending) that
	// could be in the chain of a query starting with it.
	byWord map[string][]int
	// only are the words indexed (NewIndexFor), each its own value; nil:
	// all.
	only map[string]string
}

// NewIndex indexes recs for Index.Find.
func NewIndex(recs []*record.Record) *Index { return NewIndexFor(recs, nil) }

// NewIndexFor indexes recs for the queries given: only the words a query
// starts with are kept, which for a site's page per dataset is a few
// dozen words rather than every sensor's id and name. Find still answers
// any other query, by reading every record. nil queries index every word.
func NewIndexFor(recs []*record.Record, queries []string) *Index {
	ix := &Index{recs: recs, byWord: map[string][]int{}}
	if queries != nil {
		ix.only = map[string]string{}
		for _, q := range queries {
			if w := words(q); len(w) > 0 {
				ix.only[w[0]] = w[0]
			}
		}
	}
	put := func(w string, i int) {
		if l := ix.byWord[w]; len(l) == 0 || l[len(l)-1] != i {
			ix.byWord[w] = append(l, i)
		}
	}
	var buf []byte
	add := func(s string, i int) {
		if ix.only == nil || !isASCII(s) {
			for _, w := range words(s) {
				if ix.only == nil {
					put(w, i)
				} else if w, ok := ix.only[w]; ok {
					put(w, i)
				}
			}
			return
		}
		// Each word lower-cased into buf and looked up as it is: the
		// words of 10,000 names, few of them kept, are not made strings.
		for from, to := range asciiWords(s) {
			buf = buf[:0]
			for _, c := range []byte(s[from:to]) {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
			if w, ok := ix.only[string(buf)]; ok {
				put(w, i)
			}
		}
	}
	// A sensor's words also reach the algorithms that use it.
	users := map[string][]int{}
	for i, r := range recs {
		for _, id := range r.UsesSensors {
			users[id] = append(users[id], i)
		}
	}
	for i, r := range recs {
		for _, d := range r.Datasets {
			add(d.Name, i)
			add(d.Source, i)
		}
		for _, s := range r.DataSharing {
			add(s.Party, i)
		}
		if r.Kind == record.Sensor {
			add(r.ID, i)
			add(r.Name, i)
			for _, u := range users[r.ID] {
				add(r.ID, u)
				add(r.Name, u)
			}
		}
	}
	for w, l := range ix.byWord {
		slices.Sort(l)
		ix.byWord[w] = slices.Compact(l)
	}
	return ix
}

// Find is Find(recs, query) over the indexed records.
func (ix *Index) Find(query string) Result {
	q := words(query)
	if len(q) == 0 {
		return Result{Query: strings.TrimSpace(query)}
	}
	if _, ok := ix.only[q[0]]; ix.only != nil && !ok {
		return find(ix.recs, nil, query) // a word not indexed
	}
	cand := ix.byWord[q[0]]
	if cand == nil {
		cand = []int{}
	}
	return find(ix.recs, cand, query)
}

// Name is a dataset as the records name it.
type Name struct {
	Name string
	// Personal is set when a record says the dataset holds personal data.
	Personal bool
}

// Datasets lists the datasets recs use, once for each name (the same but
// for case, spacing and punctuation, the first spelling kept), in the order
// of their words.
func Datasets(recs []*record.Record) []Name {
	var out []Name
	at := map[string]int{}
	for _, r := range recs {
		for _, d := range r.Datasets {
			w := words(d.Name)
			if len(w) == 0 {
				continue
			}
			key := strings.Join(w, " ")
			i, ok := at[key]
			if !ok {
				i = len(out)
				at[key] = i
				out = append(out, Name{Name: strings.Join(strings.Fields(d.Name), " ")})
			}
			if d.PersonalData != nil && *d.PersonalData {
				out[i].Personal = true
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Name) int {
		return slices.Compare(words(a.Name), words(b.Name))
	})
	return out
}

// addSource notes a matching dataset's source once.
func (res *Result) addSource(d record.Dataset) {
	s := Source{Dataset: strings.TrimSpace(d.Name), Source: strings.TrimSpace(d.Source)}
	if s.Source == "" {
		return
	}
	if !slices.ContainsFunc(res.Sources, func(o Source) bool { return same(o.Source, s.Source) && same(o.Dataset, s.Dataset) }) {
		res.Sources = append(res.Sources, s)
	}
}

// addRecipient adds a party, or the record to a party already listed.
func (res *Result) addRecipient(party string, r *record.Record) {
	party = strings.TrimSpace(party)
	if party == "" {
		return
	}
	for i := range res.Recipients {
		if same(res.Recipients[i].Party, party) {
			if !slices.Contains(res.Recipients[i].From, r) {
				res.Recipients[i].From = append(res.Recipients[i].From, r)
			}
			return
		}
	}
	res.Recipients = append(res.Recipients, Recipient{Party: party, From: []*record.Record{r}})
}

// same reports whether two names are the same but for case and spacing.
func same(a, b string) bool { return slices.Equal(words(a), words(b)) }

// Matches reports whether the words of q occur in s one after another, as
// whole words: words("BRP") in "Basisregistratie Personen (BRP)".
func Matches(s string, q []string) bool {
	if len(q) == 0 {
		return false
	}
	w := words(s)
	for i := 0; i+len(q) <= len(w); i++ {
		if slices.Equal(w[i:i+len(q)], q) {
			return true
		}
	}
	return false
}

// words splits a text into lower-case words of letters and digits.
func words(s string) []string {
	if !isASCII(s) {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	// The same, in one pass over bytes: a site indexes every public
	// record's names, sources and parties on each build, and asking
	// unicode of each byte was most of that. ToLower gives back an ASCII
	// text without capitals as it is.
	lower, n := strings.ToLower(s), 0
	for range asciiWords(lower) {
		n++
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for from, to := range asciiWords(lower) {
		out = append(out, lower[from:to])
	}
	return out
}

// asciiWords yields where each word of the ASCII text s starts and ends:
// each run of letters and digits, whatever their case.
func asciiWords(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); {
			if !wordByte(s[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(s) && wordByte(s[j]) {
				j++
			}
			if !yield(i, j) {
				return
			}
			i = j
		}
	}
}

// wordByte reports whether an ASCII byte is a letter or a digit.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Words splits a query as Find does, for callers that match it themselves.
func Words(s string) []string { return words(s) }
