package vault

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFile and writeFile keep a document file aside and put it back, as an attacker with
// a backup of the folder would.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func dropIndex(t *testing.T, tv *testVault) {
	t.Helper()
	tv.Vault.Close()
	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
}

func (tv *testVault) recover(opts ...Option) *RecoverReport {
	tv.t.Helper()
	v, rep, err := Recover(tv.dir, tv.id, opts...)
	require.NoError(tv.t, err)
	tv.Vault = v
	return rep
}

// TestRecoverIgnoresPlantedFiles: an older version and a deleted document put back in
// the folder while the index is lost do not come back; Purge then removes them.
func TestRecoverIgnoresPlantedFiles(t *testing.T) {
	ctx := context.Background()
	tv := newTestVault(t)
	tv.put("rib.pdf", []byte("IBAN de Paul (v1)"))
	v1Path := tv.docPath("rib.pdf")
	v1 := readFile(t, v1Path)
	tv.put("rib.pdf", []byte("IBAN de Paul (v2)"))
	tv.put("ancien.pdf", []byte("supprimé"))
	gonePath := tv.docPath("ancien.pdf")
	gone := readFile(t, gonePath)
	require.NoError(t, tv.Delete(ctx, "ancien.pdf"))
	dropIndex(t, tv)
	require.NoError(t, os.WriteFile(v1Path, v1, 0o600))
	require.NoError(t, os.WriteFile(gonePath, gone, 0o600))

	rep := tv.recover()
	assert.True(t, rep.Rebuilt)
	assert.True(t, rep.OK(), "%+v", rep)
	assert.Equal(t, 1, rep.Restored)
	assert.Equal(t, "IBAN de Paul (v2)", string(tv.mustGet("rib.pdf")))
	st, err := tv.Stat("rib.pdf")
	require.NoError(t, err)
	assert.Equal(t, uint64(2), st.Version)
	_, err = tv.Stat("ancien.pdf")
	assert.ErrorIs(t, err, ErrNotFound, "a deleted document never reappears")

	orphans, err := tv.Orphans(ctx)
	require.NoError(t, err)
	kinds := map[string]OrphanKind{}
	for _, o := range orphans {
		kinds[o.Name] = o.Kind
	}
	assert.Equal(t, map[string]OrphanKind{"rib.pdf": OrphanReplaced, "ancien.pdf": OrphanDeleted}, kinds)
	removed, err := tv.Purge(ctx)
	require.NoError(t, err)
	assert.Len(t, removed, 2)
	assert.NoFileExists(t, v1Path)
	assert.NoFileExists(t, gonePath)
	vr, err := tv.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, vr.OK())
	assert.Empty(t, vr.Orphans)
}

// TestRecoverNeverShowsAnOlderVersion: the current version's file is gone and an older
// one is back: the document is reported lost, kept at its version as damaged, and
// Verify does not call the vault intact.
func TestRecoverNeverShowsAnOlderVersion(t *testing.T) {
	ctx := context.Background()
	tv := newTestVault(t)
	tv.put("rib.pdf", []byte("v1"))
	v1Path := tv.docPath("rib.pdf")
	v1 := readFile(t, v1Path)
	tv.put("rib.pdf", []byte("v2"))
	v2Path := tv.docPath("rib.pdf")
	tv.put("autre", []byte("intact"))
	dropIndex(t, tv)
	require.NoError(t, os.Remove(v2Path))
	require.NoError(t, os.WriteFile(v1Path, v1, 0o600))

	rep := tv.recover()
	assert.False(t, rep.OK())
	assert.Equal(t, []LostDocument{{Name: "rib.pdf", Version: 2, Reason: ReasonMissing}}, rep.Lost)
	assert.Equal(t, 1, rep.Restored)
	st, err := tv.Stat("rib.pdf")
	require.NoError(t, err)
	assert.Equal(t, uint64(2), st.Version)
	_, err = tv.get("rib.pdf")
	assert.ErrorIs(t, err, ErrDamaged)
	vr, err := tv.Verify(ctx)
	require.NoError(t, err)
	assert.False(t, vr.OK(), "verify must not call it intact")
	require.Len(t, vr.Damaged, 1)
	assert.Equal(t, "rib.pdf", vr.Damaged[0].Name)
	// Storing it again makes version 3; deleting it is possible too.
	tv.put("rib.pdf", []byte("v3"))
	st, _ = tv.Stat("rib.pdf")
	assert.Equal(t, uint64(3), st.Version)
}

// TestRecoverCutLog: when the end of the log is damaged, documents whose records were
// there are restored from their files, reported as unlogged, and logged by the recover
// so that a second recover keeps them.
func TestRecoverCutLog(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("a1"))
	tv.put("b", []byte("b1"))
	dropIndex(t, tv)
	logPath := filepath.Join(tv.dir, LogFile)
	fi, err := os.Stat(logPath)
	require.NoError(t, err)
	flipBit(t, logPath, fi.Size()-10) // the record of b's put

	rep := tv.recover()
	assert.True(t, rep.LogCut)
	require.Len(t, rep.Unlogged, 1)
	assert.Equal(t, "b", rep.Unlogged[0].Name)
	assert.Equal(t, "b1", string(tv.mustGet("b")))
	log, err := tv.Log(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{"create", "put", "restore", "recover"}, ops(log))

	dropIndex(t, tv)
	rep = tv.recover()
	assert.True(t, rep.OK(), "%+v", rep)
	assert.Equal(t, 2, rep.Restored)
	assert.Equal(t, "b1", string(tv.mustGet("b")))
}

func ops(log []LogEntry) []string {
	out := make([]string, len(log))
	for i, e := range log {
		out[i] = e.Op
	}
	return out
}

// TestRecoverStateSeesMissingRecords: the log cut cleanly at a record boundary and the
// files of that time put back look whole; the state file tells.
func TestRecoverStateSeesMissingRecords(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	tv := newTestVault(t, WithStateFile(state))
	tv.put("a", []byte("v1"))
	old := snapshotFiles(t, tv.dir)
	tv.put("a", []byte("v2"))
	tv.Vault.Close()
	restoreFiles(t, tv.dir, old)
	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))

	rep := tv.recover(WithStateFile(state))
	assert.True(t, rep.LogCut)
	assert.Equal(t, uint64(1), rep.MissingGenerations)
	assert.False(t, rep.OK())
	require.NoError(t, tv.reopen(WithStateFile(state)), "no rollback alarm after the recover")
}

// TestRecoverUncommittedLastPut: the last record is a put that failed before its commit
// and removed its file: it is not a lost document, and Log shows it as interrupted.
func TestRecoverUncommittedLastPut(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("a"))
	require.NoError(t, tv.reopen(crashAt("index-written")))
	_, err := tv.Put(context.Background(), "b", strings.NewReader("b"), nil)
	require.ErrorIs(t, err, errCrash)
	dropIndex(t, tv)

	rep := tv.recover()
	assert.True(t, rep.OK(), "%+v", rep)
	_, err = tv.Stat("b")
	assert.ErrorIs(t, err, ErrNotFound)
	log, err := tv.Log(context.Background())
	require.NoError(t, err)
	require.Equal(t, []string{"create", "put", "put", "recover"}, ops(log))
	assert.False(t, log[2].Committed)
	assert.True(t, log[3].Committed)
}

// TestVaultSpecialFiles: a FIFO in place of a vault file or a document never blocks.
func TestVaultSpecialFiles(t *testing.T) {
	for _, target := range []string{IndexFile, LogFile, "doc"} {
		t.Run(target, func(t *testing.T) {
			tv := newTestVault(t)
			tv.put("a", []byte("a"))
			path := filepath.Join(tv.dir, target)
			if target == "doc" {
				path = tv.docPath("a")
			}
			tv.Vault.Close()
			require.NoError(t, os.Remove(path))
			require.NoError(t, syscall.Mkfifo(path, 0o600))
			done := make(chan error, 1)
			go func() {
				v, err := Open(tv.dir, tv.id)
				if err == nil {
					tv.Vault = v
					_, err = tv.get("a")
				}
				done <- err
			}()
			select {
			case err := <-done:
				assert.ErrorIs(t, err, ErrDamaged)
			case <-time.After(10 * time.Second):
				t.Fatal("blocked on a FIFO")
			}
		})
	}
}
