//go:build unix

package statsum

import "syscall"

// Of is what st says of a file; false where its times cannot be read.
func Of(st *syscall.Stat_t) (Stat, bool) {
	m, c, ok := times(st)
	return Stat{Size: st.Size, Mtime: m, Ctime: c, Ino: uint64(st.Ino), Dev: uint64(st.Dev)}, ok
}

// lstat looks at the regular file at full, not following a symlink.
func lstat(full string) (Stat, bool) {
	var st syscall.Stat_t
	for {
		err := syscall.Lstat(full, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			return Stat{}, false
		}
		return Of(&st)
	}
}
