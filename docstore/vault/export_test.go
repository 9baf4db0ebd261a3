package vault

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
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

// zipFiles reads every entry of an archive.
func zipFiles(t *testing.T, zr *zip.Reader) map[string][]byte {
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		files[f.Name] = b
	}
	return files
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
	checkExportManifest(t, zipFiles(t, zr), docs)
}

func TestExportStopsOnDamage(t *testing.T) {
	tv, _ := exportFixture(t)
	flipBit(t, tv.docPath("paie/2026-10.pdf"), -1)
	err := tv.Export(context.Background(), io.Discard, ExportTar)
	assert.ErrorIs(t, err, ErrDamaged)
}

// TestExportFile: the archive appears whole or not at all, private, never over a file.
func TestExportFile(t *testing.T) {
	tv, docs := exportFixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "coffre.zip")
	require.NoError(t, tv.ExportFile(context.Background(), path, ExportZip))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	checkExportManifest(t, zipFiles(t, &zr.Reader), docs)
	zr.Close()
	assert.NoFileExists(t, path+".tmp")

	before, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.ErrorIs(t, tv.ExportFile(context.Background(), path, ExportTar), fs.ErrExist)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after, "an existing file is left alone")

	flipBit(t, tv.docPath("paie/2026-10.pdf"), -1)
	bad := filepath.Join(dir, "bad.tar")
	assert.ErrorIs(t, tv.ExportFile(context.Background(), bad, ExportTar), ErrDamaged)
	assert.NoFileExists(t, bad)
	assert.NoFileExists(t, bad+".tmp")
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

// TestExportLongNames: a document name of 1,024 bytes (and one of long components under
// folders) exports to entries whose every component fits 255 bytes, extracts to a real
// folder, and the manifest keeps the full names.
func TestExportLongNames(t *testing.T) {
	tv := newTestVault(t)
	long := strings.Repeat("é", 508) + ".pdf" // 1,020 bytes
	deep := strings.Repeat("a", 300) + "/" + strings.Repeat("b", 300) + ".txt"
	tv.put(long, []byte("long"))
	tv.put(deep, []byte("deep"))
	tv.put(long[:len(long)-4]+"x.pdf", []byte("other")) // same start: still two entries
	var buf bytes.Buffer
	require.NoError(t, tv.Export(context.Background(), &buf, ExportTar))
	out := t.TempDir()
	tr := tar.NewReader(&buf)
	names := map[string]string{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		for _, part := range strings.Split(h.Name, "/") {
			assert.LessOrEqual(t, len(part), 255, h.Name)
		}
		b, err := io.ReadAll(tr)
		require.NoError(t, err)
		dst := filepath.Join(out, filepath.FromSlash(h.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o700))
		require.NoError(t, os.WriteFile(dst, b, 0o600), "extract %s", h.Name)
		names[h.Name] = string(b)
	}
	var man ExportManifest
	require.NoError(t, json.Unmarshal([]byte(names[ExportManifestName]), &man))
	got := map[string]string{}
	for _, d := range man.Documents {
		got[d.Name] = names[d.Path]
		assert.True(t, strings.HasSuffix(d.Path, path.Ext(d.Name)), "extension kept: %s", d.Path)
	}
	assert.Equal(t, map[string]string{long: "long", deep: "deep", long[:len(long)-4] + "x.pdf": "other"}, got)
}
