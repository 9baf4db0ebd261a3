// Package vaultfmt holds the on-disk markers of the docstore vault format that other
// parts of the module (the docstore inspector) need to recognise a vault.
package vaultfmt

// Magic starts every file of a docstore vault that is not itself an age file: a reader
// that sees it knows the bytes that follow belong to an encrypted vault.
const Magic = "trustreflex-vault/v1\n"
