package ibancheck

import (
	"errors"
	"fmt"
)

// ErrBIC is the sentinel of every [ParseBIC] error (errors.Is(err, ErrBIC)).
var ErrBIC = errors.New("ibancheck: invalid BIC")

// BIC is a Business Identifier Code (ISO 9362, "code SWIFT"): 4 letters of institution
// (ISO 9362:2022 allows letters and digits), 2 letters of ISO 3166 country, 2 letters or
// digits of location, and an optional 3-character branch code. Like IBAN it is a small
// comparable value; the zero BIC is not valid.
type BIC struct {
	b [11]byte
	n uint8
}

// ParseBIC checks s and returns the BIC. Blanks and lower case are accepted, as in Parse.
// The country must be an ISO 3166-1 country (or XK, Kosovo). The second location
// character cannot be the letter O, which ISO 9362 does not use ("0" marks a test BIC).
func ParseBIC(s string) (BIC, error) {
	var bic BIC
	n := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
		default:
			return BIC{}, fmt.Errorf("%w: character %d %q is not a letter or digit", ErrBIC, n+1, r)
		}
		if n == len(bic.b) {
			return BIC{}, fmt.Errorf("%w: more than 11 characters", ErrBIC)
		}
		bic.b[n] = byte(r)
		n++
	}
	if n != 8 && n != 11 {
		return BIC{}, fmt.Errorf("%w: %d characters, want 8 or 11", ErrBIC, n)
	}
	for i := 0; i < 4; i++ {
		if !isUpper(bic.b[i]) && !isDigit(bic.b[i]) {
			return BIC{}, fmt.Errorf("%w: character %d of the institution code should be a letter or digit", ErrBIC, i+1)
		}
	}
	for i := 4; i < 6; i++ {
		if !isUpper(bic.b[i]) {
			return BIC{}, fmt.Errorf("%w: character %d should be a letter of the country code", ErrBIC, i+1)
		}
	}
	if !isISO3166(bic.b[4], bic.b[5]) {
		return BIC{}, fmt.Errorf("%w: %s is not an ISO 3166 country code", ErrBIC, bic.b[4:6])
	}
	// ISO 9362: the second location character "O" is not used (it is read as zero).
	if bic.b[7] == 'O' {
		return BIC{}, fmt.Errorf("%w: location code cannot end with the letter O", ErrBIC)
	}
	bic.n = uint8(n)
	return bic, nil
}

// String returns the BIC as 8 or 11 upper-case characters.
func (b BIC) String() string { return string(b.b[:b.n]) }

// IsZero reports whether b is the zero BIC.
func (b BIC) IsZero() bool { return b.n == 0 }

// Institution returns the 4-character institution (bank) code: "BNPA".
func (b BIC) Institution() string {
	if b.n == 0 {
		return ""
	}
	return string(b.b[:4])
}

// Country returns the ISO 3166-1 country code: "FR".
func (b BIC) Country() string {
	if b.n == 0 {
		return ""
	}
	return string(b.b[4:6])
}

// Location returns the 2-character location code: "PP".
func (b BIC) Location() string {
	if b.n == 0 {
		return ""
	}
	return string(b.b[6:8])
}

// Branch returns the 3-character branch code, "XXX" (head office) for an 8-character BIC.
func (b BIC) Branch() string {
	switch b.n {
	case 0:
		return ""
	case 8:
		return "XXX"
	}
	return string(b.b[8:11])
}

// IsTest reports whether this is a test BIC (second location character "0").
func (b BIC) IsTest() bool { return b.n != 0 && b.b[7] == '0' }

// MatchesIBANCountry reports whether the BIC's country agrees with the IBAN's. French
// overseas departments and territories, the British Crown dependencies and Åland
// have their own ISO codes in BICs but use FR, GB or FI IBANs; they count as matches.
func (b BIC) MatchesIBANCountry(ip IBAN) bool {
	if b.n == 0 || ip.n == 0 {
		return false
	}
	bc, ic := b.Country(), ip.Country()
	return bc == ic || territories[bc] == ic
}

// MarshalText implements encoding.TextMarshaler.
func (b BIC) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseBIC; empty text gives the zero BIC.
func (b *BIC) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = BIC{}
		return nil
	}
	v, err := ParseBIC(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}
