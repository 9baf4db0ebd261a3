package docstore

import (
	"fmt"
	"io/fs"
	"os"
)

// regularFile checks on an open file that it is a regular file, and returns it with its
// information; anything else is closed and refused with [ErrNotRegular].
func regularFile(f *os.File, path string) (*os.File, fs.FileInfo, error) {
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("docstore: %w", err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("docstore: %s: %w", path, ErrNotRegular)
	}
	return f, fi, nil
}
