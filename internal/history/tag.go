package history

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The review packets of the ethics committee are tagged in the register's
// repository, so the next packet compares with the previous meeting's.

// TagTrailer marks the annotated tags that register packet --tag makes, so
// the next packet finds the previous one among a repository's other tags.
const TagTrailer = "Register-Packet: true"

// openRepo opens the Git repository holding the register at root, as git
// finds it (walking up from root), for writing tags and reading the work
// tree's state; Open reads history.
func openRepo(root string) (*git.Repository, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	return plainOpen(root, abs)
}

// plainOpen opens the repository holding the folder abs; ErrNoRepo
// (wrapped, naming root) when there is none.
func plainOpen(root, abs string) (*git.Repository, error) {
	r, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("%s: %w", root, ErrNoRepo)
	}
	return r, err
}

// Tag makes an annotated tag NAME on the commit rev ("" for HEAD) of the
// repository holding the register, marking it as a packet's tag, so the next
// packet's --since defaults to it. It returns the commit tagged. An existing
// tag of that name is an error: a meeting's tag is never moved.
func Tag(root, name, rev string, when time.Time) (string, error) {
	name = strings.TrimSpace(name)
	repo, err := checkTag(root, name)
	if err != nil {
		return "", err
	}
	if rev == "" {
		rev = "HEAD"
	}
	h, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return "", fmt.Errorf("tag %s: %s is not a commit of this repository: %w", name, rev, err)
	}
	_, err = repo.CreateTag(name, *h, &git.CreateTagOptions{
		Tagger:  tagger(repo, when),
		Message: fmt.Sprintf("Review packet for the ethics committee, %s\n\n%s\n", when.Format("2006-01-02"), TagTrailer),
	})
	if err != nil {
		return "", fmt.Errorf("tag %s: %w", name, err)
	}
	return h.String(), nil
}

// tagger is the identity Git would use, else the tool's own: tagging needs
// one, and a secretary's laptop may have none configured.
func tagger(repo *git.Repository, when time.Time) *object.Signature {
	sig := &object.Signature{Name: "register packet", Email: "register@localhost", When: when}
	for _, scope := range []config.Scope{config.LocalScope, config.GlobalScope} {
		cfg, err := repo.ConfigScoped(scope)
		if err != nil {
			continue
		}
		if cfg.User.Name != "" && cfg.User.Email != "" {
			sig.Name, sig.Email = cfg.User.Name, cfg.User.Email
			return sig
		}
	}
	return sig
}

// PreviousTag returns the name of the newest tag that register packet --tag
// made in the repository holding the register, or "" when there is none
// (or the register is not in Git).
func PreviousTag(root string) (string, error) {
	repo, err := openRepo(root)
	if errors.Is(err, ErrNoRepo) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	refs, err := repo.Tags()
	if err != nil {
		return "", err
	}
	var best string
	var bestWhen time.Time
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		t, err := repo.TagObject(ref.Hash())
		if err != nil {
			return nil // a lightweight tag: not one of ours
		}
		if !strings.Contains(t.Message, TagTrailer) {
			return nil
		}
		name := ref.Name().Short()
		if best == "" || t.Tagger.When.After(bestWhen) || t.Tagger.When.Equal(bestWhen) && name > best {
			best, bestWhen = name, t.Tagger.When
		}
		return nil
	})
	return best, err
}

// CheckTag reports whether Tag could make the tag name in the register's
// repository, so a command can refuse before it writes anything.
func CheckTag(root, name string) error {
	_, err := checkTag(root, strings.TrimSpace(name))
	return err
}

func checkTag(root, name string) (*git.Repository, error) {
	if why := badTagName(name); why != "" {
		return nil, fmt.Errorf("tag %q: %s; use a name without spaces or ~^:?*[\\, such as ethiek-2026-11", name, why)
	}
	repo, err := openRepo(root)
	if err != nil {
		return nil, fmt.Errorf("tag %s: %w", name, err)
	}
	if _, err := repo.Tag(name); err == nil {
		return nil, fmt.Errorf("tag %s already exists: choose another name (a meeting's tag is never moved)", name)
	}
	if _, err := repo.Reference(plumbing.NewBranchReferenceName(name), false); err == nil {
		return nil, fmt.Errorf("tag %s: a branch has that name, so --since %s would be ambiguous; choose another name", name, name)
	}
	return repo, nil
}

// specialRefs are names Git reads as something other than a tag wherever a
// revision is expected.
var specialRefs = map[string]bool{"HEAD": true, "FETCH_HEAD": true, "ORIG_HEAD": true, "MERGE_HEAD": true,
	"CHERRY_PICK_HEAD": true, "REVERT_HEAD": true, "BISECT_HEAD": true, "REBASE_HEAD": true, "AUTO_MERGE": true, "@": true}

// badTagName says why name cannot be a packet's tag, or "" when it can: it
// follows git check-ref-format, and refuses names that Git would read as
// something else where --since takes a revision (HEAD, a commit hash).
func badTagName(name string) string {
	switch {
	case name == "":
		return "the name is empty"
	case specialRefs[name] || strings.HasSuffix(name, "_HEAD"):
		return "Git reads that name as a reference of its own"
	case strings.HasPrefix(name, "-"):
		return "a name starting with - reads as an option"
	case strings.HasPrefix(name, "refs/"):
		return "a name starting with refs/ reads as a full reference"
	case isHex(name) && len(name) >= 4:
		return "the name reads as an abbreviated commit hash"
	case strings.ContainsAny(name, " ~^:?*[\\") || strings.Contains(name, "..") || strings.Contains(name, "@{"):
		return "Git does not allow spaces, ~^:?*[\\, .. or @{ in a tag"
	case strings.IndexFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return "the name holds a control character"
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, "/") || strings.HasPrefix(name, "/") || strings.Contains(name, "//"):
		return "Git does not allow a name that starts or ends with / or ends with ."
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, ".lock") {
			return "Git does not allow a part that starts with . or ends with .lock"
		}
	}
	return ""
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}
