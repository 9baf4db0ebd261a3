package vault

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/reflex"
)

// testWorkFactor keeps scrypt fast in tests (age's default is 18).
const testWorkFactor = 10

func passRecipient(t testing.TB, pass string) age.Recipient {
	t.Helper()
	r, err := age.NewScryptRecipient(pass)
	require.NoError(t, err)
	r.SetWorkFactor(testWorkFactor)
	return r
}

func passIdentity(t testing.TB, pass string) age.Identity {
	t.Helper()
	id, err := age.NewScryptIdentity(pass)
	require.NoError(t, err)
	return id
}

func x25519(t testing.TB) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	require.NoError(t, err)
	return id
}

// content returns n deterministic pseudo-random bytes.
func docContent(n int, seed uint64) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(seed, 1))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// testVault is a vault directory with an owner identity, reopened at will.
type testVault struct {
	t   testing.TB
	dir string
	id  *age.X25519Identity
	*Vault
}

func newTestVault(t testing.TB, opts ...Option) *testVault {
	t.Helper()
	tv := &testVault{t: t, dir: filepath.Join(t.TempDir(), "vault"), id: x25519(t)}
	v, err := Create(tv.dir, tv.id.Recipient(), opts...)
	require.NoError(t, err)
	tv.Vault = v
	t.Cleanup(func() { tv.Vault.Close() })
	return tv
}

// reopen closes the vault and opens it again with opts.
func (tv *testVault) reopen(opts ...Option) error {
	tv.Vault.Close()
	v, err := Open(tv.dir, tv.id, opts...)
	if err != nil {
		return err
	}
	tv.Vault = v
	return nil
}

func (tv *testVault) put(name string, b []byte) Info {
	tv.t.Helper()
	info, err := tv.Put(context.Background(), name, bytes.NewReader(b), nil)
	require.NoError(tv.t, err)
	return info
}

func (tv *testVault) get(name string) ([]byte, error) {
	r, err := tv.Get(context.Background(), name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func (tv *testVault) mustGet(name string) []byte {
	tv.t.Helper()
	b, err := tv.get(name)
	require.NoError(tv.t, err)
	return b
}

func TestVaultRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "coffre")
	v, err := Create(dir, passRecipient(t, "correct horse"))
	require.NoError(t, err)
	docs := map[string][]byte{
		"vide.txt":                     {},
		"bulletin de paie 2026-10.pdf": docContent(123_456, 1),
		"avis d'impôt/2025.pdf":        docContent(4096, 2),
		"grand.bin":                    docContent(3*docChunk+17, 3),
	}
	for name, b := range docs {
		info, err := v.Put(ctx, name, bytes.NewReader(b), Meta{"type": "test"})
		require.NoError(t, err)
		assert.Equal(t, int64(len(b)), info.Size)
		assert.Equal(t, uint64(1), info.Version)
		assert.GreaterOrEqual(t, info.Stored, info.Size)
	}
	info, err := v.Put(ctx, "grand.bin", strings.NewReader("v2"), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), info.Version)
	docs["grand.bin"] = []byte("v2")
	require.NoError(t, v.Close())
	assert.ErrorIs(t, v.Close(), ErrClosed)
	_, err = v.Get(ctx, "vide.txt")
	assert.ErrorIs(t, err, ErrClosed)

	_, err = Open(dir, passIdentity(t, "wrong horse"))
	assert.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = Open(dir, x25519(t))
	assert.ErrorIs(t, err, ErrWrongIdentity)

	v, err = Open(dir, passIdentity(t, "correct horse"))
	require.NoError(t, err)
	defer v.Close()
	list, err := v.List()
	require.NoError(t, err)
	var names []string
	for _, i := range list {
		names = append(names, i.Name)
	}
	assert.Equal(t, []string{"avis d'impôt/2025.pdf", "bulletin de paie 2026-10.pdf", "grand.bin", "vide.txt"}, names)
	for name, want := range docs {
		r, err := v.Get(ctx, name)
		require.NoError(t, err, name)
		got, err := io.ReadAll(r)
		require.NoError(t, err, name)
		require.NoError(t, r.Close())
		assert.Equal(t, want, got, name)
	}
	st, err := v.Stat("avis d'impôt/2025.pdf")
	require.NoError(t, err)
	assert.Equal(t, Meta{"type": "test"}, st.Meta)
	assert.Equal(t, int64(4352), st.Stored, "4096 bytes + header and trailer, Padmé-rounded to 256")

	_, err = v.Stat("absent")
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = v.Get(ctx, "absent")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.ErrorIs(t, v.Delete(ctx, "absent"), ErrNotFound)
	require.NoError(t, v.Delete(ctx, "vide.txt"))
	_, err = v.Stat("vide.txt")
	assert.ErrorIs(t, err, ErrNotFound)

	_, err = v.Put(ctx, "", strings.NewReader("x"), nil)
	assert.ErrorIs(t, err, ErrInvalidName)
	_, err = v.Put(ctx, "a\nb", strings.NewReader("x"), nil)
	assert.ErrorIs(t, err, ErrInvalidName)

	log, err := v.Log(ctx)
	require.NoError(t, err)
	var ops []string
	for _, e := range log {
		assert.True(t, e.Committed)
		ops = append(ops, e.Op)
	}
	assert.Equal(t, []string{"create", "put", "put", "put", "put", "put", "delete"}, ops)
	assert.Equal(t, "grand.bin", log[5].Name)
	assert.Equal(t, uint64(2), log[5].Version)

	rep, err := v.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, rep.OK())
	assert.Equal(t, 3, rep.Checked)
	assert.Empty(t, rep.Orphans)
	// Old versions and deleted documents leave no file behind.
	files, err := os.ReadDir(filepath.Join(dir, docsDir))
	require.NoError(t, err)
	assert.Len(t, files, 3)
}

func TestVaultLockedAndNotVault(t *testing.T) {
	tv := newTestVault(t)
	_, err := Open(tv.dir, tv.id)
	assert.ErrorIs(t, err, ErrLocked)
	require.NoError(t, tv.Close())
	v, err := Open(tv.dir, tv.id)
	require.NoError(t, err)
	v.Close()

	_, err = Open(t.TempDir(), tv.id)
	assert.ErrorIs(t, err, ErrNotVault)
	_, err = Create(tv.dir, tv.id.Recipient())
	assert.ErrorIs(t, err, fs.ErrExist)
	full := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(full, "x"), nil, 0o600))
	_, err = Create(full, tv.id.Recipient())
	assert.ErrorIs(t, err, ErrNotEmpty)
}

// TestExists: a vault is there from its index, or from what is left when the index is
// lost; nothing else (a missing, empty or unrelated folder) counts, and no key is needed.
func TestExists(t *testing.T) {
	tv := newTestVault(t)
	require.NoError(t, tv.Close())
	ok, err := Exists(tv.dir)
	require.NoError(t, err)
	assert.True(t, ok)

	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
	ok, err = Exists(tv.dir)
	require.NoError(t, err)
	assert.True(t, ok, "a vault without its index is still a vault, for Recover")
	_, err = Open(tv.dir, tv.id)
	var de *DamageError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, IndexFile, de.Name)
	assert.Empty(t, de.ID)
	assert.Equal(t, ReasonMissing, de.Reason)

	for name, dir := range map[string]string{
		"missing": filepath.Join(t.TempDir(), "nothing"),
		"empty":   t.TempDir(),
	} {
		ok, err := Exists(dir)
		require.NoError(t, err, name)
		assert.False(t, ok, name)
		_, err = Open(dir, tv.id)
		assert.ErrorIs(t, err, ErrNotVault, name)
	}
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "notes.txt"), []byte("x"), 0o600))
	ok, err = Exists(other)
	require.NoError(t, err)
	assert.False(t, ok)

	// A file where a folder should be cannot hold a vault: say why.
	_, err = Exists(filepath.Join(other, "notes.txt"))
	assert.Error(t, err)
}

// TestVaultOnDiskOpaque checks what someone reading the directory learns: only ids as file
// names, every file encrypted or marked, no name, metadata or content in clear.
func TestVaultOnDiskOpaque(t *testing.T) {
	for _, alg := range []KeyAlgorithm{KeyHybrid, KeyX25519} {
		tv := newTestVault(t, WithKeyAlgorithm(alg))
		secret := []byte("NIR 1 85 05 78 006 084 36")
		tv.put("bulletin-paie-octobre.pdf", bytes.Repeat(secret, 100))
		_, err := tv.Put(context.Background(), "rib.txt", strings.NewReader("IBAN"), Meta{"employeur": "ACME SAS"})
		require.NoError(t, err)
		require.NoError(t, filepath.WalkDir(tv.dir, func(p string, d fs.DirEntry, err error) error {
			require.NoError(t, err)
			if d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			assert.True(t, bytes.HasPrefix(b, []byte("age-encryption.org/v1\n")) || bytes.HasPrefix(b, []byte(vaultfmt.Magic)), p)
			for _, leak := range []string{"bulletin", "paie", "rib.txt", "ACME", "employeur", "NIR 1 85", "IBAN"} {
				assert.NotContains(t, string(b), leak, "%s leaks %q", p, leak)
			}
			if filepath.Dir(p) == filepath.Join(tv.dir, docsDir) {
				assert.True(t, vaultfmt.IsID(d.Name()), d.Name())
			}
			return nil
		}))
		// The vault reopens under its algorithm.
		require.NoError(t, tv.reopen())
		assert.Equal(t, bytes.Repeat(secret, 100), tv.mustGet("bulletin-paie-octobre.pdf"))
	}
}

func TestVaultPaddingHidesSize(t *testing.T) {
	tv := newTestVault(t)
	size := func(name string) int64 {
		st, err := tv.Stat(name)
		require.NoError(t, err)
		fi, err := os.Stat(filepath.Join(tv.dir, docsDir, st.ID))
		require.NoError(t, err)
		return fi.Size()
	}
	tv.put("a", docContent(1, 1))
	tv.put("b", docContent(3000, 2))
	tv.put("c", docContent(98_500, 3))
	tv.put("d", docContent(100_100, 4))
	assert.Equal(t, size("a"), size("b"), "small files share the 4 KiB bucket")
	assert.Equal(t, size("c"), size("d"), "close sizes share a Padmé bucket")
}

func TestVaultRecipients(t *testing.T) {
	ctx := context.Background()
	tv := newTestVault(t)
	tv.put("acte.pdf", []byte("acte notarié"))
	notary := x25519(t)
	require.NoError(t, tv.SetRecipient("notaire", notary.Recipient()))
	rs, err := tv.Recipients()
	require.NoError(t, err)
	assert.Equal(t, []Recipient{{"owner", "x25519"}, {"notaire", "x25519"}}, rs)
	docFiles := hashFiles(t, filepath.Join(tv.dir, docsDir))

	tv.Close()
	v, err := Open(tv.dir, notary)
	require.NoError(t, err)
	b, err := readDoc(v, "acte.pdf")
	require.NoError(t, err)
	assert.Equal(t, "acte notarié", string(b))
	// The third party's slot is removed; its identity no longer opens the vault.
	require.NoError(t, v.RemoveRecipient("notaire"))
	assert.ErrorIs(t, v.RemoveRecipient("notaire"), ErrNotFound)
	assert.ErrorIs(t, v.RemoveRecipient("owner"), ErrLastRecipient)
	v.Close()
	_, err = Open(tv.dir, notary)
	assert.ErrorIs(t, err, ErrWrongIdentity)

	// Passphrase change: replace the owner slot; no document file changes.
	require.NoError(t, tv.reopen())
	require.NoError(t, tv.SetRecipient(OwnerLabel, passRecipient(t, "nouveau mot de passe")))
	tv.Vault.Close()
	_, err = Open(tv.dir, tv.id)
	assert.ErrorIs(t, err, ErrWrongIdentity)
	v, err = Open(tv.dir, passIdentity(t, "nouveau mot de passe"))
	require.NoError(t, err)
	defer v.Close()
	b, err = readDoc(v, "acte.pdf")
	require.NoError(t, err)
	assert.Equal(t, "acte notarié", string(b))
	assert.Equal(t, docFiles, hashFiles(t, filepath.Join(tv.dir, docsDir)))
	log, err := v.Log(ctx)
	require.NoError(t, err)
	assert.Equal(t, "set-recipient", log[len(log)-1].Op)
	assert.Equal(t, "owner", log[len(log)-1].Name)
}

func readDoc(v *Vault, name string) ([]byte, error) {
	r, err := v.Get(context.Background(), name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// snapshot maps every file under dir to the hash of its bytes.
func hashFiles(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[strings.TrimPrefix(p, dir)] = sha256.Sum256(b)
		return err
	}))
	return out
}

func TestVaultContextCancel(t *testing.T) {
	tv := newTestVault(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := tv.Put(ctx, "x", bytes.NewReader(docContent(10, 1)), nil)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = tv.Stat("x")
	assert.ErrorIs(t, err, ErrNotFound)
	entries, _ := os.ReadDir(filepath.Join(tv.dir, docsDir))
	assert.Empty(t, entries, "a cancelled Put leaves no file")
}

func TestVaultCreateFailureLeavesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "v")
	id := x25519(t)
	_, err := Create(dir, id.Recipient(), crashAt("index-synced"))
	require.ErrorIs(t, err, errCrash)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
	v, err := Create(dir, id.Recipient())
	require.NoError(t, err)
	v.Close()
}

// TestVaultStateFileFolder: the state file's folder is made on first use, private.
func TestVaultStateFileFolder(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state", "app", "vault-state")
	tv := newTestVault(t, WithStateFile(state))
	tv.put("a", []byte("x"))
	fi, err := os.Stat(filepath.Dir(state))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm())
	require.FileExists(t, state)
	require.NoError(t, tv.reopen(WithStateFile(state)))
}

func TestVaultStateFile(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	a := newTestVault(t, WithStateFile(state))
	b := newTestVault(t, WithStateFile(state))
	a.put("x", []byte("1"))
	b.put("y", []byte("2"))
	raw, err := os.ReadFile(state)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(raw, []byte(vaultfmt.Magic)))
	assert.Equal(t, 3, strings.Count(string(raw), "\n"), "marker line and one line per vault")
	require.NoError(t, os.WriteFile(state, []byte("garbage"), 0o600))
	assert.Error(t, a.reopen(WithStateFile(state)))
}

func TestVaultConcurrentUse(t *testing.T) {
	tv := newTestVault(t)
	ctx := context.Background()
	done := make(chan error)
	for g := range 4 {
		go func() {
			name := fmt.Sprintf("doc-%d", g)
			for i := range 5 {
				want := docContent(1000+i, uint64(g))
				if _, err := tv.Put(ctx, name, bytes.NewReader(want), nil); err != nil {
					done <- err
					return
				}
				got, err := readDoc(tv.Vault, name)
				if err == nil && !bytes.Equal(got, want) {
					err = fmt.Errorf("%s: wrong content", name)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		require.NoError(t, <-done)
	}
	list, err := tv.List()
	require.NoError(t, err)
	assert.Len(t, list, 4)
	log, err := tv.Log(ctx)
	require.NoError(t, err)
	assert.Len(t, log, 21)
}

func TestDamageErrorMessage(t *testing.T) {
	err := error(&DamageError{Name: "bulletin.pdf", ID: "0123", Reason: ReasonSwapped, Err: errors.New("file holds version 1 of another document")})
	assert.Equal(t, `vault: "bulletin.pdf" is damaged or tampered (swapped): file holds version 1 of another document`, err.Error())
	assert.Equal(t, `vault: "log" is damaged or tampered (missing)`, (&DamageError{Name: LogFile, Reason: ReasonMissing}).Error())
	assert.ErrorIs(t, err, ErrDamaged)
	assert.ErrorIs(t, ErrRollback, ErrDamaged)
}

func TestReasonString(t *testing.T) {
	for r, want := range map[Reason]string{
		ReasonMissing: "missing", ReasonAuth: "auth", ReasonSwapped: "swapped", ReasonTruncated: "truncated",
		ReasonFormat: "format", 0: "reason(0)", ReasonFormat + 1: "reason(6)",
	} {
		assert.Equal(t, want, r.String())
	}
}

// TestRecipientKinds: the slot list (and Recover, from the slot headers) names each kind.
func TestRecipientKinds(t *testing.T) {
	tv := newTestVault(t)
	hybrid, err := age.GenerateHybridIdentity()
	require.NoError(t, err)
	require.NoError(t, tv.SetRecipient("pq", hybrid.Recipient()))
	require.NoError(t, tv.SetRecipient("phrase", passRecipient(t, "p")))
	want := []Recipient{{"owner", "x25519"}, {"pq", "mlkem768x25519"}, {"phrase", "scrypt"}}
	rs, err := tv.Recipients()
	require.NoError(t, err)
	assert.Equal(t, want, rs)
	tv.Vault.Close()
	require.NoError(t, os.Remove(filepath.Join(tv.dir, IndexFile)))
	v, _, err := Recover(tv.dir, hybrid)
	require.NoError(t, err)
	defer v.Close()
	rs, err = v.Recipients()
	require.NoError(t, err)
	for i := range want {
		assert.Equal(t, want[i].Kind, rs[i].Kind)
	}
}

func TestCheckPassphrase(t *testing.T) {
	for _, weak := range []string{"a", "motdepasse", "azerty123", "MotDePasse2024", "p@ssw0rd", "soleil", "maison table soleil chien", "aaaaaaaaaaaaaaaa"} {
		err := CheckPassphrase(weak)
		assert.ErrorIs(t, err, ErrWeakPassphrase, weak)
		assert.Contains(t, reflex.ErrorText(err, reflex.French), "mots tirés au hasard", weak)
	}
	for _, strong := range []string{"ornithorynque cadastre violoncelle paprika", "tiroir girafe lundi canal olive", "maison table soleil chien porte", "x7#Qv9!mR2pL"} {
		assert.NoError(t, CheckPassphrase(strong), strong)
	}
}
