package vault

import (
	"fmt"

	"github.com/trustreflex/trustreflex/docstore/internal/passphrase"
	"github.com/trustreflex/trustreflex/reflex"
)

// MinPassphraseBits is the floor of [CheckPassphrase]: an attacker trying the likeliest
// passphrases first would need about 2^40 (10^12) guesses. With age's scrypt at about a
// second of work per guess, that is decades of computing for one machine, while five
// words picked at random from a dictionary clear it, and common passwords, names,
// keyboard rows and four very common words do not.
const MinPassphraseBits = 40

// ErrWeakPassphrase is the error of [CheckPassphrase]. Its text tells the person how to
// make a strong passphrase: several words picked at random.
var ErrWeakPassphrase = problem(reflex.TextVaultWeakPassphrase, "vault: passphrase too easy to guess")

// CheckPassphrase estimates, offline, how hard pass is to guess (common passwords in
// French and English, frequent words and names, keyboard rows, repeats, years, letters
// swapped for digits) and returns an error matching [ErrWeakPassphrase] below
// [MinPassphraseBits]. Call it before age.NewScryptRecipient, when a person chooses the
// passphrase of a new vault or a new one for an existing vault; the vault itself only
// sees the recipient.
func CheckPassphrase(pass string) error {
	if bits := passphrase.Bits(pass); bits < MinPassphraseBits {
		return &reflex.Problem{ID: ErrWeakPassphrase.ID, Err: fmt.Errorf("%w (about 2^%.0f guesses, want 2^%d)", ErrWeakPassphrase, bits, MinPassphraseBits)}
	}
	return nil
}
