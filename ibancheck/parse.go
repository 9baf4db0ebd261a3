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
func Parse(s string) (IBAN, error) {
	var ip IBAN
	if err := parse(s, &ip); err != nil {
		return IBAN{}, err
	}
	return ip, nil
}

// Validate is Parse without the result: nil when s is a valid IBAN.
// It does not allocate when s is valid.
func Validate(s string) error {
	var ip IBAN
	return parse(s, &ip)
}

// MustParse is Parse for IBANs known to be valid, in tests and examples; it panics on error.
func MustParse(s string) IBAN {
	ip, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return ip
}

func parse(s string, ip *IBAN) error {
	if err := compact(s, ip); err != nil {
		return err
	}
	n := int(ip.n)
	b := ip.b[:n]
	c := lookup(b[0], b[1])
	if c == nil {
		code := string(b[:2])
		return &Error{Reason: ReasonCountry, Country: code, UseCountry: territories[code]}
	}
	if n != c.length {
		return &Error{Reason: ReasonLength, Country: c.code, Length: n, Want: c.length}
	}
	for i := 2; i < 4; i++ {
		if !isDigit(b[i]) {
			return badChar(c.code, i, rune(b[i]), 'n')
		}
	}
	for i := 4; i < n; i++ {
		if !fits(b[i], c.classes[i-4]) {
			return badChar(c.code, i, rune(b[i]), c.classes[i-4])
		}
	}
	if b[2] == '0' && b[3] <= '1' || b[2] == '9' && b[3] == '9' {
		return &Error{Reason: ReasonChecksum, Country: c.code, Check: "check digits " + string(b[2:4]) + " out of 02..98"}
	}
	if mod97(b[4:n], b[:4]) != 1 {
		return &Error{Reason: ReasonChecksum, Country: c.code, Check: "mod 97"}
	}
	if k := nationalKeyOf(b[0], b[1]); k != keyNone && !k.valid(b[4:n]) {
		return &Error{Reason: ReasonNationalKey, Country: c.code, Check: k.name()}
	}
	return nil
}

// compact copies the letters and digits of s into ip, upper-cased, skipping blanks and a
// leading "IBAN". It reports a character that is neither, a string too long for any IBAN,
// and country letters that are not letters.
func compact(s string, ip *IBAN) error {
	s = trimPrefixIBAN(s)
	n := 0 // letters and digits read, also beyond maxLen to report the length
	for i := 0; i < len(s); {
		ch := s[i]
		if ch < utf8.RuneSelf {
			i++
			switch {
			case isDigit(ch) || isUpper(ch):
			case ch >= 'a' && ch <= 'z':
				ch -= 'a' - 'A'
			case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f':
				continue
			default:
				return badChar(codeRead(ip, n), n, rune(ch), 'c')
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				continue
			}
			return badChar(codeRead(ip, n), n, r, 'c')
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
		if c := lookup(ip.b[0], ip.b[1]); c != nil {
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

func fits(ch, class byte) bool {
	switch class {
	case 'n':
		return isDigit(ch)
	case 'a':
		return isUpper(ch)
	}
	return isDigit(ch) || isUpper(ch)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// mod97 computes ISO 7064 mod 97-10 of head then tail, letters counting as 10..35.
// It reduces only when the accumulator nears the uint64 limit, not at every character.
func mod97(head, tail []byte) uint64 {
	var r uint64
	for _, part := range [2][]byte{head, tail} {
		for _, ch := range part {
			if ch <= '9' {
				r = r*10 + uint64(ch-'0')
			} else {
				r = r*100 + uint64(ch-'A'+10)
			}
			if r >= 1<<56 {
				r %= 97
			}
		}
	}
	return r % 97
}
