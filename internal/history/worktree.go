package history

import (
	"errors"
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
	dirty, _, err := statusUnder(root, func(s *git.FileStatus) bool {
		return s.Worktree != git.Unmodified || s.Staging != git.Unmodified
	})
	return dirty, err
}

// Untracked lists the files under the register root that Git does not
// track and does not ignore, as Uncommitted names them; inGit is false
// outside a Git work tree, where no file is tracked or not.
func Untracked(root string) (files []string, inGit bool, err error) {
	return statusUnder(root, func(s *git.FileStatus) bool { return s.Worktree == git.Untracked })
}

// statusUnder lists the files under the register root whose status is
// one keep keeps, relative to root and slash-separated, sorted; inGit is
// false outside a Git work tree and in a bare repository, where it lists
// nothing.
func statusUnder(root string, keep func(*git.FileStatus) bool) (files []string, inGit bool, err error) {
	_, wt, _, prefix, err := workTree(root)
	if errors.Is(err, ErrNoRepo) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	st, err := wt.Status()
	if err != nil {
		return nil, true, err
	}
	for path, s := range st {
		if !keep(s) {
			continue
		}
		if prefix == "" {
			files = append(files, path)
		} else if rel, ok := strings.CutPrefix(path, prefix+"/"); ok {
			files = append(files, rel)
		}
	}
	slices.Sort(files)
	return files, true, nil
}

// Dirty reports whether any file under the register root is uncommitted
// (see Uncommitted).
func Dirty(root string) (bool, error) {
	dirty, err := Uncommitted(root)
	return len(dirty) > 0, err
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
