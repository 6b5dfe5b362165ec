//go:build !unix

package storebench

import "time"

// CPUTime is not measured here; the cpu-ms metric reads 0.
func CPUTime() time.Duration { return 0 }
