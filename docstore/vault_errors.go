package docstore

import (
	"errors"
	"fmt"
)

// Errors returned by the vault. Compare with errors.Is.
var (
	// ErrNotVault: the directory holds no vault (no index file and no vault files).
	ErrNotVault = errors.New("docstore: not a vault")
	// ErrLocked: another process (or another Vault value) has the vault open.
	ErrLocked = errors.New("docstore: vault is locked by another user")
	// ErrWrongPassphrase: no key slot opens with the passphrase.
	ErrWrongPassphrase = errors.New("docstore: wrong passphrase")
	// ErrWrongIdentity: no key slot opens with the identity.
	ErrWrongIdentity = errors.New("docstore: identity is not a recipient of this vault")
	// ErrNotFound: no document (or recipient) by that name.
	ErrNotFound = errors.New("docstore: not found")
	// ErrDamaged: a vault file failed authentication, is missing, truncated, moved or
	// replayed. Cryptography cannot tell a flipped bit on disk from deliberate tampering, so
	// both are reported as damage; a *DamageError says which document and why.
	ErrDamaged = errors.New("docstore: damaged or tampered")
	// ErrRollback: the vault is older than a state already seen (wraps ErrDamaged).
	ErrRollback = fmt.Errorf("%w: rolled back to an older state", ErrDamaged)
	// ErrUnsupported: the vault uses a format version or algorithm this code does not know.
	ErrUnsupported = errors.New("docstore: unsupported vault format or algorithm")
	// ErrClosed: the Vault was closed.
	ErrClosed = errors.New("docstore: vault closed")
	// ErrInvalidName: a document name, recipient label or metadata entry is not acceptable
	// (empty, over 1024 bytes, not UTF-8, or holding NUL or a line break).
	ErrInvalidName = errors.New("docstore: invalid name")
	// ErrLastRecipient: removing the only key slot would lock everyone out.
	ErrLastRecipient = errors.New("docstore: cannot remove the last recipient")
)

// Reasons a DamageError gives.
const (
	ReasonMissing   = "missing"   // the file is gone
	ReasonAuth      = "auth"      // age authentication failed (flipped bits, wrong key, foreign file)
	ReasonSwapped   = "swapped"   // authentic, but bound to another document, version or vault
	ReasonTruncated = "truncated" // the file ends early or its size does not match
	ReasonFormat    = "format"    // the decrypted structure is malformed
)

// DamageError reports a damaged document or vault file. It matches ErrDamaged.
type DamageError struct {
	Name   string // document name, or the vault file ("index", "log") when not a document
	ID     string // opaque file id, for documents
	Reason string // one of the Reason constants
	Err    error  // underlying cause, if any
}

func (e *DamageError) Error() string {
	s := fmt.Sprintf("docstore: %q is damaged or tampered (%s)", e.Name, e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamageError) Is(target error) bool { return target == ErrDamaged }

func (e *DamageError) Unwrap() error { return e.Err }
