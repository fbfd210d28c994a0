// Command register-gen writes a large generated register for benchmarks and
// tests:
//
//	register-gen -n 10000 -seed 1 -out DIR
//
// DIR must be new or empty. The same -n and -seed always give the same files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/voorbeeldstad/register/internal/testgen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is main without the process: it returns the exit code (0 done, 1 the
// generation failed, 2 a usage error) so it can be tested.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("register-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: register-gen -n RECORDS [-seed N] -out DIR")
		fmt.Fprintln(stderr, "Writes a generated register (2/3 sensors, 1/3 algorithms) into a new or empty DIR.")
		fs.PrintDefaults()
	}
	n := fs.Int("n", 1000, "number of records to write")
	seed := fs.Int64("seed", 1, "seed; the same seed and -n give the same register")
	out := fs.String("out", "", "folder to write the register into; must be new or empty")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
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
	start := time.Now()
	if err := testgen.Write(*out, *n, *seed); err != nil {
		fmt.Fprintf(stderr, "register-gen: %v\n", err)
		if errors.Is(err, testgen.ErrNotEmpty) {
			return 2
		}
		return 1
	}
	sensors, algorithms := testgen.Counts(*n)
	fmt.Fprintf(stdout, "wrote %d records (%d sensors, %d algorithms) to %s in %s\n",
		*n, sensors, algorithms, *out, time.Since(start).Round(time.Millisecond))
	return 0
}
