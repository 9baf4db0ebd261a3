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
	for _, c := range embedded.specs {
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

// FuzzWithRegistry: a registry read at run time never panics the reader nor the
// checks; a registry it accepts validates its own examples, and an IBAN it accepts has
// that registry's length, its parts inside it, and parses back to itself.
func FuzzWithRegistry(f *testing.F) {
	f.Add("FR 27 5!n5!n11!c2!n 1-5 6-10 11-21 yes FR1420041010050500013M02606 France\n", "FR76 3000 6000 0112 3456 7890 189")
	f.Add("ZZ 18 4!a10!n 1-4 - 5-14 no ZZ78TRST0123456789 Zedland\n", "zz78trst0123456789")
	f.Add("FR 28 5!n5!n12!c2!n 1-5 6-10 11-22 yes FR27300060000112345678901899 France\n", "FR27300060000112345678901899")
	f.Add("ZZ 18 4!a10!n 1-4 - 5-14 no ZZ79TRST0123456789 Zedland\n", "ZZ79TRST0123456789")
	f.Fuzz(func(t *testing.T, text, s string) {
		reg, err := ReadRegistry(strings.NewReader(text))
		c := New(WithRegistry(strings.NewReader(text)))
		if err != nil {
			if !errors.Is(err, ErrRegistry) || reg != nil || !errors.Is(c.Err(), ErrRegistry) {
				t.Fatalf("ReadRegistry(%q): %v, checker %v", text, err, c.Err())
			}
			return
		}
		for _, code := range reg.Countries() {
			if err := reg.Validate(reg.lookup(code[0], code[1]).example); err != nil {
				t.Fatalf("%s example: %v", code, err)
			}
		}
		if _, err := c.Check(t.Context(), s); err != nil {
			t.Fatalf("Check(%q): %v", s, err)
		}
		ip, err := reg.Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !ip.IsZero() {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		spec := reg.lookup(ip.b[0], ip.b[1])
		if spec == nil || len(ip.String()) != spec.length {
			t.Fatalf("Parse(%q) = %v: not of the registry's length", s, ip)
		}
		if again, err := reg.Parse(ip.Print()); err != nil || again != ip {
			t.Fatalf("Parse(%q) = %v, %v; want %v", ip.Print(), again, err, ip)
		}
		for _, part := range []string{ip.BankCode(), ip.BranchCode(), ip.AccountNumber()} {
			if !strings.Contains(ip.BBAN(), part) {
				t.Fatalf("Parse(%q): part %q outside the BBAN", s, part)
			}
		}
	})
}
