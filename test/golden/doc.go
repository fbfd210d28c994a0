// Package golden pins the register's outputs byte for byte: the whole public
// site, the ethics committee's packet (HTML and Markdown), every export format
// and every report format of check and due, for the bundled register and
// examples/dorp, on a fixed date. A refactoring that should not change what
// residents, the committee or another register see is proven by this test
// staying green; a change on purpose rewrites the files with
//
//	go test ./test/golden -update
//
// and the commit says what changed and why. The package has no code of its
// own; everything is in the test.
package golden
