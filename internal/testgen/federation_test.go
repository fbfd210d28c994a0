package testgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
)

func TestFederationSizes(t *testing.T) {
	for _, c := range []struct{ count, total int }{{342, 1_000_000}, {342, 34_200}, {5, 100}, {1, 7}} {
		ms := Federation(c.count, c.total)
		if len(ms) != c.count {
			t.Fatalf("%d municipalities, want %d", len(ms), c.count)
		}
		sum, lo, hi := 0, ms[0].Records, 0
		codes := map[string]bool{}
		for _, m := range ms {
			sum += m.Records
			lo, hi = min(lo, m.Records), max(hi, m.Records)
			codes[m.Code] = true
		}
		if sum != c.total {
			t.Errorf("%d/%d: sizes add up to %d", c.count, c.total, sum)
		}
		if len(codes) != c.count {
			t.Errorf("%d/%d: codes repeat", c.count, c.total)
		}
		if c.count == 342 && (hi < 100*lo || hi > 400*lo) {
			t.Errorf("%d/%d: sizes from %d to %d; want a spread of two orders of magnitude, as between villages and cities", c.count, c.total, lo, hi)
		}
	}
	ms := Federation(342, 1_000_000)
	up, down := 0, 0
	for i := 1; i < 20; i++ {
		if ms[i].Records > ms[i-1].Records {
			up++
		} else {
			down++
		}
	}
	if up == 0 || down == 0 {
		t.Errorf("the sizes of the first 20 municipalities only rise or only fall: they follow the codes")
	}
}

func TestWriteFederation(t *testing.T) {
	dir := t.TempDir()
	ms := Federation(3, 30)
	if err := WriteFederation(dir, ms, 1); err != nil {
		t.Fatal(err)
	}
	list, err := os.ReadFile(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if !strings.Contains(string(list), "code: "+m.Code) {
			t.Errorf("federation.yaml does not list %s", m.Code)
		}
		files, err := RecordFiles(filepath.Join(dir, m.Code))
		if err != nil || len(files) != m.Records {
			t.Errorf("%s: %d files (%v), want %d", m.Code, len(files), err, m.Records)
		}
		cfg, _ := os.ReadFile(filepath.Join(dir, m.Code, "register.yaml"))
		if !strings.Contains(string(cfg), "organisation: "+m.Name) {
			t.Errorf("%s: register.yaml does not name the municipality", m.Code)
		}
		// Its records use its own name and domain: none is taken for a
		// copied example and held back from publication.
		res, err := load.Register(filepath.Join(dir, m.Code), load.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Register.Records {
			if r.Placeholders {
				t.Errorf("%s: %s is held back as holding a template's example", m.Code, r.ID)
			}
		}
	}
	if err := WriteFederation(dir, ms, 1); err == nil {
		t.Error("writing into a folder that is not empty must fail")
	}
}
