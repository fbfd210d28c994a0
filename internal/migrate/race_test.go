//go:build race

package migrate

// generated is the size of the generated register TestGeneratedRegister
// migrates: under the race detector, which makes parsing some ten times
// slower, a tenth of the 10,000 records of the normal run.
const generated = 1000
