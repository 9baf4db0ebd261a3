package ibancheck

import (
	"errors"
	"fmt"
	"strconv"
)

// Reason says why an IBAN was rejected.
type Reason int

const (
	ReasonLength      Reason = iota + 1 // wrong number of characters for the country (or none at all)
	ReasonCountry                       // the first two letters are not a registry country
	ReasonFormat                        // a character is not allowed at its place
	ReasonChecksum                      // ISO 7064 mod 97-10 fails, or check digits 00, 01 or 99
	ReasonNationalKey                   // mod 97 is right but the national bank key is wrong
)

// The sentinels, one per Reason, for errors.Is:
//
//	if errors.Is(err, ibancheck.ErrNationalKey) { /* forged RIB? */ }
var (
	ErrLength      = errors.New("ibancheck: wrong IBAN length")
	ErrCountry     = errors.New("ibancheck: not an IBAN country")
	ErrFormat      = errors.New("ibancheck: unexpected character in IBAN")
	ErrChecksum    = errors.New("ibancheck: IBAN check digits do not match")
	ErrNationalKey = errors.New("ibancheck: national bank key does not match")
)

var sentinels = [...]error{
	ReasonLength:      ErrLength,
	ReasonCountry:     ErrCountry,
	ReasonFormat:      ErrFormat,
	ReasonChecksum:    ErrChecksum,
	ReasonNationalKey: ErrNationalKey,
}

var reasonNames = [...]string{
	ReasonLength:      "length",
	ReasonCountry:     "country",
	ReasonFormat:      "format",
	ReasonChecksum:    "checksum",
	ReasonNationalKey: "national-key",
}

// String returns "length", "country", "format", "checksum" or "national-key".
func (r Reason) String() string {
	if r < ReasonLength || r > ReasonNationalKey {
		return "reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r]
}

// Error is the error of [Parse] and [Validate]. It never holds the IBAN itself, so it can
// be logged. Use errors.Is with the sentinels, or errors.As to read the details:
//
//	var e *ibancheck.Error
//	if errors.As(err, &e) && e.Reason == ibancheck.ReasonFormat {
//		fmt.Println("look at character", e.Pos)
//	}
type Error struct {
	Reason  Reason
	Country string // the country code read, when there is one

	// ReasonLength: characters read (blanks not counted) and characters the country needs.
	Length, Want int

	// ReasonFormat: 1-based position of the first bad character in the electronic form
	// (blanks and a leading "IBAN" not counted), the character, and what was expected
	// there: "letter", "digit", "letter or digit".
	Pos      int
	Char     rune
	Expected string

	// ReasonCountry: for a territory that uses another country's IBANs (GP, RE, JE, AX, ...),
	// the registry country to use ("FR", "GB", "FI").
	UseCountry string

	// ReasonChecksum and ReasonNationalKey: what failed, in plain English:
	// "check digits 99 out of 02..98", "mod 97", "clé RIB".
	Check string
	// ReasonNationalKey: the key's stable id ("rib", "cin", ...), as IBAN.NationalKey.
	Key string
}

func (e *Error) Error() string {
	switch e.Reason {
	case ReasonLength:
		switch {
		case e.Length == 0:
			return "ibancheck: empty IBAN"
		case e.Want == 0 && e.Length > maxLen:
			return fmt.Sprintf("ibancheck: IBAN too long (%d characters, at most %d)", e.Length, maxLen)
		case e.Want == 0:
			return fmt.Sprintf("ibancheck: IBAN too short (%d characters)", e.Length)
		}
		return fmt.Sprintf("ibancheck: %s IBAN has %d characters, want %d", e.Country, e.Length, e.Want)
	case ReasonCountry:
		if e.UseCountry != "" {
			return fmt.Sprintf("ibancheck: %s is not an IBAN country code: accounts in %s use %s IBANs", e.Country, e.Country, e.UseCountry)
		}
		return fmt.Sprintf("ibancheck: %s is not an IBAN country code", e.Country)
	case ReasonFormat:
		return fmt.Sprintf("ibancheck: character %d %q of the IBAN should be a %s", e.Pos, e.Char, e.Expected)
	case ReasonChecksum:
		return fmt.Sprintf("ibancheck: %s IBAN fails its check (%s)", e.Country, e.Check)
	case ReasonNationalKey:
		return fmt.Sprintf("ibancheck: %s IBAN passes mod 97 but its national key (%s) is wrong", e.Country, e.Check)
	}
	return "ibancheck: invalid IBAN"
}

// Unwrap returns the sentinel of the reason ([ErrLength], [ErrFormat], ...).
func (e *Error) Unwrap() error {
	if e.Reason < ReasonLength || e.Reason > ReasonNationalKey {
		return nil
	}
	return sentinels[e.Reason]
}
