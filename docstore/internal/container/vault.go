package container

import "github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"

// probeVault recognises the metadata files of a trustreflex vault (docstore/vault):
// every vault file is either an age file or starts with vaultfmt.Magic.
func probeVault(b *Blob) (Result, bool) {
	if !hasPrefix(b.Head, vaultfmt.Magic) {
		return Result{}, false
	}
	return Result{Verdict: Encrypted, Format: "trustreflex vault", Note: "vault metadata", Vault: true}, true
}
