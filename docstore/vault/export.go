package vault

import (
	"archive/tar"
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/trustreflex/trustreflex/internal/regularfile"
)

// ExportFormat selects the archive [Vault.Export] writes.
type ExportFormat int

const (
	ExportTar ExportFormat = iota // POSIX tar (PAX)
	ExportZip                     // zip, deflated
)

// ExportManifestName is the name of the [ExportManifest] that ends every export.
const ExportManifestName = "manifest.json"

// ExportManifest is the JSON manifest of an export: every document with its metadata and the
// SHA-256 of its content, so the archive can be checked and imported anywhere.
type ExportManifest struct {
	Format    string             `json:"format"` // "trustreflex-vault-export/v1"
	Vault     string             `json:"vault"`
	Exported  time.Time          `json:"exported"`
	Documents []ExportedDocument `json:"documents"`
}

// ExportedDocument is one entry of an [ExportManifest].
type ExportedDocument struct {
	Path     string    `json:"path"` // entry in the archive
	Name     string    `json:"name"` // name in the vault
	Version  uint64    `json:"version"`
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	Meta     Meta      `json:"meta,omitempty"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
}

// Export writes every document, decrypted, to w as a tar or zip archive: the documents under
// "documents/", then manifest.json. It streams (nothing is held in memory but one chunk) and
// stops with an error matching [ErrDamaged] at the first damaged document, leaving an
// incomplete archive: run [Vault.Verify] first to know, or use [Vault.ExportFile], which
// leaves nothing behind. Entry paths are the document names made safe for
// extraction (no absolute paths, no "..", no control characters); the manifest keeps the
// exact names. The archive is plaintext: write it somewhere safe.
func (v *Vault) Export(ctx context.Context, w io.Writer, format ExportFormat) error {
	docs, err := v.List()
	if err != nil {
		return err
	}
	v.mu.Lock()
	man := ExportManifest{Format: "trustreflex-vault-export/v1", Vault: v.m.Vault, Exported: v.now(),
		Documents: []ExportedDocument{}}
	v.mu.Unlock()
	var arch archiveWriter
	switch format {
	case ExportTar:
		arch = tarArchive{tar.NewWriter(w)}
	case ExportZip:
		arch = zipArchive{zip.NewWriter(w)}
	default:
		return fmt.Errorf("vault: unknown export format %d", format)
	}
	used := map[string]bool{ExportManifestName: true}
	for _, info := range docs {
		p := exportPath(info, used)
		r, err := v.Get(ctx, info.Name)
		if err != nil {
			return err
		}
		dst, err := arch.create(p, info.Size, info.Modified)
		if err != nil {
			r.Close()
			return err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(dst, h), r)
		r.Close()
		if err != nil {
			return err
		}
		if n != info.Size {
			return fmt.Errorf("vault: export %q: %d bytes, want %d", info.Name, n, info.Size)
		}
		man.Documents = append(man.Documents, ExportedDocument{Path: p, Name: info.Name, Version: info.Version,
			Size: info.Size, SHA256: hex.EncodeToString(h.Sum(nil)), Meta: info.Meta,
			Created: info.Created, Modified: info.Modified})
	}
	j, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	j = append(j, '\n')
	dst, err := arch.create(ExportManifestName, int64(len(j)), man.Exported)
	if err != nil {
		return err
	}
	if _, err := dst.Write(j); err != nil {
		return err
	}
	return arch.close()
}

// ExportFile writes the archive of [Vault.Export] to a new file at path, never over an
// existing one (an error matching fs.ErrExist). It writes path + ".tmp" (mode 0600: the
// archive holds the documents in clear) and renames it to path only once complete, so a
// failed export (a damaged document, a cancelled ctx) leaves no partial archive behind.
func (v *Vault) ExportFile(ctx context.Context, path string, format ExportFormat) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("vault: %s: %w", path, fs.ErrExist)
	}
	tmp := path + tmpSuffix
	f, err := regularfile.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = v.Export(ctx, f, format)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// exportPath maps a document name to a safe, unique archive path under documents/.
func exportPath(info Info, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\\' || r == ':' {
			return '_'
		}
		return r
	}, info.Name)
	clean = strings.TrimPrefix(path.Clean("/"+clean), "/")
	if clean == "" || clean == "." {
		clean = "_"
	}
	p := "documents/" + clean
	if used[p] {
		p += "~" + info.ID[:8]
	}
	used[p] = true
	return p
}

type archiveWriter interface {
	create(name string, size int64, mod time.Time) (io.Writer, error)
	close() error
}

type tarArchive struct{ *tar.Writer }

func (a tarArchive) create(name string, size int64, mod time.Time) (io.Writer, error) {
	err := a.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Size: size, Mode: 0o600,
		ModTime: mod, Format: tar.FormatPAX})
	return a.Writer, err
}

func (a tarArchive) close() error { return a.Close() }

type zipArchive struct{ *zip.Writer }

func (a zipArchive) create(name string, _ int64, mod time.Time) (io.Writer, error) {
	return a.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
}

func (a zipArchive) close() error { return a.Close() }
