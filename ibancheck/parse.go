package ibancheck

import (
	"unicode"
	"unicode/utf8"
)

// Parse checks s and returns the IBAN. It accepts the electronic form and what people
// paste: blanks anywhere (spaces, tabs, no-break spaces), lower case, and a leading
// "IBAN" (with or without a colon). Any other character is an error.
//
// The checks run in this order, and the error (an *Error) names the first that fails:
// letters for the country code, no character outside A-Z and 0-9 (ErrFormat, with the
// position), a registry country (ErrCountry), the country's length (ErrLength), digits
// for the check digits and the BBAN structure of the registry (ErrFormat), check digits
// in 02..98 and ISO 7064 mod 97-10 (ErrChecksum), then the national bank key where
// ibancheck knows one (ErrNationalKey). Parse does not allocate when s is valid.
//
// Parse uses the registry compiled into ibancheck; [Registry.Parse] uses another.
func Parse(s string) (IBAN, error) { return embedded.Parse(s) }

// Validate is [Parse] without the result: nil when s is a valid IBAN.
// It does not allocate when s is valid.
func Validate(s string) error { return embedded.Validate(s) }

// Parse is the package-level Parse with the formats of registry r.
func (r *Registry) Parse(s string) (IBAN, error) {
	var ip IBAN
	if err := r.compact(s, &ip); err != nil {
		return IBAN{}, err
	}
	return r.parseCompact(ip)
}

// Validate is the package-level Validate with the formats of registry r.
func (r *Registry) Validate(s string) error {
	var ip IBAN
	if err := r.compact(s, &ip); err != nil {
		return err
	}
	_, err := r.check(&ip)
	return err
}

// MustParse is Parse for IBANs known to be valid, in tests and examples; it panics on error.
func MustParse(s string) IBAN {
	ip, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return ip
}

// parseCompact finishes Parse on ip, whose electronic form (ip.b, ip.n) holds 4 to
// maxLen upper-case letters and digits, the first two letters.
func (r *Registry) parseCompact(ip IBAN) (IBAN, error) {
	c, err := r.check(&ip)
	if err != nil {
		return IBAN{}, err
	}
	ip.key, ip.bank, ip.branch, ip.account = c.key, c.bank, c.branch, c.account
	return ip, nil
}

// check checks the electronic form in ip.b and ip.n, and returns the country's entry.
func (reg *Registry) check(ip *IBAN) (*countrySpec, error) {
	n := int(ip.n)
	b := ip.b[:n]
	c := reg.lookup(b[0], b[1])
	if c == nil {
		code := string(b[:2])
		return nil, &Error{Reason: ReasonCountry, Country: code, UseCountry: territories[code]}
	}
	if n != c.length {
		return nil, &Error{Reason: ReasonLength, Country: c.code, Length: n, Want: c.length}
	}
	for i := 2; i < 4; i++ {
		if !isDigit(b[i]) {
			return nil, badChar(c.code, i, rune(b[i]), 'n')
		}
	}
	// One pass over the BBAN checks the registry structure and starts mod 97: the
	// rearranged number is BBAN, then country and check digits.
	var r uint64
	for i := 4; i < n; i++ {
		ch := b[i]
		kind := charKind[ch]
		if kind&classKinds[c.classes[i-4]] == 0 {
			return nil, badChar(c.code, i, rune(ch), c.classes[i-4])
		}
		if kind == kindDigit {
			r = r*10 + uint64(ch-'0')
		} else {
			r = r*100 + uint64(ch-'A'+10)
		}
		if r >= 1<<56 {
			r %= 97
		}
	}
	if b[2] == '0' && b[3] <= '1' || b[2] == '9' && b[3] == '9' {
		return nil, &Error{Reason: ReasonChecksum, Country: c.code, Check: "check digits " + string(b[2:4]) + " out of 02..98"}
	}
	r = (r%97*1000000 + uint64(b[0]-'A'+10)*10000 + uint64(b[1]-'A'+10)*100 + uint64(b[2]-'0')*10 + uint64(b[3]-'0')) % 97
	if r != 1 {
		return nil, &Error{Reason: ReasonChecksum, Country: c.code, Check: "mod 97"}
	}
	if c.key != keyNone && !c.key.valid(b[4:n]) {
		return nil, &Error{Reason: ReasonNationalKey, Country: c.code, Check: c.key.name(), Key: c.key.id()}
	}
	return c, nil
}

// Kinds of byte, one bit each so that a set of kinds is a mask: an ASCII digit,
// upper-case or lower-case letter; 0 for any other byte.
const (
	kindDigit = 1 << iota
	kindUpper
	kindLower
)

// charKind is the kind of every byte, for Parse, Find and Mask.
var charKind = func() (t [256]uint8) {
	for ch := '0'; ch <= '9'; ch++ {
		t[ch] = kindDigit
	}
	for ch := 'A'; ch <= 'Z'; ch++ {
		t[ch] = kindUpper
		t[ch+'a'-'A'] = kindLower
	}
	return t
}()

// classKinds are the kinds each BBAN class of the registry accepts.
var classKinds = [256]uint8{'n': kindDigit, 'a': kindUpper, 'c': kindDigit | kindUpper}

// compact copies the letters and digits of s into ip, upper-cased, skipping blanks and a
// leading "IBAN". It reports a character that is neither, a string too long for any IBAN,
// and country letters that are not letters.
func (reg *Registry) compact(s string, ip *IBAN) error {
	s = trimPrefixIBAN(s)
	n := 0 // letters and digits read, also beyond maxLen to report the length
	for i := 0; i < len(s); {
		ch := norm[s[i]]
		switch ch {
		case normBad:
			return badChar(codeRead(ip, n), n, rune(s[i]), 'c')
		case normBlank:
			i++
			continue
		case normMulti:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				continue
			}
			return badChar(codeRead(ip, n), n, r, 'c')
		default:
			i++
		}
		if n < maxLen {
			ip.b[n] = ch
		}
		n++
		if n <= 2 && !isUpper(ch) {
			return badChar("", n-1, rune(ch), 'a')
		}
	}
	if n > maxLen {
		e := &Error{Reason: ReasonLength, Length: n}
		if c := reg.lookup(ip.b[0], ip.b[1]); c != nil {
			e.Country, e.Want = c.code, c.length
		}
		return e
	}
	if n < 4 {
		e := &Error{Reason: ReasonLength, Length: n}
		if n >= 2 {
			e.Country = string(ip.b[:2])
		}
		return e
	}
	ip.n = uint8(n)
	return nil
}

// codeRead returns the country letters read so far, for an error.
func codeRead(ip *IBAN, n int) string {
	if n < 2 {
		return ""
	}
	return string(ip.b[:2])
}

// norm maps a byte of the input to its electronic form: digits and upper-case letters
// to themselves, lower-case letters to upper case, or to one of the markers below.
var norm = func() (t [256]byte) {
	for i := range t {
		switch ch := byte(i); {
		case isDigit(ch) || isUpper(ch):
			t[i] = ch
		case ch >= 'a' && ch <= 'z':
			t[i] = ch - ('a' - 'A')
		case ch == ' ' || ch >= '\t' && ch <= '\r':
			t[i] = normBlank
		case ch >= utf8.RuneSelf:
			t[i] = normMulti
		default:
			t[i] = normBad
		}
	}
	return t
}()

const (
	normBad   = 0
	normBlank = 1
	normMulti = 2 // first byte of a multi-byte UTF-8 sequence (or an invalid byte)
)

// trimPrefixIBAN removes leading blanks and a leading "IBAN" or "IBAN:" (any case).
// No country code starts with "IB", so the prefix cannot be part of an IBAN.
func trimPrefixIBAN(s string) string {
	s = trimLeftSpace(s)
	if len(s) >= 4 && (s[0]|0x20) == 'i' && (s[1]|0x20) == 'b' && (s[2]|0x20) == 'a' && (s[3]|0x20) == 'n' {
		s = trimLeftSpace(s[4:])
		if len(s) > 0 && s[0] == ':' {
			s = s[1:]
		}
	}
	return s
}

func trimLeftSpace(s string) string {
	for len(s) > 0 {
		if s[0] < utf8.RuneSelf {
			if s[0] != ' ' && (s[0] < '\t' || s[0] > '\r') {
				return s
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			return s
		}
		s = s[size:]
	}
	return s
}

var classNames = map[byte]string{'n': "digit", 'a': "letter", 'c': "letter or digit"}

// badChar reports the character at 0-based index i of the electronic form.
func badChar(country string, i int, r rune, class byte) error {
	return &Error{Reason: ReasonFormat, Country: country, Pos: i + 1, Char: r, Expected: classNames[class]}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// mod97 computes a number written with digits and letters (A = 10 ... Z = 35, as in
// ISO 7064 mod 97-10) modulo 97. It reduces only when the accumulator nears the uint64
// limit, not at every character.
func mod97(chars []byte) uint64 {
	var r uint64
	for _, ch := range chars {
		if ch <= '9' {
			r = r*10 + uint64(ch-'0')
		} else {
			r = r*100 + uint64(ch-'A'+10)
		}
		if r >= 1<<56 {
			r %= 97
		}
	}
	return r % 97
}
