package docstore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestVaultInspectsAsEncrypted ties the two halves of docstore together (issue item 6): the
// Inspector calls a vault folder encrypted, and the same vault with one stray plaintext
// file mixed.
func TestVaultInspectsAsEncrypted(t *testing.T) {
	tv := newTestVault(t)
	tv.put("bulletin 2026-10.pdf", docContent(150_000, 1))
	tv.put("note.txt", []byte("une note"))
	require.NoError(t, tv.Delete(context.Background(), "note.txt"))
	require.NoError(t, tv.SetRecipient("notaire", x25519(t).Recipient()))
	tv.Vault.Close()

	rep := folderReport(t, tv.dir)
	assert.Equal(t, reflex.OK, rep.Verdict(), "%+v", rep.Findings)
	require.True(t, rep.Has(reflex.StoreEncrypted))
	assert.False(t, rep.Has(reflex.StorePlaintext))
	enc := rep.Find(reflex.StoreEncrypted)
	assert.Contains(t, enc.Evidence, "trustreflex vault")

	// A copy of a payslip left in clear next to the vault files.
	stray := filepath.Join(tv.dir, vaultDocsDir, "copie-bulletin.txt")
	require.NoError(t, os.WriteFile(stray, []byte("Bulletin de paie octobre 2026\nSalaire net à payer : 2 150,00 EUR\n"), 0o600))
	rep = folderReport(t, tv.dir)
	plain := rep.Find(reflex.StorePlaintext)
	require.NotNil(t, plain, "%+v", rep.Findings)
	assert.True(t, strings.HasPrefix(plain.Evidence, "mixed:"), plain.Evidence)
	assert.Contains(t, plain.Evidence, "copie-bulletin.txt")
	assert.GreaterOrEqual(t, rep.Verdict(), reflex.Caution)

	// The vault itself reports the stray file as an orphan, and still opens.
	require.NoError(t, tv.reopen())
	vr, err := tv.Verify(context.Background())
	require.NoError(t, err)
	assert.True(t, vr.OK())
	assert.Equal(t, []string{"copie-bulletin.txt"}, vr.Orphans)
}
