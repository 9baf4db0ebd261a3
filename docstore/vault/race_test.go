//go:build race

package vault

// raceEnabled: the race detector changes allocation and GC behaviour, so heap measurements
// are skipped under it.
const raceEnabled = true
