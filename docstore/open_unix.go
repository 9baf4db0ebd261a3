//go:build unix

package docstore

import (
	"fmt"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// openRegular opens path for reading without blocking (O_NONBLOCK: opening a named
// pipe for reading waits for a writer otherwise), then checks on the open file that it
// is a regular file. Without follow, a symbolic link is refused (O_NOFOLLOW): a file
// met during a walk that was replaced by a link is not followed.
func openRegular(path string, follow bool) (*os.File, fs.FileInfo, error) {
	flags := unix.O_RDONLY | unix.O_NONBLOCK | unix.O_CLOEXEC
	if !follow {
		flags |= unix.O_NOFOLLOW
	}
	fd, err := unix.Open(path, flags, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(path, flags, 0)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("docstore: %w", &fs.PathError{Op: "open", Path: path, Err: err})
	}
	f := os.NewFile(uintptr(fd), path)
	return regularFile(f, path)
}
