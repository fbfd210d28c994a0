package migrate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/schema"
)

func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func short(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d %s %s %s", f.File, f.Line, f.Severity, f.Rule, f.Message.In("en")))
	}
	return out
}

// TestCurrentMatchesTheSchemas keeps Current equal to the version the
// published schemas state.
func TestCurrentMatchesTheSchemas(t *testing.T) {
	re := regexp.MustCompile(`record format v(\d+)`)
	for _, name := range []string{"sensor", "algorithm", "common"} {
		data, err := schema.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Comment string `json:"$comment"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		m := re.FindStringSubmatch(doc.Comment)
		if m == nil || m[1] != fmt.Sprint(Current) {
			t.Errorf("%s.schema.json $comment %q: want it to name record format v%d", name, doc.Comment, Current)
		}
	}
}

func TestBundledRegisterNeedsNothing(t *testing.T) {
	p, err := Default.Plan("../../register")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) != 0 || len(p.Pending) != 0 || len(p.Files) != 25 || p.Versions[2] != 25 {
		t.Errorf("plan: %d files, versions %v, pending %d, findings %q", len(p.Files), p.Versions, len(p.Pending), short(p.Findings))
	}
	if got, want := p.Summary(message.English), "25 records (25 in format v2); v2 is the current format: nothing needs migrating"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	done, refused, err := Default.Apply(t.Context(), "../../register", p, nil)
	if err != nil || len(done) != 0 || len(refused) != 0 {
		t.Errorf("apply wrote %q, refused %q, err %v", done, short(refused), err)
	}
}

// renaming is a made-up version 2 of the format that restructures rather
// than adds, to exercise a step that rewrites the parsed mapping: it renames
// registered_on to notified_on.
var renaming = Migrator{Current: 2, Steps: []Step{{
	From: 1,
	Note: label.Text{"", "registered_on is renamed notified_on"},
	Apply: func(doc *yaml.Node) error {
		for i := 0; i+1 < len(doc.Content); i += 2 {
			if doc.Content[i].Value == "registered_on" {
				doc.Content[i].Value = "notified_on"
			}
		}
		return nil
	},
}}}

func TestMigrateToANewVersion(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/teller.yaml":   "# Teller bij de brug.\nid: teller\nkind: sensor\n# gemeld bij de gemeente\nregistered_on: 2025-01-01 # per mail\nname: Teller\n",
		"sensors/nieuw.yaml":    "id: nieuw\nkind: sensor\nformat_version: 2\nnotified_on: 2025-01-01\n",
		"sensors/toekomst.yaml": "id: toekomst\nkind: sensor\nformat_version: 3\n",
		"sensors/kapot.yaml":    "id: [kapot\n",
		"sensors/raar.yaml":     "id: raar\nformat_version: twee\n",
		"sensors/notes.txt":     "not a record\n",
	})
	p, err := renaming.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"sensors/kapot.yaml:1 error yaml YAML syntax error: a '[' opened on this line is not closed",
		"sensors/raar.yaml:2 error migrate format_version \"twee\" is not a format version",
		"sensors/teller.yaml:0 info migrate format v1 → v2: registered_on is renamed notified_on",
		"sensors/toekomst.yaml:3 error migrate the record is in format v3, newer than this tool's v2",
	}
	if got := short(p.Findings); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", short(p.Findings), want)
	}
	if got, want := p.Summary(message.English), "5 records (1 in format v1, 1 in format v2, 1 in format v3); 1 needs migrating to v2"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	// The same in Dutch: the summary and every finding.
	if got, want := p.Summary(message.Dutch), "5 registraties (1 in formaat v1, 1 in formaat v2, 1 in formaat v3); 1 moet worden gemigreerd naar v2"; got != want {
		t.Errorf("Dutch summary %q, want %q", got, want)
	}
	var nl []string
	for _, f := range p.Findings {
		nl = append(nl, f.Message.In("nl"))
	}
	wantNL := []string{
		"YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten",
		`format_version "twee" is geen formaatversie`,
		"formaat v1 → v2: registered_on is renamed notified_on",
		"de registratie is in formaat v3, nieuwer dan v2 van dit programma",
	}
	if !slices.Equal(nl, wantNL) {
		t.Errorf("Dutch findings:\n got %q\nwant %q", nl, wantNL)
	}
	done, refused, err := renaming.Apply(t.Context(), root, p, nil)
	if err != nil || len(refused) != 0 || !slices.Equal(done, []string{"sensors/teller.yaml"}) {
		t.Fatalf("apply: %q, refused %q, %v", done, short(refused), err)
	}
	data, err := os.ReadFile(filepath.Join(root, "sensors", "teller.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	wantText := "# Teller bij de brug.\nid: teller\nkind: sensor\nformat_version: 2\n# gemeld bij de gemeente\nnotified_on: 2025-01-01 # per mail\nname: Teller\n"
	if string(data) != wantText {
		t.Errorf("migrated record:\n%s\nwant:\n%s", data, wantText)
	}
	// Once migrated, nothing is pending.
	again, err := renaming.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Pending) != 0 {
		t.Errorf("still pending after apply: %+v", again.Pending)
	}
}

func TestNoPathToTheCurrentVersion(t *testing.T) {
	root := write(t, map[string]string{"algorithms/oud.yaml": "id: oud\nkind: algorithm\n"})
	p, err := Migrator{Current: 3, Steps: renaming.Steps}.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := short(p.Findings); len(got) != 1 || got[0] != "algorithms/oud.yaml:0 error migrate the record is in format v1 and no migration leads from it to v3" {
		t.Errorf("findings %q", got)
	}
	if _, err := Default.Plan(filepath.Join(root, "nergens")); err == nil || !strings.Contains(err.Error(), "is not a register folder") {
		t.Errorf("a missing root: %v", err)
	}
}

// A root that is no folder is refused in both languages.
func TestPlanOfNoRegister(t *testing.T) {
	_, err := Default.Plan(filepath.Join(t.TempDir(), "geen"))
	l, ok := err.(message.Lingual)
	if !ok {
		t.Fatalf("%v is not worded in each language", err)
	}
	if en := l.In(message.English); !strings.Contains(en, "is not a register folder; pass --root") {
		t.Errorf("English %q", en)
	}
	if nl := l.In(message.Dutch); !strings.Contains(nl, "is geen map van een register; geef met --root") {
		t.Errorf("Dutch %q", nl)
	}
}

// TestApplyStopsBetweenFilesOnceCancelled: once its context is done (a
// signal), Apply finishes the file in hand and stops, having named each
// file it wrote; the rest stay as they were and no temporary file is left.
func TestApplyStopsBetweenFilesOnceCancelled(t *testing.T) {
	files := map[string]string{}
	for _, id := range []string{"a", "b", "c"} {
		files["sensors/"+id+".yaml"] = strings.ReplaceAll(v1Camera, "%s", id)
	}
	root := write(t, files)
	p, err := Default.Plan(root)
	if err != nil || len(p.Pending) != 3 {
		t.Fatalf("plan: %v, %+v", err, p.Pending)
	}
	ctx, cancel := context.WithCancel(t.Context())
	var told []string
	done, refused, err := Default.Apply(ctx, root, p, func(f string) {
		told = append(told, f)
		cancel() // a signal while the first file is written
	})
	if !errors.Is(err, context.Canceled) || len(refused) != 0 || !slices.Equal(done, []string{"sensors/a.yaml"}) || !slices.Equal(told, done) {
		t.Errorf("done %q, told %q, refused %q, err %v; want a.yaml only and context.Canceled", done, told, short(refused), err)
	}
	for _, id := range []string{"b", "c"} {
		if got, _ := os.ReadFile(filepath.Join(root, "sensors", id+".yaml")); string(got) != files["sensors/"+id+".yaml"] {
			t.Errorf("%s.yaml was rewritten: %q", id, got)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(root, "sensors", ".*")); len(matches) > 0 {
		t.Errorf("left behind: %q", matches)
	}
}

// TestPlanTellsWhatAKilledRunLeft: the temporary file of a record that a
// killed run left is a leftover of the plan, never a record, a finding or
// pending, and ClearLeftovers removes it; files that only look like one
// are left alone.
func TestPlanTellsWhatAKilledRunLeft(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/a.yaml":                   strings.ReplaceAll(v1Camera, "%s", "a"),
		"sensors/.a.yaml.tmp-1805190341":   "id: a\nkind: sen",
		"algorithms/.r.yml.tmp-12":         "",
		"sensors/.notities.txt.tmp-1":      "niet van ons",
		"sensors/.a.yaml.tmp-kopie":        "niet van ons",
		"sensors/.b.yaml.tmp-7/inhoud.txt": "een map",
	})
	p, err := Default.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"algorithms/.r.yml.tmp-12", "sensors/.a.yaml.tmp-1805190341"}
	if !slices.Equal(p.Leftovers, want) || !slices.Equal(p.Files, []string{"sensors/a.yaml"}) || len(p.Pending) != 1 || len(short(p.Findings)) != 1 {
		t.Errorf("leftovers %q, files %q, pending %+v, findings %q; want leftovers %q", p.Leftovers, p.Files, p.Pending, short(p.Findings), want)
	}
	removed, err := p.ClearLeftovers(root)
	if err != nil || !slices.Equal(removed, want) {
		t.Errorf("removed %q, %v", removed, err)
	}
	for _, f := range want {
		if _, err := os.Lstat(filepath.Join(root, f)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there: %v", f, err)
		}
	}
	for _, f := range []string{"sensors/.notities.txt.tmp-1", "sensors/.a.yaml.tmp-kopie", "sensors/.b.yaml.tmp-7/inhoud.txt"} {
		if _, err := os.Lstat(filepath.Join(root, f)); err != nil {
			t.Errorf("%s was removed: %v", f, err)
		}
	}
	if removed, err := p.ClearLeftovers(root); err != nil || len(removed) != 0 {
		t.Errorf("a second time: removed %q, %v", removed, err)
	}
}
