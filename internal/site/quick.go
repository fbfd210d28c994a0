package site

import (
	"bytes"
	"slices"

	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/record"
)

// A preview server (serve) shows the pages of the records a steward just
// saved before the rest of the site is written: Prepare, then RecordPages
// for the records that changed, then Build. The pages come out of the same
// builder, so the same public view, as the site Build writes.

// RecordPages renders, ahead of Build, the pages of the records in recs
// in every language of the site, by path: for each record, whichever
// record of its kind and id the site shows, or nil for a path the site
// will not have (a record removed, made not public, or now of another
// kind). recs may be records of an earlier load, for the pages of what
// is gone.
func (p *Prepared) RecordPages(recs []*record.Record) (map[string][]byte, error) {
	b := p.b
	type ref struct {
		kind record.Kind
		id   string
	}
	want := map[ref]*record.Record{}
	for _, r := range recs {
		if record.ValidID(r.ID) && slices.Contains(record.Kinds, r.Kind) {
			want[ref{r.Kind, r.ID}] = nil
		}
	}
	for _, v := range b.public {
		if _, ok := want[ref{v.Kind, v.ID}]; ok {
			want[ref{v.Kind, v.ID}] = v
		}
	}
	pages := map[string][]byte{}
	var buf bytes.Buffer
	for k, v := range want {
		for _, lang := range b.langs {
			if v == nil {
				pages[b.prefix(lang)+pageurl.RecordPath(lang, k.kind, k.id)] = nil
				continue
			}
			j := b.recordJob(lang, v)
			buf.Reset()
			if err := j.render(&buf); err != nil {
				return nil, err
			}
			pages[j.path] = bytes.Clone(buf.Bytes())
		}
	}
	return pages, nil
}

// Changed lists, after a Build that succeeded, the files whose keys differ between the
// site it wrote and the one it replaced, one of the two having none
// included: the pages a reader of the site before would see change. ok is
// false when that cannot be told (no keys, or no site before): any page
// may have changed.
func (p *Prepared) Changed() (paths []string, ok bool) {
	b := p.b
	if b.keys.global == nil || b.known == nil || b.known.read&hasCur == 0 {
		return nil, false
	}
	return b.known.changed(), true
}
