package federate

import (
	"strings"
	"testing"
)

// FuzzParseConfig: any federation.yaml is either read, with every member
// named, coded and sourced, or refused with an error that names the file;
// never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"registers:\n  - {organisation: Gemeente Utrecht, code: GM0344, province: Utrecht, source: ../u}\n",
		"title: x\nbase_url: https://a.example/\nregisters: []\n",
		"registers:\n  - organisation: A\n    code: '0001'\n    source: https://git.example/a.git\n",
		"registers: [&a {organisation: A, code: GM0001, source: a}, *a]\n",
		"registers:\n  - {organisation: A, code: GM0001, source: \"a\\0b\"}\n",
		"- [\n", "", "registers: {a: b}\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fed, err := ParseConfig("federation.yaml", []byte(text))
		if err != nil {
			if !strings.Contains(err.Error(), "federation.yaml") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, m := range fed.Members {
			if m.Organisation == "" || m.Source == "" || !codePattern.MatchString(m.Code) || seen[m.Code] {
				t.Errorf("member read without organisation, source or a unique code: %+v", m)
			}
			seen[m.Code] = true
		}
	})
}
