package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
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
// public. For versions of a record the register holds, Today.PastSecrets
// judges them by today's rules too.
func PastSecrets(versions []*record.Record) []string {
	return pastSecrets(versions, nil, false)
}

// pastSecrets is PastSecrets with the paths withheld added to each
// version's own, and hidden saying whether its id and name are secret
// whatever it said of itself.
func pastSecrets(versions []*record.Record, withheld []string, hidden bool) []string {
	var secrets []string
	for _, r := range versions {
		if r == nil {
			continue
		}
		texts, numbers := quotable(withholding(r, withheld))
		secrets = append(append(secrets, texts...), numbers...)
		if hidden || !r.IsPublic() {
			secrets = append(secrets, hiddenNames(r)...)
		}
	}
	return secrets
}

// withholding returns r with the paths ws withheld beside its own; r
// itself when ws adds none.
func withholding(r *record.Record, ws []string) *record.Record {
	if len(ws) == 0 {
		return r
	}
	c := *r
	p := record.Publication{}
	if r.Publication != nil {
		p = *r.Publication
	}
	p.Withheld = append(slices.Clip(p.Withheld), ws...)
	c.Publication = &p
	return &c
}

// Today is what the register says today of the versions of its record
// files that the history holds. A value that a field of a record ever had
// is a secret when the field is withheld now, though the version that held
// it withheld nothing: withholding a supplier's name today withholds the
// names it had before. So are the ids and names of the versions of a
// record that is not public now.
type Today struct {
	byFile, byID map[string]*record.Record
	// withheld are the paths any record of a kind withholds, for a
	// version of a record the register no longer holds under its file
	// or id: which of today's records it was is not known.
	withheld map[record.Kind][]string
}

// NewToday makes the Today of the records of the register, as loaded.
func NewToday(records []*record.Record) *Today {
	t := &Today{byFile: map[string]*record.Record{}, byID: map[string]*record.Record{}, withheld: map[record.Kind][]string{}}
	for _, r := range records {
		if r == nil {
			continue
		}
		t.byFile[r.File], t.byID[r.ID] = r, r
		t.withheld[r.Kind] = append(t.withheld[r.Kind], everyElement(r.Withheld())...)
	}
	for k, ws := range t.withheld {
		slices.Sort(ws)
		t.withheld[k] = slices.Compact(ws)
	}
	return t
}

// Key names what PastSecrets takes from today's register, for a cache of
// what it gave: each record's file, id, whether it is public, and the
// paths it withholds.
func (t *Today) Key() string {
	files := slices.Sorted(maps.Keys(t.byFile))
	var b strings.Builder
	for _, f := range files {
		r := t.byFile[f]
		fmt.Fprintf(&b, "%q %q %t %q\n", f, r.ID, r.IsPublic(), r.Withheld())
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// PastSecrets is PastSecrets of the versions (as load.Past decodes the
// content of file at some commit) under the rules of today's record of
// that file or id as well as their own: its withheld paths, in every list
// element (an element's index may have been another then), and, when it
// is not public now, the versions' ids and names. A version of a record
// the register no longer holds gets every path a record of its kind
// withholds.
func (t *Today) PastSecrets(file string, versions []*record.Record) []string {
	now := t.byFile[file]
	for _, r := range versions {
		if now == nil && r != nil && r.ID != "" {
			now = t.byID[r.ID]
		}
	}
	if now == nil {
		kind, _ := record.KindOfFile(file)
		return pastSecrets(versions, t.withheld[kind], false)
	}
	return pastSecrets(versions, everyElement(now.Withheld()), !now.IsPublic())
}

// everyElement returns the paths ws with their list indexes taken out, so
// each covers the field in every element ("datasets.0.url" becomes
// "datasets.url").
func everyElement(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		segs := strings.Split(w, ".")
		segs = slices.DeleteFunc(segs, record.IsIndex)
		if len(segs) > 0 {
			out = append(out, strings.Join(segs, "."))
		}
	}
	return out
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

// ChangeValue returns a value a change of a record shows (a field's old
// or new value, formatted, or a reason) as every public output of a
// record's history shows it (the change feed, the public packet): through
// text, the register-wide scrub of the texts people write
// (Public.FreeText), so an old version's text does not quote a value a
// record withholds now, nor the name of one that is not public; and, for
// a reason written in the same change, without the values unshown that
// the output leaves out of the change. Without text nothing of it is
// known to be fit to show: "niet openbaar".
func ChangeValue(text func(s, lang string) string, s, lang string, unshown ...any) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	if text == nil {
		return NotPublic(lang)
	}
	if s = text(s, lang); len(unshown) > 0 {
		s = ScrubValues(s, lang, unshown...)
	}
	return s
}
