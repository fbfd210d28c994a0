package cli

import "runtime/debug"

// BuildVersion is the version the program reports (--version, SARIF, the
// version init pins): the one set at link time (-ldflags "-X
// main.version=v1.2.0") when there is one, else the module version Go
// records, so `go install …/cmd/register@v1.2.0` reports v1.2.0. A build
// from a checkout reports "dev" with its commit.
func BuildVersion(linked string, info *debug.BuildInfo, ok bool) string {
	if linked != "" && linked != "dev" {
		return linked
	}
	if !ok || info == nil {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "-modified"
			}
		}
	}
	if rev == "" {
		return "dev"
	}
	return "dev+" + rev[:min(len(rev), 12)] + modified
}
