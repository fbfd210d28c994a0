//go:build unix

package testbed

import (
	"syscall"
	"time"
)

// CPU returns the user and system CPU time the process has used.
func CPU() time.Duration {
	user, sys := cpuSplit()
	return user + sys
}

// SysCPU returns the system CPU time the process has used: the kernel's
// work for it, such as creating files.
func SysCPU() time.Duration {
	_, sys := cpuSplit()
	return sys
}

func cpuSplit() (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}
