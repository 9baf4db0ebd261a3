//go:build unix

package regularfile

import (
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// openNonblocking opens path without waiting for a FIFO's writer (or reader).
func openNonblocking(path string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag|unix.O_NONBLOCK, perm)
}

// setBlocking makes reads of a regular file opened by openNonblocking ordinary
// blocking reads again.
func setBlocking(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = unix.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
