package docstore

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
)

// TestAgeVectors runs the C2SP age test vectors through ageOpen, the single decryption path of
// the vault: valid files decrypt to the expected payload; invalid ones are rejected, and what
// was released before a payload failure is exactly the authenticated prefix the vector names.
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
