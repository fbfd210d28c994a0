// Package chain follows personal data through the register, for the desk
// that corrects or deletes it (GDPR art. 16, 17): which records use a
// dataset (the BRP, say) or share data with a party, which recipients of
// their data must be told of a correction (art. 19), and how a resident
// asks for one. It works on whatever records it is given: the caller
// decides whether they are the public views (the site) or the records as
// loaded (the desk's own search).
package chain

import (
	"slices"
	"strings"
	"unicode"

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
	res := Result{Query: strings.TrimSpace(query)}
	q := words(res.Query)
	if len(q) == 0 {
		return res
	}
	sensors := map[string]*record.Record{}
	for _, r := range recs {
		if r.Kind == record.Sensor && (Matches(r.ID, q) || Matches(r.Name, q)) {
			sensors[r.ID] = r
		}
	}
	for _, r := range recs {
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
			continue
		}
		res.Uses = append(res.Uses, u)
		for _, s := range r.DataSharing {
			res.addRecipient(s.Party, r)
		}
	}
	return res
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
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Words splits a query as Find does, for callers that match it themselves.
func Words(s string) []string { return words(s) }
