//go:build !race

package migrate

// generated is the size of the generated register TestGeneratedRegister
// migrates (see race_test.go for the race detector's).
const generated = 10000
