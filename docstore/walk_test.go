package docstore

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/reflex"
)

func copyFixture(t *testing.T, name, dst string) {
	t.Helper()
	data, err := os.ReadFile(fixturePath(name))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o700))
	require.NoError(t, os.WriteFile(dst, data, 0o600))
}

func walkAll(t *testing.T, root string) (files []reflex.Report, store reflex.Report) {
	t.Helper()
	err := NewInspector().Walk(context.Background(), root, func(r reflex.Report, err error) error {
		require.NoError(t, err)
		require.NoError(t, r.Validate())
		if r.Kind == reflex.KindStore {
			store = r
		} else {
			files = append(files, r)
		}
		return nil
	})
	require.NoError(t, err)
	return files, store
}

func TestFolderVerdicts(t *testing.T) {
	// a trustreflex vault: the marker file and age files
	vault := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(vault, "lock"), []byte(vaultfmt.Magic), 0o600))
	copyFixture(t, "enc-age-x25519.age", filepath.Join(vault, "a1"))
	copyFixture(t, "enc-age-scrypt.bin", filepath.Join(vault, "sub", "a2"))
	require.NoError(t, os.WriteFile(filepath.Join(vault, "empty"), nil, 0o600))

	files, store := walkAll(t, vault)
	assert.Len(t, files, 4)
	assert.Equal(t, reflex.KindStore, store.Kind)
	assert.Equal(t, vault, store.Subject)
	assert.Equal(t, reflex.OK, store.Verdict())
	require.True(t, store.Has(reflex.StoreEncrypted))
	assert.Equal(t, "2 of 2 files encrypted (age)", store.Find(reflex.StoreEncrypted).EvidenceText(reflex.English))
	assert.Equal(t, "2 fichiers chiffrés sur 2 (age)", store.Find(reflex.StoreEncrypted).EvidenceText(reflex.French))

	// a stray plaintext copy with personal data: mixed, and danger
	copyFixture(t, "pii-bulletin-paie.txt", filepath.Join(vault, "copie.txt"))
	_, store = walkAll(t, vault)
	assert.Equal(t, reflex.Danger, store.Verdict())
	assert.Equal(t, "mixed folder: 1 of 3 files in clear: copie.txt", store.Find(reflex.StorePlaintext).EvidenceText(reflex.English))
	assert.Equal(t, "nir,iban", store.Find(reflex.StoreSensitive).Params["kinds"])
	assert.Equal(t, "Des données personnelles sont lisibles en clair\u00a0: numéro de sécurité sociale et IBAN.", store.Find(reflex.StoreSensitive).Message(reflex.French))

	// Check on a folder gives the folder report only
	rep, err := NewInspector().Check(context.Background(), vault)
	require.NoError(t, err)
	assert.Equal(t, store, rep)
}

func TestGocryptfsFolder(t *testing.T) {
	root := filepath.Join("testdata", "fixtures", "gocryptfs-vault")
	files, store := walkAll(t, root)
	assert.Len(t, files, 4)
	for _, f := range files {
		assert.True(t, f.Has(reflex.StoreEncrypted), "%s: %+v", f.Subject, f.Findings)
	}
	assert.Equal(t, reflex.OK, store.Verdict())

	// the same folder with a stray plaintext note: mixed
	dir := t.TempDir()
	ents, err := os.ReadDir(root)
	require.NoError(t, err)
	for _, e := range ents {
		copyFixture(t, "gocryptfs-vault/"+e.Name(), filepath.Join(dir, e.Name()))
	}
	copyFixture(t, "pii-passeport.txt", filepath.Join(dir, "passeport.txt"))
	_, store = walkAll(t, dir)
	assert.Equal(t, reflex.Danger, store.Verdict())
	assert.Equal(t, "mrz", store.Find(reflex.StoreSensitive).Params["kinds"])
}

func TestPlainFolder(t *testing.T) {
	dir := t.TempDir()
	copyFixture(t, "plain-note.txt", filepath.Join(dir, "a.txt"))
	copyFixture(t, "decoy-quasi.txt", filepath.Join(dir, "b.txt"))
	_, store := walkAll(t, dir)
	assert.Equal(t, reflex.Info, store.Verdict())
	assert.Equal(t, "2 of 2 files in clear: a.txt, b.txt", store.Find(reflex.StorePlaintext).EvidenceText(reflex.English))

	copyFixture(t, "pii-carte.txt", filepath.Join(dir, "c.txt"))
	_, store = walkAll(t, dir)
	assert.Equal(t, reflex.Caution, store.Verdict(), "personal data in a plain folder: caution, not danger")
}

func TestWalkOrderAndStop(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", "c/d.txt"} {
		copyFixture(t, "plain-note.txt", filepath.Join(dir, n))
	}
	var got []string
	err := NewInspector().Walk(context.Background(), dir, func(r reflex.Report, err error) error {
		got = append(got, r.Subject)
		if len(got) == 2 {
			return ErrStop
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}, got)
}

func TestWalkFollowsALinkedRootOnly(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	copyFixture(t, "enc-age-x25519.age", filepath.Join(real, "a.age"))
	copyFixture(t, "pii-carte.txt", filepath.Join(dir, "outside", "carte.txt"))
	require.NoError(t, os.Symlink(real, filepath.Join(dir, "coffre")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "outside"), filepath.Join(real, "link")))
	files, store := walkAll(t, filepath.Join(dir, "coffre"))
	require.Len(t, files, 1, "the root link is followed, the link inside is not")
	assert.Equal(t, filepath.Join(dir, "coffre", "a.age"), files[0].Subject)
	assert.Equal(t, reflex.OK, store.Verdict())
}

// Key material is not a leak: public keys beside age files leave the folder encrypted;
// an age private key in clear beside the files it opens is danger (issue 15).
func TestKeyMaterialFolders(t *testing.T) {
	_, store := walkAll(t, filepath.Join("testdata", "fixtures", "keys-folder"))
	assert.Equal(t, reflex.OK, store.Verdict(), "%+v", store.Findings)
	assert.Equal(t, "1 of 1 file encrypted (age)", store.Find(reflex.StoreEncrypted).EvidenceText(reflex.English))

	_, store = walkAll(t, filepath.Join("testdata", "fixtures", "keys-leak"))
	assert.Equal(t, reflex.Danger, store.Verdict())
	k := store.Find(reflex.StorePrivateKey)
	require.NotNil(t, k, "%+v", store.Findings)
	assert.Equal(t, "1 private key in clear: cle-age.txt", k.EvidenceText(reflex.English))
	assert.Equal(t, reflex.StorePrivateKey, store.Findings[0].Code, "its reflex comes first")
}

// Walk on a file gives that file's report only: one subject, one report.
func TestWalkFileGivesOneReport(t *testing.T) {
	var got []reflex.Report
	require.NoError(t, NewInspector().Walk(context.Background(), fixturePath("pii-carte.txt"), func(r reflex.Report, err error) error {
		require.NoError(t, err)
		got = append(got, r)
		return nil
	}))
	require.Len(t, got, 1)
	assert.Equal(t, reflex.KindFile, got[0].Kind)
}
