//go:build unix

package sqlitestore_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process used so far: on a shared machine
// it measures the work of a benchmark when wall time mostly measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
