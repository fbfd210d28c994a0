package packet

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// meeting is the date the tests' packets are made for.
var meeting = mustDate("2026-11-24")

func mustDate(s string) time.Time {
	t, err := period.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// gitRegister is a register in a Git repository the test builds.
type gitRegister struct {
	*testbed.Git
	dir string
}

func newGitRegister(t *testing.T) *gitRegister {
	t.Helper()
	g := testbed.NewGit(t)
	g.Email = "register@testdorp.example"
	return &gitRegister{Git: g, dir: g.Dir}
}

// write writes files (path relative to the root → content) and removes the
// paths whose content is "".
func (g *gitRegister) write(files map[string]string) { g.Write(files) }

// commit writes files and commits them at the time given.
func (g *gitRegister) commit(when time.Time, msg string, files map[string]string) string {
	return g.Commit(when, msg, files).String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) { testbed.Write(t, dir, files) }

// loadRegister reads the register at dir without the schema (the tests'
// records are small on purpose) and fails on any problem reading it.
func loadRegister(t *testing.T, dir string) *register.Register {
	t.Helper()
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "yaml" || f.Rule == "schema" {
			t.Fatalf("test register does not load: %s: %s", f.Position(), f.Message.In("en"))
		}
	}
	return res.Register
}

// sensor returns a small sensor record; extra lines are appended as YAML.
func sensor(id, name, sensorType string, extra ...string) string {
	s := fmt.Sprintf(`id: %s
kind: sensor
name: %s
summary: Een sensor van Testdorp.
status: active
organisation: {name: Gemeente Testdorp, type: municipality}
owner: {role: Beheerder openbare ruimte, email: beheer@testdorp.example}
purpose: Meten wat nodig is voor het beheer.
personal_data: {processed: "no"}
sensor_type: %s
capabilities: [environmental_measurement]
location: {description: Marktplein, point: {lat: 52.1, lon: 5.1}}
`, id, name, sensorType) + strings.Join(extra, "\n") + "\n"
	return ownSummary(s, extra)
}

// ownSummary drops the default summary when the extra lines give one.
func ownSummary(s string, extra []string) string {
	for _, e := range extra {
		if strings.HasPrefix(e, "summary:") {
			return strings.Replace(s, "summary: Een sensor van Testdorp.\n", "", 1)
		}
	}
	return s
}

// algorithm returns a small algorithm record; extra lines are appended.
func algorithm(id, name string, extra ...string) string {
	return fmt.Sprintf(`id: %s
kind: algorithm
name: %s
summary: Een algoritme van Testdorp.
status: active
organisation: {name: Gemeente Testdorp, type: municipality}
owner: {role: Teamleider dienstverlening, email: dienstverlening@testdorp.example}
personal_data: {processed: "no"}
algorithm_type: rule_based
role: informational
affects_individuals: false
self_learning: false
publication_category: other
datasets: [{name: Meldingen}]
source_code: {url: "https://code.testdorp.example/meldingen"}
`, id, name) + strings.Join(extra, "\n") + "\n"
}

// Dates that keep a record off the agenda on the meeting date: evaluated
// recently, with a life cycle that ends long after the window.
const quietDates = `lifecycle: {start: 2026-01-01, end: 2029-12-31}
evaluation: {interval: P4Y, last: 2026-01-01}`
