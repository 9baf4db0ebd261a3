package vault

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"

	agetest "c2sp.org/CCTV/age"
	"filippo.io/age"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// TestAgeVectors runs the C2SP age test vectors through ageOpen, the single decryption path of
// the vault: valid files decrypt to the expected payload; invalid ones are rejected, and what
// was released before a payload failure is exactly the authenticated prefix the vector names.
// Each vector is also planted as a vault key slot, where it must be refused and classified.
// Armored vectors are skipped: the vault never reads ASCII armor.
func TestAgeVectors(t *testing.T) {
	files, err := fs.ReadDir(agetest.Vectors, ".")
	require.NoError(t, err)
	ran := 0
	for _, f := range files {
		name := f.Name()
		raw, err := fs.ReadFile(agetest.Vectors, name)
		require.NoError(t, err)
		hdr, body := parseVector(t, raw)
		if hdr["armored"] != nil {
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) {
			if c := hdr["compressed"]; c != nil {
				require.Equal(t, "zlib", c[0])
				zr, err := zlib.NewReader(bytes.NewReader(body))
				require.NoError(t, err)
				body, err = io.ReadAll(zr)
				require.NoError(t, err)
			}
			var ids []age.Identity
			for _, s := range hdr["identity"] {
				var id age.Identity
				var err error
				if strings.HasPrefix(s, "AGE-SECRET-KEY-PQ-") {
					id, err = age.ParseHybridIdentity(s)
				} else {
					id, err = age.ParseX25519Identity(s)
				}
				require.NoError(t, err)
				ids = append(ids, id)
			}
			for _, p := range hdr["passphrase"] {
				id, err := age.NewScryptIdentity(p)
				require.NoError(t, err)
				ids = append(ids, id)
			}
			expect := hdr["expect"][0]
			checkAsKeySlot(t, expect, body, ids)
			r, err := ageOpen(bytes.NewReader(body), ids...)
			switch expect {
			case "header failure", "HMAC failure":
				require.Error(t, err)
				return
			case "no match":
				var nm *age.NoIdentityMatchError
				require.True(t, errors.As(err, &nm), "%v", err)
				return
			}
			require.NoError(t, err)
			h := sha256.New()
			_, err = io.Copy(h, r)
			if expect == "success" {
				require.NoError(t, err)
			} else {
				require.Equal(t, "payload failure", expect)
				require.Error(t, err)
			}
			assert.Equal(t, hdr["payload"][0], hex.EncodeToString(h.Sum(nil)), "released plaintext")
		})
	}
	assert.Greater(t, ran, 100)
}

// checkAsKeySlot plants the vector as the key slot of a vault index and opens it with each
// identity: the vault must never accept it as a key, and must classify it as age does:
// malformed or failing files are damage, unmatched ones a wrong key.
func checkAsKeySlot(t *testing.T, expect string, body []byte, ids []age.Identity) {
	ix := &vaultfmt.Index{Format: vaultfmt.Format, Vault: newID(), KeyAlg: vaultfmt.KeyX25519,
		DocAlg: vaultfmt.DocAgeV1, Pad: vaultfmt.PadPadme, Slots: []vaultfmt.Slot{{ID: newID(), Data: body}}}
	damaged := false
	for _, id := range ids {
		k, err := unwrapSlots(ix, id)
		require.Nil(t, k)
		require.True(t, errors.Is(err, ErrDamaged) || errors.Is(err, ErrWrongIdentity) || errors.Is(err, ErrWrongPassphrase), "%v", err)
		damaged = damaged || errors.Is(err, ErrDamaged)
		if expect == "no match" {
			assert.NotErrorIs(t, err, ErrDamaged)
		}
	}
	if len(ids) > 0 && (expect == "header failure" || expect == "HMAC failure") {
		// At least the identity that reaches the flaw reports damage (others may not match).
		assert.True(t, damaged, "a malformed slot must be reported as damage")
	}
}

// parseVector splits a vector into its "key: value" header and the age file.
func parseVector(t *testing.T, raw []byte) (map[string][]string, []byte) {
	hdr := map[string][]string{}
	br := bufio.NewReader(bytes.NewReader(raw))
	n := 0
	for {
		line, err := br.ReadString('\n')
		require.NoError(t, err)
		n += len(line)
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			return hdr, raw[n:]
		}
		k, v, ok := strings.Cut(line, ": ")
		require.True(t, ok, line)
		hdr[k] = append(hdr[k], v)
	}
}
