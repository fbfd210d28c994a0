package publish

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/record"
)

// ShowsSubjects reports whether public outputs show commit subjects
// (site.show_commit_subjects). Commit messages are written for colleagues,
// not reviewed as public text, so without the setting they stay out.
func (p *Public) ShowsSubjects() bool {
	return p.Register != nil && p.Register.Config != nil && p.Register.Config.Site.ShowCommitSubjects
}

// Subject returns a commit subject as a public output may show it: "" unless
// the register shows subjects (ShowsSubjects), else the subject with the
// withheld values of every record of the register, and the ids and names of
// every record that is not public, replaced by "niet openbaar" / "not
// public", whatever their case. A commit touches several records at once,
// so the subject on one record's page may quote another's secret.
//
// With versions of records the history holds (AlsoScrubFromSubjects), the
// secrets of each of those go too: a subject was written when its version
// was current.
func (p *Public) Subject(s, lang string) string {
	if !p.ShowsSubjects() {
		return ""
	}
	x, past := p.pastIndex()
	if !past || strings.TrimSpace(s) == "" {
		return p.FreeText(s, lang)
	}
	return x.replace(s, NotPublic(lang))
}

// AlsoScrubFromSubjects adds the secrets of versions of records that the
// history holds (PastSecrets of every version of every record file, as
// decoded) to those Subject takes out, and Subject alone: their withheld
// values, and their ids and names when they were not public. A subject
// may quote what was secret when it was written, while a text written now
// (a reason) is filtered by what is secret now, as the pages that show it
// are keyed.
func (p *Public) AlsoScrubFromSubjects(secrets []string) {
	p.subjectMu.Lock()
	defer p.subjectMu.Unlock()
	p.past = append(p.past, secrets...)
	p.pastIdx, p.pastMade = nil, false // made again with them
}

// PastSecrets lists what no public text may quote of records the register
// does not hold as they are (past versions of a record file, as load.Past
// decodes them, for AlsoScrubFromSubjects; removed ones, AlsoScrub): of
// each, its quotable withheld values, and its id and name when it was not
// public.
func PastSecrets(versions []*record.Record) []string {
	var secrets []string
	for _, r := range versions {
		if r == nil {
			continue
		}
		texts, numbers := quotable(r)
		secrets = append(append(secrets, texts...), numbers...)
		if !r.IsPublic() {
			secrets = append(secrets, hiddenNames(r)...)
		}
	}
	return secrets
}

// pastIndex is the index of the register's secrets and those of the
// versions AlsoScrubFromSubjects added, made once; false when it added
// none. One index holds both: scrubbed one after the other, a secret now
// inside a secret then ("Ceeh" in "Geheimenaam Ceeh") would leave the rest
// of the longer one.
func (p *Public) pastIndex() (*foldIndex, bool) {
	p.subjectMu.Lock()
	defer p.subjectMu.Unlock()
	if len(p.past) == 0 {
		return nil, false
	}
	if !p.pastMade {
		secrets := p.registerSecrets()
		// The id and name of a record public now are no secret, though
		// a version of it was not public.
		public := map[string]bool{}
		for r, v := range p.views {
			if v != nil {
				public[wholeKey(r.ID)], public[wholeKey(r.Name)] = true, true
			}
		}
		for _, s := range p.past {
			if !public[wholeKey(s)] {
				secrets = append(secrets, s)
			}
		}
		// Versions repeat each other's secrets: each is made into its
		// written forms once.
		slices.Sort(secrets)
		p.pastIdx, p.pastMade = newFoldIndex(slices.Compact(secrets)), true
	}
	return p.pastIdx, true
}

// Reason is Reason for a public output: the record's reason for what it
// withholds, through FreeText. A reason is written by hand, and may name
// a record that is not public or quote another's withheld value.
func (p *Public) Reason(r *record.Record, lang string) string {
	// Scrub takes out the record's own withheld values of every length:
	// its reason is about them ("the 7 cameras of ..."), where another's
	// is not.
	return p.Scrub(r, p.FreeText(Reason(r, lang), lang), lang)
}

// FreeText returns a text people wrote (a commit subject, a reason) as a
// public output may show it: with the withheld values of every record of
// the register, and the ids and names of every record that is not public,
// replaced by "niet openbaar" / "not public", whatever their case.
func (p *Public) FreeText(s, lang string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	p.subjectMu.Lock()
	if !p.subjectMade {
		// nil when there are none: made once all the same, or every text
		// would go through every record of the register again.
		p.subjectIndex, p.subjectMade = newFoldIndex(p.registerSecrets()), true
	}
	x := p.subjectIndex
	p.subjectMu.Unlock()
	return x.replace(s, NotPublic(lang))
}

// AlsoScrub adds a record that is no longer in the register (removed since
// the packet before, as its last version read) to those whose secrets
// Subject takes out: a subject may still name it. Its withheld values go,
// and its id and name when it was not public.
func (p *Public) AlsoScrub(r *record.Record) {
	if r == nil {
		return
	}
	p.subjectMu.Lock()
	defer p.subjectMu.Unlock()
	p.removed = append(p.removed, r)
	// Both indexes are made again with it.
	p.subjectIndex, p.subjectMade = nil, false
	p.pastIdx, p.pastMade = nil, false
}

// registerSecrets lists what no public text may quote: the ids and names
// of the records that are not public and the withheld values of every
// record that a text about another could quote (quotable): a short one
// ("FR", a count of 7) is in any text by chance, and taking it out of
// every text would say where it stands.
func (p *Public) registerSecrets() []string {
	secrets := append([]string(nil), p.hidden...)
	if p.texts != nil {
		// Read of the loaded records as the texts were (both are made
		// of the same records): read again here, one after the other,
		// they held up the preparing of a site.
		secrets = append(secrets, p.texts.quotable...)
	} else {
		for _, r := range p.loaded {
			if r != nil {
				texts, numbers := quotable(r)
				secrets = append(append(secrets, texts...), numbers...)
			}
		}
	}
	return append(secrets, PastSecrets(p.removed)...)
}

// subjectState is what Subject keeps between calls.
type subjectState struct {
	subjectMu    sync.Mutex
	subjectIndex *foldIndex // the register's secrets, once subjectMade
	subjectMade  bool
	loaded       []*record.Record // every record as loaded, public or not
	removed      []*record.Record // AlsoScrub's
	past         []string         // AlsoScrubFromSubjects's
	pastIdx      *foldIndex       // secrets of the register and of past, once pastMade
	pastMade     bool
}

// IsReason reports whether the field at the dotted path is, or holds, a
// record's reason for what it withholds: a text written by hand, which
// may quote any record's secret, so every public output shows it through
// FreeText, and a change's output also through ScrubValues.
func IsReason(path string) bool {
	return path == "publication" || path == "publication.reason" || strings.HasPrefix(path, "publication.reason.")
}

// ScrubValues returns s with every text in values (decoded YAML or JSON:
// strings, numbers, and maps and lists of them), in any case, replaced by
// "niet openbaar" / "not public", as FreeText does with the register's
// secrets. An output that leaves values out of what it shows of a change
// passes them here, so a text written in the same change (a reason) does
// not quote them: they may be secrets no record holds any more.
func ScrubValues(s, lang string, values ...any) string {
	var texts []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if t := strings.TrimSpace(v); len(t) >= 2 {
				texts = append(texts, t)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		case nil, bool:
		default:
			if t := fmt.Sprint(v); len(t) >= 2 {
				texts = append(texts, t)
			}
		}
	}
	for _, v := range values {
		walk(v)
	}
	if len(texts) == 0 {
		return s
	}
	return newFoldIndex(texts).replace(s, NotPublic(lang))
}
