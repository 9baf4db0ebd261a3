package docstore

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// openRegular opens path for reading without blocking (a named pipe or a device would
// block an ordinary open) and checks on the open file that it is a regular file:
// anything else gives [ErrNotRegular]. Without follow, a symbolic link is refused: a
// file met during a walk that was replaced by a link is not followed.
func openRegular(path string, follow bool) (*os.File, fs.FileInfo, error) {
	flag := os.O_RDONLY
	if !follow {
		flag |= noFollow
	}
	f, err := regularfile.OpenFile(path, flag, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("docstore: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("docstore: %w", err)
	}
	return f, fi, nil
}
