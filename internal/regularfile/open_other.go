//go:build !unix

package regularfile

// Where the open cannot refuse a link, the look before it and the check
// after it do (Open); named pipes that hold up an open are a Unix thing.
const (
	nonBlock = 0
	noFollow = 0
)
