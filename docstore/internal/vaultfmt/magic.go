// Package vaultfmt is the on-disk format of docstore/vault: the index and its key slots,
// the manifest, log records and frames, document headers, trailers and padding, and the
// Magic marker by which the docstore inspector (through container) knows a vault's files.
package vaultfmt

// Magic starts every file of a vault (docstore/vault) that is not itself an age file: a reader
// that sees it knows the bytes that follow belong to an encrypted vault.
const Magic = "trustreflex-vault/v1\n"
