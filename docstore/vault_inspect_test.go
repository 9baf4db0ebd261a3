package docstore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/vault"
	"github.com/trustreflex/trustreflex/reflex"
)

// folderReport walks dir with the Inspector and returns the folder report.
func folderReport(t *testing.T, dir string) reflex.Report {
	t.Helper()
	var folder reflex.Report
	files := 0
	require.NoError(t, NewInspector().Walk(context.Background(), dir, func(r reflex.Report, err error) error {
		require.NoError(t, err)
		require.NoError(t, r.Validate())
		if r.Kind == reflex.KindStore {
			folder = r
		} else {
			files++
		}
		return nil
	}))
	require.Positive(t, files)
	return folder
}

// TestVaultInspectsAsEncrypted ties the Inspector to docstore/vault: the Inspector calls a
// vault folder encrypted, and the same vault with one stray plaintext file mixed.
func TestVaultInspectsAsEncrypted(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	owner, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	v, err := vault.Create(dir, owner.Recipient())
	require.NoError(t, err)
	_, err = v.Put(ctx, "bulletin 2026-10.pdf", bytes.NewReader(randomBytes(150_000)), nil)
	require.NoError(t, err)
	_, err = v.Put(ctx, "note.txt", strings.NewReader("une note"), nil)
	require.NoError(t, err)
	require.NoError(t, v.Delete(ctx, "note.txt"))
	notary, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	require.NoError(t, v.SetRecipient("notaire", notary.Recipient()))
	require.NoError(t, v.Close())

	rep := folderReport(t, dir)
	assert.Equal(t, reflex.OK, rep.Verdict(), "%+v", rep.Findings)
	require.True(t, rep.Has(reflex.StoreEncrypted))
	assert.False(t, rep.Has(reflex.StorePlaintext))
	enc := rep.Find(reflex.StoreEncrypted)
	assert.Contains(t, enc.EvidenceText(reflex.English), "trustreflex vault")

	// A copy of a payslip left in clear next to the vault files (in d/, the documents).
	stray := filepath.Join(dir, "d", "copie-bulletin.txt")
	require.NoError(t, os.WriteFile(stray, []byte("Bulletin de paie octobre 2026\nSalaire net à payer : 2 150,00 EUR\n"), 0o600))
	rep = folderReport(t, dir)
	plain := rep.Find(reflex.StorePlaintext)
	require.NotNil(t, plain, "%+v", rep.Findings)
	assert.True(t, strings.HasPrefix(plain.EvidenceText(reflex.English), "mixed folder:"), plain.EvidenceText(reflex.English))
	assert.Contains(t, plain.EvidenceText(reflex.English), "copie-bulletin.txt")
	assert.GreaterOrEqual(t, rep.Verdict(), reflex.Caution)

	// The vault itself reports the stray file as an orphan, and still opens.
	v, err = vault.Open(dir, owner)
	require.NoError(t, err)
	defer v.Close()
	vr, err := v.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, vr.OK())
	assert.Equal(t, []string{"copie-bulletin.txt"}, vr.Orphans)
}
