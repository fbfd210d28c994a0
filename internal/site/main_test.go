package site

import (
	"os"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestMain keeps the secrets of the page keys of the sites these tests
// build out of the user's cache folder.
func TestMain(m *testing.M) { os.Exit(testbed.Main(m)) }

// checkWith is a Check that hands over the findings run returns.
func checkWith(run func(*register.Register) []finding.Finding) func(*register.Register, func(*finding.Finding)) {
	return func(reg *register.Register, each func(*finding.Finding)) {
		fs := run(reg)
		for i := range fs {
			each(&fs[i])
		}
	}
}
