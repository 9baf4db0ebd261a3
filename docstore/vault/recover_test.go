package vault

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// recoverFixture makes a vault whose documents exercise the trailer search: empty, all zeros,
// ending with trailer-like bytes, several chunks, a second version, a deleted name.
func recoverFixture(t *testing.T) (*testVault, map[string][]byte) {
	tv := newTestVault(t)
	tricky := append(docContent(5000, 3), "TRDOCEND\x00\x00\x00\x00\x00\x00\x13\x88"...)
	docs := map[string][]byte{
		"vide":      {},
		"zéros":     make([]byte, 70_000),
		"piège":     tricky,
		"gros.pdf":  docContent(3*docChunk+5, 4),
		"versionné": []byte("v2"),
	}
	for name, b := range docs {
		_, err := tv.Put(context.Background(), name, bytes.NewReader(b), Meta{"nom": name})
		require.NoError(t, err)
	}
	tv.put("versionné", []byte("v2")) // version 2
	tv.put("supprimé", []byte("x"))
	require.NoError(t, tv.Delete(context.Background(), "supprimé"))
	return tv, docs
}

func TestRecoverDeletedIndex(t *testing.T) {
	ctx := context.Background()
	tv, docs := recoverFixture(t)
	notary := x25519(t)
	require.NoError(t, tv.SetRecipient("notaire", notary.Recipient()))
	want, err := tv.List()
	require.NoError(t, err)
	oldLog, err := tv.Log(ctx)
	require.NoError(t, err)
	tv.Vault.Close()

	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
	require.ErrorIs(t, tv.reopen(), ErrDamaged)
	v, _, err := Recover(tv.dir, tv.id)
	require.NoError(t, err)
	tv.Vault = v

	got, err := v.List()
	require.NoError(t, err)
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].Name, got[i].Name)
		assert.Equal(t, want[i].Version, got[i].Version, want[i].Name)
		assert.Equal(t, want[i].Size, got[i].Size, want[i].Name)
		assert.Equal(t, want[i].Stored, got[i].Stored, want[i].Name)
		assert.Equal(t, want[i].Meta, got[i].Meta, want[i].Name)
		assert.Equal(t, want[i].ID, got[i].ID, want[i].Name)
	}
	for name, b := range docs {
		assert.Equal(t, b, tv.mustGet(name), name)
	}
	log, err := v.Log(ctx)
	require.NoError(t, err)
	require.Len(t, log, len(oldLog)+1, "the log continues")
	assert.Equal(t, "recover", log[len(log)-1].Op)
	rep, err := v.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, rep.OK())
	rs, err := v.Recipients()
	require.NoError(t, err)
	assert.Equal(t, []Recipient{{"recovered-1", "x25519"}, {"recovered-2", "x25519"}}, rs)

	// Both recipients open the recovered vault normally.
	v.Close()
	v, err = Open(tv.dir, notary)
	require.NoError(t, err)
	v.Close()
	require.NoError(t, tv.reopen())
}

func TestRecoverDamagedIndexAndLog(t *testing.T) {
	ctx := context.Background()
	tv, docs := recoverFixture(t)
	tv.Vault.Close()
	flipBit(t, filepath.Join(tv.dir, IndexFile), -20)
	logPath := filepath.Join(tv.dir, LogFile)
	fi, err := os.Stat(logPath)
	require.NoError(t, err)
	flipBit(t, logPath, fi.Size()-10) // the last record
	v, _, err := Recover(tv.dir, tv.id)
	require.NoError(t, err)
	tv.Vault = v
	for name, b := range docs {
		assert.Equal(t, b, tv.mustGet(name), name)
	}
	log, err := v.Log(ctx)
	require.NoError(t, err)
	assert.Equal(t, "recover", log[len(log)-1].Op)
	// Nothing was deleted: the damaged files are set aside.
	for _, pattern := range []string{IndexFile + ".damaged-*", LogFile + ".damaged-*"} {
		m, _ := filepath.Glob(filepath.Join(tv.dir, pattern))
		assert.Len(t, m, 1, pattern)
		b, _ := os.ReadFile(m[0])
		assert.True(t, bytes.HasPrefix(b, []byte(vaultfmt.Magic)))
	}
	require.NoError(t, tv.reopen())
}

func TestRecoverKeepsLatestVersion(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("v1"))
	old := tv.docPath("a")
	require.NoError(t, tv.reopen(crashAt("old-removed")))
	tv.put("a", []byte("v2"))
	tv.Vault.Close()
	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
	v, _, err := Recover(tv.dir, tv.id)
	require.NoError(t, err)
	tv.Vault = v
	assert.Equal(t, "v2", string(tv.mustGet("a")))
	rep, err := v.Verify(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Base(old)}, rep.Orphans)
}

func TestRecoverNeedsTheKey(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("a"))
	tv.Vault.Close()
	_, _, err := Recover(tv.dir, x25519(t))
	assert.ErrorIs(t, err, ErrWrongIdentity)
	require.NoError(t, os.Remove(filepath.Join(tv.dir, KeysFile)))
	_, _, err = Recover(tv.dir, tv.id)
	assert.ErrorIs(t, err, ErrDamaged)
	// Open heals the missing keys file.
	require.NoError(t, tv.reopen())
	assert.FileExists(t, filepath.Join(tv.dir, KeysFile))
}

// TestRemovedRecipientCannotRecover: removing a slot removes it from the keys file too.
func TestRemovedRecipientCannotRecover(t *testing.T) {
	tv := newTestVault(t)
	third := x25519(t)
	require.NoError(t, tv.SetRecipient("tiers", third.Recipient()))
	require.NoError(t, tv.RemoveRecipient("tiers"))
	tv.Vault.Close()
	_, _, err := Recover(tv.dir, third)
	assert.ErrorIs(t, err, ErrWrongIdentity)
}

func TestRecoverCrashThenRetry(t *testing.T) {
	tv, docs := recoverFixture(t)
	tv.Vault.Close()
	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
	for _, step := range []string{"log-appended", "index-written", "index-synced"} {
		_, _, err := Recover(tv.dir, tv.id, crashAt(step))
		require.ErrorIs(t, err, errCrash, step)
	}
	v, _, err := Recover(tv.dir, tv.id)
	require.NoError(t, err)
	tv.Vault = v
	for name, b := range docs {
		assert.Equal(t, b, tv.mustGet(name), name)
	}
	log, err := v.Log(context.Background())
	require.NoError(t, err)
	n := 0
	for _, e := range log {
		if e.Op == "recover" {
			n++
		}
	}
	assert.Equal(t, 4, n, "every attempt is in the log")
	assert.True(t, log[len(log)-1].Committed)
}

func TestRecoverIntactVaultIsOpen(t *testing.T) {
	tv := newTestVault(t)
	tv.put("a", []byte("a"))
	require.NoError(t, tv.SetRecipient("notaire", x25519(t).Recipient()))
	tv.Vault.Close()
	before := hashFiles(t, tv.dir)
	v, _, err := Recover(tv.dir, tv.id)
	require.NoError(t, err)
	tv.Vault = v
	rs, err := v.Recipients()
	require.NoError(t, err)
	assert.Equal(t, "notaire", rs[1].Label, "labels kept: nothing was rebuilt")
	assert.Equal(t, before, hashFiles(t, tv.dir))
}
