package cli_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/cli"
	"github.com/voorbeeldstad/register/schema"
)

func runSchema(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &cli.App{Out: &out, Err: &errOut, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "test"}
	code := cli.Run(a, append([]string{"schema"}, args...))
	return out.String(), errOut.String(), code
}

func TestSchemaCommandPrints(t *testing.T) {
	for _, name := range []string{"sensor", "algorithm", "common"} {
		t.Run(name, func(t *testing.T) {
			out, errOut, code := runSchema(t, name)
			if code != cli.ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			want, err := schema.FS.ReadFile(schema.File(name))
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("printed %d bytes, not the embedded %s (%d bytes)", len(out), schema.File(name), len(want))
			}
			if !json.Valid([]byte(out)) {
				t.Error("output is not JSON")
			}
		})
	}
}

func TestSchemaCommandUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "schema needs one name: sensor, algorithm, common or config"},
		{[]string{"sensor", "algorithm"}, "schema needs one name"},
		{[]string{"camera"}, `no schema called "camera": choose sensor, algorithm, common or config`},
		{[]string{"sensor.schema.json"}, `no schema called "sensor.schema.json"`},
		{[]string{"Sensor"}, `no schema called "Sensor"`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, errOut, code := runSchema(t, tc.args...)
			if code != cli.ExitError {
				t.Errorf("exit %d, want %d", code, cli.ExitError)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "register --help") {
				t.Errorf("stderr %q, want %q and a pointer to --help", errOut, tc.want)
			}
		})
	}
}
