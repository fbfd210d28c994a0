package cli

import (
	"os"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestMain keeps the caches of the registers these tests check out of the
// user's cache folder, and the user's locale out of the tests: they expect
// English unless they set a language themselves.
func TestMain(m *testing.M) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Unsetenv(v)
	}
	os.Exit(testbed.Main(m))
}
