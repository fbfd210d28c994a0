package history

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
)

// Uncommitted lists the files under the register root that differ from the
// commit HEAD points at (changed, added or untracked), relative to root and
// slash-separated, sorted: a migration refuses to mix its rewrite with
// someone's unfinished work, and a packet's cover says it was made from
// more than its commit. Outside a Git work tree, and in a bare repository,
// it returns nothing.
func Uncommitted(root string) ([]string, error) {
	repo, err := openRepo(root)
	if errors.Is(err, ErrNoRepo) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, nil // a bare repository has no work tree
	}
	st, err := wt.Status()
	if err != nil {
		return nil, err
	}
	prefix, err := workTreePrefix(root, wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	var dirty []string
	for path, s := range st {
		if s.Worktree == git.Unmodified && s.Staging == git.Unmodified {
			continue
		}
		if prefix == "." {
			dirty = append(dirty, path)
		} else if rel, ok := strings.CutPrefix(path, prefix+"/"); ok {
			dirty = append(dirty, rel)
		}
	}
	slices.Sort(dirty)
	return dirty, nil
}

// Dirty reports whether any file under the register root is uncommitted
// (see Uncommitted).
func Dirty(root string) (bool, error) {
	dirty, err := Uncommitted(root)
	return len(dirty) > 0, err
}

// workTreePrefix is the register root relative to the work tree's top,
// slash-separated ("." when equal), with symbolic links resolved on both
// sides so a root reached through one still matches Git's paths.
func workTreePrefix(root, top string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	prefix, err := filepath.Rel(top, abs)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(prefix), nil
}

// Head returns the hash of the commit checked out in the Git repository
// that holds dir, or an error when dir is not in one or HEAD names no
// commit yet.
func Head(dir string) (string, error) {
	repo, err := openRepo(dir)
	if err != nil {
		return "", err
	}
	ref, err := repo.Head()
	if err != nil {
		return "", err
	}
	return ref.Hash().String(), nil
}
