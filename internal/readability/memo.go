package readability

import (
	"hash/maphash"
	"sync/atomic"
)

// memoSlots is how many texts a Memo remembers at most: a register's
// summaries and purposes are often written from a few templates, and a
// bounded table keeps the memory of a run over a large register with
// texts all different as small as of a small one.
const memoSlots = 4096

// Memo remembers the measures of texts already measured, so a text that
// many records share is measured once in a run. It is safe for concurrent
// use; the zero Memo is not, use NewMemo. A nil *Memo remembers nothing.
type Memo struct {
	seed  maphash.Seed
	slots [memoSlots]atomic.Pointer[memoEntry]
}

type memoEntry struct {
	text     string
	fallback Lang
	m        Measure
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{seed: maphash.MakeSeed()} }

// Analyse measures text in the language Detect finds, or in fallback
// when Detect cannot tell, as Analyse(text, l) with that language does.
// The Measure may be shared with other callers: read it, do not change it.
func (mm *Memo) Analyse(text string, fallback Lang) Measure {
	if mm == nil {
		return analyseOr(text, fallback)
	}
	// The whole text and the fallback are compared, so two texts that
	// share a slot only cost a measure, never give the other's.
	slot := &mm.slots[maphash.String(mm.seed, text)%memoSlots]
	if e := slot.Load(); e != nil && e.text == text && e.fallback == fallback {
		return e.m
	}
	m := analyseOr(text, fallback)
	slot.Store(&memoEntry{text: text, fallback: fallback, m: m})
	return m
}

func analyseOr(text string, fallback Lang) Measure {
	l := Detect(text)
	if l == "" {
		l = fallback
	}
	return Analyse(text, l)
}
