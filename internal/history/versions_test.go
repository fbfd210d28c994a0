package history

import (
	"slices"
	"testing"
)

// TestVersionsHoldEveryPastVersion: Versions lists each version of each
// record file once, those of a file renamed and of one removed since
// included, and no other file.
func TestVersionsHoldEveryPastVersion(t *testing.T) {
	tr := newTestRepo(t)
	tr.commit(map[string]string{
		"reg/register.yaml":        "organisation: X\n",
		"reg/sensors/a.yaml":       "id: a\nname: Een\n",
		"reg/sensors/weg.yaml":     "id: weg\nname: Weg\n",
		"reg/algorithms/oud.yaml":  "id: oud\nname: Oud\n",
		"reg/sensors/sub/no.yaml":  "id: no\n",
		"elsewhere/sensors/b.yaml": "id: b\n",
	}, "Anna", "2026-01-10T10:00:00Z", "begin")
	tr.commit(map[string]string{
		"reg/register.yaml":         "organisation: Y\n",
		"reg/sensors/a.yaml":        "id: a\nname: Twee\n",
		"reg/algorithms/nieuw.yaml": "id: oud\nname: Oud\n", // renamed
		"reg/sensors/sub/no.yaml":   "id: no\n",
		"elsewhere/sensors/b.yaml":  "id: b\nname: B\n",
	}, "Anna", "2026-02-10T10:00:00Z", "change; weg removed")
	tr.commit(map[string]string{
		"reg/register.yaml":         "organisation: Y\n",
		"reg/sensors/a.yaml":        "id: a\nname: Een\n", // back to the first version
		"reg/algorithms/nieuw.yaml": "id: oud\nname: Oud\n",
		"reg/sensors/sub/no.yaml":   "id: no\n",
		"elsewhere/sensors/b.yaml":  "id: b\nname: B\n",
	}, "Anna", "2026-03-10T10:00:00Z", "back")
	h := tr.open("reg")
	vs, err := h.Versions()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.File+": "+string(v.Data))
	}
	slices.Sort(got)
	want := []string{
		"algorithms/oud.yaml: id: oud\nname: Oud\n",
		"sensors/a.yaml: id: a\nname: Een\n",
		"sensors/a.yaml: id: a\nname: Twee\n",
		"sensors/weg.yaml: id: weg\nname: Weg\n",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Versions =\n%q\nwant\n%q", got, want)
	}
}
