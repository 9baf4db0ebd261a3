package vault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

var errCrash = errors.New("injected crash")

// crashAt makes the vault fail at the named step of its next write.
func crashAt(step string) Option {
	return withHook(func(s string) error {
		if s == step {
			return errCrash
		}
		return nil
	})
}

// The steps of a write, in order; from "index-renamed" on, the operation is committed.
var writeSteps = []string{"doc-written", "doc-synced", "doc-renamed", "log-appended",
	"index-written", "index-synced", "index-renamed", "old-removed"}

func committedAt(step string) bool {
	return slices.Index(writeSteps, step) >= slices.Index(writeSteps, "index-renamed")
}

func TestCrashBetweenSteps(t *testing.T) {
	ctx := context.Background()
	ops := map[string]struct {
		run   func(v *Vault) error
		steps []string
		check func(t *testing.T, tv *testVault, committed bool)
	}{
		"put replace": {
			run: func(v *Vault) error {
				_, err := v.Put(ctx, "a", strings.NewReader("new a"), nil)
				return err
			},
			steps: writeSteps,
			check: func(t *testing.T, tv *testVault, committed bool) {
				want := map[bool]string{false: "old a", true: "new a"}[committed]
				assert.Equal(t, want, string(tv.mustGet("a")))
			},
		},
		"put new": {
			run: func(v *Vault) error {
				_, err := v.Put(ctx, "c", strings.NewReader("c"), nil)
				return err
			},
			steps: writeSteps[:7],
			check: func(t *testing.T, tv *testVault, committed bool) {
				_, err := tv.Stat("c")
				if committed {
					assert.Equal(t, "c", string(tv.mustGet("c")))
				} else {
					assert.ErrorIs(t, err, ErrNotFound)
				}
			},
		},
		"delete": {
			run:   func(v *Vault) error { return v.Delete(ctx, "a") },
			steps: writeSteps[3:],
			check: func(t *testing.T, tv *testVault, committed bool) {
				_, err := tv.Stat("a")
				if committed {
					assert.ErrorIs(t, err, ErrNotFound)
				} else {
					assert.Equal(t, "old a", string(tv.mustGet("a")))
				}
			},
		},
		"set recipient": {
			run:   func(v *Vault) error { return v.SetRecipient("tiers", x25519(t).Recipient()) },
			steps: writeSteps[3:7],
			check: func(t *testing.T, tv *testVault, committed bool) {
				rs, err := tv.Recipients()
				require.NoError(t, err)
				assert.Len(t, rs, map[bool]int{false: 1, true: 2}[committed])
			},
		},
	}
	for opName, op := range ops {
		for _, step := range op.steps {
			t.Run(opName+"/"+step, func(t *testing.T) {
				tv := newTestVault(t)
				tv.put("a", []byte("old a"))
				tv.put("b", []byte("b"))
				require.NoError(t, tv.reopen(crashAt(step)))
				err := op.run(tv.Vault)
				if step != "old-removed" {
					require.ErrorIs(t, err, errCrash)
				}
				// Restart: the vault opens, shows the old or the new state whole, and
				// nothing else was lost.
				require.NoError(t, tv.reopen())
				op.check(t, tv, committedAt(step))
				assert.Equal(t, "b", string(tv.mustGet("b")))
				rep, err := tv.Verify(ctx)
				require.NoError(t, err)
				assert.True(t, rep.OK(), "%v", rep.Err())
				log, err := tv.Log(ctx)
				require.NoError(t, err)
				last := log[len(log)-1]
				if slices.Index(writeSteps, step) >= slices.Index(writeSteps, "log-appended") {
					assert.Equal(t, committedAt(step), last.Committed, "the logged attempt")
				}
				// The vault keeps working after the crash, and the log stays consistent.
				if err := op.run(tv.Vault); !(committedAt(step) && errors.Is(err, ErrNotFound)) {
					require.NoError(t, err)
				}
				op.check(t, tv, true)
				require.NoError(t, tv.reopen())
				log, err = tv.Log(ctx)
				require.NoError(t, err)
				assert.True(t, log[len(log)-1].Committed)
				uncommitted := 0
				for _, e := range log {
					if !e.Committed {
						uncommitted++
					}
				}
				logged := slices.Index(writeSteps, step) >= slices.Index(writeSteps, "log-appended")
				assert.Equal(t, map[bool]int{false: 0, true: 1}[logged && !committedAt(step)], uncommitted,
					"only the crashed attempt is shown as not committed")
			})
		}
	}
}

// TestCrashLeftovers simulates what a killed process leaves: temp files and a torn log frame.
func TestCrashLeftovers(t *testing.T) {
	ctx := context.Background()
	tv := newTestVault(t)
	tv.put("a", []byte("a"))
	tv.Vault.Close()
	stale := []string{filepath.Join(tv.dir, docsDir, newID()+tmpSuffix), filepath.Join(tv.dir, IndexFile+tmpSuffix)}
	for _, p := range stale {
		require.NoError(t, os.WriteFile(p, []byte("age-encryption.org/v1\npartial"), 0o600))
	}
	f, err := os.OpenFile(filepath.Join(tv.dir, LogFile), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.Write([]byte{0, 0, 1, 0, 'a', 'g', 'e'}) // a frame header and 3 of 256 bytes
	require.NoError(t, err)
	f.Close()

	require.NoError(t, tv.reopen())
	for _, p := range stale {
		assert.NoFileExists(t, p)
	}
	tv.put("b", []byte("b"))
	require.NoError(t, tv.reopen())
	log, err := tv.Log(ctx)
	require.NoError(t, err)
	assert.Len(t, log, 3)
	assert.Equal(t, "b", string(tv.mustGet("b")))
}

// TestCrashOrphanReported: a crash after the commit but before the old version's removal
// leaves an orphan file, reported by Verify and never deleted behind the user's back.
func TestCrashOrphanReported(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("v1"))
	old := tv.docPath("a")
	require.NoError(t, tv.reopen(crashAt("old-removed")))
	tv.put("a", []byte("v2"))
	require.NoError(t, tv.reopen())
	assert.FileExists(t, old)
	rep, err := tv.Verify(context.Background())
	require.NoError(t, err)
	assert.True(t, rep.OK())
	assert.Equal(t, []string{filepath.Base(old)}, rep.Orphans)
	assert.True(t, vaultfmt.IsID(rep.Orphans[0]))
}

// failingSource returns n bytes, then err.
type failingSource struct {
	n   int
	err error
}

func (f *failingSource) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, f.err
	}
	k := min(len(p), f.n)
	clear(p[:k])
	f.n -= k
	return k, nil
}

// TestPutSourceFails: a source that fails mid-stream (a network upload cut) stores nothing,
// keeps the previous version and leaves no file behind.
func TestPutSourceFails(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("v1"))
	before := hashFiles(t, filepath.Join(tv.dir, docsDir))
	boom := errors.New("connection reset")
	_, err := tv.Put(context.Background(), "a", &failingSource{n: 3 * docChunk, err: boom}, nil)
	require.ErrorIs(t, err, boom)
	assert.Equal(t, "v1", string(tv.mustGet("a")))
	assert.Equal(t, before, hashFiles(t, filepath.Join(tv.dir, docsDir)))
	log, err := tv.Log(context.Background())
	require.NoError(t, err)
	assert.Len(t, log, 2, "nothing logged for an operation that never reached its commit")
}

// TestPipeWriterStopsOnWriteError: a failing disk stops the copy early and the error surfaces.
func TestPipeWriterStopsOnWriteError(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	require.NoError(t, err)
	f.Close() // every write fails
	w := newPipeWriter(f)
	chunk := make([]byte, docChunk)
	var werr error
	for i := 0; i < 100 && werr == nil; i++ {
		_, werr = w.Write(chunk)
	}
	require.Error(t, werr, "Write reports the failure before the end")
	assert.ErrorIs(t, w.Close(), os.ErrClosed)
}
