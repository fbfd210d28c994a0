package testbed

import (
	"os"
	"strconv"
	"strings"
)

// What a benchmark measures of its own process, in one place for every
// package's benchmarks: CPU time compares runs on a shared machine more
// fairly than wall time, and the peak resident set is the memory a user
// sees the command take.

// ResetPeakRSS starts the peak resident set afresh (Linux); elsewhere it
// does nothing and PeakRSS reports 0.
func ResetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// PeakRSS returns the process's peak resident memory in bytes since
// ResetPeakRSS (VmHWM, Linux); 0 where it cannot be read.
func PeakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb * 1024
		}
	}
	return 0
}
