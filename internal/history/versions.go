package history

import (
	"cmp"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/record"
)

// Version is one version of a record file in HEAD's history: a path it
// was written at (relative to the register root) and its content.
type Version struct {
	File string
	Data []byte
}

// Versions returns every distinct version of every record file in HEAD's
// history, of files removed or renamed since too, each once (a blob
// written under folders of two kinds once for each). A text written back
// then, such as a commit subject, may quote what a version kept secret
// that the register no longer holds. Data is shared with the Repo's
// object cache: callers must not change it.
func (r *Repo) Versions() ([]Version, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	type key struct {
		blob plumbing.Hash
		kind record.Kind
	}
	seen := map[key]bool{}
	var out []Version
	add := func(file string, blob plumbing.Hash) error {
		kind, ok := record.KindOfFile(file)
		if blob.IsZero() || !ok || seen[key{blob, kind}] {
			return nil
		}
		seen[key{blob, kind}] = true
		data, err := r.blob(blob)
		if err != nil {
			return fmt.Errorf("read %s as of %s: %w", file, blob, err)
		}
		out = append(out, Version{File: file, Data: data})
		return nil
	}
	// Every version is the new side of the event that wrote it; the old
	// sides are read all the same, so that no version is missed where a
	// parent is not at hand.
	for _, c := range idx.order {
		for _, e := range c.Events {
			if err := add(cmp.Or(e.From, e.Path), e.Old); err != nil {
				return nil, err
			}
			if err := add(e.Path, e.New); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
