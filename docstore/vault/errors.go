package vault

import (
	"errors"
	"fmt"
	"strconv"
)

// Errors returned by the vault. Compare with errors.Is.
var (
	// ErrNotVault: the directory holds no vault (see [Exists]).
	ErrNotVault = errors.New("vault: not a vault")
	// ErrNotEmpty: [Create] was given a directory that already holds other files.
	ErrNotEmpty = errors.New("vault: directory is not empty")
	// ErrLocked: another process (or another Vault value) has the vault open.
	ErrLocked = errors.New("vault: vault is locked by another user")
	// ErrWrongPassphrase: no key slot opens with the passphrase.
	ErrWrongPassphrase = errors.New("vault: wrong passphrase")
	// ErrWrongIdentity: no key slot opens with the identity.
	ErrWrongIdentity = errors.New("vault: identity is not a recipient of this vault")
	// ErrNotFound: no document (or recipient) by that name.
	ErrNotFound = errors.New("vault: not found")
	// ErrDamaged: a vault file failed authentication, is missing, truncated, moved or
	// replayed. Cryptography cannot tell a flipped bit on disk from deliberate tampering, so
	// both are reported as damage; a [*DamageError] says which file and why.
	ErrDamaged = errors.New("vault: damaged or tampered")
	// ErrRollback: the vault is older than a state already seen (wraps [ErrDamaged]).
	ErrRollback = fmt.Errorf("%w: rolled back to an older state", ErrDamaged)
	// ErrUnsupported: the vault uses a format version or algorithm this code does not know.
	ErrUnsupported = errors.New("vault: unsupported vault format or algorithm")
	// ErrClosed: the Vault was closed.
	ErrClosed = errors.New("vault: vault closed")
	// ErrInvalidName: a document name, recipient label or metadata entry is not acceptable
	// (empty, over 1024 bytes, not UTF-8, or holding NUL or a line break).
	ErrInvalidName = errors.New("vault: invalid name")
	// ErrLastRecipient: removing the only key slot would lock everyone out.
	ErrLastRecipient = errors.New("vault: cannot remove the last recipient")
)

// Reason says why a [DamageError] calls a file damaged.
type Reason int

const (
	ReasonMissing   Reason = iota + 1 // the file is gone
	ReasonAuth                        // age authentication failed (flipped bits, wrong key, foreign file)
	ReasonSwapped                     // authentic, but bound to another document, version or vault
	ReasonTruncated                   // the file ends early or its size does not match
	ReasonFormat                      // the decrypted structure is malformed
)

var reasonNames = [...]string{
	ReasonMissing:   "missing",
	ReasonAuth:      "auth",
	ReasonSwapped:   "swapped",
	ReasonTruncated: "truncated",
	ReasonFormat:    "format",
}

// String returns "missing", "auth", "swapped", "truncated" or "format".
func (r Reason) String() string {
	if r < ReasonMissing || r > ReasonFormat {
		return "reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r]
}

// DamageError reports a damaged document or vault file. It matches [ErrDamaged]:
//
//	var de *vault.DamageError
//	if errors.As(err, &de) && de.ID == "" && de.Name == vault.IndexFile {
//		// the index is damaged or missing: vault.Recover rebuilds it
//	}
type DamageError struct {
	// Name is the document's name; for damage outside the documents (ID empty), the
	// vault file: IndexFile, KeysFile or LogFile.
	Name   string
	ID     string // opaque file id, for documents
	Reason Reason
	Err    error // underlying cause, if any
}

func (e *DamageError) Error() string {
	s := fmt.Sprintf("vault: %q is damaged or tampered (%s)", e.Name, e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamageError) Is(target error) bool { return target == ErrDamaged }

// Unwrap returns the underlying cause.
func (e *DamageError) Unwrap() error { return e.Err }
