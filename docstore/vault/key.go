package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// KeyAlgorithm names the kind of vault key that documents, the manifest and the log are
// encrypted to. It is recorded in the vault (agility): Open reads either.
type KeyAlgorithm string

const (
	// KeyHybrid is age's post-quantum hybrid (ML-KEM-768 + X25519) recipient, the default:
	// documents kept for decades should not be readable by a future quantum computer.
	KeyHybrid KeyAlgorithm = vaultfmt.KeyHybrid
	// KeyX25519 is age's classic X25519 recipient (smaller headers, ~1.3 KB less per file).
	KeyX25519 KeyAlgorithm = vaultfmt.KeyX25519
)

// vaultKey is the random key every vault file is encrypted to. Users never see it: each key
// slot wraps it to one user recipient (passphrase or public key), so changing a passphrase or
// adding a recipient rewrites one slot, never the documents.
type vaultKey struct {
	alg    KeyAlgorithm
	secret string // age identity encoding
	id     age.Identity
	rcpt   age.Recipient
}

func newVaultKey(alg KeyAlgorithm) (*vaultKey, error) {
	switch alg {
	case KeyHybrid:
		id, err := age.GenerateHybridIdentity()
		if err != nil {
			return nil, err
		}
		return &vaultKey{alg, id.String(), id, id.Recipient()}, nil
	case KeyX25519:
		id, err := age.GenerateX25519Identity()
		if err != nil {
			return nil, err
		}
		return &vaultKey{alg, id.String(), id, id.Recipient()}, nil
	}
	return nil, fmt.Errorf("%w: key algorithm %q", ErrUnsupported, alg)
}

func parseVaultKey(alg KeyAlgorithm, s string) (*vaultKey, error) {
	switch alg {
	case KeyHybrid:
		id, err := age.ParseHybridIdentity(s)
		if err != nil {
			return nil, err
		}
		return &vaultKey{alg, s, id, id.Recipient()}, nil
	case KeyX25519:
		id, err := age.ParseX25519Identity(s)
		if err != nil {
			return nil, err
		}
		return &vaultKey{alg, s, id, id.Recipient()}, nil
	}
	return nil, fmt.Errorf("%w: key algorithm %q", ErrUnsupported, alg)
}

const slotMagic = "trustreflex-slot/v1\n"

// wrapSlot encrypts the vault key to r, bound to the vault and the slot id.
func wrapSlot(k *vaultKey, vault, slot string, r age.Recipient) ([]byte, error) {
	var b bytes.Buffer
	w, err := age.Encrypt(&b, r)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "%svault %s\nslot %s\nkey %s\n", slotMagic, vault, slot, k.secret)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// unwrapSlots finds the slot that id opens and returns the vault key.
func unwrapSlots(ix *vaultfmt.Index, id age.Identity) (*vaultKey, error) {
	var other error
	for _, s := range ix.Slots {
		r, err := ageOpen(bytes.NewReader(s.Data), id)
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			continue
		}
		if err != nil {
			other = err
			continue
		}
		b, err := io.ReadAll(io.LimitReader(r, vaultfmt.MaxSlotSize))
		if err != nil {
			other = err
			continue
		}
		want := fmt.Sprintf("%svault %s\nslot %s\nkey ", slotMagic, ix.Vault, s.ID)
		secret, ok := strings.CutPrefix(string(b), want)
		secret, ok2 := strings.CutSuffix(secret, "\n")
		if !ok || !ok2 {
			// Authentic but for another vault or slot: a slot copied in from elsewhere.
			return nil, &DamageError{Name: IndexFile, Reason: ReasonSwapped}
		}
		k, err := parseVaultKey(KeyAlgorithm(ix.KeyAlg), secret)
		if err != nil {
			// The header's algorithm id does not fit the key: the header was edited.
			return nil, &DamageError{Name: IndexFile, Reason: ReasonFormat, Err: err}
		}
		return k, nil
	}
	if other != nil {
		return nil, &DamageError{Name: IndexFile, Reason: ReasonAuth, Err: other}
	}
	if _, ok := id.(*age.ScryptIdentity); ok {
		return nil, ErrWrongPassphrase
	}
	return nil, ErrWrongIdentity
}

// recipientKind names a recipient's type for the slot list.
func recipientKind(r age.Recipient) string {
	switch r.(type) {
	case *age.ScryptRecipient:
		return "scrypt"
	case *age.X25519Recipient:
		return vaultfmt.KeyX25519
	case *age.HybridRecipient:
		return vaultfmt.KeyHybrid
	}
	return "other"
}
