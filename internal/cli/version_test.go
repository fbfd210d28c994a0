package cli

import (
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name   string
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{"go install …@v1.4.0", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"a version set at link time wins", "v2.0.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v2.0.0"},
		{"a pseudo-version is reported as it is", "dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202101010-abcdef123456"}}, "v0.0.0-20261202101010-abcdef123456"},
		{"a checkout names its commit", "dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.modified", "true")}, "dev+0123456789ab-modified"},
		{"no build information", "dev", nil, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BuildVersion(tt.linked, tt.info, tt.info != nil); got != tt.want {
				t.Errorf("BuildVersion = %q, want %q", got, tt.want)
			}
		})
	}
}
