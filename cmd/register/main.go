// Command register keeps a municipality's public register of sensors and
// algorithms: validate, check, due, build, packet and more.
package main

import (
	"os"
	"runtime/debug"

	"github.com/voorbeeldstad/register/internal/cli"
)

// version may be set at build time with -ldflags "-X main.version=...";
// otherwise the module version Go records is used (go install …@v1.2.0).
var version = "dev"

func main() {
	info, ok := debug.ReadBuildInfo()
	os.Exit(cli.Execute(cli.BuildVersion(version, info, ok)))
}
