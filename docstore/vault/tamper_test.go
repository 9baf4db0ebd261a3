package vault

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docPath is the file holding name's current version.
func (tv *testVault) docPath(name string) string {
	tv.t.Helper()
	st, err := tv.Stat(name)
	require.NoError(tv.t, err)
	return filepath.Join(tv.dir, docsDir, st.ID)
}

func flipBit(t testing.TB, path string, off int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	if off < 0 {
		off += int64(len(b))
	}
	b[off] ^= 0x01
	require.NoError(t, os.WriteFile(path, b, 0o600))
}

// ageHeaderEnd returns the offset just past the age header (the "--- mac" line).
func ageHeaderEnd(t testing.TB, path string) int64 {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	i := bytes.Index(b, []byte("\n--- "))
	require.Positive(t, i)
	return int64(i + 1 + bytes.IndexByte(b[i+1:], '\n') + 1)
}

// assertDamaged reads name and checks the read fails with ErrDamaged (with reason, if given)
// and that whatever content came out is an authentic prefix of want.
func assertDamaged(t *testing.T, tv *testVault, name string, want []byte, reason Reason) {
	t.Helper()
	got, err := tv.get(name)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDamaged)
	var de *DamageError
	require.True(t, errors.As(err, &de), "%v", err)
	if reason != 0 {
		assert.Equal(t, reason, de.Reason, "%v", err)
	}
	assert.True(t, bytes.HasPrefix(want, got), "released bytes are not an authentic prefix")
	assert.Less(t, len(got), len(want)+1)
	rep, err := tv.Verify(context.Background())
	require.NoError(t, err)
	require.Len(t, rep.Damaged, 1)
	assert.Equal(t, name, rep.Damaged[0].Name)
	assert.False(t, rep.OK())
	assert.ErrorIs(t, rep.Err(), ErrDamaged)
}

func TestTamperDocumentRegions(t *testing.T) {
	body := docContent(3*docChunk+1000, 7) // four STREAM chunks after padding
	regions := map[string]func(tv *testVault, p string) int64{
		"age header stanza": func(tv *testVault, p string) int64 { return 30 },
		"age header mac":    func(tv *testVault, p string) int64 { return ageHeaderEnd(t, p) - 10 },
		"stream nonce":      func(tv *testVault, p string) int64 { return ageHeaderEnd(t, p) + 3 },
		"document header":   func(tv *testVault, p string) int64 { return ageHeaderEnd(t, p) + 16 + 40 },
		"first content":     func(tv *testVault, p string) int64 { return ageHeaderEnd(t, p) + 16 + 1000 },
		"second docChunk":   func(tv *testVault, p string) int64 { return ageHeaderEnd(t, p) + 16 + docChunk + 16 + 5 },
		"padding":           func(tv *testVault, p string) int64 { return -100 },
		"final tag":         func(tv *testVault, p string) int64 { return -1 },
	}
	for name, at := range regions {
		t.Run(name, func(t *testing.T) {
			tv := newTestVault(t)
			tv.put("doc", body)
			tv.put("other", []byte("intact"))
			p := tv.docPath("doc")
			flipBit(t, p, at(tv, p))
			assertDamaged(t, tv, "doc", body, ReasonAuth)
			assert.Equal(t, []byte("intact"), tv.mustGet("other"))
		})
	}
}

func TestTamperSwapAndReplay(t *testing.T) {
	tv := newTestVault(t)
	a, b := docContent(5000, 1), docContent(5000, 2)
	tv.put("a", a)
	tv.put("b", b)
	pa, pb := tv.docPath("a"), tv.docPath("b")
	ba, _ := os.ReadFile(pa)
	bb, _ := os.ReadFile(pb)

	// Swap the two files: same sizes, both authentic, each bound to the other name.
	require.NoError(t, os.WriteFile(pa, bb, 0o600))
	require.NoError(t, os.WriteFile(pb, ba, 0o600))
	for name, want := range map[string][]byte{"a": a, "b": b} {
		got, err := tv.get(name)
		assert.ErrorIs(t, err, ErrDamaged)
		var de *DamageError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, ReasonSwapped, de.Reason)
		assert.Empty(t, got, "no content from a swapped file")
		_ = want
	}
	require.NoError(t, os.WriteFile(pa, ba, 0o600))
	require.NoError(t, os.WriteFile(pb, bb, 0o600))

	// Replay: put the old version's file back in place of the new one.
	tv.put("a", []byte("version 2"))
	pa2 := tv.docPath("a")
	require.NoError(t, os.WriteFile(pa2, ba, 0o600))
	assertDamaged(t, tv, "a", []byte("version 2"), ReasonSwapped)

	// A document from another vault, encrypted to a key this vault does not have.
	other := newTestVault(t)
	other.put("a", []byte("version 2"))
	ob, _ := os.ReadFile(other.docPath("a"))
	require.NoError(t, os.WriteFile(pa2, ob, 0o600))
	assertDamaged(t, tv, "a", []byte("version 2"), ReasonAuth)
}

func TestTamperTruncation(t *testing.T) {
	body := docContent(2*docChunk+300, 9)
	for name, cut := range map[string]func(size int64) int64{
		"last byte":          func(n int64) int64 { return n - 1 },
		"last docChunk":      func(n int64) int64 { return n - 200 },
		"at docChunk border": func(n int64) int64 { return n - (n-ageHeaderLen)%(docChunk+16) },
		"to header":          func(n int64) int64 { return ageHeaderLen + 16 },
		"empty":              func(n int64) int64 { return 0 },
	} {
		t.Run(name, func(t *testing.T) {
			tv := newTestVault(t, WithKeyAlgorithm(KeyX25519))
			tv.put("doc", body)
			p := tv.docPath("doc")
			fi, err := os.Stat(p)
			require.NoError(t, err)
			require.Equal(t, ageHeaderLen, ageHeaderEnd(t, p)+16, "x25519 header size")
			require.NoError(t, os.Truncate(p, cut(fi.Size())))
			assertDamaged(t, tv, "doc", body, 0)
		})
	}
	t.Run("extended", func(t *testing.T) {
		tv := newTestVault(t)
		tv.put("doc", body)
		f, err := os.OpenFile(tv.docPath("doc"), os.O_APPEND|os.O_WRONLY, 0)
		require.NoError(t, err)
		f.Write([]byte("trailing"))
		f.Close()
		assertDamaged(t, tv, "doc", body, ReasonAuth)
	})
	t.Run("missing", func(t *testing.T) {
		tv := newTestVault(t)
		tv.put("doc", body)
		require.NoError(t, os.Remove(tv.docPath("doc")))
		assertDamaged(t, tv, "doc", body, ReasonMissing)
	})
}

// ageHeaderLen is the size of an X25519 age header plus the STREAM nonce, for the
// truncation offsets above.
const ageHeaderLen int64 = 184

func TestTamperIndexAndLog(t *testing.T) {
	setup := func(t *testing.T) *testVault {
		tv := newTestVault(t)
		tv.put("a", []byte("alpha"))
		tv.put("b", []byte("beta"))
		tv.Vault.Close()
		return tv
	}
	index := func(tv *testVault) string { return filepath.Join(tv.dir, IndexFile) }
	logf := func(tv *testVault) string { return filepath.Join(tv.dir, LogFile) }
	t.Run("deleted index", func(t *testing.T) {
		tv := setup(t)
		require.NoError(t, os.Remove(index(tv)))
		err := tv.reopen()
		assert.ErrorIs(t, err, ErrDamaged)
		assert.NotErrorIs(t, err, ErrNotVault)
	})
	for name, off := range map[string]int64{
		"index header line": 25,  // inside "format 1" / "vault <id>"
		"index manifest":    -20, // inside the sealed manifest
		"index end":         -2,
	} {
		t.Run(name, func(t *testing.T) {
			tv := setup(t)
			flipBit(t, index(tv), off)
			err := tv.reopen()
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrDamaged) || errors.Is(err, ErrUnsupported), "%v", err)
		})
	}
	t.Run("index algorithm id edited", func(t *testing.T) {
		tv := setup(t)
		b, _ := os.ReadFile(index(tv))
		b = bytes.Replace(b, []byte("\nkey mlkem768x25519\n"), []byte("\nkey x25519\n"), 1)
		require.NoError(t, os.WriteFile(index(tv), b, 0o600))
		assert.ErrorIs(t, tv.reopen(), ErrDamaged)
	})
	t.Run("index format from the future", func(t *testing.T) {
		tv := setup(t)
		b, _ := os.ReadFile(index(tv))
		b = bytes.Replace(b, []byte("\nformat 1\n"), []byte("\nformat 2\n"), 1)
		require.NoError(t, os.WriteFile(index(tv), b, 0o600))
		assert.ErrorIs(t, tv.reopen(), ErrUnsupported)
	})
	t.Run("index slot", func(t *testing.T) {
		tv := setup(t)
		b, _ := os.ReadFile(index(tv))
		i := bytes.Index(b, []byte("-> X25519"))
		flipBit(t, index(tv), int64(i+20))
		// A damaged slot no longer opens: malformed, it is damage; well-formed but altered,
		// age cannot tell it from a slot for someone else, so it looks like a wrong key.
		err := tv.reopen()
		assert.True(t, errors.Is(err, ErrWrongIdentity) || errors.Is(err, ErrDamaged), "%v", err)
	})
	t.Run("log frame flipped", func(t *testing.T) {
		tv := setup(t)
		flipBit(t, logf(tv), -5) // the head record, pinned by the manifest
		assert.ErrorIs(t, tv.reopen(), ErrDamaged)
	})
	t.Run("log middle flipped", func(t *testing.T) {
		tv := setup(t)
		flipBit(t, logf(tv), 60) // the first record
		require.NoError(t, tv.reopen(), "Open checks only the head")
		_, err := tv.Log(context.Background())
		assert.ErrorIs(t, err, ErrDamaged)
		rep, err := tv.Verify(context.Background())
		require.NoError(t, err)
		assert.ErrorIs(t, rep.LogErr, ErrDamaged)
		assert.False(t, rep.OK())
	})
	t.Run("log truncated", func(t *testing.T) {
		tv := setup(t)
		fi, _ := os.Stat(logf(tv))
		require.NoError(t, os.Truncate(logf(tv), fi.Size()-300))
		assert.ErrorIs(t, tv.reopen(), ErrDamaged)
	})
	t.Run("log deleted", func(t *testing.T) {
		tv := setup(t)
		require.NoError(t, os.Remove(logf(tv)))
		assert.ErrorIs(t, tv.reopen(), ErrDamaged)
	})
}

func TestTamperRollback(t *testing.T) {
	copyFile := func(dst, src string) {
		b, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(dst, b, 0o600))
	}
	t.Run("index rolled back behind the log", func(t *testing.T) {
		tv := newTestVault(t)
		tv.put("a", []byte("v1"))
		saved := filepath.Join(t.TempDir(), "index")
		copyFile(saved, filepath.Join(tv.dir, IndexFile))
		tv.put("a", []byte("v2"))
		tv.put("a", []byte("v3"))
		tv.Vault.Close()
		copyFile(filepath.Join(tv.dir, IndexFile), saved)
		assert.ErrorIs(t, tv.reopen(), ErrRollback)
	})
	t.Run("one step is indistinguishable from a crash without state", func(t *testing.T) {
		tv := newTestVault(t)
		tv.put("a", []byte("v1"))
		saved := filepath.Join(t.TempDir(), "index")
		copyFile(saved, filepath.Join(tv.dir, IndexFile))
		tv.put("a", []byte("v2"))
		tv.Vault.Close()
		copyFile(filepath.Join(tv.dir, IndexFile), saved)
		require.NoError(t, tv.reopen())
		// ...but the replaced version's file is gone, which Get and Verify report.
		_, err := tv.get("a")
		assert.ErrorIs(t, err, ErrDamaged)
	})
	t.Run("whole directory rolled back, caught by the state file", func(t *testing.T) {
		state := filepath.Join(t.TempDir(), "state")
		tv := newTestVault(t, WithStateFile(state))
		tv.put("a", []byte("v1"))
		tv.Vault.Close()
		old := snapshotFiles(t, tv.dir)
		require.NoError(t, tv.reopen(WithStateFile(state)))
		tv.put("a", []byte("v2"))
		tv.Vault.Close()
		restoreFiles(t, tv.dir, old)
		// Without the state file the old vault is self-consistent...
		require.NoError(t, tv.reopen())
		assert.Equal(t, []byte("v1"), tv.mustGet("a"))
		// ...with it, the rollback is refused.
		assert.ErrorIs(t, tv.reopen(WithStateFile(state)), ErrRollback)
	})
}

// snapshotFiles copies every file of dir in memory; restoreFiles makes dir exactly that again.
func snapshotFiles(t *testing.T, dir string) map[string][]byte {
	out := map[string][]byte{}
	require.NoError(t, filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	}))
	return out
}

func restoreFiles(t *testing.T, dir string, files map[string][]byte) {
	require.NoError(t, filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		if _, ok := files[p]; !ok {
			return os.Remove(p)
		}
		return nil
	}))
	for p, b := range files {
		require.NoError(t, os.WriteFile(p, b, 0o600))
	}
}
