//go:build !unix

package regularfile

import (
	"io/fs"
	"os"
)

// openNonblocking opens path (off Unix no FIFO blocks an open).
func openNonblocking(path string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag, perm)
}

func setBlocking(*os.File) error { return nil }
