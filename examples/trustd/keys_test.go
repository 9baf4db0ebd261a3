package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseKeys(t *testing.T) {
	h1, h2 := sha256Hex("first key"), sha256Hex("second key")
	keys, err := parseKeys(strings.NewReader("# keys of the partner\n\ncompta-prod:" + h1 + "\n  batch.nightly : " + strings.ToUpper(h2) + "  \r\n"))
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Equal(t, "compta-prod", keys[0].name)
	assert.Equal(t, "batch.nightly", keys[1].name)

	for _, tc := range []struct{ name, file, want string }{
		{"no colon", "compta " + h1, "line 1: want NAME:SHA256HEX"},
		{"the key itself", "compta:my-secret-key", "line 1 (compta): want the 64 hex digits"},
		{"not hex", "compta:" + strings.Repeat("z", 64), "line 1 (compta): the SHA-256 is not hexadecimal"},
		{"bad name", "comp ta:" + h1, "line 1: a name is 1 to 64"},
		{"empty name", ":" + h1, "line 1: a name is"},
		{"same name", "a:" + h1 + "\na:" + h2, "line 2: the name a is given twice"},
		{"same key", "a:" + h1 + "\n# b\nb:" + h1, "line 3 (b): the same key is given twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseKeys(strings.NewReader(tc.file))
			require.ErrorIs(t, err, errKeysFile)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "my-secret-key", "the error never quotes a line")
		})
	}
}

func TestAuthenticate(t *testing.T) {
	var ks keyStore
	_, ok := ks.authenticate("Bearer anything")
	assert.False(t, ok, "no keys: nothing authenticates")
	keys, err := parseKeys(strings.NewReader("a:" + sha256Hex("key-a") + "\nb:" + sha256Hex("key-b")))
	require.NoError(t, err)
	ks.set(keys)
	for header, want := range map[string]string{
		"Bearer key-a": "a", "bearer key-b": "b", "Bearer  key-b ": "b",
		"Bearer key-c": "", "Basic key-a": "", "key-a": "", "Bearer ": "", "": "",
	} {
		name, ok := ks.authenticate(header)
		assert.Equal(t, want != "", ok, header)
		assert.Equal(t, want, name, header)
	}
}

// FuzzKeysFile: any file is parsed or refused with an error that never quotes it; the
// keys parsed authenticate by their hash only.
func FuzzKeysFile(f *testing.F) {
	f.Add("compta:" + sha256Hex("k") + "\n# c\n")
	f.Add("a:" + sha256Hex("x") + "\na:" + sha256Hex("y"))
	f.Add("x:secret-key-typed-by-mistake")
	f.Fuzz(func(t *testing.T, file string) {
		keys, err := parseKeys(strings.NewReader(file))
		if err != nil {
			for _, line := range strings.Split(file, "\n") {
				if _, hash, ok := strings.Cut(line, ":"); ok && len(strings.TrimSpace(hash)) > 8 {
					assert.NotContains(t, err.Error(), strings.TrimSpace(hash))
				}
			}
			return
		}
		names := map[string]bool{}
		for _, k := range keys {
			require.True(t, keyName.MatchString(k.name), k.name)
			require.False(t, names[k.name])
			names[k.name] = true
		}
	})
}
