package acceptance

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestProgramSourcesAreWatched reads the state of every file the binary
// is built from. The suite runs a binary TestMain builds, which Go's test
// cache cannot see into: after a change to the program it kept the last
// pass. The cache does watch the files a test reads, so a change to any of
// these runs the suite again.
func TestProgramSourcesAreWatched(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, f := range []string{"go.mod", "go.sum"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, dir := range []string{"cmd", "internal", "schema"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			n++
			_, err = os.Stat(p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 100 {
		t.Fatalf("%d files of the program found under %s; the suite is not where it was", n, root)
	}
}
