package history

import (
	"encoding/json"
	"errors"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
)

// Problem says why a change has no field diff: a version that does not
// read as a record (what the reader found in it), or one the repository
// could not give (Err). It holds the parts, not a sentence, and is worded
// when shown (In): a problem kept between runs (KeepDiffs) reads in the
// language of the run that shows it, not of the one that found it.
type Problem struct {
	// Unreadable is the version concerned and, when it was read, what
	// the reader found wrong in it.
	fielddiff.Unreadable
	// Err is why the repository could not give the version, in its own
	// words (English, and they may name a file of the machine); "" when it
	// gave it. Such a problem may pass, and is never kept.
	Err string
}

// problemOf is the problem of the error of fielddiff.YAML: an
// *fielddiff.Unreadable, else (which it does not return) a version not
// named, with the error's words.
func problemOf(err error) *Problem {
	var u *fielddiff.Unreadable
	if errors.As(err, &u) {
		return &Problem{Unreadable: *u}
	}
	return &Problem{Unreadable: fielddiff.Unreadable{Found: []fielddiff.Found{{Message: label.Text{"", err.Error()}}}}}
}

// kept reports whether the problem may be kept between runs
// (KeepDiffs): a version named, that the repository gave and that does not
// read, which stays so.
func (p *Problem) kept() bool {
	return p.Err == "" && (p.Version == fielddiff.OldVersion || p.Version == fielddiff.NewVersion)
}

// In says in lang which version could not be read and why, with what the
// reader or the repository said: for the register's own staff (history,
// changes, the committee's packet). The reader's words may quote the
// version, a value withheld from the public among it; a public output
// shows Summary.
func (p *Problem) In(lang string) string {
	if p.Err != "" {
		return msgNotInRepository.Format(lang, p.Version, p.Err)
	}
	return p.Unreadable.In(lang)
}

// Error is the problem in English.
func (p *Problem) Error() string { return p.In(message.English) }

// Summary says in lang which version could not be read, without what the
// reader or the repository said: fit for a public output.
func (p *Problem) Summary(lang string) string {
	switch {
	case p.Err != "":
		return msgSummaryNotInRepository.Format(lang, p.Version)
	case p.Version == "":
		return msgSummaryAVersion.In(lang)
	}
	return msgSummaryNotARecord.Format(lang, p.Version)
}

// MarshalJSON writes the problem as the machine formats have it: one text,
// in English.
func (p *Problem) MarshalJSON() ([]byte, error) { return json.Marshal(p.In(message.English)) }

// The words of a Problem.
var (
	msgNotInRepository = message.New("%s: cannot be read from the repository: %s",
		"%s: niet uit de repository te lezen: %s")
	msgSummaryNotARecord = message.New("the %s does not read as a record",
		"de %s is niet als registratie te lezen")
	msgSummaryAVersion = message.New("a version does not read as a record",
		"een versie is niet als registratie te lezen")
	msgSummaryNotInRepository = message.New("the %s cannot be read from the repository",
		"de %s is niet uit de repository te lezen")
)
