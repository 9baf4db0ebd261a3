package docstore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/reflex"
)

// A header is not a proof of encryption (issue 16): plain text behind a fake or a real
// header is read, its personal data found, and data appended after a real ciphertext
// is a finding of its own.
func TestHeaderIsNotAProof(t *testing.T) {
	in := NewInspector()
	ctx := context.Background()
	real := mustFixture("keys-folder/releve.age")
	for _, tc := range []struct {
		name     string
		data     []byte
		trailing bool // store.trailing-data expected
	}{
		{"fake age header", fakeAgeHeader(), false},
		{"LUKS magic", fakeLUKS(), false},
		{"KeePass magic", fakeKDBX(), false},
		{"vault marker", []byte("trustreflex-vault/v1\n" + attackText), false},
		{"PDF /Encrypt over clear streams", withDecoyEncrypt(mustFixture("plain-text.pdf")), false},
		{"real age + appended text", append(append([]byte{}, real...), "\n"+attackText...), true},
		{"real armored age + appended text", append(mustFixture("enc-age-armor.txt"), attackText...), true},
		{"real OpenPGP + appended text", append(mustFixture("enc-gpg-symmetric.gpg"), attackText...), true},
		{"real openssl enc + appended text", append(mustFixture("enc-openssl.bin"), attackText...), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := in.InspectReader(ctx, "f", bytes.NewReader(tc.data), int64(len(tc.data)))
			require.NoError(t, err)
			require.NoError(t, rep.Validate())
			s := rep.Find(reflex.StoreSensitive)
			require.NotNil(t, s, "%+v", rep.Findings)
			assert.NotEmpty(t, s.Params["kinds"])
			assert.Equal(t, tc.trailing, rep.Has(reflex.StoreTrailingData), "%+v", rep.Findings)
			if !tc.trailing {
				assert.False(t, rep.Has(reflex.StoreEncrypted) || rep.Has(reflex.StoreWeakEncryption), "%+v", rep.Findings)
			}
			assert.GreaterOrEqual(t, rep.Verdict(), reflex.Caution)
		})
	}
	// the real files alone carry no trailing data
	for _, name := range []string{"keys-folder/releve.age", "enc-age-armor.txt", "enc-gpg-symmetric.gpg", "enc-openssl.bin", "enc-rclone.bin", "enc-keepass.kdbx"} {
		data := mustFixture(name)
		rep, err := in.InspectReader(ctx, name, bytes.NewReader(data), int64(len(data)))
		require.NoError(t, err)
		assert.False(t, rep.Has(reflex.StoreTrailingData), "%s: %+v", name, rep.Findings)
	}
}

// A gocryptfs long-name file is judged by its content, not its name: a plain text
// named like one, in a gocryptfs folder, is read.
func TestGocryptfsLongNameByContent(t *testing.T) {
	dir := t.TempDir()
	copyFixture(t, "gocryptfs-vault/gocryptfs.conf", filepath.Join(dir, "gocryptfs.conf"))
	copyFixture(t, "gocryptfs-vault/gocryptfs.diriv", filepath.Join(dir, "gocryptfs.diriv"))
	name := filepath.Join(dir, "gocryptfs.longname.AAAA.name")
	require.NoError(t, os.WriteFile(name, []byte(attackText), 0o600))
	rep, err := NewInspector().Check(context.Background(), name)
	require.NoError(t, err)
	assert.True(t, rep.Has(reflex.StoreSensitive), "%+v", rep.Findings)
	assert.False(t, rep.Has(reflex.StoreEncrypted))
	// a real one: base64url of whole AES blocks
	good := filepath.Join(dir, "gocryptfs.longname.BBBB.name")
	require.NoError(t, os.WriteFile(good, []byte("Wk5oRmhOUkpXV0ZFcW1JQ1dWSlNVQmZXRkJVV0ZFcW1JQ1dWSlNVQmZXRkJVV0ZFcW1JQ1dWSlNVQmZX"[:64]), 0o600))
	rep, err = NewInspector().Check(context.Background(), good)
	require.NoError(t, err)
	assert.False(t, rep.Has(reflex.StoreSensitive))
}

// Deep nesting is scanned: a card number five ZIP levels down is found, and the
// budgets (not the depth) bound the work.
func TestDeepNesting(t *testing.T) {
	data := mustFixture("pii-nested-5.zip")
	rep, err := NewInspector().InspectReader(context.Background(), "n.zip", bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.Equal(t, "card", rep.Find(reflex.StoreSensitive).Params["kinds"])
	// past maxDepth levels the scan says it read the file in part
	var nested []byte = []byte(attackText)
	for range maxDepth + 2 {
		nested = zipOf(t, "x", nested)
	}
	rep, err = NewInspector().InspectReader(context.Background(), "deep.zip", bytes.NewReader(nested), int64(len(nested)))
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	p := rep.Find(reflex.StorePlaintext)
	require.NotNil(t, p)
	assert.Equal(t, "limit", p.Params["partial"])
	assert.True(t, strings.HasSuffix(p.EvidenceText(reflex.English), "; partly read, reading limit reached"), p.EvidenceText(reflex.English))
}
