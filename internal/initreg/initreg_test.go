package initreg

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/validate"
)

var now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func TestInitWritesARegisterThatValidatesAndChecksClean(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "register-heidebeek")
	files, err := Init(dir, Options{Organisation: "Gemeente Heidebeek", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"README.md", ".gitignore", ".vscode/settings.json", ".github/workflows/register.yml", "register/register.yaml",
		"register/sensors/voorbeeld-waterstandmeter.yaml", "register/algorithms/voorbeeld-strooiadvies.yaml",
		"schema/algorithm.schema.json", "schema/common.schema.json", "schema/config.schema.json", "schema/sensor.schema.json",
	}
	if !slices.Equal(files, want) {
		t.Errorf("files:\n got %q\nwant %q", files, want)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	// A Git repository on main, nothing committed yet.
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatalf("no Git repository: %v", err)
	}
	head, err := repo.Storer.Reference("HEAD")
	if err != nil || head.Target().String() != "refs/heads/main" {
		t.Errorf("HEAD = %v, %v; want refs/heads/main", head, err)
	}
	// No temporary folder left next to it.
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("%d entries next to the register, want 1", len(entries))
	}

	root := filepath.Join(dir, "register")
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("load: %s:%d %s %s", f.File, f.Line, f.Rule, f.Message.In("en"))
	}
	if len(res.Register.Records) != 2 {
		t.Fatalf("%d records, want the two examples", len(res.Register.Records))
	}
	// Clean today, and still clean the day before the examples start (a
	// month on), but for the marks that keep the examples off the public
	// site until they are replaced.
	examples := []string{
		"algorithms/voorbeeld-strooiadvies.yaml /name", "algorithms/voorbeeld-strooiadvies.yaml /supplier/name",
		"sensors/voorbeeld-waterstandmeter.yaml /location/description", "sensors/voorbeeld-waterstandmeter.yaml /location/point_rd",
		"sensors/voorbeeld-waterstandmeter.yaml /name",
	}
	for _, day := range []time.Time{period.Today(now), period.Today(now).AddDate(0, 1, -1)} {
		var marks []string
		for _, f := range principle.Run(res.Register, principle.Options{Today: day}) {
			if f.Rule != "placeholder" {
				t.Errorf("check on %s: %s %s %s %s", period.Format(day), f.File, f.Rule, f.Severity, f.Message.In("en"))
			}
			marks = append(marks, f.File+" "+f.Path)
		}
		slices.Sort(marks)
		if !slices.Equal(marks, examples) {
			t.Errorf("check on %s: placeholders at %q, want %q", period.Format(day), marks, examples)
		}
	}
	// A year on, still planned though they started, each example is told
	// its status contradicts its own dates, and nothing else falls due.
	for _, f := range principle.Run(res.Register, principle.Options{Today: period.Today(now).AddDate(1, 0, 0)}) {
		if f.Rule != "placeholder" && (f.Rule != "lifecycle-ended" || f.Path != "/status") {
			t.Errorf("check a year on: %s %s %s %s", f.File, f.Rule, f.Severity, f.Message.In("en"))
		}
	}
	for _, r := range res.Register.Records {
		if r.IsPublic() {
			t.Errorf("the example %s would be published", r.ID)
		}
	}
	cfg := res.Register.Config
	if cfg.Organisation != "Gemeente Heidebeek" || cfg.Site.ReportErrorURL != "https://www.heidebeek.example/fout-in-uw-gegevens" ||
		cfg.Site.ContactEmail != "privacy@heidebeek.example" {
		t.Errorf("config: organisation %q, report_error_url %q, contact_email %q", cfg.Organisation, cfg.Site.ReportErrorURL, cfg.Site.ContactEmail)
	}
	s := res.Register.ByID(SensorID)
	if s.Organisation.Name != "Gemeente Heidebeek" || s.Owner.Email != "openbareruimte@heidebeek.example" ||
		s.RegisteredOn != "2026-11-24" || s.Lifecycle.Start != "2026-12-24" || s.Lifecycle.End != "2036-12-23" {
		t.Errorf("sensor: %+v %+v %s %+v", s.Organisation, s.Owner, s.RegisteredOn, s.Lifecycle)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.md"))
	for _, w := range []string{"# Sensor- en algoritmeregister van Gemeente Heidebeek", "go install github.com/voorbeeldstad/register/cmd/register@latest",
		"register/sensors/voorbeeld-waterstandmeter.yaml", "# Sensor and algorithm register of Gemeente Heidebeek"} {
		if !bytes.Contains(readme, []byte(w)) {
			t.Errorf("README lacks %q", w)
		}
	}
}

// workflow is the part of a GitHub Actions workflow the test looks at.
type workflow struct {
	On   map[string]any `yaml:"on"`
	Env  map[string]string
	Jobs map[string]struct {
		If          string
		Needs       any
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Name string
			Uses string
			Run  string
			With map[string]any
		}
	}
}

func TestWorkflowIsComplete(t *testing.T) {
	files, err := Files(Options{Organisation: "Gemeente Heidebeek", Version: "v1.4.0", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	for _, f := range files {
		if f.Path == WorkflowPath {
			data = f.Data
		}
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v\n%s", err, data)
	}
	for _, trigger := range []string{"push", "pull_request", "schedule", "workflow_dispatch"} {
		if _, ok := wf.On[trigger]; !ok {
			t.Errorf("the workflow does not run on %s", trigger)
		}
	}
	if sched, _ := wf.On["schedule"].([]any); len(sched) != 1 || !strings.HasSuffix(sched[0].(map[string]any)["cron"].(string), " * * 1") {
		t.Errorf("schedule %v: want a weekly cron", wf.On["schedule"])
	}
	if wf.Env["REGISTER_VERSION"] != "v1.4.0" {
		t.Errorf("REGISTER_VERSION = %q", wf.Env["REGISTER_VERSION"])
	}
	tests := []struct {
		job   string
		runs  []string // each in some step's run, in this order
		uses  []string // each some step's action, in this order
		perms map[string]string
	}{
		{"check", []string{
			`go install "github.com/voorbeeldstad/register/cmd/register@${REGISTER_VERSION}"`,
			"register validate --root register --format github",
			"register check --root register --format github",
			"register check --root register --format sarif > register.sarif",
			`>> "$GITHUB_STEP_SUMMARY"`},
			[]string{"actions/checkout@v4", "actions/setup-go@v5", "actions/cache@v4", "github/codeql-action/upload-sarif@v3"},
			map[string]string{"security-events": "write"}},
		{"due", []string{
			`go install "github.com/voorbeeldstad/register/cmd/register@${REGISTER_VERSION}"`,
			"register due --root register --format text > due.txt"},
			[]string{"actions/checkout@v4", "actions/setup-go@v5", "actions/cache@v4"}, nil},
		{"site", []string{
			`go install "github.com/voorbeeldstad/register/cmd/register@${REGISTER_VERSION}"`,
			"register build --root register --out _site"},
			[]string{"actions/checkout@v4", "actions/setup-go@v5", "actions/cache@v4", "actions/configure-pages@v5", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"},
			map[string]string{"pages": "write", "id-token": "write"}},
	}
	for _, tt := range tests {
		t.Run(tt.job, func(t *testing.T) {
			job, ok := wf.Jobs[tt.job]
			if !ok {
				t.Fatalf("no job %s", tt.job)
			}
			if job.RunsOn == "" || job.If == "" {
				t.Errorf("job %s: runs-on %q, if %q", tt.job, job.RunsOn, job.If)
			}
			var runs, uses []string
			for _, s := range job.Steps {
				if s.Run != "" {
					runs = append(runs, s.Run)
				}
				if s.Uses != "" {
					uses = append(uses, s.Uses)
				}
				if s.Uses == "actions/checkout@v4" && s.With["fetch-depth"] != 0 {
					t.Errorf("job %s checks out without full history", tt.job)
				}
			}
			i := 0
			for _, r := range runs {
				if i < len(tt.runs) && strings.Contains(r, tt.runs[i]) {
					i++
				}
				if strings.Contains(r, "./cmd/register") {
					t.Errorf("job %s runs %q, which needs a fork of the tool's repository", tt.job, r)
				}
			}
			if i != len(tt.runs) {
				t.Errorf("job %s runs %q; want, in order, %q", tt.job, runs, tt.runs)
			}
			if !slices.Equal(uses, tt.uses) {
				t.Errorf("job %s uses %q, want %q", tt.job, uses, tt.uses)
			}
			for k, v := range tt.perms {
				if job.Permissions[k] != v {
					t.Errorf("job %s permission %s = %q, want %q", tt.job, k, job.Permissions[k], v)
				}
			}
		})
	}
	if wf.Jobs["site"].Needs != "check" {
		t.Errorf("the site is published without waiting for the check: needs %v", wf.Jobs["site"].Needs)
	}
}

func TestInitRefuses(t *testing.T) {
	base := t.TempDir()
	full := filepath.Join(base, "vol")
	if err := os.MkdirAll(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "notities.txt"), []byte("van mij\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(base, "bestand")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
		opts      Options
		want      string
		notEmpty  bool
	}{
		{"non-empty folder", full, Options{Organisation: "Gemeente X"}, "the folder is not empty: " + full + " holds notities.txt; init writes a new register into an empty or new folder only, so nothing of yours is overwritten", true},
		{"a file", file, Options{Organisation: "Gemeente X"}, file + " is a file, not a folder; init writes a new register into an empty or new folder", true},
		{"no organisation", filepath.Join(base, "nieuw"), Options{Organisation: "  "}, `init needs --organisation, for example --organisation "Gemeente Heidebeek"`, false},
		{"two lines", filepath.Join(base, "nieuw"), Options{Organisation: "Gemeente\nX"}, `organisation "Gemeente\nX": use one line of at most 100 characters`, false},
		{"bad domain", filepath.Join(base, "nieuw"), Options{Organisation: "Gemeente X", Domain: "https://x.nl/"}, `domain "https://x.nl/": give a web domain such as heidebeek.nl`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Init(tt.dir, tt.opts)
			if err == nil || err.Error() != tt.want || errors.Is(err, ErrNotEmpty) != tt.notEmpty {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
	if data, _ := os.ReadFile(filepath.Join(full, "notities.txt")); string(data) != "van mij\n" {
		t.Error("the existing file was touched")
	}
	if _, err := os.Stat(filepath.Join(base, "nieuw")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused init left a folder behind")
	}
	// An empty folder is fine.
	empty := filepath.Join(base, "leeg")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(empty, Options{Organisation: "Gemeente Leeg", Domain: "leeg.nl", Now: now}); err != nil {
		t.Errorf("init into an empty folder: %v", err)
	}
	cfg, fs, err := config.Load(filepath.Join(empty, "register"))
	if err != nil || len(fs) != 0 || cfg.Site.ContactEmail != "privacy@leeg.nl" {
		t.Errorf("config %v, findings %v, err %v", cfg.Site.ContactEmail, fs, err)
	}
}

// TestConfigCopyMatchesTheExample keeps the embedded register.yaml equal to
// examples/register.yaml, the documented copy of every setting.
func TestConfigCopyMatchesTheExample(t *testing.T) {
	want, err := os.ReadFile("../../examples/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := templates.ReadFile("templates/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/initreg/templates/register.yaml differs from examples/register.yaml: copy it again (cp examples/register.yaml internal/initreg/templates/)")
	}
}

// TestInitInTheWorkingFolder is "register init ." in a new, empty folder:
// the folder stays the same folder (a shell in it sees the files).
func TestInitInTheWorkingFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	before, err := os.Stat(".")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Init(".", Options{Organisation: "Gemeente Hier", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(".")
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("the working folder was replaced: %v", err)
	}
	for _, f := range append(files, ".git/HEAD") {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("%d entries next to the folder, want 1 (no temporary folder left)", len(entries))
	}
}

// The editor settings map each schema to files that exist in the new
// register, and the .gitignore keeps out the folders build writes.
func TestInitSetsUpTheEditor(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "register-heidebeek")
	if _, err := Init(dir, Options{Organisation: "Gemeente Heidebeek", Now: now}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, EditorSettingsPath))
	if err != nil {
		t.Fatal(err)
	}
	var settings struct {
		Schemas map[string][]string `json:"yaml.schemas"`
	}
	if err := json.Unmarshal(data, &settings); err != nil {
		t.Fatal(err)
	}
	covered := map[string]string{}
	for sch, globs := range settings.Schemas {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(sch))); err != nil {
			t.Errorf("%s maps a schema that is not there: %v", sch, err)
		}
		for _, g := range globs {
			matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(g)))
			for _, m := range matches {
				rel, _ := filepath.Rel(dir, m)
				covered[filepath.ToSlash(rel)] = filepath.Base(sch)
			}
		}
	}
	for file, want := range map[string]string{
		"register/register.yaml":                          "config.schema.json",
		"register/sensors/voorbeeld-waterstandmeter.yaml": "sensor.schema.json",
		"register/algorithms/voorbeeld-strooiadvies.yaml": "algorithm.schema.json",
	} {
		if covered[file] != want {
			t.Errorf("%s is mapped to %q, want %s", file, covered[file], want)
		}
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, want := range []string{"\npublic/\n", "\n_site/\n", "\n.*.previous/\n"} {
		if !strings.Contains(string(ignore), want) {
			t.Errorf(".gitignore lacks %q", want)
		}
	}
}
