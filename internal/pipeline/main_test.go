package pipeline

import (
	"os"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestMain keeps the caches of the registers these tests check out of the
// user's cache folder.
func TestMain(m *testing.M) { os.Exit(testbed.Main(m)) }
