//go:build !unix

package docstore

import (
	"fmt"
	"io/fs"
	"os"
)

// openRegular opens path for reading and checks on the open file that it is a
// regular file (systems without named pipes in the file system do not block here).
func openRegular(path string, follow bool) (*os.File, fs.FileInfo, error) {
	if !follow {
		if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			return nil, nil, fmt.Errorf("docstore: %s: %w", path, ErrNotRegular)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("docstore: %w", err)
	}
	return regularFile(f, path)
}
