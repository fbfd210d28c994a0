package site

import (
	"os"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestMain keeps the secrets of the page keys of the sites these tests
// build out of the user's cache folder.
func TestMain(m *testing.M) { os.Exit(testbed.Main(m)) }
