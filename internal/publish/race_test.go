//go:build race

package publish_test

// fieldsPerRecord is how many fields one record of the leak test withholds.
// Under the race detector, which the leak test gains nothing from and which
// makes it ten times slower, a record withholds up to eight unrelated fields
// at once; every field is still withheld and searched for.
const fieldsPerRecord = 8
