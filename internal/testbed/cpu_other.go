//go:build !unix

package testbed

import "time"

// CPU returns 0 where the process's CPU time cannot be read portably;
// benchmarks then report wall-time ratios only.
func CPU() time.Duration { return 0 }

// SysCPU returns 0 where the process's CPU time cannot be read portably.
func SysCPU() time.Duration { return 0 }
