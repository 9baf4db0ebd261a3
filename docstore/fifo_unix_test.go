//go:build unix

package docstore

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/trustreflex/trustreflex/reflex"
)

// A named pipe given as a file, or met during a walk, is refused at once: opening it
// for reading would wait for a writer forever (issue 16).
func TestFIFONeverBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "tube")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	copyFixture(t, "pii-carte.txt", filepath.Join(dir, "carte.txt"))
	done := make(chan struct{})
	go func() {
		defer close(done)
		in := NewInspector()
		_, err := in.Check(context.Background(), fifo)
		assert.ErrorIs(t, err, ErrNotRegular)
		rep, err := in.Check(context.Background(), dir)
		assert.NoError(t, err)
		assert.True(t, rep.Has(reflex.StoreSensitive))
		// the walk skips the pipe by its type; openRegular refuses one that a file
		// turned into after the directory was read
		_, _, err = openRegular(fifo, false)
		assert.ErrorIs(t, err, ErrNotRegular)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked on a named pipe")
	}
}
