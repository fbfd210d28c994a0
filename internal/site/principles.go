package site

import (
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// Principle is one principle or commitment the principles page explains to
// a resident: an entry of the catalogue (principle.Catalogue).
type Principle struct {
	principle.Principle
}

// principles are the catalogue's principles the page explains, in its order.
var principles = func() []Principle {
	var out []Principle
	for _, p := range principle.Catalogue {
		if p.Explained() {
			out = append(out, Principle{p})
		}
	}
	return out
}()

// principleAnchors are the anchors of principles, in the same order.
var principleAnchors = func() []string {
	out := make([]string, len(principles))
	for i, p := range principles {
		out[i] = Anchor(p.Ref)
	}
	return out
}()

// refAnchors returns the anchors of the references a finding cites.
func refAnchors(ref string) []string {
	var out []string
	for _, r := range principle.SplitRefs(ref) {
		out = append(out, Anchor(r))
	}
	return out
}

// Explains reports whether the principles page explains the principle a
// finding or rule cites (every reference in it).
func Explains(ref string) bool {
	for _, a := range refAnchors(ref) {
		if principleByRef[a] == nil {
			return false
		}
	}
	return ref != ""
}

// principleByRef indexes principles by their anchor.
var principleByRef = func() map[string]*Principle {
	m := map[string]*Principle{}
	for i := range principles {
		m[Anchor(principles[i].Ref)] = &principles[i]
	}
	return m
}()

// Anchor returns the fragment of a principle on the principles page:
// "VNG 2.1" → "vng-2-1", "C-breach" → "c-breach".
func Anchor(ref string) string { return principle.Anchor(ref) }

// appliesTo reports whether a principle concerns records of the kind.
func (p *Principle) appliesTo(k record.Kind) bool { return p.AppliesTo(k) }
