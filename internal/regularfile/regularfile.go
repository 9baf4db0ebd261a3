// Package regularfile opens the files a person names (a transfer file, a payee book, a
// document to store, a vault's own files) without ever blocking on one that is not a
// file: a FIFO, a device, a socket or a folder given where a file is expected is refused
// at once with [ErrNotRegular], whose text tells the person, in their language, to give
// the path of a file.
//
// Call [Open] where os.Open would be called:
//
//	f, err := regularfile.Open(path) // errors.Is(err, regularfile.ErrNotRegular): a FIFO, a folder...
//
// On Unix the file is opened with O_NONBLOCK (opening a FIFO for reading blocks until
// a writer comes, which may be never), checked with fstat on the open descriptor (no
// window between the check and the use), then switched back to blocking reads.
package regularfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/trustreflex/trustreflex/reflex"
)

// ErrNotRegular is the error of [Open] for a path that is not a regular file. It is a
// [reflex.Problem]; each occurrence carries the path for the person's text.
var ErrNotRegular = &reflex.Problem{ID: reflex.TextNotRegularFile, Err: errors.New("not a regular file")}

// Open opens path for reading if it is a regular file (symbolic links are followed).
// Anything else gives an error matching [ErrNotRegular] and fs.ErrInvalid, without
// blocking; a missing file gives an error matching fs.ErrNotExist, as os.Open does.
func Open(path string) (*os.File, error) {
	return OpenFile(path, os.O_RDONLY, 0)
}

// OpenFile is [Open] with the flags and permissions of os.OpenFile, for a file to
// write too (a FIFO opened for writing would block until a reader comes). A file that
// flag creates is a regular file; an existing one must be.
func OpenFile(path string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := openNonblocking(path, flag, perm)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, NotRegular(path, fi.Mode())
	}
	if err := setBlocking(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// NotRegular is the error for path, of the given mode, given where a regular file is
// expected: it matches [ErrNotRegular] and fs.ErrInvalid.
func NotRegular(path string, mode fs.FileMode) error {
	return &reflex.Problem{
		ID:     ErrNotRegular.ID,
		Params: map[string]string{"path": path},
		Err:    &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s): %w", ErrNotRegular, kind(mode), fs.ErrInvalid)},
	}
}

// kind names the type of a file that is not regular, for developers.
func kind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "directory"
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeCharDevice != 0:
		return "character device"
	case mode&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}
