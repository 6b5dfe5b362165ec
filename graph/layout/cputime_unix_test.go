//go:build unix

package layout

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: on a shared, loaded
// machine it measures a benchmark's work where wall time does not.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
