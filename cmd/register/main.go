// Command register keeps a municipality's public register of sensors and
// algorithms: validate, check, due, build, packet and more.
package main

import (
	"os"

	"github.com/voorbeeldstad/register/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() { os.Exit(cli.Execute(version)) }
