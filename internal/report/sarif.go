package report

import (
	"cmp"
	"encoding/json"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
)

// SARIF 2.1.0 identifiers, as published by OASIS.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
)

// The SARIF types below hold only what this tool fills in; the field names
// and nesting follow the SARIF 2.1.0 schema.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
	// ColumnKind says how columns are counted: the YAML reader counts
	// characters (code points), not UTF-16 units.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string          `json:"id"`
	Name             string          `json:"name"`
	ShortDescription sarifMessage    `json:"shortDescription"`
	FullDescription  sarifMessage    `json:"fullDescription"`
	Help             *sarifMessage   `json:"help,omitempty"`
	HelpURI          string          `json:"helpUri"`
	Properties       *sarifRuleProps `json:"properties,omitempty"`
}

type sarifRuleProps struct {
	Principle string `json:"principle"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID     string            `json:"ruleId"`
	RuleIndex  int               `json:"ruleIndex"`
	Level      string            `json:"level"`
	Message    sarifMessage      `json:"message"`
	Locations  []sarifLocation   `json:"locations,omitempty"`
	Properties *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Record    string `json:"record,omitempty"`
	Principle string `json:"principle,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

// sarifRegion leaves out what is unknown: SARIF requires lines and columns to
// be at least 1.
type sarifRegion struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
}

// writeSARIF prints a SARIF 2.1.0 log with one run, for GitHub code scanning
// and other tools that read static-analysis results. Rules are those that
// occur in the findings, sorted by id so the output is stable. Its texts are
// in the documented language (finding.Documented), as its rules' are.
func writeSARIF(b sink, fs []finding.Finding, _ finding.Summary, opts Options) error {
	rules, index := sarifRules(fs, opts.Rules)
	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		msg, help := f.Text(finding.Documented)
		if help != "" {
			msg += "\n" + help
		}
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: msg},
		}
		if f.Record != "" || f.Principle != "" {
			res.Properties = &sarifResultProps{Record: f.Record, Principle: f.Principle}
		}
		if file := RepoPath(opts.Root, f.File); file != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: fileURI(file)},
			}}
			if f.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line}
				if f.Column > 0 {
					loc.PhysicalLocation.Region.StartColumn = f.Column
				}
			}
			res.Locations = []sarifLocation{loc}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           opts.ToolName,
				Version:        opts.ToolVersion,
				InformationURI: InformationURI,
				Rules:          rules,
			}},
			Results:    results,
			ColumnKind: "unicodeCodePoints",
		}},
	}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifRules builds the rule list for the rule ids that occur, with each id's
// place in the list for the results' ruleIndex.
func sarifRules(fs []finding.Finding, info map[string]RuleInfo) ([]sarifRule, map[string]int) {
	// A rule's principle comes from its metadata, else from a finding that
	// cites one.
	principle := map[string]string{}
	var ids []string
	for _, f := range fs {
		if _, seen := principle[f.Rule]; !seen {
			ids = append(ids, f.Rule)
			principle[f.Rule] = ""
		}
		if principle[f.Rule] == "" {
			principle[f.Rule] = f.Principle
		}
	}
	slices.Sort(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		ri := info[id]
		r := sarifRule{
			ID:               id,
			Name:             ruleName(id),
			ShortDescription: sarifMessage{Text: cmp.Or(ri.Title, id)},
			// Code scanning shows the full description with an alert, and
			// links the rule's help page.
			FullDescription: sarifMessage{Text: cmp.Or(ri.Description, ri.Title, id)},
			HelpURI:         cmp.Or(ri.HelpURI, InformationURI),
		}
		if ri.Help != "" {
			r.Help = &sarifMessage{Text: ri.Help}
		}
		p := ri.Principle
		if p == "" {
			p = principle[id]
		}
		if p != "" {
			r.Properties = &sarifRuleProps{Principle: p}
		}
		rules = append(rules, r)
		index[id] = i
	}
	return rules, index
}

// ruleName turns a kebab-case rule id into the PascalCase identifier SARIF
// suggests for a rule's name: "biometric-ban" becomes "BiometricBan".
func ruleName(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

// sarifLevel maps a severity to SARIF's result level.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	default:
		return "note"
	}
}

// fileURI turns a slash-separated path into a URI reference: relative paths
// stay relative (so code scanning resolves them against the repository), with
// spaces and other characters percent-encoded; an absolute path becomes a
// file URI.
func fileURI(p string) string {
	if path.IsAbs(p) || (len(p) > 2 && p[1] == ':' && p[2] == '/') {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path: file:///C:/...
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
