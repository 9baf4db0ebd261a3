package docstore

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func exportFixture(t *testing.T) (*testVault, map[string][]byte) {
	tv := newTestVault(t)
	docs := map[string][]byte{
		"paie/2026-10.pdf": docContent(70_000, 1),
		"../../etc/passwd": []byte("not a path escape"),
		"vide":             {},
	}
	for name, b := range docs {
		_, err := tv.Put(context.Background(), name, bytes.NewReader(b), Meta{"source": "test"})
		require.NoError(t, err)
	}
	return tv, docs
}

func checkExportManifest(t *testing.T, files map[string][]byte, docs map[string][]byte) {
	var man ExportManifest
	require.NoError(t, json.Unmarshal(files[ExportManifestName], &man))
	assert.Equal(t, "trustreflex-vault-export/v1", man.Format)
	require.Len(t, man.Documents, len(docs))
	for _, d := range man.Documents {
		want, ok := docs[d.Name]
		require.True(t, ok, d.Name)
		assert.True(t, strings.HasPrefix(d.Path, "documents/"))
		assert.NotContains(t, d.Path, "..")
		assert.Equal(t, want, files[d.Path], d.Name)
		sum := sha256.Sum256(want)
		assert.Equal(t, hex.EncodeToString(sum[:]), d.SHA256)
		assert.Equal(t, Meta{"source": "test"}, d.Meta)
		assert.Equal(t, uint64(1), d.Version)
	}
}

func TestExportTar(t *testing.T) {
	tv, docs := exportFixture(t)
	var buf bytes.Buffer
	require.NoError(t, tv.Export(context.Background(), &buf, ExportTar))
	files := map[string][]byte{}
	tr := tar.NewReader(&buf)
	var order []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		b, err := io.ReadAll(tr)
		require.NoError(t, err)
		files[h.Name] = b
		order = append(order, h.Name)
	}
	assert.Equal(t, ExportManifestName, order[len(order)-1])
	checkExportManifest(t, files, docs)
	assert.Contains(t, files, "documents/etc/passwd")
}

func TestExportZip(t *testing.T) {
	tv, docs := exportFixture(t)
	var buf bytes.Buffer
	require.NoError(t, tv.Export(context.Background(), &buf, ExportZip))
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		files[f.Name] = b
	}
	checkExportManifest(t, files, docs)
}

func TestExportStopsOnDamage(t *testing.T) {
	tv, _ := exportFixture(t)
	flipBit(t, tv.docPath("paie/2026-10.pdf"), -1)
	err := tv.Export(context.Background(), io.Discard, ExportTar)
	assert.ErrorIs(t, err, ErrDamaged)
}

func TestExportPathCollision(t *testing.T) {
	used := map[string]bool{}
	a := exportPath(Info{Name: "a/../b", ID: "0123456789abcdef0123456789abcdef"}, used)
	b := exportPath(Info{Name: "b", ID: "fedcba9876543210fedcba9876543210"}, used)
	assert.Equal(t, "documents/b", a)
	assert.Equal(t, "documents/b~fedcba98", b)
	assert.Equal(t, "documents/_", exportPath(Info{Name: "/", ID: "0123456789abcdef0123456789abcdef"}, used))
	assert.Equal(t, "documents/C__x_y", exportPath(Info{Name: "C:\\x\ny", ID: "0123456789abcdef0123456789abcdef"}, used))
}
