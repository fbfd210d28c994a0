// Command register-gen writes large generated registers for benchmarks and
// tests. One register:
//
//	register-gen -n 10000 -seed 1 -out DIR
//
// or a federation of many municipalities' registers and the
// federation.yaml that lists them, for register federate:
//
//	register-gen federation -municipalities 342 -records 1000000 -seed 1 -out DIR
//
// DIR must be new or empty. The same arguments always give the same files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/voorbeeldstad/register/internal/testgen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// maxMunicipalities is the most a federation can have: a CBS code has four
// digits.
const maxMunicipalities = 9999

// run is main without the process: it returns the exit code (0 done, 1 the
// generation failed, 2 a usage error) so it can be tested.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "federation" {
		return runFederation(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("register-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: register-gen -n RECORDS [-seed N] -out DIR")
		fmt.Fprintln(stderr, "       register-gen federation -municipalities N -records TOTAL [-seed N] -out DIR")
		fmt.Fprintln(stderr, "Writes a generated register (2/3 sensors, 1/3 algorithms) into a new or empty DIR;")
		fmt.Fprintln(stderr, "'register-gen federation -h' explains a federation of registers.")
		fs.PrintDefaults()
	}
	n := fs.Int("n", 1000, "number of records to write")
	seed := fs.Int64("seed", 1, "seed; the same seed and -n give the same register")
	out := fs.String("out", "", "folder to write the register into; must be new or empty")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "register-gen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "register-gen: -out is required")
		fs.Usage()
		return 2
	case *n < 0:
		fmt.Fprintf(stderr, "register-gen: -n must be 0 or more, not %d\n", *n)
		return 2
	}
	if err := checkOut(*out); err != nil {
		fmt.Fprintf(stderr, "register-gen: %v\n", err)
		return 2
	}
	start := time.Now()
	if err := testgen.Write(*out, *n, *seed); err != nil {
		return failed(stderr, err)
	}
	sensors, algorithms := testgen.Counts(*n)
	fmt.Fprintf(stdout, "wrote %d records (%d sensors, %d algorithms) to %s in %s\n",
		*n, sensors, algorithms, *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// runFederation writes a federation: municipalities registers whose sizes
// spread on a log scale (testgen.Federation) and add up to records, each
// in a folder named by its code, and federation.yaml beside them.
func runFederation(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("register-gen federation", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: register-gen federation -municipalities N -records TOTAL [-seed N] -out DIR")
		fmt.Fprintln(stderr, "Writes N generated municipal registers holding TOTAL records between them (from a few")
		fmt.Fprintln(stderr, "dozen to some thousands each) into a new or empty DIR, one folder per CBS code, and")
		fmt.Fprintln(stderr, "DIR/federation.yaml listing them, for: register federate DIR/federation.yaml")
		fs.PrintDefaults()
	}
	count := fs.Int("municipalities", 342, fmt.Sprintf("number of municipal registers, 1 to %d", maxMunicipalities))
	total := fs.Int("records", 100_000, "number of records in all registers together")
	seed := fs.Int64("seed", 1, "seed of the first register (the next ones count on from it); the same arguments give the same federation")
	out := fs.String("out", "", "folder to write the federation into; must be new or empty")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "register-gen federation: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "register-gen federation: -out is required")
		fs.Usage()
		return 2
	case *count < 1 || *count > maxMunicipalities:
		fmt.Fprintf(stderr, "register-gen federation: -municipalities must be from 1 to %d (a CBS code has four digits), not %d\n",
			maxMunicipalities, *count)
		return 2
	case *total < 0:
		fmt.Fprintf(stderr, "register-gen federation: -records must be 0 or more, not %d\n", *total)
		return 2
	}
	if err := checkOut(*out); err != nil {
		fmt.Fprintf(stderr, "register-gen federation: %v\n", err)
		return 2
	}
	start := time.Now()
	ms := testgen.Federation(*count, *total)
	if err := testgen.WriteFederation(*out, ms, *seed); err != nil {
		return failed(stderr, err)
	}
	sensors, algorithms, largest := 0, 0, 0
	for _, m := range ms {
		s, a := testgen.Counts(m.Records)
		sensors, algorithms, largest = sensors+s, algorithms+a, max(largest, m.Records)
	}
	fmt.Fprintf(stdout, "wrote %d registers with %d records (%d sensors, %d algorithms; the largest %d) to %s in %s\n",
		len(ms), *total, sensors, algorithms, largest, *out, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "federate them with: register federate %s --out landelijk\n", filepath.Join(*out, "federation.yaml"))
	return 0
}

// parse parses args; when it returns false, the run ends with code (0 for
// -h, 2 for a flag it does not know, which fs has already reported).
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

// checkOut refuses an output that is there but is not a folder, before
// anything is written.
func checkOut(out string) error {
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("-out %s: %w", out, err)
	case !info.IsDir():
		return fmt.Errorf("-out %s is a file, not a folder; choose a new or empty folder", out)
	}
	return nil
}

// failed reports a generation that did not succeed: a folder that is not
// empty is the user's to change (2), anything else a failure (1).
func failed(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "register-gen: %v\n", err)
	if errors.Is(err, testgen.ErrNotEmpty) {
		return 2
	}
	return 1
}
