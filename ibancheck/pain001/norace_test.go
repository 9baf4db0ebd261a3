//go:build !race

package pain001_test

const raceEnabled = false
