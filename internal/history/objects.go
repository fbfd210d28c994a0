package history

import (
	"container/list"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// objectReader reads object contents and keeps recent ones within a memory
// budget. It resolves pack deltas itself: go-git's resolver hashes every
// object it rebuilds to key its cache, and hashing each version of a large
// folder tree costs more than the whole walk, while the hash is known here.
type objectReader struct {
	s      storer.EncodedObjectStorer
	ds     storer.DeltaObjectStorer // nil when the storage cannot return deltas
	budget int
	used   int
	lru    *list.List // of *cached, most recent first
	byHash map[plumbing.Hash]*list.Element
}

type cached struct {
	hash plumbing.Hash
	data []byte
}

// maxDeltaChain bounds a chain of deltas; git's default is 50 and a chain
// that loops would otherwise never end.
const maxDeltaChain = 10000

func newObjectReader(s storer.EncodedObjectStorer, budget int) *objectReader {
	o := &objectReader{s: s, budget: budget, lru: list.New(), byHash: map[plumbing.Hash]*list.Element{}}
	o.ds, _ = s.(storer.DeltaObjectStorer)
	return o
}

// read returns an object's content. The slice is shared: callers must not
// change it.
func (o *objectReader) read(typ plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	if b, ok := o.get(h); ok {
		return b, nil
	}
	if o.ds == nil {
		b, err := readAll(o.s.EncodedObject(typ, h))
		if err != nil {
			return nil, fmt.Errorf("read %s %s: %w", typ, h, err)
		}
		o.put(h, b)
		return b, nil
	}
	// Follow the chain of deltas down to an object at hand, then apply the
	// deltas back up, keeping each version: the next commit needs them.
	type step struct {
		hash  plumbing.Hash
		delta []byte
	}
	var chain []step
	var base []byte
	for cur := h; ; {
		if len(chain) > maxDeltaChain {
			return nil, fmt.Errorf("read %s %s: delta chain longer than %d", typ, h, maxDeltaChain)
		}
		if b, ok := o.get(cur); ok {
			base = b
			break
		}
		obj, err := o.ds.DeltaObject(plumbing.AnyObject, cur)
		if err != nil {
			return nil, fmt.Errorf("read %s %s: %w", typ, cur, err)
		}
		d, isDelta := obj.(plumbing.DeltaObject)
		b, err := readAll(obj, nil)
		if err != nil {
			return nil, fmt.Errorf("read %s %s: %w", typ, cur, err)
		}
		if !isDelta {
			o.put(cur, b)
			base = b
			break
		}
		chain = append(chain, step{cur, b})
		cur = d.BaseHash()
	}
	for i := len(chain) - 1; i >= 0; i-- {
		b, err := packfile.PatchDelta(base, chain[i].delta)
		if err != nil {
			return nil, fmt.Errorf("read %s %s: %w", typ, chain[i].hash, err)
		}
		o.put(chain[i].hash, b)
		base = b
	}
	return base, nil
}

func readAll(obj plumbing.EncodedObject, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	r, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b := make([]byte, obj.Size())
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	return b, nil
}

func (o *objectReader) get(h plumbing.Hash) ([]byte, bool) {
	if e, ok := o.byHash[h]; ok {
		o.lru.MoveToFront(e)
		return e.Value.(*cached).data, true
	}
	return nil, false
}

func (o *objectReader) put(h plumbing.Hash, b []byte) {
	if _, ok := o.byHash[h]; ok || len(b) > o.budget/4 {
		return
	}
	o.byHash[h] = o.lru.PushFront(&cached{h, b})
	o.used += len(b)
	for o.used > o.budget {
		e := o.lru.Back()
		c := e.Value.(*cached)
		o.lru.Remove(e)
		delete(o.byHash, c.hash)
		o.used -= len(c.data)
	}
}
