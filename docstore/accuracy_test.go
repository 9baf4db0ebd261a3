package docstore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
	"github.com/trustreflex/trustreflex/reflex"
)

// stateOf reads back what a file report says: encrypted, weak, plaintext, nodoc or
// random (cannot tell).
func stateOf(rep reflex.Report) state {
	switch {
	case rep.Has(reflex.StoreWeakEncryption):
		return weak
	case rep.Has(reflex.StoreEncrypted):
		return encrypted
	case rep.Has(reflex.StoreNoDocument):
		return nodoc
	case rep.Has(reflex.StoreUnknownRandom):
		return random
	}
	return plaintext
}

// TestCorpusAccuracy measures the inspector on the whole corpus of this package (the
// tool-made fixtures and the files built from the specifications): encrypted or not,
// weak or strong among the encrypted, personal data found in the files that hold some,
// personal data reported in those that hold none, and the verdict of the folders. It
// logs the figures (go test -run CorpusAccuracy -v) and wants them all right.
func TestCorpusAccuracy(t *testing.T) {
	in := NewInspector()
	ctx := context.Background()
	type result struct{ want, got fileCase }
	var results []result
	for _, c := range fixtureCases {
		rep, err := in.Check(ctx, fixturePath(c.name))
		require.NoError(t, err)
		results = append(results, result{c, fileCase{name: c.name, state: stateOf(rep), kinds: kindsOf(rep)}})
	}
	for name, g := range generatedCases() {
		rep, err := in.InspectReader(ctx, name, bytes.NewReader(g.data), int64(len(g.data)))
		require.NoError(t, err)
		g.fileCase.name = name
		results = append(results, result{g.fileCase, fileCase{name: name, state: stateOf(rep), kinds: kindsOf(rep)}})
	}
	isEnc := func(s state) bool { return s == encrypted || s == weak }
	var n, encRight, nEnc, strengthRight, nPII, piiFound, nClean, falsePII int
	for _, r := range results {
		n++
		if isEnc(r.want.state) == isEnc(r.got.state) {
			encRight++
		} else {
			t.Errorf("%s: encrypted-or-not wrong: want %s, got %s", r.want.name, r.want.state, r.got.state)
		}
		if isEnc(r.want.state) {
			nEnc++
			if r.want.state == r.got.state {
				strengthRight++
			} else {
				t.Errorf("%s: weak-vs-strong wrong: want %s, got %s", r.want.name, r.want.state, r.got.state)
			}
		}
		if r.want.kinds != "" {
			nPII++
			if r.got.kinds == r.want.kinds {
				piiFound++
			} else {
				t.Errorf("%s: personal data: want %q, got %q", r.want.name, r.want.kinds, r.got.kinds)
			}
		} else {
			nClean++
			if r.got.kinds != "" {
				falsePII++
				t.Errorf("%s: false personal data %q", r.want.name, r.got.kinds)
			}
		}
	}
	folders, foldersRight := folderVerdicts(t)
	t.Logf("files: %d; encrypted-or-not right: %d/%d; weak-vs-strong right: %d/%d encrypted; "+
		"personal data found: %d/%d files; false personal data: %d in %d files without any; folder verdicts right: %d/%d",
		n, encRight, n, strengthRight, nEnc, piiFound, nPII, falsePII, nClean, foldersRight, folders)
	assert.Equal(t, folders, foldersRight)
}

func kindsOf(rep reflex.Report) string {
	if f := rep.Find(reflex.StoreSensitive); f != nil {
		return f.Params["kinds"]
	}
	return ""
}

// folderVerdicts walks seven folders and checks each verdict: severity and the code of
// the first finding (whose reflex a person reads first).
func folderVerdicts(t *testing.T) (n, right int) {
	t.Helper()
	root := t.TempDir()
	mk := func(dir string, files map[string][]byte) string {
		p := filepath.Join(root, dir)
		for name, data := range files {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(p, name)), 0o700))
			require.NoError(t, os.WriteFile(filepath.Join(p, name), data, 0o600))
		}
		return p
	}
	gocrypt := map[string][]byte{}
	ents, err := os.ReadDir(fixturePath("gocryptfs-vault"))
	require.NoError(t, err)
	for _, e := range ents {
		gocrypt[e.Name()] = mustFixture("gocryptfs-vault/" + e.Name())
	}
	withStray := map[string][]byte{"passeport.txt": mustFixture("pii-passeport.txt")}
	for k, v := range gocrypt {
		withStray[k] = v
	}
	vault := map[string][]byte{"lock": []byte(vaultfmt.Magic), "d/a1": mustFixture("enc-age-x25519.age"), "d/a2": mustFixture("enc-age-scrypt.bin")}
	vaultStray := map[string][]byte{"copie.txt": mustFixture("pii-bulletin-paie.txt")}
	for k, v := range vault {
		vaultStray[k] = v
	}
	cases := []struct {
		dir   string
		sev   reflex.Severity
		first reflex.Code
	}{
		{mk("gocryptfs", gocrypt), reflex.OK, reflex.StoreEncrypted},
		{mk("gocryptfs-stray", withStray), reflex.Danger, reflex.StoreSensitive},
		{mk("vault", vault), reflex.OK, reflex.StoreEncrypted},
		{mk("vault-stray", vaultStray), reflex.Danger, reflex.StoreSensitive},
		{fixturePath("keys-folder"), reflex.OK, reflex.StoreEncrypted},
		{fixturePath("keys-leak"), reflex.Danger, reflex.StorePrivateKey},
		{mk("plain", map[string][]byte{"a.txt": mustFixture("plain-note.txt"), "b.txt": mustFixture("decoy-quasi.txt"), "c.db": mustFixture("plain-stock.sqlite")}), reflex.Info, reflex.StorePlaintext},
	}
	for _, c := range cases {
		rep, err := NewInspector().Check(context.Background(), c.dir)
		require.NoError(t, err)
		n++
		if rep.Verdict() == c.sev && len(rep.Findings) > 0 && rep.Findings[0].Code == c.first {
			right++
		} else {
			t.Errorf("%s: verdict %s, findings %+v", c.dir, rep.Verdict(), rep.Findings)
		}
	}
	return n, right
}
