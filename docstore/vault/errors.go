package vault

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/trustreflex/trustreflex/reflex"
)

// Errors returned by the vault. Compare with errors.Is. Each is a [reflex.Problem]:
// [reflex.ErrorText] says it to a person in their language; Error stays the
// developer's text.
var (
	// ErrNotVault: the directory holds no vault (see [Exists]).
	ErrNotVault = problem(reflex.TextVaultNotVault, "vault: not a vault")
	// ErrNotEmpty: [Create] was given a directory that already holds other files.
	ErrNotEmpty = problem(reflex.TextVaultNotEmpty, "vault: directory is not empty")
	// ErrLocked: another process (or another Vault value) has the vault open.
	ErrLocked = problem(reflex.TextVaultLocked, "vault: vault is locked by another user")
	// ErrWrongPassphrase: no key slot opens with the passphrase.
	ErrWrongPassphrase = problem(reflex.TextVaultWrongPassphrase, "vault: wrong passphrase")
	// ErrWrongIdentity: no key slot opens with the identity.
	ErrWrongIdentity = problem(reflex.TextVaultWrongIdentity, "vault: identity is not a recipient of this vault")
	// ErrNotFound: no document (or recipient) by that name.
	ErrNotFound = problem(reflex.TextVaultNotFound, "vault: not found")
	// ErrDamaged: a vault file failed authentication, is missing, truncated, moved or
	// replayed. Cryptography cannot tell a flipped bit on disk from deliberate tampering, so
	// both are reported as damage; a [*DamageError] says which file and why.
	ErrDamaged = problem(reflex.TextVaultDamaged, "vault: damaged or tampered")
	// ErrRollback: the vault is older than a state already seen (wraps [ErrDamaged]).
	ErrRollback = &reflex.Problem{ID: reflex.TextVaultRollback, Err: fmt.Errorf("%w: rolled back to an older state", ErrDamaged)}
	// ErrUnsupported: the vault uses a format version or algorithm this code does not know.
	ErrUnsupported = problem(reflex.TextVaultUnsupported, "vault: unsupported vault format or algorithm")
	// ErrClosed: the Vault was closed.
	ErrClosed = problem(reflex.TextVaultClosed, "vault: vault closed")
	// ErrInvalidName: a document name, recipient label or metadata entry is not acceptable
	// (empty, over 1024 bytes, not UTF-8, or holding NUL or a line break).
	ErrInvalidName = problem(reflex.TextVaultInvalidName, "vault: invalid name")
	// ErrLastRecipient: removing the only key slot would lock everyone out.
	ErrLastRecipient = problem(reflex.TextVaultLastRecipient, "vault: cannot remove the last recipient")
)

func problem(id reflex.TextID, developer string) *reflex.Problem {
	return &reflex.Problem{ID: id, Err: errors.New(developer)}
}

// occurrence is sentinel for one value (a directory, a name): errors.Is still matches
// the sentinel, and the person reads the value in the text.
func occurrence(sentinel *reflex.Problem, param, value string) error {
	return &reflex.Problem{
		ID:     sentinel.ID,
		Params: map[string]string{param: value},
		Err:    fmt.Errorf("%w: %q", sentinel, value),
	}
}

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

// Text is what a person reads about the damage: which document or vault file, and why.
func (e *DamageError) Text() reflex.Text {
	reason := ""
	if e.Reason >= ReasonMissing && e.Reason <= ReasonFormat {
		reason = e.Reason.String()
	}
	switch {
	case e.ID == "" && e.Name == IndexFile:
		return reflex.NewText(reflex.TextVaultIndexDamaged, "reason", reason)
	case e.ID == "":
		return reflex.NewText(reflex.TextVaultFileDamaged, "name", e.Name, "reason", reason)
	}
	return reflex.NewText(reflex.TextVaultDocumentDamaged, "name", e.Name, "reason", reason)
}
