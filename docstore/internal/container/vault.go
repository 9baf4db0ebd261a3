package container

import (
	"bytes"
	"encoding/binary"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// probeVault recognises the files of a trustreflex vault (docstore/vault) that are
// not age files: they start with vaultfmt.Magic. What follows the marker must be what
// the vault writes there: the index (or its copy, the keys file) opens with "format"
// and holds age files; the log is frames of age ciphertext; the lock file is the
// marker alone and the state file lines of vault ids and generations, neither holding
// any document. Anything else after the marker is not the vault's and is read like
// any other file.
func probeVault(b *Blob) (Result, bool) {
	if !hasPrefix(b.Head, vaultfmt.Magic) {
		return Result{}, false
	}
	rest := b.Head[len(vaultfmt.Magic):]
	meta := Result{Verdict: Encrypted, Format: FormatVault, Notes: []Note{NoteVaultMetadata}, Vault: true}
	switch {
	case b.Size == int64(len(vaultfmt.Magic)):
		return Result{Verdict: Plain, Format: FormatVault, Notes: []Note{NoteLockFile}, Content: ContentOpaque, Vault: true, Role: RoleVaultFile}, true
	case hasPrefix(rest, "format ") && bytes.Contains(rest[:min(len(rest), 4096)], []byte("\n"+ageMagic)):
		return meta, true
	case hasPrefix(rest, "vault ") && vaultStateLines(rest) && b.Size == int64(len(b.Head)):
		return Result{Verdict: Plain, Format: FormatVault, Notes: []Note{NoteStateFile}, Content: ContentOpaque, Vault: true, Role: RoleVaultFile}, true
	case len(rest) >= 4+len(ageMagic) && hasPrefix(rest[4:], ageMagic):
		if n := binary.BigEndian.Uint32(rest); n > 0 && n <= vaultfmt.MaxRecord {
			return meta, true
		}
	}
	return Result{}, false
}

// vaultStateLines reports whether b is lines "vault <id> gen <n>", as the vault's
// state file holds.
func vaultStateLines(b []byte) bool {
	for l := range bytes.Lines(b) {
		f := bytes.Fields(l)
		if len(f) != 4 || string(f[0]) != "vault" || string(f[2]) != "gen" || !vaultfmt.IsID(string(f[1])) {
			return false
		}
		for _, c := range f[3] {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}
