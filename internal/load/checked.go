package load

import (
	"slices"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
)

// Checked is the checklist's findings of a load (Result.Checked), as
// principle.Run returns them but with their lines and columns. They stay
// as the load packed them, each text once (pack.go), until asked for:
// made into one array at the end of the load, half a million findings at
// 100,000 records were 113 MB, held while a build made its site beside
// them. A Checked is read once, by Each or by Slice, which let go of each
// file's findings as they hand them over. nil has none.
type Checked struct {
	texts         *texts
	before, after []finding.Finding // about the register as a whole
	files         []checkedFile
	n             int
	// standIns says the load kept no records: a large array is made
	// room for (makeRoomFor).
	standIns bool
	holds    principle.Span
}

// Holds is the days on which the findings hold: the register as it was
// loaded gives the same findings checked on any of them.
func (c *Checked) Holds() principle.Span { return c.holds }

// checkedFile is the checklist's findings of one file: those it gave
// as they were, and those packed.
type checkedFile struct {
	file, record string
	given        []finding.Finding
	packed       packedFindings
}

// Each calls fn with each finding, in the order of Slice. The finding is
// fn's to read until it returns, not to keep or change.
func (c *Checked) Each(fn func(f *finding.Finding)) {
	if c == nil {
		return
	}
	each := func(fs []finding.Finding) {
		for i := range fs {
			fn(&fs[i])
		}
	}
	each(c.before)
	var f finding.Finding
	for i := range c.files {
		cf := &c.files[i]
		each(cf.given)
		for _, it := range cf.packed.items[cf.packed.own:] {
			c.texts.unpack(&f, cf.file, cf.record, it)
			fn(&f)
		}
		*cf = checkedFile{}
	}
	each(c.after)
	c.before, c.files, c.after = nil, nil, nil
}

// Large reports whether Slice(spare) makes an array so large that it
// first returns the freed pages to the system (makeRoomFor): a caller
// that still holds memory it could let go of does so before.
func (c *Checked) Large(spare int) bool { return c != nil && c.standIns && large(c.n+spare) }

// Slice returns the findings as one array, with room for spare more after
// them.
func (c *Checked) Slice(spare int) []finding.Finding {
	if c == nil {
		return nil
	}
	done := func() {}
	if c.standIns {
		done = makeRoomFor(c.n + spare)
	}
	fs := append(make([]finding.Finding, 0, c.n+spare), c.before...)
	for i := range c.files {
		cf := &c.files[i]
		fs = c.texts.appendChecked(append(fs, cf.given...), cf.file, cf.record, cf.packed)
		*cf = checkedFile{}
	}
	fs = append(fs, c.after...)
	c.before, c.files, c.after = nil, nil, nil
	done()
	return fs
}

// checkedOf is a Checked of the findings fs, as they are.
func checkedOf(fs []finding.Finding, holds principle.Span) *Checked {
	return &Checked{before: fs, n: len(fs), holds: holds}
}

// unplaced reports whether a finding of the file has no position yet
// (Locate would look for it): one it gave as it was, or one packed
// (texts.pack notes it).
func (cf *checkedFile) unplaced() bool {
	return cf.packed.unplaced || slices.ContainsFunc(cf.given, func(f finding.Finding) bool { return unplaced(&f) })
}
