package ibancheck

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: no panic; an error is always an *Error with a reason; a parsed IBAN
// parses back to itself from its electronic and printed forms, and its parts stay
// inside it.
func FuzzParse(f *testing.F) {
	for _, c := range registry {
		f.Add(c.example)
	}
	f.Add("IBAN: fr76 3000 6000 0112 3456 7890 189")
	f.Add("GP1420041010050500013M02606")
	f.Add("FR14 2004 1010 0505 00#1 3M02 606")
	f.Fuzz(func(t *testing.T, s string) {
		ip, err := Parse(s)
		_ = Mask(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason < ReasonLength || e.Reason > ReasonNationalKey {
				t.Fatalf("Parse(%q): error %v is not an *Error with a reason", s, err)
			}
			if e.Reason == ReasonFormat && (e.Pos < 1 || e.Pos > utf8.RuneCountInString(s)) {
				t.Fatalf("Parse(%q): position %d out of the input", s, e.Pos)
			}
			if !ip.IsZero() {
				t.Fatalf("Parse(%q) failed but returned %v", s, ip)
			}
			return
		}
		for _, form := range []string{ip.String(), ip.Print(), strings.ToLower(ip.Print())} {
			again, err := Parse(form)
			if err != nil || again != ip {
				t.Fatalf("Parse(%q) = %v, %v; want %v", form, again, err, ip)
			}
		}
		if len(ip.String()) != lookupCode(ip.Country()).length {
			t.Fatalf("Parse(%q) = %v: wrong length", s, ip)
		}
		if ip.BBAN() != ip.String()[4:] || ip.Country()+ip.CheckDigits()+ip.BBAN() != ip.String() {
			t.Fatalf("Parse(%q): parts do not add up", s)
		}
	})
}

// FuzzParseBIC: no panic; a parsed BIC parses back to itself.
func FuzzParseBIC(f *testing.F) {
	for _, s := range []string{"BNPAFRPP", "bnpa fr pp xxx", "DEUTDEFF500", "BNPAFRPO", "1234GPPP", "ÉÉÉÉFRPP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBIC(s)
		if err != nil {
			if !errors.Is(err, ErrBIC) || !b.IsZero() {
				t.Fatalf("ParseBIC(%q): %v", s, err)
			}
			return
		}
		again, err := ParseBIC(b.String())
		if err != nil || again != b {
			t.Fatalf("ParseBIC(%q) = %v, %v; want %v", b.String(), again, err, b)
		}
		if n := len(b.String()); n != 8 && n != 11 {
			t.Fatalf("ParseBIC(%q) = %q", s, b)
		}
	})
}
