//go:build !race

package publish_test

// fieldsPerRecord is how many fields one record of the leak test withholds:
// one, so each field is withheld in turn on a record of its own.
const fieldsPerRecord = 1
