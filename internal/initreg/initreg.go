// Package initreg scaffolds a new register repository for a municipality
// that starts its own: the register folder with one example sensor and one
// example algorithm that validate, and that the checklist reports only as
// examples to replace (rule placeholder), a register.yaml with every
// setting explained, the JSON Schemas for editors, a CI workflow (validate
// and check on every change, a weekly due list, the website on GitHub Pages),
// a README for that municipality, and an empty Git repository.
package initreg

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/schema"
)

// Module is the tool's Go module; the workflow and README install the
// command from it, so a register need not be a fork of this repository.
const Module = "github.com/voorbeeldstad/register"

// Example record ids.
const (
	SensorID    = "voorbeeld-waterstandmeter"
	AlgorithmID = "voorbeeld-strooiadvies"
)

// WorkflowPath is where the CI workflow is written, relative to the new
// repository.
const WorkflowPath = ".github/workflows/register.yml"

// EditorSettingsPath is the VS Code workspace settings file init writes: it
// maps the schemas to the record files and register.yaml, so the YAML
// extension helps in files without the first-line hint too.
const EditorSettingsPath = ".vscode/settings.json"

// editorSettings maps each schema to the files it describes, relative to
// the repository's top.
func editorSettings() []byte {
	settings := map[string]any{
		"yaml.schemas": map[string][]string{
			"./schema/" + schema.File("sensor"):      {"register/sensors/*.yaml"},
			"./schema/" + schema.File("algorithm"):   {"register/algorithms/*.yaml"},
			"./schema/" + schema.File(schema.Config): {"register/register.yaml"},
		},
		"yaml.validate":      true,
		"yaml.completion":    true,
		"yaml.hover":         true,
		"files.associations": map[string]string{"register/**/*.yaml": "yaml"},
	}
	b, _ := json.MarshalIndent(settings, "", "  ")
	return append(b, '\n')
}

//go:embed templates
var templates embed.FS

// Options describe the new register.
type Options struct {
	// Organisation is the municipality's name, for example "Gemeente Heidebeek".
	Organisation string
	// Domain is the municipality's web domain, used for the example mailbox,
	// the correction desk and the contact address; empty means a placeholder
	// under .example (a reserved domain) that the README asks to replace.
	Domain string
	// Version is the tool version the workflow and README install, such as
	// "v1.2.0"; empty means "latest".
	Version string
	// Now dates the examples: registered today, starting a month ahead.
	Now time.Time
}

// ErrNotEmpty is returned when the target folder already holds files, or
// is a file.
var ErrNotEmpty = errors.New("the folder is not empty")

// ErrOption is returned for an option init cannot use: no organisation, an
// organisation of more than one line, a domain that is none. The caller
// fixes its options.
var ErrOption = errors.New("init's options")

// MaxOrganisation is the longest organisation name init takes, in bytes.
const MaxOrganisation = 100

// What init says when it refuses, English and Dutch side by side; each is
// an error of ErrNotEmpty or ErrOption, worded in the reader's language.
var (
	msgNoOrganisation = message.New(`init needs --organisation, for example --organisation "Gemeente Heidebeek"`,
		`init verwacht --organisation, bijvoorbeeld --organisation "Gemeente Heidebeek"`)
	msgOrganisationLine = message.New("organisation %q: use one line of at most %d characters",
		"organisatie %q: gebruik één regel van hoogstens %d tekens")
	msgDomain = message.New("domain %q: give a web domain such as heidebeek.nl", "domein %q: geef een webdomein zoals heidebeek.nl")
	msgNotDir = message.New("%s is a file, not a folder; init writes a new register into an empty or new folder",
		"%s is een bestand, geen map; init schrijft een nieuw register in een lege of nieuwe map")
	msgNotEmpty = message.New("the folder is not empty: %s holds %s; init writes a new register into an empty or new folder only, so nothing of yours is overwritten",
		"de map is niet leeg: in %s staat %s; init schrijft een nieuw register alleen in een lege of nieuwe map, zodat niets van u wordt overschreven")
)

// Init writes a new register repository into dir, which must not exist or be
// empty, and returns the files written, relative to dir with forward
// slashes, in order. It builds everything in a temporary folder next to dir
// (including the Git repository) and renames it into place, so dir appears
// complete or not at all.
func Init(dir string, opts Options) ([]string, error) {
	org := strings.TrimSpace(opts.Organisation)
	if org == "" {
		return nil, msgNoOrganisation.ErrOf(ErrOption)
	}
	if strings.ContainsAny(org, "\n\r") || len(org) > MaxOrganisation {
		return nil, msgOrganisationLine.ErrOf(ErrOption, org, MaxOrganisation)
	}
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	files, err := Files(opts)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	// Next to dir, so the final renames stay on one file system.
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".init-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // a no-op after the rename
	var names []string
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", filepath.Dir(p), err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		names = append(names, f.Path)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	if _, err := git.PlainInitWithOptions(tmp, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	}); err != nil {
		return nil, fmt.Errorf("git init %s: %w", dir, err)
	}
	if err := place(tmp, abs); err != nil {
		return nil, err
	}
	return names, nil
}

// place moves the finished tree into dir: a new folder is renamed into place
// whole; into an existing empty folder (perhaps the working folder itself)
// each top-level entry is renamed, the Git repository last, so the folder
// keeps its identity for a shell that is in it.
func place(tmp, dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		return nil
	}
	if err := checkEmpty(dir); err != nil {
		return err
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	slices.SortStableFunc(entries, func(a, b os.DirEntry) int {
		return cmp.Compare(boolInt(a.Name() == ".git"), boolInt(b.Name() == ".git"))
	})
	for _, e := range entries {
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Join(dir, e.Name()), err)
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkEmpty refuses a folder with anything in it, and a path that is a file.
func checkEmpty(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("init %s: %w", dir, err)
	}
	if !st.IsDir() {
		return msgNotDir.ErrOf(ErrNotEmpty, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("init %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return msgNotEmpty.ErrOf(ErrNotEmpty, dir, entries[0].Name())
	}
	return nil
}

// File is one file of the new repository.
type File struct {
	Path string // relative, with forward slashes
	Data []byte
}

// data is what the templates fill in.
type data struct {
	Organisation, Domain, Mailbox, DecisionURL string
	Today, Start, End, AlgorithmEnd            string
	SensorID, AlgorithmID                      string
	Module, Version                            string
	// Example marks the example records and OriginX, OriginY are their
	// position: the placeholder rule's marks, so an example left in place
	// never reaches the public site.
	Example          string
	OriginX, OriginY float64
}

// Files returns the files of a new register, without writing them.
func Files(opts Options) ([]File, error) {
	org := strings.TrimSpace(opts.Organisation)
	domain := strings.ToLower(strings.TrimSpace(opts.Domain))
	if domain == "" {
		name := record.Slug(strings.TrimPrefix(strings.ToLower(org), "gemeente "))
		if name == "" {
			name = "gemeente"
		}
		domain = name + ".example"
	}
	if !domainPattern.MatchString(domain) {
		return nil, msgDomain.ErrOf(ErrOption, opts.Domain)
	}
	version := strings.TrimSpace(opts.Version)
	if version == "" {
		version = "latest"
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := period.Today(now)
	// Registered today and starting a month ahead: inside the notice period
	// with room to spare, as a real new sensor would be.
	start := today.AddDate(0, 1, 0)
	d := data{
		Organisation: org,
		Domain:       domain,
		Mailbox:      "openbareruimte@" + domain,
		DecisionURL:  "https://www." + domain + "/bekendmakingen",
		Today:        period.Format(today),
		Start:        period.Format(start),
		End:          period.Format(start.AddDate(10, 0, -1)),
		AlgorithmEnd: period.Format(start.AddDate(4, 0, -1)),
		SensorID:     SensorID,
		AlgorithmID:  AlgorithmID,
		Module:       Module,
		Version:      version,
		Example:      placeholder.Example,
		OriginX:      placeholder.OriginX,
		OriginY:      placeholder.OriginY,
	}
	var files []File
	render := func(path, tmpl string) error {
		t, err := template.New(tmpl).Funcs(template.FuncMap{"yaml": yamlString}).ParseFS(templates, "templates/"+tmpl)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return fmt.Errorf("render %s: %w", path, err)
		}
		files = append(files, File{Path: path, Data: b.Bytes()})
		return nil
	}
	if err := render("README.md", "README.md.tmpl"); err != nil {
		return nil, err
	}
	files = append(files, File{Path: ".gitignore", Data: []byte(gitignore)})
	files = append(files, File{Path: EditorSettingsPath, Data: editorSettings()})
	if err := render(WorkflowPath, "workflow.yml.tmpl"); err != nil {
		return nil, err
	}
	cfg, err := configFile(d)
	if err != nil {
		return nil, err
	}
	files = append(files, File{Path: "register/register.yaml", Data: cfg})
	if err := render("register/sensors/"+SensorID+".yaml", "sensor.yaml.tmpl"); err != nil {
		return nil, err
	}
	if err := render("register/algorithms/"+AlgorithmID+".yaml", "algorithm.yaml.tmpl"); err != nil {
		return nil, err
	}
	// The schemas, so the records' first line gives editors completion and help.
	names, err := fs.Glob(schema.FS, "*.schema.json")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		b, err := schema.FS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: "schema/" + n, Data: b})
	}
	return files, nil
}

var domainPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)

// yamlString quotes a value for YAML; a JSON string is a YAML string.
func yamlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// configFile is the copy of examples/register.yaml (every setting with its
// default, explained) with the municipality's own name and addresses.
func configFile(d data) ([]byte, error) {
	b, err := templates.ReadFile("templates/register.yaml")
	if err != nil {
		return nil, err
	}
	text := string(b)
	for _, r := range []struct{ old, new string }{
		{"\norganisation: Gemeente Voorbeeldstad\n", "\norganisation: " + yamlString(d.Organisation) + "\n"},
		{"\n  report_error_url: \"\"\n", "\n  report_error_url: https://www." + d.Domain + "/fout-in-uw-gegevens\n"},
		{"\n  contact_email: \"\"\n", "\n  contact_email: privacy@" + d.Domain + "\n"},
	} {
		if !strings.Contains(text, r.old) {
			return nil, fmt.Errorf("register.yaml template: %q not found; update configFile to the new examples/register.yaml", strings.TrimSpace(r.old))
		}
		text = strings.Replace(text, r.old, r.new, 1)
	}
	return []byte(text), nil
}

// gitignore keeps the built site out of the repository: the folder
// 'register build' writes, the one CI builds, and the version before the
// current that build keeps next to either (.NAME.previous) to update in
// place next time, with what an interrupted build leaves (.NAME.tmp-*).
const gitignore = `# De website die 'register build' schrijft (public/) en die CI bouwt (_site/),
# en de vorige versie die build ernaast bewaart om de volgende keer bij te werken.
# EN: the site 'register build' writes (public/) and the one CI builds (_site/),
# and the version before it that build keeps next to it to update next time.
public/
_site/
.*.previous/
.*.previous.old/
.*.tmp-*/
`
