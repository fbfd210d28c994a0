package record

import "testing"

func TestKindOfFile(t *testing.T) {
	for file, want := range map[string]Kind{
		"sensors/cam.yaml": Sensor, "algorithms/a.yml": Algorithm,
		"register.yaml": "", "README.md": "", "sensors/sub/x.yaml": "", "sensors/README.md": "", "examples/x.yaml": "", "": "",
	} {
		got, ok := KindOfFile(file)
		if got != want || ok != (want != "") {
			t.Errorf("KindOfFile(%q) = %q, %v", file, got, ok)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{"cam-markt": true, "a1": true, "a": false, "Cam": false, "-cam": false, "../x": false, "cam_markt": false} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}
