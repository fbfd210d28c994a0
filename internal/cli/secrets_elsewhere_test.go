package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// publicOutputs builds the site, the feed, the public packet and the json
// export of the register at root, and returns where they are.
func publicOutputs(t *testing.T, root, base string) []string {
	t.Helper()
	outs := publicChanges(t, root, base)
	stdout, stderr, code := run(t, "export", "--root", root, "--format", "json")
	if code != ExitOK && code != ExitFindings {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	exp := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(exp, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(outs, exp)
}

// TestASecretStaysOneWhereAnotherRecordHoldsIt: what one record keeps
// back, by its publication block or by itself (a DPIA's url without
// public: true), is no public text because another record shows it whole
// in another field, nor, for a value withheld by the record itself, in
// any. A link to the same address is left out, a purpose that quotes it
// and a field of the same value read "niet openbaar"; the records are
// published, scrubbed, as a record that quotes another's withheld
// supplier is.
func TestASecretStaysOneWhereAnotherRecordHoldsIt(t *testing.T) {
	const dpia = `dpia: {status: done, date: 2026-01-05, url: "https://voorbeeldstad.example/dpia.pdf"}`
	const secretURL = "https://intranet.voorbeeldstad.example/dpia-GEHEIMURL.pdf"
	camera := func(id, extra string) string {
		return strings.Replace(strings.Replace(checkCamera, "id: cam-markt", "id: "+id, 1), "name: Cameratoezicht Markt", "name: Camera "+id, 1) + extra
	}
	tests := []struct {
		name, secret, owner, other string
	}{
		{"an internal DPIA linked elsewhere", "GEHEIMURL",
			strings.Replace(camera("cam-markt", ""), dpia, `dpia: {status: done, date: 2026-01-05, url: "`+secretURL+`"}`, 1),
			camera("cam-plein", "links: [{title: DPIA, url: \""+secretURL+"\"}]\n")},
		{"an internal DPIA quoted and linked elsewhere", "GEHEIMURL",
			strings.Replace(camera("cam-markt", ""), dpia, `dpia: {status: done, date: 2026-01-05, url: "`+secretURL+`"}`, 1),
			strings.Replace(camera("cam-plein", "links: [{title: DPIA, url: \""+secretURL+"\"}]\n"), "purpose: Geweld voorkomen en opsporen.", "purpose: Zie de DPIA op "+secretURL, 1)},
		{"an internal DPIA another record says is public", "GEHEIMURL",
			strings.Replace(camera("cam-markt", ""), dpia, `dpia: {status: done, date: 2026-01-05, url: "`+secretURL+`"}`, 1),
			strings.Replace(camera("cam-plein", ""), dpia, `dpia: {status: done, date: 2026-01-05, url: "`+secretURL+`", public: true}`, 1)},
		{"a withheld supplier whole in another field", "Geheimleverancier",
			camera("cam-markt", "supplier: {name: Geheimleverancier BV}\npublication: {reason: Woo 5.1 lid 2 sub f, withheld: [supplier.name]}\n"),
			camera("cam-plein", "links: [{title: Geheimleverancier BV, url: \"https://www.voorbeeldstad.example/x\"}]\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, commit := packetRepo(t)
			third := strings.Replace(camera("cam-haven", ""), "purpose: Geweld voorkomen en opsporen.", "purpose: \"Zie "+secretURL+" en Geheimleverancier BV.\"", 1)
			commit(map[string]string{"register.yaml": publishedConfig,
				"sensors/cam-markt.yaml": tt.owner, "sensors/cam-plein.yaml": tt.other, "sensors/cam-haven.yaml": third}, day(1), "Begin")
			outs := publicOutputs(t, root, "2026-08-31")
			if hits := testbed.FilesHolding(t, outs, tt.secret); len(hits) > 0 {
				t.Errorf("the secret is published: %q", hits)
			}
			site := outs[0]
			for _, page := range []string{"cam-plein", "cam-haven"} {
				if _, err := os.Stat(filepath.Join(site, "sensoren", page+".html")); err != nil {
					t.Errorf("the record that shows the secret is held back, not scrubbed: %v", err)
				}
			}
		})
	}
}
