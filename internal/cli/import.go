package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/report"
)

// importOptions are the flags of register import csv and import json.
type importOptions struct {
	*App
	file    string // the file to import
	read    reader // importcsv.Read or importcsv.ReadJSON
	kind    string
	mapping string
	dryRun  bool
	format  string
}

func newImportCmd(a *App, runF func(*importOptions) error) *cobra.Command {
	if runF == nil {
		runF = runImport
	}
	cmd := &cobra.Command{
		Use:   "import",
		Short: a.say(msgImportShort),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("import needs a source: register import csv FILE, register import json FILE, or register import notification FILE --received DATE")
		},
	}
	o := &importOptions{App: a, read: importcsv.Read}
	csvCmd := &cobra.Command{
		Use:   "csv FILE",
		Short: a.say(msgImportCSVShort),
		Long: `import csv turns a spreadsheet (saved as CSV: comma, semicolon or tab separated, UTF-8 or
Windows-1252) into record files, one per row, under sensors/ or algorithms/.

Columns are found by their header, in Dutch or English: the record's own keys
(owner.email or owner_email), the open-data CSV's headers, and the Dutch labels (naam,
korte omschrijving, status, startdatum, locatie, breedtegraad, soort sensor, ...). Values
may be written in Dutch (In gebruik, ja, Camera, Natuur en milieu).

Texts are imported as written: a cell becomes a list only where the column is a list
(themes and capabilities at ";" or ","; the open-data CSV's own list columns at ";"),
or where a mapping file declares it one with its separator. For other headers, a
mapping file names the field of each column, how to read its values, and defaults:

  extends: amsterdam-bulk           # start from a ready-made map (optional)
  columns:
    "Omschrijving object": name
    "Databronnen": {field: datasets, separator: ";"}
    "Soort": {field: sensor_type, values: {"Optische / camera sensor": camera}, unknown: report}
    "Opmerkingen": ""            # leave out, without a warning
  defaults:
    status: active

Ready-made maps (--map NAME): algoritmeregister-csv (the national algorithm register,
standard v1.0), algoritmeregister-v0.1 (its first standard), amsterdam-bulk (Amsterdam's
bulk template for sensors) and amsterdam-melding (its notification form: up to five
sensors per row, one record each). A column with no place in the record format is
reported with the lines whose text it leaves out.

Ids are made from the names (lower case, hyphens) and kept unique. Dates are normalised
to YYYY-MM-DD (01-03-2025, 1 maart 2025 and 2025/3/1 all work), and durations to ISO 8601
("2 jaar" and "jaarlijks" become P2Y and P1Y). The organisation in
register.yaml fills organisation.name when no column gives it, and personal data counts
as unknown (so as yes) until a column says otherwise.

Blank rows are skipped; repeated rows, unknown columns and cells that cannot be read are
reported with their line and column, and such rows are not imported. Every record made
is validated against the schemas and its problems are shown; it is written even when it
is incomplete, so you can finish it in the YAML file. import never overwrites a record
that exists: fix the spreadsheet and run it again to import the rows that were left out.

Exit code 0: imported without errors; 1: rows left out or records with schema errors;
2: usage or I/O error.`,
		Example: `  register import csv sensoren.csv --kind sensor --dry-run
  register import csv algoritmes.csv --kind algorithm
  register import csv lijst.csv --map kolommen.yaml --root register`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("import csv needs one file, for example: register import csv sensoren.csv --kind sensor")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runF(o)
		},
	}
	csvCmd.Flags().StringVar(&o.kind, "kind", "sensor", "kind of record each row describes: sensor or algorithm")
	csvCmd.Flags().StringVar(&o.mapping, "map", "", "mapping file (YAML) naming the field of each column, or a ready-made map: "+strings.Join(importcsv.Maps(), ", "))
	csvCmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "show the records that would be written, and write nothing")
	a.formatFlag(csvCmd, &o.format, "text", report.Formats, msgFindingsFormatUsage)
	cmd.AddCommand(csvCmd)

	oj := &importOptions{App: a, read: importcsv.ReadJSON}
	jsonCmd := &cobra.Command{
		Use:   "json FILE",
		Short: a.say(msgImportJSONShort),
		Long: `import json reads records from JSON and writes one record file per entry:

  - this or another register's open data (register.json, or export --format json):
    records in the record format, each with its kind;
  - the national algorithm register's entries (publication standard v1.0, as its API
    gives them: name, description_short, ..., lars), one entry or a list, for
    example a municipality's own published entries;
  - the national register's public listing (id, title, organisatie, doel, ...).

The shape of the entries picks the ready-made map (algoritmeregister-json or
algoritmeregister-lijst-json); --map gives another. Entries of the national register
are keyed on its id (lars): an entry whose id a record in the register already has
(national_register.id) is reported and not imported again. Texts are kept whole; keys
the record format has no place for are reported with the lines of the entries whose
text is left out.

Exit code 0: imported without errors; 1: entries left out or records with schema
errors; 2: usage or I/O error.`,
		Example: `  register import json register.json --dry-run
  register import json mijn-algoritmes.json
  register import json lijst.json --map algoritmeregister-lijst-json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("import json needs one file, for example: register import json register.json")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			oj.file = args[0]
			return runF(oj)
		},
	}
	jsonCmd.Flags().StringVar(&oj.kind, "kind", "algorithm", "kind of record of entries that do not say their kind: sensor or algorithm")
	jsonCmd.Flags().StringVar(&oj.mapping, "map", "", "mapping file (YAML) naming the field of each key, or a ready-made map: "+strings.Join(importcsv.Maps(), ", "))
	jsonCmd.Flags().BoolVar(&oj.dryRun, "dry-run", false, "show the records that would be written, and write nothing")
	a.formatFlag(jsonCmd, &oj.format, "text", report.Formats, msgFindingsFormatUsage)
	cmd.AddCommand(jsonCmd)
	cmd.AddCommand(newImportNotificationCmd(a, nil))
	return cmd
}

// reader is importcsv.Read or importcsv.ReadJSON.
type reader func(name string, data []byte, opts importcsv.Options) (*importcsv.Result, error)

// runImport reads o.file and writes a record for each row or entry.
func runImport(o *importOptions) error {
	a, file, read := o.App, o.file, o.read
	if err := checkFormat(report.Formats, o.format); err != nil {
		return err
	}
	kind := record.Kind(o.kind)
	if kind != record.Sensor && kind != record.Algorithm {
		return usagef("--kind %q: use sensor or algorithm", o.kind)
	}
	var mapping *importcsv.Mapping
	if o.mapping != "" {
		m, err := importcsv.LoadMapping(o.mapping)
		if err != nil {
			return usagef("%v", err)
		}
		mapping = m
	}
	st, err := os.Stat(file)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	if !st.Mode().IsRegular() || st.Size() > importcsv.MaxBytes {
		return fmt.Errorf("read %s: not a file of at most %d bytes", file, importcsv.MaxBytes)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	root := a.Root()
	cfg, _, err := config.Load(root)
	if err != nil {
		return err
	}
	existing, err := importcsv.ExistingIDs(root)
	if err != nil {
		return err
	}
	national, err := importcsv.ExistingNationalIDs(root)
	if err != nil {
		return err
	}
	v, err := pipeline.Validator()
	if err != nil {
		return err
	}
	res, err := read(file, data, importcsv.Options{
		Kind: kind, Mapping: mapping, Organisation: cfg.Organisation, NationalIDs: national,
		Exists: func(id string) bool { return existing[id] }, Validator: v, Now: a.Now(),
	})
	if err != nil {
		return err
	}

	// Only text output carries the records and the list of files, so json,
	// sarif and the rest stay machine-readable; they go to standard error.
	notes := a.Out
	if o.format != "text" {
		notes = a.Err
	}
	if o.dryRun {
		for _, r := range res.Records {
			if o.format != "text" {
				break
			}
			fmt.Fprintf(a.Out, "--- would write %s (line %d)\n%s", rel(filepath.Join(root, filepath.FromSlash(r.Path))), r.Line, r.Data)
		}
	} else {
		written, existed, err := importcsv.Write(root, res.Records)
		for _, p := range written {
			fmt.Fprintf(notes, "created %s\n", rel(p))
		}
		for _, p := range existed {
			res.Findings = append(res.Findings, finding.Finding{File: file, Rule: importcsv.RuleImport, Severity: finding.Warning,
				Message: fmt.Sprintf("%s appeared while importing and is left unchanged", rel(p))})
		}
		if err != nil {
			return err
		}
	}
	finding.Sort(res.Findings)
	sum := finding.Summarise(len(res.Records), res.Findings)
	if err := report.Write(a.Out, o.format, res.Findings, sum, report.Options{Color: a.IsTerminal, ToolName: "register",
		ToolVersion: a.Version, Rules: ruleInfo()}); err != nil {
		return err
	}
	if o.format == "text" {
		verb := "created"
		if o.dryRun {
			verb = "would be created (dry run: nothing written)"
		}
		invalid := 0
		for _, r := range res.Records {
			if !r.Valid {
				invalid++
			}
		}
		fmt.Fprintf(a.Out, "%d rows read, %d records %s", res.Rows, len(res.Records), verb)
		if invalid > 0 {
			fmt.Fprintf(a.Out, ", %d of them incomplete: complete them and run 'register validate'", invalid)
		}
		fmt.Fprintln(a.Out)
	}
	if finding.Worst(res.Findings) == finding.Error {
		return errFindings
	}
	return nil
}
