//go:build unix

package regularfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// TestOpenNeverBlocks: a FIFO with no writer (read) or no reader (write), a folder, a
// device: refused at once with ErrNotRegular; a regular file reads normally.
func TestOpenNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	regular := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(regular, []byte("contenu"), 0o600))

	for _, tc := range []struct {
		path string
		flag int
	}{{fifo, os.O_RDONLY}, {fifo, os.O_WRONLY}, {fifo, os.O_RDWR}, {dir, os.O_RDONLY}, {"/dev/null", os.O_RDONLY}} {
		done := make(chan error, 1)
		go func() {
			f, err := OpenFile(tc.path, tc.flag, 0)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if tc.path == fifo && tc.flag == os.O_WRONLY {
				// No reader: the kernel refuses a non-blocking open (ENXIO).
				require.Error(t, err)
				continue
			}
			require.ErrorIs(t, err, ErrNotRegular, tc.path)
			assert.ErrorIs(t, err, fs.ErrInvalid)
			var pe *fs.PathError
			assert.True(t, errors.As(err, &pe))
			assert.Contains(t, reflex.ErrorText(err, reflex.French), tc.path+" n'est pas un fichier ordinaire")
			assert.Contains(t, reflex.ErrorText(err, reflex.English), "is not a regular file")
		case <-time.After(5 * time.Second):
			t.Fatalf("%s blocked", tc.path)
		}
	}

	f, err := Open(regular)
	require.NoError(t, err)
	b, err := io.ReadAll(f)
	require.NoError(t, err)
	assert.Equal(t, "contenu", string(b))
	require.NoError(t, f.Close())

	_, err = Open(filepath.Join(dir, "missing"))
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
