package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSignCommand(t *testing.T) {
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
		file   string // written when code is 0
	}{
		{"one camera", []string{"cam-uitgaansgebied-grote-markt", "--out", out("cam.pdf")}, ExitOK, "Wrote 1 sign (A4)", "", "cam.pdf"},
		{"every public sensor on A5", []string{"--all", "--paper", "a5", "--out", out("alle.pdf")}, ExitOK, "Wrote 14 signs (A5)", "1 sensor not public: no sign", "alle.pdf"},
		{"a record that is not public", []string{"cam-beveiliging-rioolgemaal-de-vaart", "--out", out("geheim.pdf")}, ExitError, "", "is not public (Woo artikel 5.1", ""},
		{"an algorithm", []string{"parkeervergunningen", "--out", out("alg.pdf")}, ExitError, "", "signs are for sensors", ""},
		{"a typo", []string{"cam-uitgaansgebied", "--out", out("x.pdf")}, ExitError, "", "did you mean cam-uitgaansgebied-grote-markt?", ""},
		{"no output", []string{"cam-uitgaansgebied-grote-markt"}, ExitError, "", "--out is required", ""},
		{"both an id and --all", []string{"cam-uitgaansgebied-grote-markt", "--all", "--out", out("x.pdf")}, ExitError, "", "name one sensor by its id, or pass --all", ""},
		{"unknown paper", []string{"--all", "--paper", "a3", "--out", out("x.pdf")}, ExitError, "", "use a4 or a5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, append([]string{"sign", "--lang", "en", "--root", "../../register"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, stdout, tt.stdout, stderr, tt.stderr)
			}
			if tt.file != "" {
				data, err := os.ReadFile(out(tt.file))
				if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
					t.Errorf("%s is not a PDF: %v", tt.file, err)
				}
			}
		})
	}
	if _, err := os.Stat(out("geheim.pdf")); err == nil {
		t.Error("a sign was written for a record that is not public")
	}
}

// Flags that do not apply are refused, not passed over: sign writes a PDF
// only, and says so of any other extension as packet does (one place:
// format.Set.ForFile); export takes --kind for csv only.
func TestFlagsThatDoNotApplyAreRefused(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"sign", "cam-uitgaansgebied-grote-markt", "--out", filepath.Join(dir, "s.docx")}, "s.docx: the extension says the format: use .pdf"},
		{[]string{"sign", "--all", "--out", filepath.Join(dir, "borden")}, "borden: the extension says the format: use .pdf"},
		{[]string{"packet", "--out", filepath.Join(dir, "p.docx")}, "p.docx: the extension says the format: use .html, .md or .pdf"},
		{[]string{"export", "--format", "json", "--kind", "sensor"}, "--kind is for --format csv only; json holds"},
		{[]string{"export", "--format", "geojson", "--kind", "algorithm", "--out", filepath.Join(dir, "x.geojson")}, "--kind is for --format csv only; geojson holds"},
	} {
		out, errOut, code := run(t, append(tt.args, "--lang", "en", "--root", "../../register")...)
		if code != ExitError || out != "" || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "register --help") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s\nwant 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written although refused: %v", entries)
	}
	out, errOut, code := run(t, "export", "--format", "csv", "--kind", "sensor", "--root", "../../register")
	if code != ExitOK || !strings.HasPrefix(out, "id,") {
		t.Errorf("csv --kind sensor: exit %d\n%s%s", code, out[:min(len(out), 200)], errOut)
	}
}

// A sign stays up until the camera is out of use by its dates: one
// labelled retired whose life cycle runs on still gets its sign, one whose
// end has come does not.
func TestSignAllKeepsARetiredLabelBeforeItsEnd(t *testing.T) {
	for _, tt := range []struct {
		end, wrote string
	}{
		{"2099-06-30", "Wrote 14 signs"},
		{"2026-06-30", "Wrote 13 signs"},
	} {
		t.Run(tt.end, func(t *testing.T) {
			root := bundledWith(t, map[string]func(string) string{"cam-uitgaansgebied-grote-markt": func(s string) string {
				s = strings.Replace(s, "status: active", "status: retired", 1)
				return strings.Replace(s, "  end: 2027-06-30\n  extension_criteria", "  end: "+tt.end+"\n  extension_criteria", 1)
			}})
			stdout, stderr, code := run(t, "sign", "--lang", "en", "--root", root, "--all", "--out", filepath.Join(t.TempDir(), "alle.pdf"))
			if code != ExitOK || !strings.Contains(stdout, tt.wrote) {
				t.Errorf("exit %d: %q %q, want %q", code, stdout, stderr, tt.wrote)
			}
		})
	}
}

// A sensor whose record withholds what its sign must show gets no sign:
// not the gauge for a Wi-Fi tracker that withholds what it senses, nor a
// 151c camera's sign without 151c. sign refuses it as it refuses a record
// that is not public, and --all makes the other signs, names each one it
// refused and exits 2.
func TestSignRefusesWhatTheRecordWithholds(t *testing.T) {
	withholding := func(withheld string) func(string) string {
		return func(s string) string {
			return s + "publication:\n  public: true\n  withheld: " + withheld + "\n  reason: \"Woo art. 5.1 lid 2 sub d: beveiliging\"\n"
		}
	}
	root := bundledWith(t, map[string]func(string) string{
		"wifi-tellers-stationskwartier":  withholding("[sensor_type, capabilities]"),
		"cam-uitgaansgebied-grote-markt": withholding("[legal_basis, camera_regime]"),
	})
	dir := t.TempDir()
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
		file   string
	}{
		{"a device tracker", []string{"wifi-tellers-stationskwartier", "--out", "wifi.pdf"}, ExitError, "",
			[]string{"wifi-tellers-stationskwartier withholds sensor_type, capabilities, which its sign must show (what the sensor senses)", "show them on the public record, or make the sign by hand"}, ""},
		{"the mayor's camera", []string{"cam-uitgaansgebied-grote-markt", "--out", "cam.pdf"}, ExitError, "",
			[]string{"cam-uitgaansgebied-grote-markt withholds legal_basis, camera_regime, which its sign must show (that it is the mayor's camera surveillance, Gemeentewet art. 151c)"}, ""},
		{"every sensor", []string{"--all", "--out", "alle.pdf"}, ExitError, "Wrote 12 signs (A4)",
			[]string{"wifi-tellers-stationskwartier withholds sensor_type, capabilities", "cam-uitgaansgebied-grote-markt withholds legal_basis, camera_regime", "2 sensors have no sign, for the reasons above"}, "alle.pdf"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for i, a := range tt.args {
				if strings.HasSuffix(a, ".pdf") {
					tt.args[i] = filepath.Join(dir, a)
				}
			}
			stdout, stderr, code := run(t, append([]string{"sign", "--lang", "en", "--root", root}, tt.args...)...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) {
				t.Errorf("exit %d, want %d\nstdout %q (want %q)\nstderr %q", code, tt.code, stdout, tt.stdout, stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q\nwant %q", stderr, want)
				}
			}
			if strings.Contains(stderr, "register --help") {
				t.Errorf("a refusal of the record points to help: %q", stderr)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "alle.pdf" {
		t.Errorf("written: %v, want alle.pdf alone", entries)
	}
}

// A sign whose text is long takes smaller type to stay above its QR code;
// one whose text cannot fit even so is refused, saying what to shorten,
// and --all makes the other signs, names it and exits 2.
func TestSignFitsItsTextAboveTheQRCode(t *testing.T) {
	for _, tt := range []struct {
		name     string
		operator int // characters in the operator's name
		args     []string
		code     int
		stdout   string
		stderr   string
	}{
		{"five pictograms and long texts on A5", 100, []string{"cam-uitgaansgebied-grote-markt", "--paper", "a5"}, ExitOK, "Wrote 1 sign (A5)", ""},
		{"an operator's name that cannot fit", 1500, []string{"cam-uitgaansgebied-grote-markt"}, ExitError, "",
			"the sign of cam-uitgaansgebied-grote-markt does not fit on A4: even in the smallest readable type its text runs into the QR code; shorten the operator's name (organisation.name, 1499 characters)"},
		{"every sensor, one of which cannot fit", 1500, []string{"--all"}, ExitError, "Wrote 13 signs (A4)",
			"register: the sign of cam-uitgaansgebied-grote-markt does not fit on A4"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := bundledWith(t, map[string]func(string) string{"cam-uitgaansgebied-grote-markt": func(s string) string {
				s = strings.Replace(s, "  name: Gemeente Voorbeeldstad\n", "  name: "+strings.TrimSpace(strings.Repeat("Stichting ", tt.operator/10))+"\n", 1)
				s = strings.Replace(s, "  Geweld en vernieling in het uitgaansgebied voorkomen en snel ingrijpen als het toch gebeurt. Zo\n",
					"  "+strings.Repeat("Geweld en vernieling in het uitgaansgebied voorkomen en ", 3)+"snel ingrijpen als het toch gebeurt. Zo\n", 1)
				s = strings.Replace(s, "  - live_viewing\n", "  - live_viewing\n  - licence_plate_recognition\n  - device_tracking\n  - audio_recording\n  - people_counting\n", 1)
				return s
			}})
			out := filepath.Join(t.TempDir(), "bord.pdf")
			stdout, stderr, code := run(t, append([]string{"sign", "--lang", "en", "--root", root, "--out", out}, tt.args...)...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, stdout, tt.stdout, stderr, tt.stderr)
			}
			if _, err := os.Stat(out); (err == nil) != (tt.stdout != "") {
				t.Errorf("written %v, want %v", err == nil, tt.stdout != "")
			}
		})
	}
}

// bundledWith is a copy of the bundled register with each named record
// file (under sensors/, without .yaml) rewritten by its edit.
func bundledWith(t *testing.T, edits map[string]func(string) string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS("../../register")); err != nil {
		t.Fatal(err)
	}
	for id, edit := range edits {
		f := filepath.Join(root, "sensors", id+".yaml")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(edit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
