// Package examples holds the example registers and configuration; this test
// keeps them, and the bundled register/, in step with the schemas and the
// checklist, so the story they tell does not drift as rules change.
package examples

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/validate"
)

// today is the date the records were written against.
var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// checked loads a register with the schemas and runs the checklist; it
// returns the load findings and the checklist's, one "record rule severity"
// line each.
func checked(t *testing.T, root string) (loaded []finding.Finding, got []string) {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range principle.Run(res.Register, principle.Options{Today: today}) {
		got = append(got, f.Record+" "+f.Rule+" "+f.Severity.String())
	}
	slices.Sort(got)
	return res.Findings, got
}

func TestBundledRegister(t *testing.T) {
	loaded, got := checked(t, "../register")
	for _, f := range loaded {
		t.Errorf("load: %s:%d %s: %s", f.File, f.Line, f.Rule, f.Message)
	}
	// The story the bundled register tells: mostly clean, the warnings a
	// real municipality has, and one approved police exception.
	want := []string{
		"cam-politie-stationsplein ai-act-registration info",    // EU database duty applies from 2027-12-02
		"cam-politie-stationsplein biometric-ban warning",       // approved exception to a legal duty: stays a warning
		"druktemeters-binnenstad correction-route warning",      // counts phones, but names no route to have data corrected
		"druktemeters-binnenstad security-audit warning",        // audit from 2023
		"parkeersensoren-binnenstad data-rights warning",        // supplier holds the data rights
		"verkeerstellers-stadsring evaluation-lapsed warning",   // due 2026-06-14
		"wifi-tellers-stationskwartier advice-response warning", // unasked advice of 2025-11-25, unanswered
		"woningtoewijzing independent-review warning",           // impactful, no review
	}
	if !slices.Equal(got, want) {
		t.Errorf("checklist findings:\n got %q\nwant %q", got, want)
	}
}

func TestVillageRegister(t *testing.T) {
	loaded, got := checked(t, "dorp")
	for _, f := range loaded {
		t.Errorf("load: %s:%d %s: %s", f.File, f.Line, f.Rule, f.Message)
	}
	if len(got) != 0 {
		t.Errorf("the village register should check clean, got %q", got)
	}
}

// TestRecordFiles checks what the schema cannot: the editor hint on the
// first line names the right schema by a path that exists from the file's
// folder (editors resolve it there), and no file is not a record.
func TestRecordFiles(t *testing.T) {
	const prefix = "# yaml-language-server: $schema="
	hinted := func(f, want string) {
		t.Helper()
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		rel, ok := strings.CutPrefix(first, prefix)
		if !ok || filepath.Base(rel) != want {
			t.Errorf("%s: first line %q, want %s…/%s", f, first, prefix, want)
			return
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(f), filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: the editor finds no schema at %s: %v", f, rel, err)
		}
	}
	for _, root := range []string{"../register", "dorp"} {
		for _, kind := range []string{"sensor", "algorithm"} {
			files, err := filepath.Glob(filepath.Join(root, kind+"s", "*"))
			if err != nil || len(files) == 0 {
				t.Fatalf("%s: no %s records (%v)", root, kind, err)
			}
			for _, f := range files {
				if !strings.HasSuffix(f, ".yaml") {
					t.Errorf("%s: not a .yaml record", f)
				}
				hinted(f, kind+".schema.json")
			}
		}
		hinted(filepath.Join(root, "register.yaml"), "config.schema.json")
	}
	hinted("register.yaml", "config.schema.json")
}

// TestExampleConfiguration checks that examples/register.yaml names every
// setting the tool knows, with its default, and that its custom rules compile.
func TestExampleConfiguration(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, config.FileName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, fs, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("register.yaml:%d: %s", f.Line, f.Message)
	}
	def := config.Default()
	if cfg.Evaluation.DefaultInterval.String() != def.Evaluation.DefaultInterval.String() ||
		cfg.DueWithin.String() != def.DueWithin.String() ||
		cfg.Limits.DataSharingMax.String() != def.Limits.DataSharingMax.String() ||
		cfg.Limits.CameraLifecycleMax.String() != def.Limits.CameraLifecycleMax.String() ||
		cfg.Limits.ExceptionMax.String() != def.Limits.ExceptionMax.String() ||
		cfg.Limits.SecurityAuditMax.String() != def.Limits.SecurityAuditMax.String() ||
		cfg.Notice.Period.String() != def.Notice.Period.String() || cfg.Notice.Since != def.Notice.Since ||
		cfg.Notice.NewFileURL != "" || cfg.Notice.Email != "" ||
		cfg.Site.Title != def.Site.Title || cfg.Site.TilesURL != "" || cfg.Site.ShowCommitAuthors ||
		!slices.Equal(cfg.Languages, def.Languages) || len(cfg.Rules) != 0 {
		t.Errorf("a setting in examples/register.yaml differs from its default: %+v", cfg)
	}
	if cfg.AIAct != def.AIAct {
		t.Errorf("ai_act = %+v, want the default %+v", cfg.AIAct, def.AIAct)
	}
	for _, st := range []string{"public_order", "camera", "anpr_camera"} {
		if cfg.Evaluation.Intervals[st].String() != def.Evaluation.Intervals[st].String() {
			t.Errorf("evaluation.intervals.%s = %v, want the default %v", st, cfg.Evaluation.Intervals[st], def.Evaluation.Intervals[st])
		}
	}
	if len(cfg.SupplierWatch) == 0 || cfg.SupplierWatch[0].Manufacturer != "Hikvision" || cfg.SupplierWatch[0].Source == "" {
		t.Errorf("supplier_watch = %+v, want the example list with sources", cfg.SupplierWatch)
	}
	rules, fs := principle.CompileCustom(cfg)
	for _, f := range fs {
		t.Errorf("rules_custom: %s", f.Message)
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"drone-review", "camera-dpia-public"}) {
		t.Errorf("custom rules = %q", ids)
	}
	// Every key the configuration knows appears in the example, so a reader
	// finds each setting explained there.
	for _, key := range []string{"organisation:", "languages:", "site:", "title:", "base_url:", "report_error_url:",
		"contact_email:", "tiles_url:", "show_commit_authors:", "rules:", "evaluation:", "default_interval:",
		"intervals:", "due_within:", "limits:", "data_sharing_max:", "camera_lifecycle_max:", "exception_max:",
		"security_audit_max:", "notice:", "period:", "since:", "new_file_url:", "email:", "supplier_watch:", "rules_custom:"} {
		if !bytes.Contains(data, []byte("\n"+key)) && !bytes.Contains(data, []byte(" "+key)) {
			t.Errorf("examples/register.yaml does not show %s", strings.TrimSuffix(key, ":"))
		}
	}
}

// The example's camera-dpia-public asks an active camera to publish its
// DPIA, and asks nothing of one that needs no DPIA: it has none to publish.
func TestExampleRuleCameraDPIAPublic(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, config.FileName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	tests := []struct {
		name string
		dpia *record.DPIA
		want bool // a finding of camera-dpia-public
	}{
		{"no DPIA", nil, true},
		{"done, not public", &record.DPIA{Status: "done", Public: &no}, true},
		{"done and public", &record.DPIA{Status: "done", Public: &yes}, false},
		{"not required", &record.DPIA{Status: "not_required", Reason: "geen persoonsgegevens"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &record.Record{ID: "cam", Kind: record.Sensor, File: "sensors/cam.yaml", SensorType: "camera", Status: "active", DPIA: tt.dpia}
			fs := principle.Run(register.New(dir, cfg, []*record.Record{r}), principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)})
			got := slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.Rule == "camera-dpia-public" })
			if got != tt.want {
				t.Errorf("camera-dpia-public fired %v, want %v: %v", got, tt.want, fs)
			}
		})
	}
}
