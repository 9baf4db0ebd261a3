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
	"unicode/utf8"

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

// maxEntryName is the longest name of one archive path component: 255 bytes is the
// limit of ext4, XFS, Btrfs and ZFS, and in UTF-8 it stays within the 255 UTF-16 units
// of NTFS and APFS. Document names may be up to 1024 bytes.
const maxEntryName = 255

// exportPath maps a document name to a safe, unique archive path under documents/: no
// control character, no absolute path nor "..", and every component at most
// maxEntryName bytes, so the archive extracts on common file systems. A longer
// component keeps its start and its extension, with the file id in between
// ("très long…~1f2e3d4c.pdf"); the manifest keeps the exact name.
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
	parts := strings.Split(clean, "/")
	for i, part := range parts {
		parts[i] = shortenComponent(part, info.ID, false)
	}
	p := "documents/" + strings.Join(parts, "/")
	if used[p] {
		last := &parts[len(parts)-1]
		if *last += "~" + info.ID[:8]; len(*last) > maxEntryName {
			*last = shortenComponent(*last, info.ID, true)
		}
		p = "documents/" + strings.Join(parts, "/")
	}
	used[p] = true
	return p
}

// shortenComponent returns name if it fits maxEntryName bytes (unless force), else its
// start, "~", the first 8 characters of id and its extension (up to 16 bytes), within
// the limit.
func shortenComponent(name, id string, force bool) string {
	if len(name) <= maxEntryName && !force {
		return name
	}
	ext := path.Ext(name)
	if len(ext) > 16 {
		ext = ""
	}
	tag := "~" + id[:min(8, len(id))] + ext
	keep := min(maxEntryName-len(tag)-len("…"), len(name))
	for keep > 0 && keep < len(name) && !utf8.RuneStart(name[keep]) {
		keep--
	}
	return name[:keep] + "…" + tag
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
