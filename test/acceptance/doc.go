// Package acceptance holds the register's acceptance tests: a data steward of
// another municipality writes a register from the documentation alone
// (testdata/acceptance/stad, mistakes included), and the tests run the built
// register binary on copies of it, pinning what that user must see: exit
// codes, positions, messages that say what to do, output formats, and that
// nothing outside the register is read or written. The package has no code
// of its own; everything is in the tests.
package acceptance
