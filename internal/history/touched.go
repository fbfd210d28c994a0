package history

// Touched returns, for each of files (paths relative to the register
// root), what Log returns, except that each change's Fields hold the path
// and operation of each field it changed and not the values: what a
// record's page lists. The diffs are read as ChangeSet.ReadAll reads them:
// from those kept (KeepDiffs) where it can, the others on every core.
func (r *Repo) Touched(files []string) (map[string][]Change, error) {
	r.mu.Lock()
	idx, err := r.index()
	if err != nil {
		r.mu.Unlock()
		return nil, err
	}
	out := make(map[string][]Change, len(files))
	var all []*Change
	for _, f := range files {
		evs := idx.lineage(f)
		cs := make([]Change, len(evs))
		for i, ref := range evs {
			cs[i] = r.outline(ref)
			all = append(all, &cs[i])
		}
		out[f] = cs
	}
	r.mu.Unlock()
	r.read(all, false)
	// The changes compared afresh have their values: left out too.
	for _, c := range all {
		if len(c.Fields) == 0 {
			c.Fields = nil
		}
		for i := range c.Fields {
			c.Fields[i].Old, c.Fields[i].New = nil, nil
		}
	}
	return out, nil
}
