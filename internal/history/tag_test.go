package history

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/testbed"
)

func TestTagAndPreviousTag(t *testing.T) {
	g := testbed.NewGit(t)
	// The register lives in a folder of a larger repository, as in this project.
	first := g.Commit(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "first", map[string]string{
		"register/sensors/stil.yaml": "id: stil\n",
		"README.md":                  "Testdorp\n",
	}).String()
	root := filepath.Join(g.Dir, "register")
	if tag, err := PreviousTag(root); err != nil || tag != "" {
		t.Fatalf("PreviousTag before any tag = %q, %v; want none", tag, err)
	}

	got, err := Tag(root, "ethiek-2026-09", "", time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC))
	if err != nil || got != first {
		t.Fatalf("Tag = %s, %v; want %s", got, err, first)
	}
	second := g.Commit(time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC), "second", map[string]string{
		"register/sensors/nieuw.yaml": "id: nieuw\n",
	}).String()
	repo := g.Repo
	// Tags that are not a packet's: a release (annotated, no trailer) made
	// later, and a lightweight tag.
	if _, err := repo.CreateTag("v1.0.0", plumbing.NewHash(second), &git.CreateTagOptions{
		Tagger: &object.Signature{Name: "Release", Email: "release@testdorp.example", When: time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)}, Message: "release"}); err != nil {
		t.Fatal(err)
	}
	if _, err := repo.CreateTag("licht", plumbing.NewHash(second), nil); err != nil {
		t.Fatal(err)
	}
	if tag, err := PreviousTag(root); err != nil || tag != "ethiek-2026-09" {
		t.Errorf("PreviousTag = %q, %v; want ethiek-2026-09", tag, err)
	}

	// The next meeting's tag, on an explicit commit, becomes the previous one.
	if got, err := Tag(root, "ethiek-2026-10", second[:10], time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC)); err != nil || got != second {
		t.Fatalf("Tag on %s = %s, %v", second[:10], got, err)
	}
	if tag, _ := PreviousTag(root); tag != "ethiek-2026-10" {
		t.Errorf("PreviousTag after the second meeting = %q, want ethiek-2026-10", tag)
	}
	to, err := repo.Tag("ethiek-2026-10")
	if err != nil {
		t.Fatal(err)
	}
	obj, err := repo.TagObject(to.Hash())
	if err != nil {
		t.Fatalf("the packet's tag is not annotated: %v", err)
	}
	if obj.Target.String() != second || !strings.Contains(obj.Message, TagTrailer) || !strings.Contains(obj.Message, "2026-10-20") {
		t.Errorf("tag object: target %s, message %q", obj.Target, obj.Message)
	}

	// The history package resolves the tag as --since.
	h, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	cs, err := h.Since("ethiek-2026-09")
	if err != nil || cs.Base != first || len(cs.Records) != 1 || cs.Records[0].File != "sensors/nieuw.yaml" {
		t.Errorf("Since(tag) = %+v, %v", cs, err)
	}

	errs := []struct {
		name, rev, want string
	}{
		{"ethiek-2026-09", "", "already exists"},
		{"met spatie", "", "without spaces"},
		{"", "", "without spaces"},
		{"-f", "", "without spaces"},
		{"ethiek-later", "bestaat-niet", "is not a commit"},
		{"HEAD", "", "reference of its own"},
		{"ORIG_HEAD", "", "reference of its own"},
		{"@", "", "reference of its own"},
		{"deadbeef", "", "abbreviated commit hash"},
		{"refs/heads/main", "", "full reference"},
		{"ethiek@{1}", "", "@{"},
		{"ethiek.lock", "", ".lock"},
		{".verborgen", "", "starts with ."},
		{"ethiek/", "", "ends with /"},
		{"ethiek.", "", "ends with ."},
		{"ethiek\tnov", "", "control character"},
		{"master", "", "a branch has that name"},
	}
	for _, e := range errs {
		if _, err := Tag(root, e.name, e.rev, time.Now()); err == nil || !strings.Contains(err.Error(), e.want) {
			t.Errorf("Tag(%q, %q) = %v, want an error saying %q", e.name, e.rev, err, e.want)
		}
	}
}

func TestTagOutsideGit(t *testing.T) {
	_, err := Tag(t.TempDir(), "ethiek", "", time.Now())
	if !errors.Is(err, ErrNoRepo) {
		t.Errorf("Tag outside Git = %v, want ErrNoRepo", err)
	}
}

func TestDirty(t *testing.T) {
	g := testbed.NewGit(t)
	g.Commit(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "first", map[string]string{
		"register/sensors/stil.yaml": "id: stil\n",
		"README.md":                  "Testdorp\n",
	})
	root := filepath.Join(g.Dir, "register")
	steps := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"clean", nil, false},
		{"a change outside the register", map[string]string{"README.md": "Testdorp, bijgewerkt\n"}, false},
		{"a changed record", map[string]string{"register/sensors/stil.yaml": "id: stil\nretention: P1Y\n"}, true},
	}
	for _, s := range steps {
		g.Write(s.files)
		if got, err := Dirty(root); err != nil || got != s.want {
			t.Errorf("%s: Dirty = %v, %v; want %v", s.name, got, err, s.want)
		}
	}
	g.Write(map[string]string{"register/sensors/stil.yaml": "id: stil\n"})
	g.Write(map[string]string{"register/sensors/nieuw.yaml": "id: nieuw\n"})
	if got, _ := Dirty(root); !got {
		t.Error("an untracked record: Dirty = false, want true")
	}
}
