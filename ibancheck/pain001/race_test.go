//go:build race

package pain001_test

// raceEnabled: the race detector changes allocation, so heap figures are skipped under it.
const raceEnabled = true
